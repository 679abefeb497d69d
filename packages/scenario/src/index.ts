/** @module @mocktopus/scenario */
export {}
