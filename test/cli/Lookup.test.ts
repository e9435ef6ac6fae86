import { Command as Program } from 'commander'
import { describe, expect, it } from 'vitest'
import { type Action, contextOf } from '../../src/cli/Context.js'
import { answerLine, lookup, refOf } from '../../src/cli/Lookup.js'
import type { Io } from '../../src/cli/Output.js'
import { run } from '../../src/cli/Program.js'
import { fakeWorld, TARGET_ENV } from './fakeWorld.js'

const io = (color: boolean): Io => ({
  out: () => undefined,
  err: () => undefined,
  json: false,
  color,
  interactive: false,
})

describe('refOf', () => {
  it('your client message id wins; else the gateway id; else an empty id, which the client refuses', () => {
    expect(refOf('a1', 'order42')).toEqual({ clientMessageId: 'order42' })
    expect(refOf('a1', undefined)).toEqual({ apiMsgId: 'a1' })
    expect(refOf(undefined, undefined)).toEqual({ apiMsgId: '' })
  })
})

describe('answerLine', () => {
  it('id, status code and description, and the charge when there is one', () => {
    const status = { code: '004', description: 'Received by recipient' }
    expect(answerLine(io(false), { apiMsgId: 'a1', status })).toBe('a1  status 004 Received by recipient')
    expect(answerLine(io(false), { apiMsgId: 'a1', status, charge: 1.5 })).toBe(
      'a1  status 004 Received by recipient  charge 1.5',
    )
    expect(answerLine(io(false), { cliMsgId: 'order42', status, charge: 0 })).toBe(
      'order42  status 004 Received by recipient  charge 0',
    )
    expect(answerLine(io(false), { status })).toBe('  status 004 Received by recipient')
    expect(answerLine(io(true), { apiMsgId: 'a1', status })).toBe(
      '\u001b[1ma1\u001b[0m  status 004 Received by recipient',
    )
  })
})

describe('lookup', () => {
  const declared = (args: ReadonlyArray<string>) => {
    const program = new Program('x').exitOverride()
    const chosen: Action[] = []
    let asked: unknown
    lookup('ask', 'ask about a message', (client) => (ref) => {
      asked = ref
      return client.status(ref)
    })(program, (a) => chosen.push(a))
    program.parse(['ask', ...args], { from: 'user' })
    return { program, chosen, asked: () => asked }
  }

  it('declares `name [apiMsgId] --client-id` and hands over one action', () => {
    const { program, chosen } = declared(['a1'])
    const cmd = program.commands[0]!
    expect(cmd.name()).toBe('ask')
    expect(cmd.description()).toBe('ask about a message')
    expect(cmd.registeredArguments.map((a) => a.name())).toEqual(['apiMsgId'])
    expect(cmd.options.map((o) => o.long)).toEqual(['--client-id'])
    expect(chosen).toHaveLength(1)
  })

  it('the action asks by the reference given and prints the answer line', async () => {
    const world = fakeWorld({ env: TARGET_ENV })
    await run(['--json', 'send', '--to', '447900000001', '--text', 'Hi', '--client-id', 'order42'], world)
    const apiMsgId = JSON.parse(world.stdoutText()).value.outcomes[0].apiMsgId
    const after = fakeWorld({ env: TARGET_ENV })
    const { chosen, asked } = declared(['--client-id', 'order42'])
    // The same gateway, a fresh world to read the output of the lookup alone.
    const ctx = contextOf({ ...after, transport: world.transport }, {})
    expect(await chosen[0]!(ctx)).toBe(0)
    expect(asked()).toEqual({ clientMessageId: 'order42' })
    expect(after.stdoutText()).toBe(`${apiMsgId}  status 002 Message queued\n`)
  })

  it('an unknown message is the gateway refusing: exit 1', async () => {
    const world = fakeWorld({ env: TARGET_ENV })
    const { chosen } = declared(['--client-id', 'nope'])
    expect(await chosen[0]!(contextOf(world, {}))).toBe(1)
    expect(world.stderrText()).toBe(
      'error: gateway error 104 on querymsg: Unknown client message ID\nadvice: Check climsgid.\n',
    )
  })
})
