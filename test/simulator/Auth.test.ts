import { describe, expect, it } from 'vitest'
import { ACCOUNT, boot, CRED } from './harness.js'

const MINUTE = 60_000

describe('auth', () => {
  it('answers OK: and a 32 lower-hex session id, and records the session', async () => {
    const { sim, call } = await boot()
    const body = await call('/http/auth')
    expect(body).toMatch(/^OK: [0-9a-f]{32}$/)
    expect(sim.state.sessions.map((s) => s.id)).toEqual([body.slice(4)])
  })

  it.each([
    ['', 'ERR: 108, Invalid or missing API ID', 'no credentials at all'],
    ['api_id=999&user=alice&password=s3cret', 'ERR: 108, Invalid or missing API ID', 'unknown api_id'],
    [`api_id=${ACCOUNT.apiId}&password=s3cret`, 'ERR: 002, Unknown username or password', 'user missing'],
    [`api_id=${ACCOUNT.apiId}&user=alice`, 'ERR: 002, Unknown username or password', 'password missing'],
    [
      `api_id=${ACCOUNT.apiId}&user=alice&password=wrong`,
      'ERR: 001, Authentication failed',
      'wrong password',
    ],
    [`api_id=${ACCOUNT.apiId}&user=bob&password=s3cret`, 'ERR: 001, Authentication failed', 'wrong user'],
    [`${CRED}&to=1`, 'ERR: 101, Invalid or missing parameters', 'a parameter auth does not take'],
  ])('%s -> %s (%s)', async (query, expected) => {
    const { get } = await boot()
    const answer = await get('/http/auth', query)
    expect(answer).toEqual({ status: 200, contentType: 'text/html; charset=UTF-8', body: expected })
  })
})

describe('sessions', () => {
  it('authenticate any command; without session or credentials the answer is 005', async () => {
    const { get, session } = await boot()
    const id = await session()
    expect((await get('/http/getbalance', `session_id=${id}`)).body).toBe('Credit: 100.000')
    expect((await get('/http/getbalance', '')).body).toBe('ERR: 005, Missing session ID')
    expect((await get('/http/getbalance', 'session_id=0123456789abcdef0123456789abcdef')).body).toBe(
      'ERR: 001, Authentication failed',
    )
  })

  it('expire after 15 minutes of inactivity with ERR: 001, as the live service answers', async () => {
    const { get, session, clock } = await boot()
    const id = await session()
    clock.advance(15 * MINUTE - 1)
    expect((await get('/http/ping', `session_id=${id}`)).body).toBe('OK: ')
    clock.advance(15 * MINUTE - 1)
    expect((await get('/http/getbalance', `session_id=${id}`)).body).toBe('Credit: 100.000')
    clock.advance(15 * MINUTE)
    expect((await get('/http/ping', `session_id=${id}`)).body).toBe('ERR: 001, Authentication failed')
  })

  it('ping keeps a session alive and answers OK: with exactly one trailing space', async () => {
    const { get, session, clock } = await boot()
    const id = await session()
    for (let i = 0; i < 6; i++) {
      clock.advance(10 * MINUTE)
      const answer = await get('/http/ping', `session_id=${id}`)
      expect(answer.body).toBe('OK: ')
    }
  })

  it('answer 003 for an expired session when configured', async () => {
    const { get, session, clock } = await boot({ expiredSessionCode: '003' })
    const id = await session()
    clock.advance(15 * MINUTE)
    expect((await get('/http/ping', `session_id=${id}`)).body).toBe('ERR: 003, Session ID expired')
  })

  it('decide alone when present: good credentials beside a stale session do not help', async () => {
    const { call } = await boot()
    expect(await call('/http/getbalance', 'session_id=deadbeef')).toBe('ERR: 001, Authentication failed')
  })
})

describe('IP lockdown', () => {
  it('refuses requests from other addresses with 007, by credentials and by session', async () => {
    const { get } = await boot({ accounts: [{ ...ACCOUNT, allowedIps: ['10.0.0.1'] }] })
    expect((await get('/http/auth', CRED)).body).toBe('ERR: 007, IP Lockdown violation')
    expect((await get('/http/getbalance', CRED)).body).toBe('ERR: 007, IP Lockdown violation')
  })

  it('lets the listed address through', async () => {
    const { get } = await boot({ accounts: [{ ...ACCOUNT, allowedIps: ['127.0.0.1'] }] })
    expect((await get('/http/getbalance', CRED)).body).toBe('Credit: 100.000')
  })
})

describe('POST', () => {
  it('reads form bodies, and merges the query string', async () => {
    const { post, sim } = await boot()
    expect((await post('/http/getbalance', CRED)).body).toBe('Credit: 100.000')
    const res = await fetch(`${sim.url}/http/getbalance?api_id=${ACCOUNT.apiId}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=ISO-8859-1' },
      body: 'user=alice&password=s3cret',
    })
    expect(await res.text()).toBe('Credit: 100.000')
  })

  it.each([
    ['application/json', 'JSON'],
    ['text/plain', 'plain text'],
    ['multipart/form-data; boundary=x', 'multipart'],
  ])('with Content-Type %s answers ERR: 001 (docs/gateway.md, quirk 18, %s)', async (contentType) => {
    const { post } = await boot()
    expect(await post('/http/getbalance', CRED, contentType)).toEqual({
      status: 200,
      contentType: 'text/html; charset=UTF-8',
      body: 'ERR: 001, Authentication failed',
    })
  })
})

describe('demo account credits', () => {
  it('are 100 by default and set by demoCredits', async () => {
    const { startSimulator } = await import('../../src/simulator/index.js')
    const a = await startSimulator({})
    const b = await startSimulator({ demoCredits: 5000 })
    try {
      expect(a.state.accounts[0]!.credits).toBe(100)
      expect(b.state.accounts[0]!.credits).toBe(5000)
    } finally {
      await a.close()
      await b.close()
    }
  })
})
