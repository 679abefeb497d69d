/** `POST /v1/chat/completions`. */
import {
  answerChat,
  CHAT_COMPLETIONS_PATH,
  type ChatParams,
  openaiError,
  parseChatRequest,
} from '@mocktopus/responders'
import type { Hono } from 'hono'
import type { MocktopusContext } from '../context.js'
import { addApiRoute } from '../pipeline.js'

export function registerOpenAIChat(app: Hono, ctx: MocktopusContext): void {
  addApiRoute<ChatParams>(app, ctx, {
    path: CHAT_COMPLETIONS_PATH,
    errors: openaiError,
    parse: (body) => parseChatRequest(body),
    // The input as it is: its signal is a getter, read only by a stream.
    answer: (input) => answerChat(input),
  })
}
