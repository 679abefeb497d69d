/**
 * The baseline: the least a Node HTTP server can do for the same exchange. It reads the
 * request body and parses it as JSON, as any server must, then writes a fixed response of the
 * same size (the same status, headers and bytes Mocktopus sent; streams frame by frame).
 *
 * Usage: node bare-server.js FIXTURES.json   (prints "listening on http://127.0.0.1:PORT")
 */
import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'

/**
 * @typedef {object} Fixture
 * @property {number} status
 * @property {Record<string, string>} headers
 * @property {string} [body]
 * @property {string[]} [frames] an SSE body, one `write` per frame
 */

/** @type {Record<string, Fixture>} */
const fixtures = JSON.parse(readFileSync(process.argv[2] ?? '', 'utf8'))
const HEALTH = JSON.stringify({ status: 'healthy' })

const server = createServer((req, res) => {
  /** @type {Buffer[]} */
  const chunks = []
  req.on('data', (chunk) => chunks.push(chunk))
  req.on('end', () => {
    const fixture = fixtures[req.url ?? '']
    if (!fixture) {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(HEALTH)
      return
    }
    JSON.parse(Buffer.concat(chunks).toString('utf8'))
    if (fixture.frames) {
      res.writeHead(fixture.status, fixture.headers)
      for (const frame of fixture.frames) res.write(frame)
      res.end()
      return
    }
    res.writeHead(fixture.status, fixture.headers)
    res.end(fixture.body)
  })
})

server.listen(0, '127.0.0.1', () => {
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  console.log(`listening on http://127.0.0.1:${port}`)
})

process.on('SIGTERM', () => {
  server.close()
  server.closeAllConnections()
})
