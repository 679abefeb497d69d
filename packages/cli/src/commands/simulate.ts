import {
  CHAT_COMPLETIONS,
  type ChatCompletion,
  type ChatCompletionChunk,
  type ChatCompletionMessageToolCall,
  loadTokenizers,
} from '@mocktopus/responders'
import { EXIT_FAILURE, EXIT_OK } from '../errors.js'
import type { CLIContext } from '../io.js'
import { booleanOption, type RawOptions, stringOption } from '../options.js'
import { previewRequest } from '../preview.js'
import { previewOptionsFrom } from '../request-options.js'
import { scenarioFromOption } from '../scenario-file.js'

function toolCallLine(call: ChatCompletionMessageToolCall): string {
  return `-> ${call.function.name}(${call.function.arguments})  [${call.id}]`
}

function chunkLine(n: number, chunk: ChatCompletionChunk): string[] {
  const lines: string[] = []
  const label = `chunk ${String(n).padStart(2)}`
  if (chunk.choices.length === 0 && chunk.usage) {
    const { prompt_tokens, completion_tokens } = chunk.usage
    return [`${label}  usage: ${prompt_tokens} in, ${completion_tokens} out`]
  }
  for (const choice of chunk.choices) {
    const { delta } = choice
    const parts: string[] = []
    if (delta.role) parts.push(`role: ${delta.role}`)
    if (typeof delta.content === 'string' && delta.content !== '') {
      parts.push(JSON.stringify(delta.content))
    }
    for (const call of delta.tool_calls ?? []) {
      if (call.function.name)
        parts.push(`tool_calls[${call.index}] ${call.function.name} ${call.id}`)
      if (call.function.arguments)
        parts.push(`tool_calls[${call.index}] arguments += '${call.function.arguments}'`)
    }
    if (choice.finish_reason) parts.push(`finish_reason: ${choice.finish_reason}`)
    lines.push(`${label}  ${parts.join(', ')}`)
  }
  return lines
}

/**
 * `mocktopus simulate`: the answer's content (tool calls as readable lines, an error as its
 * status and message), or with `--stream` each chunk as it would stream. No match exits 1.
 */
export async function runSimulate(
  _args: readonly string[],
  options: RawOptions,
  context: CLIContext,
): Promise<number> {
  const stream = booleanOption(options, 'stream')
  const request = await previewOptionsFrom(options, context.cwd, { stream })
  const scenario = await scenarioFromOption(stringOption(options, 'scenario'), context.cwd)
  // The OpenAI rows answer once the encodings are loaded; the preview needs its answer at once.
  await loadTokenizers()
  const preview = previewRequest(scenario, { ...request, endpoint: CHAT_COMPLETIONS.path })
  const { colors } = context

  if (!preview.answer) {
    context.err(colors.red(preview.noMatch ?? 'no rule matched'))
    return EXIT_FAILURE
  }
  const { answer } = preview
  if (answer.kind === 'error') {
    const { error } = answer.body as {
      error: { message: string; code?: string | null; type?: string }
    }
    const code = error.code ?? error.type
    context.out(`${colors.red(String(answer.status))} ${code ? `${code}: ` : ''}${error.message}`)
    return EXIT_OK
  }
  if (answer.kind === 'stream') {
    let n = 0
    for await (const chunk of answer.chunks as AsyncIterable<ChatCompletionChunk>) {
      for (const line of chunkLine(++n, chunk)) context.out(line)
    }
    context.out(colors.dim('[DONE]'))
    return EXIT_OK
  }
  const message = (answer.body as ChatCompletion).choices[0]?.message
  if (message?.content) context.out(message.content)
  for (const call of message?.tool_calls ?? []) context.out(toolCallLine(call))
  if (!message?.content && !message?.tool_calls?.length) context.out(colors.dim('(empty content)'))
  return EXIT_OK
}
