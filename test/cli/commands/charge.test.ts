import { describe, expect, it } from 'vitest'
import { run } from '../../../src/cli/Program.js'
import { cli, fakeWorld, TARGET_ENV } from '../fakeWorld.js'

describe('clickatell charge', () => {
  it('the charge and status of a message, by your client id', async () => {
    const world = fakeWorld({ env: TARGET_ENV })
    await run(['--json', 'send', '--to', '447900000001', '--text', 'x', '--client-id', 'order42'], world)
    const apiMsgId: string = JSON.parse(world.stdoutText()).value.outcomes[0].apiMsgId
    const out: string[] = []
    const code = await run(['charge', '--client-id', 'order42'], {
      ...world,
      stdout: { write: (s) => out.push(s) },
    })
    expect(code).toBe(0)
    expect(out.join('')).toBe(`${apiMsgId}  status 002 Message queued  charge 1\n`)
    expect(world.received.at(-1)).toBe('getmsgcharge')
  })

  it('an unknown message exits 1 with the JSON error', async () => {
    const r = await cli(['--json', 'charge', '--client-id', 'nope'])
    expect(r.code).toBe(1)
    expect(JSON.parse(r.out)).toEqual({
      ok: false,
      error: {
        _tag: 'GatewayError',
        command: 'getmsgcharge',
        code: '104',
        description: 'Unknown client message ID',
        message: 'gateway error 104 on getmsgcharge: Unknown client message ID',
        advice: 'Check climsgid.',
      },
    })
  })
})
