/**
 * Stub/server parity over the five Python-era example scenarios (read from ../shared, hence a
 * contract test): the stub and the server answer them identically.
 */
import { parseScenario } from '@mocktopus/scenario'
import { describe, it } from 'vitest'
import { readCompatExample } from '../../src/contracts.js'
import { expectParity } from '../stub/parity.js'

const EXAMPLES = [
  'chat-basic.yaml',
  'errors.yaml',
  'eval-deterministic.yaml',
  'haiku.yaml',
  'tool-calling.yaml',
]

describe('stub/server parity on the Python-era examples', () => {
  for (const name of EXAMPLES) {
    it(`gives equal answers for ${name}`, async () => {
      await expectParity(parseScenario(readCompatExample(name), { source: name }), name)
    })
  }
})
