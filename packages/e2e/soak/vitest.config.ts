import { defineConfig } from 'vitest/config'

const conditions = ['@mocktopus/source']

// `pnpm soak`: about a minute of mixed load against a real server; not part of `pnpm test`.
// --expose-gc lets the soak measure memory after a full collection, not garbage.
export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: {
    root: import.meta.dirname,
    include: ['**/*.soak.ts'],
    pool: 'forks',
    execArgv: ['--expose-gc'],
    testTimeout: 15 * 60_000,
    hookTimeout: 60_000,
  },
})
