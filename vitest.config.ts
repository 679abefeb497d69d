import { defineConfig } from 'vitest/config'

// Tests read sibling packages from source through the `@mocktopus/source` export condition,
// so a change in one package is seen by the others without a rebuild.
const conditions = ['@mocktopus/source']

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: {
    projects: ['packages/*', 'examples/app'],
    // Contract tests read ../shared and run under `pnpm test:contract` instead.
    exclude: ['**/node_modules/**', '**/dist/**', '**/*.contract.test.ts'],
  },
})
