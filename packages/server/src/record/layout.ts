/**
 * How scenario YAML written by Mocktopus is laid out: the recordings files and `mocktopus
 * convert`'s output alike, so both read back through the scenario package's fast reader.
 */
import { isMap, isScalar, type Node, visit } from 'yaml'

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it finds
const ESCAPED = /[\0-\x1f\x7f]/

/**
 * Lays out `node` in place: vectors and usage on one line each (an embedding is 1536 numbers),
 * and every text on its line (line breaks, tabs and other control characters as escapes in
 * double quotes). Write the document with `lineWidth: 0` so no line is folded.
 *
 * @example const doc = new Document({ version: 1, rules }); layoutScenarioYAML(doc.contents)
 */
export function layoutScenarioYAML(node: Node): void {
  visit(node, {
    Scalar(_, scalar) {
      // `yaml` would otherwise fold a single-quoted text over lines or leave a tab in a plain
      // one, which only `yaml` itself reads.
      if (typeof scalar.value === 'string' && ESCAPED.test(scalar.value)) {
        scalar.type = 'QUOTE_DOUBLE'
      }
    },
    Seq(_, seq) {
      if (
        seq.items.length > 0 &&
        seq.items.every((item) => isScalar(item) && typeof item.value === 'number')
      ) {
        seq.flow = true
      }
    },
    Pair(_, pair) {
      if (isScalar(pair.key) && pair.key.value === 'usage' && isMap(pair.value))
        pair.value.flow = true
    },
  })
}
