/** @module @mocktopus/cli */
export {}
