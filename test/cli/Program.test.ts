import { describe, expect, it } from 'vitest'
import { COMMANDS, program, run } from '../../src/cli/Program.js'
import { type FakeOptions, fakeWorld } from './fakeWorld.js'

const cli = async (args: ReadonlyArray<string>, options: FakeOptions = {}) => {
  const world = fakeWorld(options)
  const code = await run(args, world)
  return { code, out: world.stdoutText(), err: world.stderrText(), world }
}

describe('the program', () => {
  it('declares every command, in the order --help lists them', () => {
    const p = program(fakeWorld())
    for (const declare of COMMANDS) declare(p, () => undefined)
    expect(p.commands.map((c) => c.name())).toEqual([
      'preview',
      'send',
      'status',
      'charge',
      'cancel',
      'balance',
      'coverage',
      'voucher',
      'bulk',
      'quicksend',
      'campaign',
      'simulator',
      'demo',
    ])
    expect(p.options.map((o) => o.long)).toEqual([
      '--json',
      '--no-color',
      '--url',
      '--api-id',
      '--user',
      '--password',
      '--rest',
      '--token',
      '--timeout',
      '--deadline',
      '--version',
    ])
  })
})

describe('run', () => {
  it('--help prints the usage on stdout and exits 0', async () => {
    const r = await cli(['--help'])
    expect(r.code).toBe(0)
    expect(r.err).toBe('')
    expect(r.out.startsWith('Usage: clickatell [options] [command]\n')).toBe(true)
    expect(r.out).toContain('  voucher <token>              spend a voucher (token_pay)\n')
  })

  it("a command's --help exits 0 and lists the global flags too", async () => {
    const r = await cli(['bulk', '--help'])
    expect(r.code).toBe(0)
    expect(r.out.startsWith('Usage: clickatell bulk [options]\n')).toBe(true)
    expect(r.out).toContain('Global Options:\n')
    for (const flag of ['--json', '--url <url>', '--api-id <id>', '--user <user>', '--password <password>'])
      expect(r.out).toContain(`  ${flag} `)
  })

  it('marks the required flags in --help; bulk does not offer --client-id', async () => {
    expect((await cli(['send', '--help'])).out).toMatch(/--to <numbers> +\(required\) recipients/)
    const bulk = (await cli(['bulk', '--help'])).out
    expect(bulk).toMatch(/--csv <file> +\(required\)/)
    expect(bulk).toMatch(/--template <text> +\(required\)/)
    expect(bulk).not.toContain('--client-id')
  })

  it('--version prints the version and exits 0', async () => {
    const r = await cli(['--version'])
    expect([r.code, r.out, r.err]).toEqual([0, '0.1.0\n', ''])
  })

  it.each([
    [['nope'], "error: unknown command 'nope'\n"],
    [['--bogus'], "error: unknown option '--bogus'\n"],
    [
      ['bulk', '--csv', 'a.csv', '--template', 'x', '--client-id', 'c1'],
      "error: unknown option '--client-id'\n",
    ],
    [['simulator', '--port', '70000'], 'error: --port must be a whole number from 0 to 65535; got "70000"\n'],
    [['balance', '--bogus'], "error: unknown option '--bogus'\n"],
    [['send', '--text', 'x'], "error: required option '--to <numbers>' not specified\n"],
    [['coverage'], "error: missing required argument 'msisdn'\n"],
    [['preview', 'x', '--max-parts', 'two'], 'error: --max-parts must be a number; got "two"\n'],
    [['bulk', '--csv', 'a.csv', '--template', 'x', '--rate', ''], 'error: --rate must be a number; got ""\n'],
  ])('usage error %j: one line on stderr, exit 2, nothing run', async (args, line) => {
    const r = await cli(args)
    expect([r.code, r.out, r.err]).toEqual([2, '', line])
    expect(r.world.simulators.started).toEqual([])
    expect(r.world.transports.made).toBe(0)
  })

  it('no command prints the usage on stderr and exits 2', async () => {
    const r = await cli([])
    expect(r.code).toBe(2)
    expect(r.out).toBe('')
    expect(r.err.startsWith('Usage: clickatell [options] [command]\n')).toBe(true)
  })

  it('the global flags reach the command: --json', async () => {
    const r = await cli(['--json', 'preview', 'Hi'])
    expect(r.code).toBe(0)
    expect(JSON.parse(r.out)).toMatchObject({ ok: true, value: { text: 'Hi', parts: 1 } })
  })

  it('the global flags reach the command: --url and the credentials', async () => {
    const r = await cli([
      '--url',
      'http://gateway.test',
      '--api-id',
      '1001',
      '--user',
      'alice',
      '--password',
      'pa55-word-Xq',
      'balance',
    ])
    expect([r.code, r.out, r.err]).toEqual([0, 'Credit 5000.000\n', ''])
    expect(r.world.simulators.started).toEqual([])
  })

  it('colour on a terminal, not with --no-color', async () => {
    expect((await cli(['preview', 'Hi'], { stdoutTTY: true })).out).toContain('\u001b[1mEncoding\u001b[0m')
    expect((await cli(['--no-color', 'preview', 'Hi'], { stdoutTTY: true })).out).not.toContain('\u001b[')
  })

  it('anything thrown that is not a usage error is one line and exit 1', async () => {
    const r = await cli(['balance'], { simulatorFails: 'clickatell-fp simulator: port: cannot listen' })
    expect([r.code, r.out, r.err]).toEqual([1, '', 'error: clickatell-fp simulator: port: cannot listen\n'])
  })
})
