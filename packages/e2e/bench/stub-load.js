/** In-process throughput of the stub client: no sockets, the same parse, match and answer. */
import { createStubClient } from '@mocktopus/stub'

/**
 * Chat calls per second over `seconds`, awaiting each call as a test would.
 *
 * @param {string} scenario YAML
 * @param {string} request a chat completions request body (JSON)
 * @param {number} seconds
 */
export async function stubCallsPerSecond(scenario, request, seconds) {
  const client = createStubClient(scenario)
  /** @type {import('@mocktopus/stub').ChatCompletionCreateParams & { stream?: false }} */
  const params = JSON.parse(request)
  const started = performance.now()
  const end = started + seconds * 1000
  let calls = 0
  let now = started
  while (now < end) {
    // Check the clock every 64 calls: reading it costs about as much as a call.
    for (let i = 0; i < 64; i++) {
      const completion = await client.chat.completions.create(params)
      if (completion.choices.length !== 1) throw new Error('the stub gave no choice')
    }
    calls += 64
    now = performance.now()
  }
  return calls / ((now - started) / 1000)
}
