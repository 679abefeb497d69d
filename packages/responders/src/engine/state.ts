/**
 * What one Mocktopus instance (a server, a stub client) remembers between requests, besides the
 * rules' use counts: answered responses for `previous_response_id`, and the place of each
 * answer that needed a numbered request id. `reset()` forgets both.
 */
import {
  createResponseStore,
  type ResponseStore,
  type ResponseStoreOptions,
} from '../openai/responses/store.js'
import { ChaosControl, type ChaosOptions } from './chaos.js'

export interface EngineState {
  readonly responses: ResponseStore
  /** Seeded faults, stream timing and rate limits (docs/chaos.md); `reset()` restores the seed. */
  readonly chaos: ChaosControl
  /** The next number for an answer whose request id is numbered (see `Provider`). */
  nextSequence(): number
  reset(): void
}

export interface EngineStateOptions {
  readonly responses?: ResponseStoreOptions
  /** Server-wide chaos, timing and rate limits, and the seed. */
  readonly chaos?: ChaosOptions
}

/**
 * Fresh per-instance state.
 *
 * @example const state = createEngineState({ responses: { limit: 1000 } })
 */
export function createEngineState(options: EngineStateOptions = {}): EngineState {
  const responses = createResponseStore(options.responses)
  const chaos = new ChaosControl(options.chaos)
  let sequence = 0
  return {
    responses,
    chaos,
    nextSequence: () => ++sequence,
    reset() {
      responses.clear()
      chaos.reset()
      sequence = 0
    },
  }
}
