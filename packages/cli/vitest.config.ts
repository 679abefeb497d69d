import { defineProject } from 'vitest/config'

const conditions = ['@mocktopus/source']

export default defineProject({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: {
    name: 'cli',
    exclude: ['**/node_modules/**', '**/dist/**', '**/*.contract.test.ts'],
    // Builds the CLI once for the subprocess tests in test/.
    globalSetup: ['./test/global-setup.ts'],
    // Subprocess tests start real processes and servers; give slow shared machines room.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
})
