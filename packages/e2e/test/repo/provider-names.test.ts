import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '../../../..')

// A provider's knowledge lives in its folder, `packages/responders/src/<provider>/`, and reaches
// shared code as traits of its `Provider` (`engine/providers.ts`) and its rows
// (docs/architecture.md, "Adding a provider"). These are the source files outside that folder
// whose code (comments aside) still names a provider, each with why it must. A file that starts
// naming one fails the test: give the shared code a trait instead, or add the file here with
// its reason. An entry that no longer names its provider fails too, so the list only shrinks.
// An entry ending in `/` covers the files under that folder.

// Reasons shared by every provider.
const TABLE = "the endpoint table: the provider's rows, pointing into its folder"
const PROVIDERS = 'the `Provider` objects, each assembled from traits its folder exports'
const PROVIDER_NAME = '`ProviderName`, the union of the provider names'
const INDEX = "the package's public exports of the provider's functions and types"
const SCENARIO_PATHS =
  "the scenario's paths (`ENDPOINTS`) and the rule types that answer them (`RULE_TYPE_ENDPOINTS`)"
const RULE_TYPE = "the rule type `llm.<provider>` in `RuleType` and the schema's enum: user-facing"
const CLI_FLAGS =
  'its record flags (`--<provider>-upstream`, `--<provider>-key`): user-facing, and `cli.ts` does not load the responders, so `--help` stays quick'
const PROXY_OPTIONS =
  'its upstream and key options in the public `UpstreamProxyOptions` type (the values come from its `record` trait)'
const OPENAI_FALLBACK =
  "OpenAI's envelope and words answer what no provider's row owns (tooling, admin, transport errors) and are the default of an optional trait"
const STRICT =
  "strict requests: each provider's known body fields and checks live in `engine/strict/` (not yet in the provider's folder)"
const SDK_BASE_URLS =
  'the SDK base URLs a server hands out (`baseURL`, `anthropicBaseURL`): public API'

