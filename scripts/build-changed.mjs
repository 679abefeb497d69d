// `pnpm start`'s build step: builds only the packages whose dist/ is older than what it is built
// from, so starting an already built tree costs a few stat calls instead of six tsup runs (about
// 30 s on a two-core machine). A package is stale when any file of it (dist/ and node_modules/
// aside; tests too, which no build reads) or of a workspace package it depends on, or a root file
// every build reads, is newer than the oldest file its last build wrote. Stale packages are built
// in dependency order with their own `build` script, as `pnpm build` runs it.
//
//   node scripts/build-changed.mjs [--dry-run]   prints what it builds (or would)
import { execSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { delimiter, join } from 'node:path'

const root = join(import.meta.dirname, '..')
// Dependency order: each package after every package it builds from.
const PACKAGES = ['scenario', 'responders', 'server', 'stub', 'cli', 'mocktopus']
const ROOT_INPUTS = ['tsconfig.base.json', 'pnpm-lock.yaml']
const SKIP = new Set(['dist', 'node_modules', 'test', 'bench', '.turbo'])
const dryRun = process.argv.includes('--dry-run')

/** Newest (or oldest) modification time of the files under `dir`, in ms; undefined when none. */
function mtimes(dir, pick, skip = SKIP) {
  let found
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (skip.has(entry.name)) continue
    const path = join(dir, entry.name)
    let time
    if (entry.isDirectory()) time = mtimes(path, pick, skip)
    else if (!/\.test\.ts$/.test(entry.name)) time = statSync(path).mtimeMs
    if (time !== undefined) found = found === undefined ? time : pick(found, time)
  }
  return found
}

const manifest = (pkg) =>
  JSON.parse(readFileSync(join(root, 'packages', pkg, 'package.json'), 'utf8'))
const nameOf = new Map(PACKAGES.map((pkg) => [manifest(pkg).name, pkg]))

/** The workspace packages `pkg` depends on, directly or not. */
function upstream(pkg, seen = new Set()) {
  for (const dep of Object.keys(manifest(pkg).dependencies ?? {})) {
    const sibling = nameOf.get(dep)
    if (sibling && !seen.has(sibling)) {
      seen.add(sibling)
      upstream(sibling, seen)
    }
  }
  return seen
}

const rootNewest = Math.max(...ROOT_INPUTS.map((file) => statSync(join(root, file)).mtimeMs))
const newestInput = new Map(
  PACKAGES.map((pkg) => [pkg, mtimes(join(root, 'packages', pkg), Math.max) ?? 0]),
)

const rebuilt = new Set()
for (const pkg of PACKAGES) {
  const dir = join(root, 'packages', pkg)
  const dist = join(dir, 'dist')
  const built = existsSync(dist) ? mtimes(dist, Math.min, new Set()) : undefined
  const inputs = Math.max(
    rootNewest,
    newestInput.get(pkg) ?? 0,
    ...[...upstream(pkg)].map((dep) => newestInput.get(dep) ?? 0),
  )
  const dependsOnRebuilt = [...upstream(pkg)].some((dep) => rebuilt.has(dep))
  if (built !== undefined && built >= inputs && !dependsOnRebuilt) continue
  rebuilt.add(pkg)
  const script = manifest(pkg).scripts.build
  console.error(`[mocktopus] building ${manifest(pkg).name} (${script})`)
  if (dryRun) continue
  const bins = [join(dir, 'node_modules/.bin'), join(root, 'node_modules/.bin')]
  execSync(script, {
    cwd: dir,
    stdio: 'inherit',
    env: { ...process.env, PATH: [...bins, process.env.PATH].join(delimiter) },
  })
}
