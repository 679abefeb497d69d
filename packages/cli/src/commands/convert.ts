/**
 * `mocktopus convert --from aimock|python-cassette FILE... [--out FILE]`: scenario YAML from
 * another tool's files. What could not be carried over goes to standard error, one line each;
 * the YAML is checked against the scenario schema before it is written.
 */
import { readFile, writeFile } from 'node:fs/promises'
import { basename, resolve } from 'node:path'
import { parseScenario } from '@mocktopus/scenario'
import { layoutScenarioYAML } from '@mocktopus/server/record'
import { Document, type Node } from 'yaml'
import { type Conversion, type ConvertedRule, convertAimock } from '../convert/aimock.js'
import { convertPythonCassette } from '../convert/python-cassette.js'
import { CommandError, EXIT_OK, UsageError } from '../errors.js'
import type { CLIContext } from '../io.js'
import { choiceOption, type RawOptions, stringOption } from '../options.js'

export const CONVERT_FORMATS = ['aimock', 'python-cassette'] as const
export type ConvertFormat = (typeof CONVERT_FORMATS)[number]

async function convertFile(
  format: ConvertFormat,
  file: string,
  context: CLIContext,
): Promise<Conversion> {
  let text: string
  try {
    text = await readFile(resolve(context.cwd, file), 'utf8')
  } catch (error) {
    throw new CommandError(`cannot read ${file} (${(error as Error).message})`)
  }
  if (format === 'python-cassette') return convertPythonCassette(text, basename(file))
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    throw new CommandError(`${file} is not JSON (${(error as Error).message})`)
  }
  return convertAimock(json, basename(file))
}

/**
 * The scenario YAML of converted rules: vectors and usage on one line each, no line folded.
 *
 * @example scenarioYAML([{ type: 'llm', respond: { content: 'Hi' } }], ['greet.json'], 'aimock')
 */
export function scenarioYAML(
  rules: readonly ConvertedRule[],
  sources: readonly string[],
  format: ConvertFormat,
): string {
  const doc = new Document({ version: 1, rules })
  doc.commentBefore = ` Converted by mocktopus convert --from ${format} from ${sources.join(', ')}.`
  layoutScenarioYAML(doc.contents as Node)
  return doc.toString({ lineWidth: 0 })
}

export async function runConvert(
  args: readonly string[],
  options: RawOptions,
  context: CLIContext,
): Promise<number> {
  if (options.from === undefined) {
    throw new UsageError(`convert needs --from, one of ${CONVERT_FORMATS.join(', ')}`)
  }
  const format = choiceOption(options, 'from', CONVERT_FORMATS, 'aimock')
  if (args.length === 0) {
    throw new UsageError(
      'convert needs at least one file, e.g. mocktopus convert --from aimock fixtures.json',
    )
  }
  const out = stringOption(options, 'out')
  const rules: ConvertedRule[] = []
  for (const file of args) {
    const conversion = await convertFile(format, file, context)
    rules.push(...conversion.rules)
    for (const line of conversion.notes)
      context.err(`${context.colors.yellow('not carried over:')} ${line}`)
  }
  if (rules.length === 0) {
    throw new CommandError(`nothing in ${args.join(', ')} could be converted (see above)`)
  }
  const yaml = scenarioYAML(
    rules,
    args.map((file) => basename(file)),
    format,
  )
  // A converter bug must not hand the user a file that `serve` refuses.
  parseScenario(yaml, { source: out ?? 'the converted scenario' })
  if (out === undefined) context.out(yaml.replace(/\n$/, ''))
  else await writeFile(resolve(context.cwd, out), yaml)
  context.err(
    `converted ${rules.length} rule${rules.length === 1 ? '' : 's'} from ${args.length} file${args.length === 1 ? '' : 's'}${out === undefined ? '' : ` to ${out}`}`,
  )
  return EXIT_OK
}
