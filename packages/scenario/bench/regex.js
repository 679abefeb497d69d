// Times `messages_regex` matching: the linear-time engine against V8's backtracking RegExp.
// Build first (`pnpm --filter @mocktopus/scenario build`), then `node packages/scenario/bench/regex.js`;
// add `--v8-slow` to also time V8 on the pathological inputs (about 20 s).
import { compileRegex } from '../dist/index.js'

const slow = process.argv.includes('--v8-slow')

function time(run) {
  const start = performance.now()
  const result = run()
  return { ms: performance.now() - start, result }
}

function perCall(test, text) {
  for (let i = 0; i < 2000; i++) test(text)
  const runs = 50_000
  const start = performance.now()
  for (let i = 0; i < runs; i++) test(text)
  return ((performance.now() - start) * 1e6) / runs
}

const digits = '1'.repeat(200_000)
const sum = compileRegex('\\d+\\s*\\+\\s*\\d+')
const ours = time(() => sum.test(digits))
console.log(
  `\\d+\\s*\\+\\s*\\d+ over 200k digits: ${ours.ms.toFixed(1)} ms (match: ${ours.result})`,
)
if (slow) {
  const v8 = time(() => /\d+\s*\+\s*\d+/ims.test(digits))
  console.log(`  V8: ${v8.ms.toFixed(0)} ms`)
}

const redos = `${'a'.repeat(33)}!`
const nested = time(() => compileRegex('^(a+)+$').test(redos))
console.log(`^(a+)+$ on 33 a's and '!': ${nested.ms.toFixed(2)} ms (match: ${nested.result})`)
if (slow) {
  for (const n of [20, 22, 24, 26]) {
    const v8 = time(() => /^(a+)+$/ims.test(`${'a'.repeat(n)}!`))
    console.log(`  V8 on ${n} a's: ${v8.ms.toFixed(0)} ms (doubles per character)`)
  }
}

const short =
  'You are a helpful assistant. What is the weather in Paris today? Please answer briefly.'
const long = `${'lorem ipsum dolor sit amet '.repeat(400)}what is 2 + 3`
console.log('\nper call, ns (ours / V8):')
for (const pattern of [
  'weather|temperature|forecast',
  'name is Ada.*What is my name',
  '\\d+\\s*\\+\\s*\\d+',
  '\\b(hello|hi|hey|good (morning|afternoon|evening))\\b',
]) {
  const regex = compileRegex(pattern)
  const v8 = new RegExp(pattern, 'ims')
  const cells = [short, long].map((text) => {
    const a = perCall((t) => regex.test(t), text)
    const b = perCall((t) => v8.test(t), text)
    return `${text.length} chars ${a.toFixed(0)} / ${b.toFixed(0)}`
  })
  console.log(`  ${pattern.padEnd(52)} ${cells.join('   ')}`)
}
