import { loadTokenizers, type WireResult } from '@mocktopus/responders'
import type { Rule } from '@mocktopus/scenario'
import { EXIT_FAILURE, EXIT_OK } from '../errors.js'
import type { CLIContext } from '../io.js'
import { type RawOptions, stringOption } from '../options.js'
import { previewRequest } from '../preview.js'
import { previewOptionsFrom } from '../request-options.js'
import { scenarioFromOption, scenarioLabel } from '../scenario-file.js'

const EMBEDDING_VALUES_SHOWN = 4

// Embedding vectors run to thousands of numbers; show their start and length instead.
function abbreviate(key: string, value: unknown): unknown {
  if (key === 'embedding' && Array.isArray(value) && value.length > EMBEDDING_VALUES_SHOWN) {
    return [...value.slice(0, EMBEDDING_VALUES_SHOWN), `... ${value.length} values`]
  }
  return value
}

function ruleName(index: number, rule: Rule | undefined): string {
  return rule?.line === undefined ? `rules[${index}]` : `rules[${index}] (line ${rule.line})`
}

function statusLine(answer: WireResult): string {
  const headers = Object.entries(answer.headers).map(([k, v]) => `${k}: ${v}`)
  const kind = answer.kind === 'stream' ? 'text/event-stream' : 'application/json'
  const delay = answer.delayMs > 0 ? `after ${answer.delayMs} ms` : ''
  return [String(answer.status), kind, ...headers, delay].filter(Boolean).join(', ')
}

/**
 * `mocktopus explain`: every rule's verdict for one request, the winner, and the exact
 * answer. No matching rule exits 1 with the server's 404 reason.
 */
export async function runExplain(
  _args: readonly string[],
  options: RawOptions,
  context: CLIContext,
): Promise<number> {
  const request = await previewOptionsFrom(options, context.cwd)
  const scenario = await scenarioFromOption(stringOption(options, 'scenario'), context.cwd)
  // The OpenAI rows answer once the encodings are loaded; the preview needs its answer at once.
  await loadTokenizers()
  const preview = previewRequest(scenario, request)
  const { colors } = context

  context.out(`${colors.bold('Request')}   POST ${preview.endpoint}`)
  context.out(JSON.stringify(preview.body, null, 2).replace(/^/gm, '  '))
  context.out('')
  context.out(`${colors.bold('Rules')}     ${scenarioLabel(scenario)}`)
  if (preview.verdicts.length === 0) context.out('  (the scenario has no rules)')
  for (const verdict of preview.verdicts) {
    const rule = scenario.rules[verdict.index]
    const name = ruleName(verdict.index, rule)
    const why = verdict.reasons.join('; ')
    if (!verdict.matched) {
      context.out(`  ${colors.red('✗')} ${name}: ${why}`)
    } else if (verdict.index === preview.result?.index) {
      context.out(
        `  ${colors.green('✓')} ${name}: ${why || 'no conditions'} ${colors.green('<- answers')}`,
      )
    } else {
      const earlier = preview.result ? `, but rules[${preview.result.index}] comes first` : ''
      context.out(`  ${colors.dim('✓')} ${name}: ${why || 'no conditions'}${colors.dim(earlier)}`)
    }
  }
  context.out('')

  if (!preview.result || !preview.answer) {
    context.out(
      `${colors.bold('Answer')}    ${colors.red('404 no_matching_rule')}: ${preview.noMatch}`,
    )
    return EXIT_FAILURE
  }
  const { answer } = preview
  context.out(`${colors.bold('Answer')}    ${ruleName(preview.result.index, preview.result.rule)}`)
  context.out(`  ${statusLine(answer)}, x-mocktopus-rule: ${preview.result.index}`)
  if (answer.kind === 'stream') {
    for await (const frame of answer.frames) {
      const data = typeof frame.data === 'string' ? frame.data : JSON.stringify(frame.data)
      context.out(`  ${frame.event ? `event: ${frame.event}\n  ` : ''}data: ${data}`)
    }
  } else {
    context.out(JSON.stringify(answer.body, abbreviate, 2).replace(/^/gm, '  '))
  }
  return EXIT_OK
}
