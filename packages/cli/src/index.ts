/** @module @mocktopus/cli */
export {
  type CommandName,
  createCLI,
  formatHelp,
  type ParsedCLI,
  parseCLI,
  reportError,
  runCLI,
} from './cli.js'
export { type Colors, createColors, shouldUseColor } from './colors.js'
export { CommandError, EXIT_FAILURE, EXIT_OK, EXIT_USAGE, UsageError } from './errors.js'
export { type CLIContext, type CreateContextOptions, createContext } from './io.js'
export {
  DEFAULT_SCENARIO_SOURCE,
  DEFAULT_SCENARIO_YAML,
  EXAMPLE_TYPES,
  type ExampleType,
  exampleText,
  TEMPLATE_NAMES,
  type TemplateName,
  templateText,
} from './scenarios.js'
export { VERSION } from './version.js'
