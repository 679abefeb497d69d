import { defineConfig } from 'vitest/config'

const conditions = ['@mocktopus/source']

// `pnpm test:contract`: the tests that validate Mocktopus against material outside the
// repository (the official OpenAI OpenAPI spec, the Python-era example scenarios).
export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: {
    include: ['packages/**/*.contract.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
  },
})
