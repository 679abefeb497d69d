import { defineConfig } from 'tsup'

export default defineConfig([
  {
    entry: ['src/index.ts'],
    format: ['esm'],
    target: 'node20',
    dts: true,
    // The bin below writes into the same folder at the same time: leave its two files alone.
    clean: ['!bin.js', '!bin.js.map'],
    sourcemap: true,
  },
  {
    // The command is bundled with the @mocktopus/* packages it runs: resolving and loading
    // some forty separate modules was about a third of the time to the first answer. Their
    // runtime dependencies stay external (declared in package.json) and `splitting` is off so
    // the bin is one file the config above does not clean away.
    entry: ['src/bin.ts'],
    format: ['esm'],
    target: 'node20',
    noExternal: [/^@mocktopus\//],
    splitting: false,
    clean: false,
    sourcemap: true,
  },
])
