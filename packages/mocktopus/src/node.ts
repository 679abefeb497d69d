/** @module mocktopus/node: the Node server of `@mocktopus/server/node`. */
export { serve, startMocktopus } from '@mocktopus/server/node'
