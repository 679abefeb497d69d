import { defineConfig } from 'tsup'

export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm'],
  target: 'node20',
  dts: true,
  clean: true,
  sourcemap: true,
  // Keep `node:fs/promises` as written: Web runtimes with Node compatibility know only that name.
  removeNodeProtocol: false,
})
