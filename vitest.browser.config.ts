import { defineConfig } from 'vitest/config'

const conditions = ['@mocktopus/source']

// `pnpm test:browser`: the inspector page in a real Chromium (Debian's `chromium`, driven by
// playwright-core). Not part of `pnpm test`: it needs a browser installed; `.ci/run` installs
// one when it is missing and runs this lane.
export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: {
    include: ['packages/e2e/browser/**/*.browser.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
})
