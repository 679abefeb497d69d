import { defineProject } from 'vitest/config'

// Read the Mocktopus packages from source, as the packages' own tests do. An app outside this
// repository installs them from npm and needs no such condition.
const conditions = ['@mocktopus/source']

export default defineProject({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: { name: 'example-app' },
})
