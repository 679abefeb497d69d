/** @module @mocktopus/responders */
export { splitText } from './chunking.js'
export { type Clock, fixedClock, systemClock, unixSeconds } from './clock.js'
export { deterministicId, stableDigest } from './ids.js'
export { encodeSSE, type SSEFrame, sseStream } from './sse.js'
export { estimateTokens } from './tokens.js'
