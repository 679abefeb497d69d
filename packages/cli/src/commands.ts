import type { CLIContext } from './io.js'
import type { RawOptions } from './options.js'

export type CommandName =
  | 'serve'
  | 'validate'
  | 'explain'
  | 'simulate'
  | 'init'
  | 'example'
  | 'doctor'
  | 'drift'
  | 'convert'

/** A command's body: positional arguments, parsed options, context in; exit status out. */
export type CommandRunner = (
  args: readonly string[],
  options: RawOptions,
  context: CLIContext,
) => Promise<number>

// One dynamic import per command keeps start-up to the parser alone: `serve` is the only
// command that loads the server, and `init` never loads YAML.
const LOADERS: Record<CommandName, () => Promise<CommandRunner>> = {
  serve: async () => (await import('./commands/serve.js')).runServe,
  validate: async () => (await import('./commands/validate.js')).runValidate,
  explain: async () => (await import('./commands/explain.js')).runExplain,
  simulate: async () => (await import('./commands/simulate.js')).runSimulate,
  init: async () => (await import('./commands/init.js')).runInit,
  example: async () => (await import('./commands/example.js')).runExample,
  doctor: async () => (await import('./commands/doctor.js')).runDoctor,
  drift: async () => (await import('./commands/drift.js')).runDrift,
  convert: async () => (await import('./commands/convert.js')).runConvert,
}

/** The runner of `name`, imported on demand. */
export function loadCommand(name: CommandName): Promise<CommandRunner> {
  return LOADERS[name]()
}