const ALLOWED: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  gemini: {
    'packages/cli/src/cli.ts': CLI_FLAGS,
    'packages/responders/src/engine/endpoint.ts': `${PROVIDER_NAME}; the \`gemini-sse\` framing`,
    'packages/responders/src/engine/endpoints.ts': TABLE,
    'packages/responders/src/engine/providers.ts': PROVIDERS,
    'packages/responders/src/index.ts': INDEX,
    'packages/responders/src/ollama/models.ts':
      "Ollama's model answers tell the hosted providers' model names from a local model's",
    'packages/scenario/src/endpoints.ts': SCENARIO_PATHS,
    'packages/scenario/src/schema.ts': RULE_TYPE,
    'packages/scenario/src/types.ts': RULE_TYPE,
    'packages/server/src/cost/pricing.ts':
      'the pricing table is keyed by model id (`gemini-2.5-pro`)',
    'packages/server/src/record/proxy.ts': PROXY_OPTIONS,
  },
  ollama: {
    'packages/cli/src/cli.ts': CLI_FLAGS,
    'packages/responders/src/engine/endpoint.ts': PROVIDER_NAME,
    'packages/responders/src/engine/endpoints.ts': TABLE,
    'packages/responders/src/engine/providers.ts': PROVIDERS,
    'packages/responders/src/index.ts': INDEX,
    'packages/scenario/src/endpoints.ts': SCENARIO_PATHS,
    'packages/scenario/src/schema.ts': RULE_TYPE,
    'packages/scenario/src/types.ts': RULE_TYPE,
    'packages/server/src/record/proxy.ts': PROXY_OPTIONS,
    'packages/server/src/record/recorded-request.ts':
      "rebuilds a recorded request's body per endpoint for `mocktopus drift`; the rebuilt guess decides what recordings keep in `recorded.request`, so it moves only with the recordings format",
  },
  azure: {
    'packages/cli/src/cli.ts': CLI_FLAGS,
    'packages/responders/src/engine/azure-endpoints.ts':
      "Azure's rows and `Provider`: OpenAI's responders under Azure's paths",
    'packages/responders/src/engine/endpoint.ts': PROVIDER_NAME,
    'packages/responders/src/engine/endpoints.ts': TABLE,
    'packages/scenario/src/endpoints.ts': SCENARIO_PATHS,
    'packages/server/src/guard.ts':
      "the auth guard reads every SDK's credential header for `--auth-token` (Azure's `api-key`)",
    'packages/server/src/node/warm-tokenizers.ts':
      "the endpoints whose answers count with OpenAI's encodings (OpenAI's and Azure's)",
    'packages/server/src/record/proxy.ts': PROXY_OPTIONS,
  },
  anthropic: {
    'packages/cli/src/cli.ts': CLI_FLAGS,
    'packages/cli/src/commands/serve.ts': "the start banner names each SDK's base URL",
    'packages/cli/src/scenarios.generated.ts': "the built-in scenarios' text (generated)",
    'packages/mocktopus/src/index.ts': "re-exports the stub's Anthropic client",
    'packages/responders/src/engine/chaos.ts':
      'the rate-limit header styles (`rateLimitHeaders: anthropic`: `anthropic-ratelimit-*`)',
    'packages/responders/src/engine/endpoint.ts': `${PROVIDER_NAME}; the rate-limit header styles`,
    'packages/responders/src/engine/endpoints.ts': TABLE,
    'packages/responders/src/engine/providers.ts': PROVIDERS,
    'packages/responders/src/engine/strict/': STRICT,
    'packages/responders/src/index.ts': INDEX,
    'packages/responders/src/shared/json-schema/structured.ts':
      "structured outputs read each API's way of asking for a schema (`anthropicStructured`)",
    'packages/scenario/src/endpoints.ts': SCENARIO_PATHS,
    'packages/scenario/src/schema.ts': `${RULE_TYPE}; the matchers' descriptions name each API`,
    'packages/scenario/src/types.ts': RULE_TYPE,
    'packages/server/src/inspector/capture.ts':
      'the request headers the inspector keeps for a replayable curl (`anthropic-version`)',
    'packages/server/src/inspector/page.generated.ts': 'the inspector page, built from `page/`',
    'packages/server/src/inspector/page/page.ts':
      "the inspector's curl of an Anthropic request carries `anthropic-version`",
    'packages/server/src/node/start.ts': SDK_BASE_URLS,
    'packages/server/src/not-found.ts':
      "a request no row owns is answered in Anthropic's envelope when it carries `anthropic-version`",
    'packages/server/src/record/index.ts': 'exports `DEFAULT_ANTHROPIC_UPSTREAM` (public API)',
    'packages/server/src/record/proxy.ts': `${PROXY_OPTIONS}; \`DEFAULT_ANTHROPIC_UPSTREAM\``,
    'packages/server/src/remote.ts': SDK_BASE_URLS,
    'packages/server/src/session-host.ts': SDK_BASE_URLS,
    'packages/server/src/use-mocktopus.ts': SDK_BASE_URLS,
    'packages/stub/src/': "the stub gives each SDK's own client shape and errors",
  },
  openai: {
    'packages/cli/src/cli.ts': CLI_FLAGS,
    'packages/cli/src/commands/serve.ts': "the start banner names each SDK's base URL",
    'packages/cli/src/scenarios.generated.ts': "the built-in scenarios' text (generated)",
    'packages/e2e/src/contracts.ts': "the contract lane reads OpenAI's OpenAPI spec",
    'packages/responders/src/anthropic/':
      "builds on OpenAI's responders (retry defaults, use counts): one provider folder may import another's",
    'packages/responders/src/azure/': "Azure OpenAI is OpenAI's API: its folder builds on OpenAI's",
    'packages/responders/src/engine/azure-endpoints.ts':
      "Azure's rows answer with OpenAI's responders",
    'packages/responders/src/engine/chaos.ts': OPENAI_FALLBACK,
    'packages/responders/src/engine/endpoint.ts': `${PROVIDER_NAME}; the Responses API's store in \`AnswerInput\``,
    'packages/responders/src/engine/endpoints.ts': TABLE,
    'packages/responders/src/engine/engine.ts': `${OPENAI_FALLBACK}; the Responses API's store`,
    'packages/responders/src/engine/providers.ts': PROVIDERS,
    'packages/responders/src/engine/state.ts': "the engine state holds the Responses API's store",
    'packages/responders/src/engine/strict/': STRICT,
    'packages/responders/src/gemini/':
      "builds on OpenAI's responders (seeded embeddings, use counts): one provider folder may import another's",
    'packages/responders/src/index.ts': INDEX,
    'packages/responders/src/internal/':
      "the shared request checks and rule-error defaults use OpenAI's wording, as the APIs copied it",
    'packages/responders/src/ollama/':
      "builds on OpenAI's responders (seeded embeddings): one provider folder may import another's",
    'packages/scenario/src/endpoints.ts': `${SCENARIO_PATHS}; Azure's paths start \`/openai/\``,
    'packages/scenario/src/schema.ts': RULE_TYPE,
    'packages/scenario/src/types.ts': RULE_TYPE,
    'packages/server/src/app.ts': OPENAI_FALLBACK,
    'packages/server/src/handler.ts': OPENAI_FALLBACK,
    'packages/server/src/journal-output.ts': OPENAI_FALLBACK,
    'packages/server/src/node/serve.ts': OPENAI_FALLBACK,
    'packages/server/src/not-found.ts': OPENAI_FALLBACK,
    'packages/server/src/record/index.ts': 'exports `DEFAULT_OPENAI_UPSTREAM` (public API)',
    'packages/server/src/record/proxy.ts': `${PROXY_OPTIONS}; OpenAI's \`record\` is the default`,
    'packages/server/src/record/to-rule.ts':
      "OpenAI's `record` reads the rows of a provider without one (Azure)",
    'packages/server/src/session-host.ts': OPENAI_FALLBACK,
    'packages/stub/src/': "the stub gives each SDK's own client shape and errors",
  },
}

