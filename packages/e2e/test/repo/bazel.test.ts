import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse, parseAllDocuments } from 'yaml'

// This machine cannot run a modern Bazel, so these tests check what can be checked without
// one: that every workspace project has its targets, that the labels the BUILD files name
// exist, that MODULE.bazel points at a lockfile rules_js can read, and that the Starlark is
// formatted and lint-clean (buildifier). docs/bazel.md says what is verified where.

const root = join(import.meta.dirname, '../../../..')
const read = (path: string): string => readFileSync(join(root, path), 'utf8')

interface PackageJson {
  name: string
  private?: boolean
  engines?: { node?: string }
  scripts?: Record<string, string>
  dependencies?: Record<string, string>
  devDependencies?: Record<string, string>
}
const manifest = (dir: string): PackageJson =>
  JSON.parse(read(join(dir, 'package.json'))) as PackageJson

// rules_js 3.4.1 accepts lockfileVersion 9.0 only; from 3.1.0 on it reads the two-document
// lockfile of pnpm 11+ by keeping the last document.
const RULES_JS_LOCKFILE_VERSION = '9.0'
const RULES_JS_MIN_FOR_MULTI_DOCUMENT = [3, 1, 0]

function lockfileDocuments(): Record<string, unknown>[] {
  return parseAllDocuments(read('pnpm-lock.yaml')).map(
    (doc) => doc.toJS() as Record<string, unknown>,
  )
}

// Workspace projects exactly as rules_js sees them: the importers of the lockfile.
function workspaceProjects(): string[] {
  const last = lockfileDocuments().at(-1) as { importers: Record<string, unknown> }
  return Object.keys(last.importers)
    .filter((dir) => dir !== '.')
    .sort()
}

const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', 'coverage'])

function bazelFiles(dir = root): string[] {
  const found: string[] = []
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIP_DIRS.has(entry.name) || entry.name.startsWith('bazel-')) continue
    const path = join(dir, entry.name)
    if (entry.isDirectory()) found.push(...bazelFiles(path))
    else if (/^(BUILD\.bazel|MODULE\.bazel|REPO\.bazel|.*\.bzl)$/.test(entry.name)) {
      found.push(relative(root, path))
    }
  }
  return found.sort()
}

function versionTuple(version: string): number[] {
  return version.split('.').map((part) => Number.parseInt(part, 10))
}

function atLeast(version: number[], minimum: number[]): boolean {
  for (let i = 0; i < minimum.length; i++) {
    const a = version[i] ?? 0
    const b = minimum[i] ?? 0
    if (a !== b) return a > b
  }
  return true
}

function bazelDep(module: string, name: string): string | undefined {
  const m = module.match(new RegExp(`bazel_dep\\(name = "${name}", version = "([^"]+)"`))
  return m?.[1]
}

