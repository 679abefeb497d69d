/**
 * Azure OpenAI recorded and replayed with the openai SDK's `AzureOpenAI` client, over real HTTP:
 * the recorder sends `/openai/...` paths to the resource given as `azureUpstream` (a Mocktopus
 * answering as Azure does, content filter results and all) with the key it was given in
 * `api-key`, records each answer under the deployment route, and replay answers it offline.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createContext, runCLI } from '@mocktopus/cli'
import { parseScenario } from '@mocktopus/scenario'
import { createMocktopus, type Exchange } from '@mocktopus/server'
import { createRecorder, createReplayer, type RunningServer, serve } from '@mocktopus/server/node'
import { APIError, AzureOpenAI } from 'openai'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'

const AZURE = `
version: 1
rules:
  - type: llm.openai
    when: { model: gpt4o-prod }
    respond: { content: "Hello from the Azure resource", usage: { input_tokens: 9, output_tokens: 5 } }
  - type: embeddings
    when: { model: embed-prod }
    respond: { embeddings: [{ embedding: [0.5, 0.25] }] }
`

const UPSTREAM_KEY = 'azure-upstream-key-1234'

let dir: string
let upstream: RunningServer
let upstreamOpen = false
const seen: Exchange[] = []
const servers: RunningServer[] = []

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mocktopus-azure-record-'))
  // Guarded by the key the recorder is given: a request with the client's key is refused.
  const mock = await createMocktopus({ scenario: AZURE, authToken: UPSTREAM_KEY })
  mock.on('exchange', (exchange) => seen.push(exchange))
  upstream = await serve(mock, { port: 0 })
  upstreamOpen = true
})

async function closeUpstream(): Promise<void> {
  if (upstreamOpen) await upstream.close()
  upstreamOpen = false
}

afterEach(async () => {
  seen.length = 0
  for (const server of servers.splice(0)) await server.close()
  await closeUpstream()
  await rm(dir, { recursive: true, force: true })
})

function azure(url: string, deployment: string): AzureOpenAI {
  return new AzureOpenAI({
    apiKey: 'azure-client-key-0000',
    endpoint: url,
    apiVersion: '2024-10-21',
    deployment,
    maxRetries: 0,
  })
}

describe('recording Azure OpenAI', () => {
  it('records chat (JSON and streamed) and embeddings under the deployment routes, and replays them offline', async () => {
    const recorder = await createRecorder({
      recordingsDir: dir,
      azureUpstream: upstream.url,
      azureKey: UPSTREAM_KEY,
      onSkip: (info) => {
        throw new Error(`not recorded: ${info.reason}`)
      },
    })
    const server = await serve(recorder, { port: 0 })
    const messages = [{ role: 'user' as const, content: 'Say hello' }]
    const chat = azure(server.url, 'gpt4o-prod')
    const recorded = await chat.chat.completions.create({ model: 'gpt4o-prod', messages })
    expect(recorded.choices[0]?.message.content).toBe('Hello from the Azure resource')
    const streamedMessages = [{ role: 'user' as const, content: 'Say hello, slowly' }]
    let streamedText = ''
    const stream = await chat.chat.completions.create({
      model: 'gpt4o-prod',
      messages: streamedMessages,
      stream: true,
    })
    for await (const chunk of stream) streamedText += chunk.choices[0]?.delta.content ?? ''
    expect(streamedText).toBe('Hello from the Azure resource')
    const embed = azure(server.url, 'embed-prod')
    await embed.embeddings.create({ model: 'embed-prod', input: 'vector me' })
    await server.close()
    await recorder.flush()

    // The upstream got the configured key in `api-key`, on Azure's own paths.
    expect(seen.map((exchange) => exchange.path)).toEqual([
      '/openai/deployments/gpt4o-prod/chat/completions',
      '/openai/deployments/gpt4o-prod/chat/completions',
      '/openai/deployments/embed-prod/embeddings',
    ])
    const file = await readFile(join(dir, 'recordings.yaml'), 'utf8')
    expect(file).not.toContain('azure-client-key-0000')
    expect(file).not.toContain(UPSTREAM_KEY)
    const rules = parseScenario(file).rules
    expect(rules.map((rule) => [rule.type, rule.when.endpoint, rule.when.model])).toEqual([
      ['llm.openai', '/openai/deployments/:deployment/chat/completions', 'gpt4o-prod'],
      ['llm.openai', '/openai/deployments/:deployment/chat/completions', 'gpt4o-prod'],
      ['embeddings', '/openai/deployments/:deployment/embeddings', 'embed-prod'],
    ])

    // Offline: the upstream is gone, replay answers from the file.
    await closeUpstream()
    const replayer = await createReplayer({ recordingsDir: dir })
    const replay = await serve(replayer, { port: 0 })
    servers.push(replay)
    const replayed = await azure(replay.url, 'gpt4o-prod').chat.completions.create({
      model: 'gpt4o-prod',
      messages,
    })
    expect(replayed.choices[0]?.message.content).toBe('Hello from the Azure resource')
    expect(replayed.usage).toMatchObject({ prompt_tokens: 9, completion_tokens: 5 })
    // Azure's content filter results, as the real service sends them.
    expect(replayed.choices[0]).toHaveProperty('content_filter_results')
    let replayedText = ''
    const again = await azure(replay.url, 'gpt4o-prod').chat.completions.create({
      model: 'gpt4o-prod',
      messages: streamedMessages,
      stream: true,
    })
    for await (const chunk of again) replayedText += chunk.choices[0]?.delta.content ?? ''
    expect(replayedText).toBe('Hello from the Azure resource')
    const vectors = await azure(replay.url, 'embed-prod').embeddings.create({
      model: 'embed-prod',
      input: 'vector me',
      encoding_format: 'float',
    })
    expect(vectors.data[0]?.embedding).toEqual([0.5, 0.25])
  })

  it('checks Azure recordings for drift with mocktopus drift --azure-upstream', async () => {
    const recorder = await createRecorder({
      recordingsDir: dir,
      azureUpstream: upstream.url,
      azureKey: UPSTREAM_KEY,
    })
    const server = await serve(recorder, { port: 0 })
    await azure(server.url, 'gpt4o-prod').chat.completions.create({
      model: 'gpt4o-prod',
      messages: [{ role: 'user', content: 'Still the same?' }],
    })
    await server.close()
    await recorder.flush()

    const drift = async (args: string[]) => {
      const output: string[] = []
      const context = createContext({
        out: (line) => output.push(line),
        err: (line) => output.push(line),
        color: false,
        env: { AZURE_OPENAI_API_KEY: UPSTREAM_KEY },
        cwd: process.cwd(),
      })
      const code = await runCLI(['mocktopus', 'drift', '--recordings-dir', dir, ...args], context)
      return { code, output: output.join('\n') }
    }
    const same = await drift(['--azure-upstream', upstream.url, '--json'])
    expect(same.code, same.output).toBe(0)
    expect(JSON.parse(same.output)).toMatchObject({ counts: { same: 1, drift: 0, failed: 0 } })
    // The deployment route was sent again, with its api-version and the key.
    expect(seen.at(-1)?.path).toBe('/openai/deployments/gpt4o-prod/chat/completions')
    expect(seen).toHaveLength(2)
    expect(same.output).not.toContain(UPSTREAM_KEY)

    const nowhere = await drift([])
    expect(nowhere.code, nowhere.output).toBe(2)
    expect(nowhere.output).toContain('--azure-upstream')
  })

  it('answers 502 naming --azure-upstream when no resource was given', async () => {
    const skipped: string[] = []
    const recorder = await createRecorder({
      recordingsDir: dir,
      onSkip: (info) => skipped.push(info.reason),
    })
    const server = await serve(recorder, { port: 0 })
    servers.push(server)
    const error = await azure(server.url, 'gpt4o-prod')
      .chat.completions.create({ model: 'gpt4o-prod', messages: [{ role: 'user', content: 'Hi' }] })
      .catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(APIError)
    expect((error as APIError).status).toBe(502)
    expect((error as APIError).message).toContain('--azure-upstream')
    expect(skipped.join('\n')).toContain('--azure-upstream')
    expect(seen).toEqual([])
  })
})
