/**
 * `node record-upstream.js`: a stand-in for api.openai.com's chat completions on 127.0.0.1, in
 * its own process so the bench measures the upstream as a separate server, as the real one is.
 * Answers every `POST /v1/chat/completions` with a chat completion naming the last message;
 * prints `listening on http://127.0.0.1:PORT` once it listens.
 */
import { createServer } from 'node:http'

/** @param {unknown} body */
function lastText(body) {
  const messages = /** @type {{ messages?: { content?: unknown }[] }} */ (body).messages ?? []
  const content = messages.at(-1)?.content
  return typeof content === 'string' ? content : ''
}

const server = createServer((req, res) => {
  const chunks = /** @type {Buffer[]} */ ([])
  req.on('data', (chunk) => chunks.push(chunk))
  req.on('end', () => {
    if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
      res.writeHead(404, { 'content-type': 'application/json' })
      res.end('{"error":{"message":"not found","type":"invalid_request_error"}}')
      return
    }
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8'))
    const text = JSON.stringify({
      id: 'chatcmpl-bench',
      object: 'chat.completion',
      created: 1_760_000_000,
      model: 'gpt-4o-mini-2024-07-18',
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: `Upstream answer to "${lastText(body)}"` },
          finish_reason: 'stop',
        },
      ],
      usage: { prompt_tokens: 12, completion_tokens: 7, total_tokens: 19 },
      system_fingerprint: 'fp_bench',
    })
    res.writeHead(200, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(text),
      'x-request-id': 'req_bench',
    })
    res.end(text)
  })
})

server.listen(0, '127.0.0.1', () => {
  const address = /** @type {import('node:net').AddressInfo} */ (server.address())
  console.log(`listening on http://127.0.0.1:${address.port}`)
})
process.on('SIGTERM', () => server.close(() => process.exit(0)))
