/** One autocannon run against one server, checked: a run with any failed request is an error. */
import autocannon from 'autocannon'

/**
 * @typedef {object} LoadFigures
 * @property {number} rps completed requests (full streams for SSE) per second
 * @property {number} p50 latency in ms
 * @property {number} p99 latency in ms
 */

/**
 * @typedef {object} LoadOptions
 * @property {string} url
 * @property {string} body
 * @property {readonly string[]} [bodies] sent in turn on each connection instead of `body`
 * @property {readonly string[]} [paths] `body` is POSTed to these paths of `url`'s server in
 *   turn on each connection
 * @property {number} connections
 * @property {number} duration seconds
 */

/**
 * Loads `url` with POSTs of `body` and returns throughput and latency. Rejects when a request
 * failed, timed out or got a non-2xx answer, so a broken server never shows up as a figure.
 *
 * @param {LoadOptions} options
 * @returns {Promise<LoadFigures>}
 */
export async function load(options) {
  const result = await autocannon({
    url: options.url,
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer bench' },
    body: options.body,
    ...(options.bodies && {
      requests: options.bodies.map((body) => ({ method: 'POST', body })),
    }),
    ...(options.paths && {
      requests: options.paths.map((path) => ({ method: 'POST', path, body: options.body })),
    }),
    connections: options.connections,
    duration: options.duration,
    pipelining: 1,
    timeout: 10,
  })
  const failed = result.errors + result.timeouts + result.non2xx
  if (failed > 0) {
    throw new Error(
      `${options.url}: ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx answers`,
    )
  }
  return {
    rps: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
  }
}
