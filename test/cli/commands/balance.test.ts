import { describe, expect, it } from 'vitest'
import { cli } from '../fakeWorld.js'

describe('clickatell balance', () => {
  it("prints the gateway's digits", async () => {
    const r = await cli(['balance'])
    expect([r.code, r.out, r.err]).toEqual([0, 'Credit 5000.000\n', ''])
    expect(r.world.received).toEqual(['auth', 'getbalance'])
  })

  it('as JSON', async () => {
    const r = await cli(['--json', 'balance'])
    expect(JSON.parse(r.out)).toEqual({ ok: true, value: { credit: 5000, raw: '5000.000' } })
  })

  it('bold on a colour terminal', async () => {
    expect((await cli(['balance'], { stdoutTTY: true })).out).toBe('\u001b[1mCredit\u001b[0m 5000.000\n')
  })

  it('a refused account exits 1 and never prints the password', async () => {
    const r = await cli(['--json', 'balance', '--password', 'WRONG-secret-77'])
    expect(r.code).toBe(1)
    expect(r.out + r.err).not.toContain('WRONG-secret-77')
    expect(JSON.parse(r.out)).toMatchObject({ ok: false, error: { _tag: 'GatewayError', code: '001' } })
    expect(r.err).toBe(
      `error: gateway error 001 on auth: Authentication failed\nadvice: Check api_id, user and password. With a session id this also means the session went stale: authenticate again (quirk 2).\n`,
    )
  })

  it('a URL without credentials is bad input naming what is missing', async () => {
    const r = await cli(['balance'], {
      env: { CLICKATELL_URL: 'http://gateway.test', CLICKATELL_USER: 'alice' },
    })
    expect([r.code, r.out]).toEqual([2, ''])
    expect(r.err).toBe(
      'error: invalid input: api-id: is missing: give --api-id or set CLICKATELL_API_ID; password: is missing: give --password or set CLICKATELL_PASSWORD\n',
    )
  })

  it('the network down exits 1', async () => {
    const r = await cli(['balance'], { down: ['auth'] })
    expect([r.code, r.err]).toEqual([
      1,
      'error: transport error (network): connect ECONNREFUSED http://gateway.test\n',
    ])
  })
})
