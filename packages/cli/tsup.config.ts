import { rmSync } from 'node:fs'
import { defineConfig } from 'tsup'
import { writeNotices } from './scripts/third-party-notices.mjs'

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
    // The command is one file with everything it runs: the @mocktopus/* packages and their
    // runtime dependencies. Resolving and loading some forty of our modules was a third of the
    // time to the first answer; `yaml` alone, as the sixty CommonJS files of its Node build,
    // took about 50 ms and 9 MB more than the same code bundled. The library entry above keeps
    // them external, so package.json still declares them. `splitting` is off so the bin is one
    // file the config above does not clean away.
    entry: ['src/bin.ts'],
    format: ['esm'],
    target: 'node20',
    // But @hono/node-server, which the server loads only when a request needs the Hono app
    // (see server/src/node.ts): bundled, its static imports (node:http2, and through it TLS)
    // would load with the bin; left in node_modules, they load with it, if ever.
    noExternal: [/^(?!@hono\/node-server$)/],
    // Bundled CommonJS (yaml's Node build) calls `require('process')`; an ES module has no
    // `require` of its own.
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
    splitting: false,
    clean: false,
    sourcemap: true,
    // Node keeps the bin's source text in memory and parses all of it at start-up: without the
    // whitespace it is a third smaller (idle RSS about 1.3 MB lower). Identifiers stay: cac
    // names its errors from `constructor.name`, which the CLI reads, and a stack trace
    // (--verbose) still names its functions.
    minifyWhitespace: true,
    minifySyntax: true,
    // The bin carries third-party code, so the package carries its licenses: the metafile
    // says which packages went in.
    metafile: true,
    onSuccess: async () => {
      writeNotices('dist/metafile-esm.json', 'dist/THIRD-PARTY-NOTICES.md')
      rmSync('dist/metafile-esm.json')
    },
  },
])
