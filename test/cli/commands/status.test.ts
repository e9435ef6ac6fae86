import { describe, expect, it } from 'vitest'
import { run } from '../../../src/cli/Program.js'
import { cli, fakeWorld, TARGET_ENV } from '../fakeWorld.js'

// One message sent first, through the same world, then asked about.
const withMessage = async () => {
  const world = fakeWorld({ env: TARGET_ENV })
  await run(['--json', 'send', '--to', '447900000001', '--text', 'x', '--client-id', 'order42'], world)
  const apiMsgId: string = JSON.parse(world.stdoutText()).value.outcomes[0].apiMsgId
  const ask = async (args: ReadonlyArray<string>) => {
    const out: string[] = []
    const code = await run(args, { ...world, stdout: { write: (s: string) => out.push(s) } })
    return { code, out: out.join('') }
  }
  return { apiMsgId, ask, world }
}

describe('clickatell status', () => {
  it('by the gateway id: one line, exit 0', async () => {
    const { apiMsgId, ask } = await withMessage()
    expect(await ask(['status', apiMsgId])).toEqual({
      code: 0,
      out: `${apiMsgId}  status 002 Message queued\n`,
    })
  })

  it('by your client id, as JSON', async () => {
    const { apiMsgId, ask, world } = await withMessage()
    const r = await ask(['--json', 'status', '--client-id', 'order42'])
    expect(r.code).toBe(0)
    expect(JSON.parse(r.out)).toMatchObject({
      ok: true,
      value: { apiMsgId, status: { code: '002', description: 'Message queued', final: false } },
    })
    expect(world.received.at(-1)).toBe('querymsg')
    expect(world.target.store.messages.at(-1)!.cliMsgId).toBe('order42')
  })

  it('an unknown client id is the gateway refusing: exit 1', async () => {
    const r = await cli(['status', '--client-id', 'nope'])
    expect([r.code, r.out, r.err]).toEqual([
      1,
      '',
      'error: gateway error 104 on querymsg: Unknown client message ID\nadvice: Check climsgid.\n',
    ])
  })

  it('no id at all is bad input: exit 2, nothing asked', async () => {
    const r = await cli(['status'])
    expect([r.code, r.out, r.err]).toEqual([
      2,
      '',
      'error: invalid input: apiMsgId: is empty; an API message id is 1 to 64 letters and digits\n',
    ])
    // Nothing asked about (the client may open its session first).
    expect(r.world.received).not.toContain('querymsg')
  })
})
