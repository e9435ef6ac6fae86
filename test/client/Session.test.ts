import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import type { Exchange } from '../../src/client/Exchange.js'
import {
  EXPIRY_MS,
  make,
  perRequest,
  RENEWALS,
  type SessionEvent,
  viaSession,
} from '../../src/client/Session.js'
import { type ClickatellError, gatewayError, transportError } from '../../src/core/errors.js'
import { account, decodeCredentials, decodeSession } from '../../src/core/request/Credentials.js'
import { bind, unbound, type WireRequest } from '../../src/core/request/Wire.js'

const MINUTE = 60_000

const setup = () => {
  let time = 0
  let auths = 0
  const sessions = make({ now: () => time, authenticate: async () => E.right(`s${++auths}`) })
  return {
    sessions,
    at: (t: number) => {
      time = t
    },
    auths: () => auths,
  }
}

describe('Session', () => {
  it('dates a use from when the request was made, not when its answer came', async () => {
    const { sessions, at } = setup()
    expect(await sessions.get()).toEqual(E.right('s1'))
    // A request made at 10 minutes whose answer comes at 14: the gateway's 15 minutes run from 10.
    at(10 * MINUTE)
    expect(sessions.current()).toBe('s1')
    at(14 * MINUTE)
    sessions.touch('s1', 10 * MINUTE)
    at(10 * MINUTE + EXPIRY_MS - 1)
    expect(sessions.current()).toBe('s1')
    at(10 * MINUTE + EXPIRY_MS)
    expect(sessions.current()).toBeUndefined()
  })

  it('never moves a use back in time, and takes the time given to current', async () => {
    const { sessions, at, auths } = setup()
    await sessions.get()
    sessions.touch('s1', 12 * MINUTE)
    // An answer to an older request arrives later: its earlier time changes nothing.
    sessions.touch('s1', 3 * MINUTE)
    at(12 * MINUTE + EXPIRY_MS - 1)
    expect(sessions.current()).toBe('s1')
    // The time passed in is the one judged, whatever the clock says.
    expect(sessions.current(12 * MINUTE + EXPIRY_MS)).toBeUndefined()
    // A touch of a session that is no longer the current one changes nothing either.
    sessions.invalidate('s1')
    sessions.touch('s1', 40 * MINUTE)
    expect(sessions.current()).toBeUndefined()
    expect(await sessions.get()).toEqual(E.right('s2'))
    expect(auths()).toBe(2)
  })
})

describe('viaSession', () => {
  const sessionNamed = (id: string) => {
    const c = decodeSession(id)
    if (E.isLeft(c)) throw new Error('bad session')
    return c.right
  }

  const setup = (answers: Array<E.Either<ClickatellError, unknown>>) => {
    let auths = 0
    const used: string[] = []
    const events: SessionEvent[] = []
    const sessions = make({ now: () => 0, authenticate: async () => E.right(sessionNamed(`s${++auths}`)) })
    const exchange = (async (_command: string, wire: WireRequest) => {
      used.push(wire.params[0]![1])
      return answers.shift() ?? E.right({ ok: true })
    }) as unknown as Exchange
    const via = viaSession({ sessions, exchange, now: () => 0, onEvent: (e) => events.push(e) })
    const ping = () => via('ping', (c) => bind(c)(unbound('ping', [])))
    return { ping, used, events, auths: () => auths }
  }
  const expired = E.left(gatewayError('ping', '001', 'Authentication failed'))

  it('repeats a request refused for its session with a new one, up to RENEWALS times', async () => {
    const s = setup(Array.from({ length: RENEWALS + 1 }, () => expired))
    expect(await s.ping()).toEqual(expired)
    expect(s.used).toEqual(['s1', 's2', 's3', 's4'])
    expect(s.events.filter((e) => e._tag === 'Reauthenticating')).toHaveLength(RENEWALS)
  })

  it('a session refused once is renewed and the request answered', async () => {
    const s = setup([expired])
    expect(await s.ping()).toEqual(E.right({ ok: true }))
    expect(s.used).toEqual(['s1', 's2'])
    expect(s.auths()).toBe(2)
  })

  it('any other failure is answered as it is, on the same session', async () => {
    const lost = E.left(transportError('timeout', 'x'))
    const s = setup([lost])
    expect(await s.ping()).toEqual(lost)
    await s.ping()
    expect(s.used).toEqual(['s1', 's1'])
  })

  it('perRequest binds the account to every request, with no session', async () => {
    const me = decodeCredentials(account({ apiId: '1', user: 'me', password: 'pw' }))
    if (E.isLeft(me)) throw new Error('bad account')
    const seen: WireRequest[] = []
    const exchange = (async (_c: string, wire: WireRequest) => {
      seen.push(wire)
      return E.right({})
    }) as unknown as Exchange
    await perRequest(me.right, exchange)('getbalance', (c) => bind(c)(unbound('getbalance', [])))
    expect(seen[0]!.params.map(([n]) => n)).toEqual(['api_id', 'user', 'password'])
  })
})
