/**
 * Builds the `mocktopus` command for tests that run it as a child process: the real
 * `src/bin.ts` and `src/command.ts` through tsup, as `pnpm build` does, but bundled with the
 * sibling packages' source into a private folder. Running `dist/bin.cjs` instead would race
 * with anything else rebuilding `dist/` (tsup cleans it first) and would test stale siblings.
 * Used by this package's global setup and by the e2e record-mode fault tests.
 */
import { join } from 'node:path'
import { build } from 'tsup'

const root = join(import.meta.dirname, '..')

/**
 * Builds `bin.cjs` and `command.cjs` (and any `extra` entries, relative to the CLI package)
 * into `outDir`; resolves with the path of `bin.cjs`.
 *
 * @example const bin = await buildCLI(await mkdtemp(join(tmpdir(), 'cli-')))
 */
export async function buildCLI(
  outDir: string,
  extra: Readonly<Record<string, string>> = {},
): Promise<string> {
  const entry: Record<string, string> = {
    bin: join(root, 'src/bin.ts'),
    command: join(root, 'src/command.ts'),
  }
  for (const [name, file] of Object.entries(extra)) entry[name] = join(root, file)
  await build({
    config: false,
    entry,
    outDir,
    format: ['cjs'],
    outExtension: () => ({ js: '.cjs' }),
    platform: 'node',
    target: 'node20',
    dts: false,
    sourcemap: false,
    silent: true,
    noExternal: [/.*/],
    esbuildOptions(options) {
      options.conditions = ['@mocktopus/source']
      options.supported = { ...options.supported, 'dynamic-import': false }
    },
  })
  return join(outDir, 'bin.cjs')
}