// The names a BUILD file defines: `name = "x"` in rule calls, plus the fixed targets the
// Mocktopus macros create.
function targetsOf(buildFile: string): Set<string> {
  const text = read(buildFile)
  const names = new Set([...text.matchAll(/\bname = "([^"]+)"/g)].map((m) => m[1] as string))
  if (/\bmocktopus_package\(/.test(text)) {
    for (const name of ['node_modules', 'pkg', 'test', 'test_files', 'typecheck']) names.add(name)
    if (!/\bbuild = False\b/.test(text)) names.add('dist')
  }
  if (/\bnpm_link_all_packages\(/.test(text)) names.add('node_modules')
  return names
}

describe('Bazel workspace', () => {
  const projects = workspaceProjects()

  it('finds the workspace projects in the lockfile', () => {
    expect(projects).toContain('packages/scenario')
    expect(projects).toContain('packages/e2e')
  })

  for (const dir of projects) {
    describe(dir, () => {
      const buildFile = join(dir, 'BUILD.bazel')
      const pkg = manifest(dir)

      it('has a BUILD.bazel that links its npm dependencies', () => {
        expect(existsSync(join(root, buildFile)), `${buildFile} is missing`).toBe(true)
        expect(targetsOf(buildFile)).toContain('node_modules')
      })

      it('has a Vitest target and the files that target reads', () => {
        const targets = targetsOf(buildFile)
        const testTargets = [...targets].filter((t) => t === 'test' || t === 'integration')
        expect(testTargets.length, `${buildFile} defines no test target`).toBeGreaterThan(0)
        for (const file of ['package.json', 'tsconfig.json', 'vitest.config.ts']) {
          expect(existsSync(join(root, dir, file)), `${dir}/${file} is missing`).toBe(true)
        }
      })

      if (!pkg.private) {
        it('exposes its sources as :pkg, its tsup build as :dist, and type-checks', () => {
          const targets = targetsOf(buildFile)
          expect(targets).toContain('typecheck')
          // rules_js links a workspace dependency to the `pkg` target of its directory.
          expect(targets).toContain('pkg')
          expect(targets).toContain('dist')
          expect(existsSync(join(root, dir, 'tsup.config.ts'))).toBe(true)
        })
      }
    })
  }

  it('gives the e2e package an integration target that leaves out the repository tests', () => {
    const build = read('packages/e2e/BUILD.bazel')
    expect(targetsOf('packages/e2e/BUILD.bazel')).toContain('integration')
    expect(build).toContain('"--exclude=test/repo/**"')
    expect(build).toContain('"//examples:scenarios"')
  })

  it('loads npm bins only from packages the root package.json declares', () => {
    const rootPkg = manifest('.')
    const declared = { ...rootPkg.dependencies, ...rootPkg.devDependencies }
    const loads = bazelFiles().flatMap((file) =>
      [...read(file).matchAll(/load\("@npm\/\/:([^"]+)\/package_json\.bzl"/g)].map(
        (m) => m[1] as string,
      ),
    )
    expect(loads).toContain('vitest')
    expect(loads.filter((name) => !(name in declared))).toEqual([])
  })

  it('resolves every //label the Bazel files name', () => {
    const missing: string[] = []
    for (const file of bazelFiles()) {
      for (const m of read(file).matchAll(/"\/\/([^:"]*):([^"]+)"/g)) {
        const [label, pkgPath, name] = m as unknown as [string, string, string]
        if (pkgPath === 'visibility') continue
        const build = join(pkgPath, 'BUILD.bazel')
        if (!existsSync(join(root, build))) {
          missing.push(`${file}: ${label} (no ${build})`)
          continue
        }
        if (name.startsWith('node_modules/')) {
          const dep = name.slice('node_modules/'.length)
          const owner = manifest(pkgPath || '.')
          const declared = { ...owner.dependencies, ...owner.devDependencies }
          if (!(dep in declared)) missing.push(`${file}: ${label} (${dep} is not a dependency)`)
          continue
        }
        const isFile = existsSync(join(root, pkgPath, name))
        if (!isFile && !targetsOf(build).has(name)) missing.push(`${file}: ${label}`)
      }
    }
    expect(missing).toEqual([])
  })
})

describe('MODULE.bazel', () => {
  const module = read('MODULE.bazel')

  it('translates the root pnpm-lock.yaml', () => {
    expect(module).toMatch(/npm\.npm_translate_lock\(\s*name = "npm",/)
    expect(module).toContain('pnpm_lock = "//:pnpm-lock.yaml"')
    expect(existsSync(join(root, 'pnpm-lock.yaml'))).toBe(true)
    expect(module).toContain('use_repo(npm, "npm")')
  })

  it('uses a rules_js that reads the lockfile pnpm writes', () => {
    const docs = lockfileDocuments()
    const main = docs.at(-1) as { lockfileVersion: unknown }
    expect(String(main.lockfileVersion)).toBe(RULES_JS_LOCKFILE_VERSION)
    const rulesJs = bazelDep(module, 'aspect_rules_js')
    expect(rulesJs).toBeDefined()
    if (docs.length > 1) {
      expect(atLeast(versionTuple(rulesJs as string), RULES_JS_MIN_FOR_MULTI_DOCUMENT)).toBe(true)
    }
  })

  it('registers Node 20 as the default toolchain and Node 22 beside it', () => {
    const versions = [...module.matchAll(/node_version = "(\d+)\.\d+\.\d+"/g)].map((m) => m[1])
    expect(versions).toEqual(['20', '22'])
    const lowestEngine = manifest('.').engines?.node?.match(/>=\s*(\d+)/)?.[1]
    expect(versions[0]).toBe(lowestEngine)
    expect(module).toContain('name = "node22"')
    expect(module).toContain('use_repo(node, "node22_toolchains")')
    expect(read('.bazelrc')).toContain('common:node22 --extra_toolchains=@node22_toolchains//:all')
  })

  it('pins a Bazel that honours REPO.bazel and fits rules_js', () => {
    const version = read('.bazelversion').trim()
    expect(version).toMatch(/^\d+\.\d+\.\d+$/)
    // ignore_directories() in REPO.bazel needs Bazel 8; rules_js 3.x needs 7.6 or later.
    expect(atLeast(versionTuple(version), [8, 0, 0])).toBe(true)
    expect(read('REPO.bazel')).toContain('ignore_directories(["**/node_modules"])')
  })
})

describe('.bazelignore and .gitignore', () => {
  it('list every node_modules folder pnpm creates', () => {
    const ignored = read('.bazelignore')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith('#'))
    const expected = ['node_modules', ...workspaceProjects().map((d) => `${d}/node_modules`)]
    expect(expected.filter((dir) => !ignored.includes(dir))).toEqual([])
  })

  it('keep personal settings and Bazel output out of git', () => {
    const gitignore = read('.gitignore').split('\n')
    expect(gitignore).toContain('.bazelrc.user')
    expect(gitignore).toContain('/bazel-*')
  })
})

describe('.bazelrc', () => {
  const rc = read('.bazelrc')
  const remote = rc.split('\n').filter((line) => /^(common|build|test):remote /.test(line))
  const flag = (name: string) => remote.find((line) => line.includes(`--${name}=`))

  it('imports personal settings last', () => {
    const lines = rc.trim().split('\n')
    expect(lines.at(-1)).toBe('try-import %workspace%/.bazelrc.user')
  })

  it('has a remote config with executor, timeouts, jobs, strategies and platforms', () => {
    for (const name of [
      'remote_executor',
      'remote_timeout',
      'jobs',
      'spawn_strategy',
      'platforms',
      'host_platform',
      'extra_execution_platforms',
    ]) {
      expect(flag(name), `--${name} in the remote config`).toBeDefined()
    }
    expect(flag('test_timeout')).toBeDefined()
  })

  it('points the remote platforms at a platform with a digest-pinned executor image', () => {
    const platforms = read('bazel/platforms/BUILD.bazel')
    for (const line of remote.filter((l) => /platform/.test(l))) {
      const label = line.split('=')[1] as string
      expect(label).toBe('//bazel/platforms:rbe_linux_x86_64')
    }
    expect(targetsOf('bazel/platforms/BUILD.bazel')).toContain('rbe_linux_x86_64')
    expect(platforms).toMatch(/"docker:\/\/[^"@]+@sha256:[0-9a-f]{64}"/)
  })
})

describe('buildifier', () => {
  const script = manifest('.').scripts?.['lint:bazel'] ?? ''

  it('runs in `pnpm test` through `pnpm lint`', () => {
    const scripts = manifest('.').scripts ?? {}
    expect(script).toMatch(/^buildifier --mode=check --lint=warn /)
    expect(scripts.lint).toContain('pnpm lint:bazel')
    expect(scripts.test).toContain('pnpm lint')
  })

  it('covers every Bazel file in the repository', () => {
    const args = script.split(/\s+/).slice(1)
    const paths = args.filter((a) => !a.startsWith('-'))
    const uncovered = bazelFiles().filter(
      (file) => !paths.some((p) => file === p || file.startsWith(`${p}/`)),
    )
    expect(uncovered).toEqual([])
  })

  it('finds every Bazel file formatted and free of lint warnings', () => {
    const bin = join(root, 'node_modules/.bin/buildifier')
    expect(statSync(bin).isFile()).toBe(true)
    const files = bazelFiles()
    const run = () =>
      execFileSync(bin, ['--mode=check', '--lint=warn', ...files], {
        cwd: root,
        encoding: 'utf8',
        stdio: 'pipe',
      })
    expect(run).not.toThrow()
  })
})

describe('pnpm-workspace.yaml and the lockfile', () => {
  it('describe the same workspace projects', () => {
    const workspace = parse(read('pnpm-workspace.yaml')) as { packages: string[] }
    const expanded = workspace.packages.flatMap((pattern) => {
      if (!pattern.endsWith('/*')) return [pattern]
      const parent = pattern.slice(0, -2)
      return readdirSync(join(root, parent), { withFileTypes: true })
        .filter((e) => e.isDirectory() && existsSync(join(root, parent, e.name, 'package.json')))
        .map((e) => `${parent}/${e.name}`)
    })
    expect(expanded.sort()).toEqual(workspaceProjects())
  })
})
