import { describe, expect, it } from 'vitest'
import { createCLI, formatHelp, parseCLI, runCLI } from './cli.js'
import { UsageError } from './errors.js'
import { captureContext } from './test-context.js'
import { VERSION } from './version.js'

describe('parseCLI', () => {
  it('parses a command and its options without running it', () => {
    const parsed = parseCLI('mocktopus serve -s a.yaml --port 0 --watch')
    expect(parsed.command).toBe('serve')
    expect(parsed.options).toMatchObject({ scenario: 'a.yaml', port: 0, watch: true })
  })

  it('accepts an argv array with spaces inside values', () => {
    const parsed = parseCLI(['mocktopus', 'explain', '--prompt', 'what is 2 + 3'])
    expect(parsed.options.prompt).toBe('what is 2 + 3')
  })

  it('collects the files of validate', () => {
    expect(parseCLI('mocktopus validate a.yaml b.yaml').args).toEqual(['a.yaml', 'b.yaml'])
  })

  it('reports --help and --version instead of a command', () => {
    const version = parseCLI('mocktopus --version')
    expect([version.version, version.command]).toEqual([true, undefined])
    const help = parseCLI('mocktopus serve --help')
    expect([help.help, help.command]).toEqual([true, undefined])
    const serveVersion = parseCLI('mocktopus serve --version')
    expect([serveVersion.version, serveVersion.command]).toEqual([true, undefined])
  })

  it('rejects an unknown command, suggesting the closest', () => {
    expect(() => parseCLI('mocktopus valdate x.yaml')).toThrow(
      new UsageError(
        'unknown command "valdate"; did you mean "validate"? Run "mocktopus --help" for the list of commands.',
      ),
    )
    expect(() => parseCLI('mocktopus frobnicate')).toThrow(/^unknown command "frobnicate"\. Run/)
  })

  it('rejects unknown flags, on commands and on their own', () => {
    expect(() => parseCLI('mocktopus serve --prot 80')).toThrow(
      'unknown option --prot (see "mocktopus serve --help")',
    )
    expect(() => parseCLI('mocktopus --nope')).toThrow(UsageError)
  })

  it('rejects a missing option value and extra arguments', () => {
    expect(() => parseCLI('mocktopus init -o')).toThrow(/option -o, --output <file> needs a value/)
    expect(() => parseCLI('mocktopus serve extra')).toThrow('unexpected argument `extra`')
  })

  it('throws when the line does not start with the program name', () => {
    expect(() => parseCLI('serve')).toThrow(/Expected "mocktopus"/)
  })
})

describe('formatHelp', () => {
  it('lists every command and the exit statuses', () => {
    const help = formatHelp(createCLI())
    for (const name of ['serve', 'validate', 'explain', 'simulate', 'init', 'example', 'doctor']) {
      expect(help).toMatch(new RegExp(`^  ${name}\\b`, 'm'))
    }
    expect(help).toContain(
      'Exit status: 0 success, 1 validation failure or no matching rule, 2 usage error.',
    )
  })

  it('shows a command its options and examples, not --version', () => {
    const cli = createCLI()
    const serve = cli.commands.find((c) => c.name === 'serve')
    const help = formatHelp(cli, serve)
    expect(help).toContain('--port <port>')
    expect(help).toContain('$ mocktopus serve -s scenario.yaml --port 0 --watch')
    expect(help).not.toContain('--version')
  })
})

describe('runCLI', () => {
  it('prints the version and exits 0', async () => {
    const context = captureContext()
    expect(await runCLI('mocktopus --version', context)).toBe(0)
    expect(context.stdout).toEqual([VERSION])
  })

  it('exits 2 with one line for a usage error', async () => {
    const context = captureContext()
    expect(await runCLI('mocktopus example --type nope', context)).toBe(2)
    expect(context.stderr).toEqual([
      'error: --type must be one of basic, streaming, tools, errors, embeddings, multi-model; got "nope"',
    ])
  })

  it('exits 2 and prints the help on stderr without a command', async () => {
    const context = captureContext()
    expect(await runCLI('mocktopus', context)).toBe(2)
    expect(context.stdout).toEqual([])
    expect(context.stderr.join('\n')).toContain('Usage:')
  })

  it('prints a failure as one line, and its stack only with --verbose', async () => {
    const quiet = captureContext()
    expect(await runCLI('mocktopus simulate -s missing.yaml --prompt hi', quiet)).toBe(1)
    expect(quiet.stderr).toEqual([
      'error: scenario file not found: missing.yaml (check the path and the working directory)',
    ])
    const verbose = captureContext()
    expect(await runCLI('mocktopus simulate -s missing.yaml --prompt hi --verbose', verbose)).toBe(
      1,
    )
    expect(verbose.stderr[0]).toBe(quiet.stderr[0])
    expect(verbose.stderr[1]).toMatch(/^ScenarioNotFoundError: .*\n\s+at /)
  })

  it('colours the error label only when colours are on', async () => {
    const context = captureContext({ color: true })
    await runCLI('mocktopus example --type nope', context)
    expect(context.stderr[0]?.startsWith('\u001b[31m\u001b[1merror:')).toBe(true)
  })
})
