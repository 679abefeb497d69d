/**
 * Truncated JSON completed for `JSON.parse`, as `@anthropic-ai/sdk` reads a tool input while it
 * streams (its vendored `partial-json-parser`): a cut-off string, number or literal is dropped,
 * an object key without its value is dropped, and open brackets are closed. Text that is not
 * truncated JSON goes to `JSON.parse` as it is, and throws.
 */

interface Token {
  readonly type: 'open' | 'close' | 'separator' | 'delimiter' | 'string' | 'number' | 'name'
  readonly value: string
  /** A number running to the end of the text: more digits may follow. */
  readonly unterminated?: boolean
}

const LITERALS = ['true', 'false', 'null']
const JSON_NUMBER = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?$/
const isWhitespace = (char: string | undefined) =>
  char === ' ' || char === '\t' || char === '\n' || char === '\r'

// `null` when the text holds anything but JSON tokens and whitespace outside its strings.
function tokenize(input: string): Token[] | null {
  const tokens: Token[] = []
  let at = 0
  while (at < input.length) {
    const char = input[at] as string
    if (char === '{' || char === '[') {
      tokens.push({ type: 'open', value: char })
      at++
    } else if (char === '}' || char === ']') {
      tokens.push({ type: 'close', value: char })
      at++
    } else if (char === ':') {
      tokens.push({ type: 'separator', value: char })
      at++
    } else if (char === ',') {
      tokens.push({ type: 'delimiter', value: char })
      at++
    } else if (char === '"') {
      // A quote closes the string only after an even number of backslashes.
      const start = at + 1
      let end = start
      for (;;) {
        end = input.indexOf('"', end)
        if (end === -1) break
        let slashes = 0
        for (let i = end - 1; i >= start && input[i] === '\\'; i--) slashes++
        if (slashes % 2 === 0) break
        end++
      }
      if (end === -1) return tokens
      tokens.push({ type: 'string', value: input.slice(start, end) })
      at = end + 1
    } else if (isWhitespace(char)) {
      at++
    } else if (/[0-9.-]/.test(char)) {
      let value = ''
      let next: string | undefined = char
      if (next === '-') {
        value += next
        next = input[++at]
      }
      while (
        next !== undefined &&
        (/[0-9.eE]/.test(next) || ((next === '-' || next === '+') && /[eE]$/.test(value)))
      ) {
        value += next
        next = input[++at]
      }
      tokens.push({ type: 'number', value, unterminated: at === input.length })
    } else if (/[a-z]/i.test(char)) {
      let value = ''
      while (at < input.length && /[a-z]/i.test(input[at] as string)) value += input[at++]
      if (LITERALS.includes(value)) {
        tokens.push({ type: 'name', value })
      } else {
        const cut = LITERALS.some((word) => word !== value && word.startsWith(value))
        if (!cut || ![...input.slice(at)].every(isWhitespace)) return null
      }
    } else {
      return null
    }
  }
  return tokens
}

// Drops what the text's end may have cut short.
function strip(tokens: Token[]): Token[] {
  const open: string[] = []
  for (const token of tokens) {
    if (token.type === 'open') open.push(token.value)
    else if (token.type === 'close') open.pop()
  }
  const innermost = open.at(-1)
  let length = tokens.length
  while (length > 0) {
    const last = tokens[length - 1] as Token
    if (last.type === 'separator') {
      length--
      continue
    }
    if (last.type === 'number' && (last.unterminated || !JSON_NUMBER.test(last.value))) {
      length--
      continue
    }
    if (last.type === 'string' && innermost === '{') {
      // In an object, a string after `{` or `,` is a key still waiting for its value.
      const before = tokens[length - 2]
      if (before?.type === 'delimiter' || (before?.type === 'open' && before.value === '{')) {
        length--
        continue
      }
    }
    if (last.type === 'delimiter') length--
    break
  }
  return tokens.slice(0, length)
}

// Closes the open brackets; `null` when a closer does not match the innermost open one.
function close(tokens: Token[]): Token[] | null {
  const tail: string[] = []
  for (const token of tokens) {
    if (token.type === 'open') tail.push(token.value === '{' ? '}' : ']')
    else if (token.type === 'close' && tail.pop() !== token.value) return null
  }
  return [...tokens, ...tail.reverse().map((value): Token => ({ type: 'close', value }))]
}

const isScalar = (token: Token | undefined) =>
  token?.type === 'string' || token?.type === 'number' || token?.type === 'name'

function generate(tokens: readonly Token[]): string {
  let out = ''
  for (const [index, token] of tokens.entries()) {
    // Adjacent scalars stay apart, so `12 3` still fails the parse.
    if (isScalar(tokens[index - 1]) && isScalar(token)) out += ' '
    out += token.type === 'string' ? `"${token.value}"` : token.value
  }
  return out
}

/**
 * The value of truncated JSON, as far as it goes.
 *
 * @example partialParse('{"city":"Paris","da') // { city: 'Paris' }
 */
export function partialParse(input: string): unknown {
  const tokens = tokenize(input)
  const completed = tokens && close(strip(tokens))
  return JSON.parse(completed ? generate(completed) : input)
}
