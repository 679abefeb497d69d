/**
 * Writes dist/THIRD-PARTY-NOTICES.md: the name, version, license and license text of every
 * third-party package bundled into the bin, read from esbuild's metafile. The bin carries their
 * code, so the package must carry their notices (MIT and ISC ask for it).
 *
 * Usage: node scripts/third-party-notices.mjs dist/metafile-esm.json dist/THIRD-PARTY-NOTICES.md
 */
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

/**
 * The folder of the package a bundled file belongs to, or undefined for our own files.
 *
 * @param {string} file
 */
function packageRoot(file) {
  const at = file.lastIndexOf('node_modules/')
  if (at < 0) return undefined
  const rest = file.slice(at + 'node_modules/'.length).split('/')
  const depth = rest[0]?.startsWith('@') ? 2 : 1
  return file.slice(0, at) + ['node_modules', ...rest.slice(0, depth)].join('/')
}

/** @param {string} root */
function licenseText(root) {
  const file = readdirSync(root).find((name) => /^(licen[cs]e|copying)(\.|$)/i.test(name))
  return file ? readFileSync(join(root, file), 'utf8').trim() : undefined
}

/**
 * @param {string} metafilePath esbuild's metafile; run from the folder esbuild ran in
 * @param {string} outPath
 * @returns {string[]} the packages listed, as name@version
 */
export function writeNotices(metafilePath, outPath) {
  const meta = JSON.parse(readFileSync(metafilePath, 'utf8'))
  const roots = new Set()
  // The metafile's inputs are relative to the folder esbuild ran in: the package's.
  for (const input of Object.keys(meta.inputs)) {
    const root = packageRoot(input)
    if (root) roots.add(resolve(root))
  }
  const entries = []
  for (const root of roots) {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
    if (manifest.name.startsWith('@mocktopus/')) continue
    entries.push({ manifest, text: licenseText(root) })
  }
  entries.sort((a, b) => a.manifest.name.localeCompare(b.manifest.name))
  const sections = entries.map(({ manifest, text }) =>
    [
      `## ${manifest.name} ${manifest.version}`,
      '',
      `License: ${manifest.license ?? 'see the package'}`,
      ...(text ? ['', '```', text, '```'] : []),
    ].join('\n'),
  )
  writeFileSync(
    outPath,
    `# Third-party notices\n\nThe \`mocktopus\` command (\`dist/command.cjs\`) bundles the following packages.\n\n${sections.join('\n\n')}\n`,
  )
  return entries.map(({ manifest }) => `${manifest.name}@${manifest.version}`)
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [metafile, out] = process.argv.slice(2)
  if (!metafile || !out || !existsSync(metafile)) {
    console.error('usage: third-party-notices.mjs METAFILE OUT')
    process.exit(2)
  }
  writeNotices(metafile, out)
  rmSync(metafile)
}
