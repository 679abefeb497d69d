import { defineConfig } from 'tsup'

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    node: 'src/node.ts',
    record: 'src/record/index.ts',
    cost: 'src/cost/index.ts',
    vitest: 'src/vitest.ts',
    jest: 'src/jest.ts',
  },
  format: ['esm'],
  target: 'node20',
  dts: true,
  clean: true,
  sourcemap: true,
})
