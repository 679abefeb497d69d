import { rmSync } from 'node:fs'
import { defineConfig } from 'tsup'
import { writeNotices } from './scripts/third-party-notices.mjs'

export default defineConfig([
  {
    entry: ['src/index.ts'],
    format: ['esm'],
    target: 'node20',
    dts: true,
    // The executable below writes into the same folder at the same time: leave its files alone.
    clean: ['!*.cjs', '!*.cjs.map'],
    sourcemap: true,
  },
  {
    // The command is one file with everything it runs: the @mocktopus/* packages and their
    // runtime dependencies. Resolving and loading some forty of our modules was a third of the
    // time to the first answer; `yaml` alone, as the sixty CommonJS files of its Node build,
    // took about 50 ms and 9 MB more than the same code bundled. The library entry above keeps
    // them external, so package.json still declares them.
    //
    // CommonJS, not ES modules: on Node 20 the ES module loader took about 10 ms longer to load
    // the same bundle, and a CommonJS file can be run from V8's code cache (bin.ts, through
    // code-cache.ts), which saves about 15 ms more. `bin.cjs` is the small launcher that does
    // it; `command.cjs` is the command.
    entry: { bin: 'src/bin.ts', command: 'src/command.ts' },
    format: ['cjs'],
    outExtension: () => ({ js: '.cjs' }),
    target: 'node20',
    // But @hono/node-server, which the server loads only when a request needs the Hono app
    // (see server/src/node.ts): bundled, its static imports (node:http2, and through it TLS)
    // would load with the command; left in node_modules, they load with it, if ever. And
    // gpt-tokenizer, whose encodings (3.6 MB of code) load on the first OpenAI request that
    // counts tokens: bundled, Node would hold and parse them at every start (idle RSS about
    // 11 MB higher, command.cjs 1.8 MB -> 7.8 MB).
    noExternal: [/^(?!@hono\/node-server$|gpt-tokenizer(\/|$))/],
    esbuildOptions(options) {
      // Its `import()` becomes `require()`: code run from the code cache has no ES module
      // loader behind it.
      options.supported = { ...options.supported, 'dynamic-import': false }
    },
    splitting: false,
    clean: false,
    sourcemap: true,
    // Node keeps the command's source text in memory and parses all of it at start-up: without
    // the whitespace it is a third smaller (idle RSS about 1.3 MB lower). Identifiers stay: cac
    // names its errors from `constructor.name`, which the CLI reads, and a stack trace
    // (--verbose) still names its functions.
    minifyWhitespace: true,
    minifySyntax: true,
    // The command carries third-party code, so the package carries its licenses: the metafile
    // says which packages went in.
    metafile: true,
    onSuccess: async () => {
      writeNotices('dist/metafile-cjs.json', 'dist/THIRD-PARTY-NOTICES.md')
      rmSync('dist/metafile-cjs.json')
    },
  },
])
