import { describe, expect, it } from 'vitest'
import { run } from '../../../src/cli/Program.js'
import { cli, fakeWorld, TARGET_ENV } from '../fakeWorld.js'

describe('clickatell cancel', () => {
  it('stops a message queued for later: status 006', async () => {
    const world = fakeWorld({ env: TARGET_ENV })
    await run(['--json', 'send', '--to', '447900000001', '--text', 'x', '--deliver-after', '60'], world)
    const apiMsgId: string = JSON.parse(world.stdoutText()).value.outcomes[0].apiMsgId
    const out: string[] = []
    const code = await run(['--json', 'cancel', apiMsgId], {
      ...world,
      stdout: { write: (s) => out.push(s) },
    })
    expect(code).toBe(0)
    expect(JSON.parse(out.join(''))).toMatchObject({
      ok: true,
      value: {
        apiMsgId,
        status: { code: '006', description: 'User cancelled message delivery', final: true },
      },
    })
    expect(world.target.store.messages[0]!.status).toBe('006')
  })

  it('a message that already left is not cancelled: its status, the reason, exit 1', async () => {
    const world = fakeWorld({ env: TARGET_ENV })
    await run(['--json', 'send', '--to', '447900000001', '--text', 'x'], world)
    const apiMsgId: string = JSON.parse(world.stdoutText()).value.outcomes[0].apiMsgId
    world.target.store.messages[0]!.status = '004'
    const out: string[] = []
    const err: string[] = []
    const code = await run(['cancel', apiMsgId], {
      ...world,
      stdout: { write: (s) => out.push(s) },
      stderr: { write: (s) => err.push(s) },
    })
    expect([code, out.join(''), err.join('')]).toEqual([
      1,
      `${apiMsgId}  status 004 Received by recipient\n`,
      'error: nothing was cancelled: the message is already 004 (Received by recipient); only a message still waiting (011) or queued (002) can be stopped\n',
    ])
    const json: string[] = []
    expect(
      await run(['--json', 'cancel', apiMsgId], { ...world, stdout: { write: (s) => json.push(s) } }),
    ).toBe(1)
    expect(JSON.parse(json.join(''))).toMatchObject({
      ok: false,
      error: { _tag: 'NothingCancelled' },
      value: { apiMsgId, status: { code: '004' } },
    })
  })

  it('an id that is not one is bad input: exit 2, nothing sent', async () => {
    const r = await cli(['cancel', 'not-an-id!'])
    expect(r.code).toBe(2)
    expect(r.err).toMatch(/^error: invalid input: apiMsgId: [^\n]+\n$/)
    // Nothing asked about (the client may open its session first).
    expect(r.world.received).not.toContain('delmsg')
  })
})
