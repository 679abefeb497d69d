/** `POST /v1/completions` (legacy): the prompt matched as one user message. */
import {
  answerCompletion,
  COMPLETIONS_PATH,
  type CompletionParams,
  openaiError,
  parseCompletionRequest,
} from '@mocktopus/responders'
import type { Hono } from 'hono'
import type { MocktopusContext } from '../context.js'
import { addApiRoute } from '../pipeline.js'

export function registerOpenAICompletions(app: Hono, ctx: MocktopusContext): void {
  addApiRoute<CompletionParams>(app, ctx, {
    path: COMPLETIONS_PATH,
    errors: openaiError,
    parse: (body) => parseCompletionRequest(body),
    answer: (input) => answerCompletion(input),
  })
}
