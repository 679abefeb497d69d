import { defineConfig } from 'tsup'

export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm'],
  target: 'node20',
  dts: true,
  clean: true,
  sourcemap: true,
  // Two error families share class names (`RateLimitError`, ...); without this the bundle
  // renames one family's classes and `err.constructor.name` would read `RateLimitError2`.
  keepNames: true,
})
