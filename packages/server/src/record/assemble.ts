/**
 * Rebuilds the JSON body an upstream would have sent for a request made without `stream`,
 * from the events of the stream it did send. Each provider knows its own streams (its
 * `record.assemble` trait, in the responders' `<provider>/record-stream.ts` or `record.ts`);
 * the recorder turns that body into a rule exactly as it does a non-streamed answer.
 */
import { RULE_ENDPOINTS, type StreamAssembler } from '@mocktopus/responders'

export type { AssembledStream, StreamAssembler } from '@mocktopus/responders'

/**
 * The assembler for an endpoint's stream, or `undefined` for an endpoint that does not stream.
 *
 * @example
 * const assembler = createStreamAssembler(CHAT_COMPLETIONS.path)
 * for (const event of parser.push(text)) assembler?.add(event)
 * assembler?.result() // { ok: true, body: { object: 'chat.completion', choices: [...] } }
 */
export function createStreamAssembler(endpoint: string): StreamAssembler | undefined {
  const row = RULE_ENDPOINTS.find((candidate) => candidate.path === endpoint)
  const assemble = row?.provider.record?.assemble
  return assemble?.kind === 'events' ? assemble.create(endpoint) : undefined
}
