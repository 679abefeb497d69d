import { defineProject } from 'vitest/config'

const conditions = ['@mocktopus/source']

export default defineProject({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: {
    name: 'mocktopus',
    exclude: ['**/node_modules/**', '**/dist/**', '**/*.contract.test.ts'],
  },
})
