/** @module @mocktopus/scenario */
export { MocktopusError } from './errors.js'
export { conversationText, lastUserText, messageText } from './text.js'
export type * from './types.js'
