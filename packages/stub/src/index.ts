/** @module @mocktopus/stub */
export {}
