/** `POST /v1/embeddings`. */
import {
  answerEmbeddings,
  EMBEDDINGS_PATH,
  type EmbeddingsParams,
  openaiError,
  parseEmbeddingsRequest,
} from '@mocktopus/responders'
import type { Hono } from 'hono'
import type { MocktopusContext } from '../context.js'
import { addApiRoute } from '../pipeline.js'

export function registerOpenAIEmbeddings(app: Hono, ctx: MocktopusContext): void {
  addApiRoute<EmbeddingsParams>(app, ctx, {
    path: EMBEDDINGS_PATH,
    errors: openaiError,
    parse: (body) => parseEmbeddingsRequest(body),
    answer: ({ params, match }) => answerEmbeddings({ params, match }),
  })
}
