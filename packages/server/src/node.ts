/** @module @mocktopus/server/node */
export {}
