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

// A whole request body, as an app logs it or a test builds it.
async function readBody(file: string, cwd: string): Promise<Record<string, unknown>> {
  let text: string
  try {
    text = await readFile(resolve(cwd, file), 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') throw new CommandError(`request body file not found: ${file}`)
    throw error
  }
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    throw new CommandError(`${file} is not valid JSON: ${(error as Error).message}`)
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new CommandError(`${file} must hold a JSON object: the request body as sent`)
  }
  return data as Record<string, unknown>
}

/**
 * The request `explain` and `simulate` preview, from `--prompt`, `--messages` or `--body`,
 * `--model` and `--endpoint`.
 */
export async function previewOptionsFrom(
  options: RawOptions,
  cwd: string,
  extra: { readonly stream?: boolean } = {},
): Promise<PreviewOptions> {
  const prompt = stringOption(options, 'prompt')
  const messagesFile = stringOption(options, 'messages')
  const bodyFile = stringOption(options, 'body')
  const sources = { prompt, messages: messagesFile, body: bodyFile }
  const given = Object.entries(sources)
    .filter(([, value]) => value !== undefined)
    .map(([name]) => `--${name}`)
  if (given.length === 0) {
    throw new UsageError('--prompt is required: the user message to match, e.g. --prompt "hello"')
  }
  if (given.length === 2) throw new UsageError(`give either ${given.join(' or ')}, not both`)
  if (given.length > 2) throw new UsageError('give one of --prompt, --messages or --body')
  const model = stringOption(options, 'model')
  return {
    endpoint: stringOption(options, 'endpoint') ?? ENDPOINTS.chatCompletions,
    ...(model === undefined ? {} : { model }),
    ...(prompt === undefined ? {} : { prompt }),
    ...(messagesFile === undefined ? {} : { messages: await readMessages(messagesFile, cwd) }),
    ...(bodyFile === undefined ? {} : { body: await readBody(bodyFile, cwd) }),
    ...(extra.stream ? { stream: true } : {}),
  }
}
