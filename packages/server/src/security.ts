/**
 * Who may reach the server through a browser. A page the user opens can send requests to any
 * address, and through DNS rebinding under a name of its own: the Host check refuses names that
 * are not this machine's, and the Origin check keeps other sites' pages off the admin routes and
 * off anything that is forwarded upstream with the user's real key.
 */
import type { WireErrorInit } from '@mocktopus/responders'

/** Names a request may reach the server by beyond the defaults, or `all` to skip the check. */
export type AllowedHosts = readonly string[] | 'all'

// `[::1]:8080` -> `::1`; `localhost:8080` -> `localhost`.
function hostname(host: string): string {
  const trimmed = host.trim().toLowerCase()
  if (trimmed.startsWith('[')) return trimmed.slice(1, trimmed.indexOf(']'))
  const colon = trimmed.lastIndexOf(':')
  return colon === -1 ? trimmed : trimmed.slice(0, colon)
}

const IPV4 = /^(?:\d{1,3}\.){3}\d{1,3}$/

function isIPLiteral(name: string): boolean {
  return IPV4.test(name) || (name.includes(':') && /^[0-9a-f:.]+$/.test(name))
}

/**
 * Whether a `Host` header names this server: `localhost`, `*.localhost`, an IP address, or a
 * listed name (`*.example.test` lists every subdomain); everything when `allowed` is `all`.
 *
 * @example isAllowedHost('127.0.0.1:8080', []) // true
 * @example isAllowedHost('rebind.evil.example', []) // false
 */
export function isAllowedHost(host: string | undefined, allowed: AllowedHosts): boolean {
  if (allowed === 'all') return true
  // HTTP/1.0 clients may send none; a browser always does.
  if (host === undefined || host === '') return true
  const name = hostname(host)
  if (name === 'localhost' || name.endsWith('.localhost') || isIPLiteral(name)) return true
  return allowed.some((entry) => {
    const want = entry.toLowerCase()
    return want.startsWith('*.') ? name.endsWith(want.slice(1)) : name === want
  })
}

/**
 * `isAllowedHost` over one setting, remembering the last answer: a server is reached by one or
 * two names, so most requests ask about the name the one before them did.
 *
 * @example const allowed = createHostCheck([]); allowed('localhost:8080') // true
 */
export function createHostCheck(allowed: AllowedHosts): (host: string | undefined) => boolean {
  let lastHost: string | undefined
  let lastAnswer = true
  return (host) => {
    if (host !== lastHost) {
      lastAnswer = isAllowedHost(host, allowed)
      lastHost = host
    }
    return lastAnswer
  }
}

/**
 * The 403 for a Host that is not allowed, naming the flag that allows it.
 *
 * @example invalidHost('rebind.evil.example').status // 403
 */
export function invalidHost(host: string): WireErrorInit {
  const name = hostname(host)
  return {
    status: 403,
    message: `Invalid Host header "${host}": Mocktopus answers localhost, *.localhost and IP addresses only, so a web page cannot reach it by a name of its own (DNS rebinding). To allow this name, start it with --allowed-hosts ${name} (allowedHosts: ['${name}']); --allowed-hosts all turns the check off.`,
    code: 'invalid_host',
    type: 'invalid_request_error',
  }
}

/**
 * Whether `origin` is the server's own: the page was served by this host.
 *
 * @example isSameOrigin('http://127.0.0.1:8080', '127.0.0.1:8080') // true
 */
export function isSameOrigin(origin: string, host: string | undefined): boolean {
  if (host === undefined) return false
  return origin === `http://${host}` || origin === `https://${host}`
}

/**
 * The 403 for a cross-origin request to a route pages must not reach.
 *
 * @example foreignOrigin('https://evil.example', 'the admin routes').status // 403
 */
export function foreignOrigin(origin: string, what: string): WireErrorInit {
  return {
    status: 403,
    message: `Cross-origin request refused: a page from ${origin} may not call ${what}. To let a browser app at that origin call the API, start Mocktopus with --cors-origins ${origin} (cors: { origin: ['${origin}'] }).`,
    code: 'forbidden_origin',
    type: 'invalid_request_error',
  }
}