// The responders' folders that are not a provider's.
const NOT_PROVIDERS = ['engine', 'internal', 'shared']

function sourceFiles(): string[] {
  const files: string[] = []
  for (const pkg of readdirSync(join(root, 'packages'))) {
    const src = join(root, 'packages', pkg, 'src')
    if (!existsSync(src)) continue
    for (const entry of readdirSync(src, { recursive: true, encoding: 'utf8' })) {
      if (entry.endsWith('.ts') && !entry.endsWith('.test.ts')) {
        files.push(relative(root, join(src, entry)).replaceAll('\\', '/'))
      }
    }
  }
  return files.sort()
}

/**
 * A TypeScript file's code without its comments: strings, template literals and regular
 * expressions are kept whole, so a `//` or `/*` inside one starts no comment.
 */
function withoutComments(text: string): string {
  let out = ''
  let i = 0
  // The last character of code, to tell a regular expression's `/` from a division.
  let last = ''
  while (i < text.length) {
    const c = text[i] as string
    const next = text[i + 1]
    if (c === '/' && next === '/') {
      while (i < text.length && text[i] !== '\n') i++
      continue
    }
    if (c === '/' && next === '*') {
      const end = text.indexOf('*/', i + 2)
      i = end === -1 ? text.length : end + 2
      out += ' '
      continue
    }
    const regex = c === '/' && /^$|[(,=:[!&|?{};+\-*%<>~^]$/.test(last)
    if (c === "'" || c === '"' || c === '`' || regex) {
      let j = i + 1
      let inClass = false
      while (j < text.length) {
        const d = text[j]
        if (d === '\\') {
          j += 2
          continue
        }
        if (regex && d === '[') inClass = true
        else if (regex && d === ']') inClass = false
        else if (d === c && !inClass) break
        else if (c !== '`' && d === '\n') break
        j++
      }
      out += text.slice(i, j + 1)
      i = j + 1
      last = c
      continue
    }
    out += c
    if (!/\s/.test(c)) last = c
    i++
  }
  return out
}

const covers = (entry: string, file: string) =>
  entry.endsWith('/') ? file.startsWith(entry) : file === entry

describe('provider names outside their folders', () => {
  const code = new Map(
    sourceFiles().map((file) => [file, withoutComments(readFileSync(join(root, file), 'utf8'))]),
  )

  it('reads code, not comments', () => {
    const text = "a // gemini\nb /* ollama */ c('// kept', /\\/*x/, `/* kept */`)"
    expect(withoutComments(text)).toBe("a \nb   c('// kept', /\\/*x/, `/* kept */`)")
  })

  it('has an entry for every provider folder', () => {
    const folders = readdirSync(join(root, 'packages/responders/src'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && !NOT_PROVIDERS.includes(entry.name))
      .map((entry) => entry.name)
      .sort()
    expect(Object.keys(ALLOWED).sort()).toEqual(folders)
  })

  it.each(Object.keys(ALLOWED))('%s is named only where the allow-list says why', (provider) => {
    const name = new RegExp(provider, 'i')
    const own = `packages/responders/src/${provider}/`
    const naming = [...code]
      .filter(([file, text]) => !file.startsWith(own) && name.test(text))
      .map(([file]) => file)
    const allowed = Object.keys(ALLOWED[provider] ?? {})
    const unexplained = naming.filter((file) => !allowed.some((entry) => covers(entry, file)))
    expect(unexplained, `files that newly name ${provider}`).toEqual([])
    const stale = allowed.filter((entry) => !naming.some((file) => covers(entry, file)))
    expect(stale, `entries that no longer name ${provider}: drop them`).toEqual([])
  })
})
