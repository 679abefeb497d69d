/** @module @mocktopus/server */
export {}
