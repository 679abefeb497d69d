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
    answer: ({ params, match, clock, signal }) => answerChat({ params, match, clock, signal }),
  })
}
