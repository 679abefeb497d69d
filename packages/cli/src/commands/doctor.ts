import { createServer } from 'node:net'
import { parseScenario } from '@mocktopus/scenario'
import { EXIT_FAILURE, EXIT_OK } from '../errors.js'
import type { CLIContext } from '../io.js'
import { integerOption, type RawOptions, stringOption } from '../options.js'
import { readScenarioFile } from '../scenario-file.js'
import {
  DEFAULT_SCENARIO_SOURCE,
  DEFAULT_SCENARIO_YAML,
  EXAMPLE_FILE_NAMES,
  EXAMPLE_TYPES,
  exampleText,
  TEMPLATE_NAMES,
  templateText,
} from '../scenarios.js'

const MIN_NODE_MAJOR = 20

export interface Check {
  readonly name: string
  readonly ok: boolean
  readonly detail: string
  /** What to do about a failed check. */
  readonly hint?: string
}

/** Whether `port` can be bound on `host` right now (listens, then closes at once). */
export function isPortFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer()
    server.once('error', () => resolve(false))
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)))
  })
}

function checkNode(version: string): Check {
  const major = Number(version.replace(/^v/, '').split('.')[0])
  const ok = major >= MIN_NODE_MAJOR
  return {
    name: 'Node.js',
    ok,
    detail: `${version} (needs ${MIN_NODE_MAJOR} or later)`,
    ...(ok ? {} : { hint: `install Node.js ${MIN_NODE_MAJOR} or later` }),
  }
}

async function checkScenario(file: string | undefined, cwd: string): Promise<Check> {
  try {
    const scenario =
      file === undefined
        ? parseScenario(DEFAULT_SCENARIO_YAML, { source: DEFAULT_SCENARIO_SOURCE })
        : await readScenarioFile(file, cwd)
    return {
      name: 'Scenario',
      ok: true,
      detail: `${file ?? DEFAULT_SCENARIO_SOURCE}: ${scenario.rules.length} rules, valid`,
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    return {
      name: 'Scenario',
      ok: false,
      detail: message.split('\n')[0] ?? message,
      hint: `run mocktopus validate ${file} for every problem`,
    }
  }
}

async function checkPort(port: number): Promise<Check> {
  const free = await isPortFree(port)
  return {
    name: 'Port',
    ok: free,
    detail: free ? `${port} on 127.0.0.1 is free` : `${port} on 127.0.0.1 is in use`,
    ...(free
      ? {}
      : { hint: `stop what uses it, or serve with --port <other> (--port 0 picks a free one)` }),
  }
}

function checkBundled(): Check {
  const broken: string[] = []
  const texts: [string, string][] = [
    ...TEMPLATE_NAMES.map((name): [string, string] => [`template ${name}`, templateText(name)]),
    ...EXAMPLE_TYPES.map((type): [string, string] => [
      `example ${EXAMPLE_FILE_NAMES[type]}`,
      exampleText(type),
    ]),
  ]
  for (const [label, text] of texts) {
    try {
      parseScenario(text, { source: label })
    } catch {
      broken.push(label)
    }
  }
  return {
    name: 'Examples',
    ok: broken.length === 0,
    detail:
      broken.length === 0
        ? `${texts.length} templates and examples parse`
        : `invalid: ${broken.join(', ')}`,
    ...(broken.length === 0 ? {} : { hint: 'reinstall @mocktopus/cli; this is a packaging bug' }),
  }
}

/**
 * `mocktopus doctor`: offline checks of Node, a scenario, the port and the bundled examples,
 * then a verdict. Makes no outbound network call: the port check only binds on loopback.
 */
export async function runDoctor(
  _args: readonly string[],
  options: RawOptions,
  context: CLIContext,
): Promise<number> {
  const port = integerOption(options, 'port', { min: 0, max: 65535, fallback: 8080 }) as number
  const checks = [
    checkNode(process.version),
    await checkScenario(stringOption(options, 'scenario'), context.cwd),
    await checkPort(port),
    checkBundled(),
  ]
  const { colors } = context
  const width = Math.max(...checks.map((c) => c.name.length))
  for (const check of checks) {
    const mark = check.ok ? colors.green('✓') : colors.red('✗')
    context.out(`${mark} ${check.name.padEnd(width)}  ${check.detail}`)
    if (check.hint) context.out(`  ${' '.repeat(width)}  ${colors.dim(`-> ${check.hint}`)}`)
  }
  const failed = checks.filter((c) => !c.ok).length
  context.out('')
  if (failed === 0) {
    context.out(colors.green('All checks passed: ready to run mocktopus serve.'))
    return EXIT_OK
  }
  context.out(colors.red(`${failed} of ${checks.length} checks failed.`))
  return EXIT_FAILURE
}
