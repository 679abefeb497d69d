import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { type ChatMessage, ENDPOINTS } from '@mocktopus/scenario'
import { CommandError, UsageError } from './errors.js'
import { type RawOptions, stringOption } from './options.js'
import type { PreviewOptions } from './preview.js'

async function readMessages(file: string, cwd: string): Promise<ChatMessage[]> {
  let text: string
  try {
    text = await readFile(resolve(cwd, file), 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') throw new CommandError(`messages file not found: ${file}`)
    throw error
  }
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    throw new CommandError(`${file} is not valid JSON: ${(error as Error).message}`)
  }
  // Accept a bare array or a whole request body with `messages`, as apps log either.
  const messages = Array.isArray(data) ? data : (data as { messages?: unknown } | null)?.messages
  if (!Array.isArray(messages)) {
    throw new CommandError(
      `${file} must hold a JSON array of messages, or an object with "messages"`,
    )
  }
  return messages as ChatMessage[]
}

/**
 * The request `explain` and `simulate` preview, from `--prompt`, `--messages`, `--model` and
 * `--endpoint`.
 */
export async function previewOptionsFrom(
  options: RawOptions,
  cwd: string,
  extra: { readonly stream?: boolean } = {},
): Promise<PreviewOptions> {
  const prompt = stringOption(options, 'prompt')
  const messagesFile = stringOption(options, 'messages')
  if (prompt === undefined && messagesFile === undefined) {
    throw new UsageError('--prompt is required: the user message to match, e.g. --prompt "hello"')
  }
  if (prompt !== undefined && messagesFile !== undefined) {
    throw new UsageError('give either --prompt or --messages, not both')
  }
  const model = stringOption(options, 'model')
  return {
    endpoint: stringOption(options, 'endpoint') ?? ENDPOINTS.chatCompletions,
    ...(model === undefined ? {} : { model }),
    ...(prompt === undefined ? {} : { prompt }),
    ...(messagesFile === undefined ? {} : { messages: await readMessages(messagesFile, cwd) }),
    ...(extra.stream ? { stream: true } : {}),
  }
}
