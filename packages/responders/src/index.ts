/** @module @mocktopus/responders */
export {}
