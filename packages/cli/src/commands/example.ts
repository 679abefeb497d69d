import type { CLIContext } from '../io.js'
import { choiceOption, type RawOptions } from '../options.js'
import { EXAMPLE_TYPES, exampleText } from '../scenarios.js'

/** `mocktopus example`: prints an example scenario, byte for byte as in examples/. */
export async function runExample(
  _args: readonly string[],
  options: RawOptions,
  context: CLIContext,
): Promise<number> {
  const type = choiceOption(options, 'type', EXAMPLE_TYPES, 'basic')
  // `out` adds the final newline back, so `mocktopus example > file.yaml` copies the file.
  context.out(exampleText(type).replace(/\n$/, ''))
  return 0
}
