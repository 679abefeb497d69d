/**
 * The scenarios the CLI carries: the built-in default, the `init` templates and the examples.
 * Their text lives in YAML files (templates/, the repository's examples/) embedded at build
 * time, so the published CLI needs no files beside its bundle.
 */
import { DEFAULT_SCENARIO_YAML, EXAMPLE_FILES, TEMPLATE_FILES } from './scenarios.generated.js'

export { DEFAULT_SCENARIO_YAML }

/** The label the built-in scenario carries in messages instead of a file name. */
export const DEFAULT_SCENARIO_SOURCE = 'built-in default scenario'

export const TEMPLATE_NAMES: readonly TemplateName[] = [
  'basic',
  'rag',
  'agents',
  'multimodal',
  'enterprise',
]
export type TemplateName = 'basic' | 'rag' | 'agents' | 'multimodal' | 'enterprise'

export const EXAMPLE_TYPES: readonly ExampleType[] = [
  'basic',
  'streaming',
  'tools',
  'errors',
  'embeddings',
  'multi-model',
]
export type ExampleType = 'basic' | 'streaming' | 'tools' | 'errors' | 'embeddings' | 'multi-model'

/** Which examples/ file each `mocktopus example --type` prints. */
export const EXAMPLE_FILE_NAMES: Readonly<Record<ExampleType, string>> = {
  basic: 'chat-basics',
  streaming: 'streaming',
  tools: 'tool-calling',
  errors: 'errors',
  embeddings: 'embeddings',
  'multi-model': 'multi-model',
}

function required(files: Readonly<Record<string, string>>, name: string): string {
  const text = files[name]
  if (text === undefined) throw new Error(`${name}.yaml is missing from the CLI bundle`)
  return text
}

/**
 * The YAML of an `init` template.
 *
 * @example templateText('rag').startsWith('#') // true
 */
export function templateText(name: TemplateName): string {
  return required(TEMPLATE_FILES, name)
}

/**
 * The YAML of an example, as in the repository's examples/ folder.
 *
 * @example exampleText('tools') // the text of examples/tool-calling.yaml
 */
export function exampleText(type: ExampleType): string {
  return required(EXAMPLE_FILES, EXAMPLE_FILE_NAMES[type])
}
