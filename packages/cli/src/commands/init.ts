import { writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { CommandError } from '../errors.js'
import type { CLIContext } from '../io.js'
import { booleanOption, choiceOption, type RawOptions, stringOption } from '../options.js'
import { TEMPLATE_NAMES, templateText } from '../scenarios.js'
import { withInstalledSchema } from '../schema-link.js'

/** `mocktopus init`: writes a template, refusing to overwrite a file without `--force`. */
export async function runInit(
  _args: readonly string[],
  options: RawOptions,
  context: CLIContext,
): Promise<number> {
  const template = choiceOption(options, 'template', TEMPLATE_NAMES, 'basic')
  const output = stringOption(options, 'output') ?? 'mocktopus.yaml'
  const force = booleanOption(options, 'force')
  const path = resolve(context.cwd, output)
  try {
    // 'wx' fails when the file exists, with no window between a check and the write.
    await writeFile(path, withInstalledSchema(templateText(template), path), {
      flag: force ? 'w' : 'wx',
    })
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EEXIST') {
      throw new CommandError(
        `${output} already exists; pass --force to overwrite it, or -o to write another file`,
      )
    }
    if (code === 'ENOENT')
      throw new CommandError(`cannot write ${output}: its folder does not exist`)
    if (code === 'EISDIR') throw new CommandError(`cannot write ${output}: it is a folder`)
    throw error
  }
  const { colors } = context
  context.out(`${colors.green('✓')} wrote ${output} from the ${template} template`)
  context.out('')
  context.out('Next:')
  context.out(`  mocktopus validate ${output}`)
  context.out(`  mocktopus simulate -s ${output} --prompt "hello"`)
  context.out(`  mocktopus serve -s ${output} --watch`)
  return 0
}
