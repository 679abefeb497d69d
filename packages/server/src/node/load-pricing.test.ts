import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PricingError } from '../cost/parse-pricing.js'
import { loadPricingFile } from './load-pricing.js'

let dir: string

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mocktopus-pricing-'))
})

afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('loadPricingFile', () => {
  it('reads a JSON or YAML file', async () => {
    const file = join(dir, 'prices.json')
    await writeFile(file, '{ "my-model": { "input": 1, "output": 2 } }')
    expect(await loadPricingFile(file)).toEqual({ 'my-model': { input: 1, output: 2 } })
  })

  it('names the file in its errors', async () => {
    const missing = join(dir, 'missing.yaml')
    await expect(loadPricingFile(missing)).rejects.toThrow(PricingError)
    await expect(loadPricingFile(missing)).rejects.toThrow(
      `pricing file not readable: ${missing} (ENOENT); check the path given to --pricing`,
    )
    const bad = join(dir, 'bad.yaml')
    await writeFile(bad, 'my-model: { input: free }\n')
    await expect(loadPricingFile(bad)).rejects.toThrow(`${bad} my-model.input: expected a number`)
  })
})
