/**
 * The Python Mocktopus's cassettes (`session_*.jsonl`) as scenario rules: each line becomes
 * the rule a recording made today would be (`parseCassette`, which replay uses too). What a
 * rule does not hold is named in a note: the lines skipped, and the request parameters that
 * are not part of the match.
 */
import type { Conversion, ConvertedRule } from './aimock.js'

// What a rule reads of a request body; everything else in it is named once per file.
const MATCHED = new Set(['model', 'messages', 'input', 'prompt', 'system', 'instructions'])

/**
 * The rules of one cassette file, in the order replay tries them, and what was left out.
 *
 * @example await convertPythonCassette(text, 'session_1718000000.jsonl')
 */
export async function convertPythonCassette(text: string, source: string): Promise<Conversion> {
  const { parseCassette } = await import('@mocktopus/server/record')
  const cassette = parseCassette(text, source)
  const notes = cassette.skipped.map((skip) => `${source}:${skip.line}: ${skip.reason}; skipped`)
  const ignored = new Set<string>()
  const lines = text.split('\n')
  for (const { line } of cassette.rules) {
    try {
      const body = (JSON.parse(lines[line - 1] ?? '') as { request_body?: unknown }).request_body
      if (typeof body === 'object' && body !== null) {
        for (const key of Object.keys(body)) if (!MATCHED.has(key)) ignored.add(key)
      }
    } catch {
      // parseCassette read the line; a line it could not read is among the skipped.
    }
  }
  if (ignored.has('stream')) ignored.delete('stream')
  if (ignored.size > 0) {
    notes.push(
      `${source}: request parameters not part of the match (a recording matches on the model and conversation): ${[...ignored].sort().join(', ')}`,
    )
  }
  return {
    rules: cassette.rules.map(({ rule }) => rule as unknown as ConvertedRule),
    notes,
  }
}
