// The safe send: literal scenarios with what each attempt and query met, then the laws against a model gateway
// that stores what arrives and answers queries truthfully (or fails them): never stored twice, Accepted exactly
// when stored, Rejected only when nothing was stored, Unknown only when a query could not tell.
import { fc, test } from '@fast-check/vitest'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { type RecipientOutcome, type SendDeps, type SendEvent, sendOnce } from '../../src/client/Send.js'
import { type ClickatellError, gatewayError, httpStatusError, transportError } from '../../src/core/errors.js'
import type { ClientMessageId } from '../../src/core/message/IdCodecs.js'
import type { Msisdn } from '../../src/core/message/Msisdn.js'
import { statusCode } from '../../src/core/reply/Codes.js'
import type { StatusReply } from '../../src/core/reply/Replies.js'

const to = '447900000001' as Msisdn
const id = 'order42' as ClientMessageId
const policy = {
  sends: 3,
  checks: 2,
  checkDelayMs: 1000,
  maxCheckDelayMs: 1000,
  resend: true,
  backoff: { retries: 3, baseDelayMs: 100, maxDelayMs: 1000 },
}

type AttemptFault =
  | 'ok' // arrives, answered
  | 'lostAfter' // arrives and is stored, the answer is lost
  | 'lostBefore' // never arrives (a time-out)
  | 'refused' // connection refused: nothing arrives
  | 'reject' // the gateway refuses it (ERR 105)
  | 'internal' // ERR 901: not stored
// `unknown103`: an unknown id answered the specification's way (ERR 103) rather than the live service's (001).
type QueryFault = 'truthful' | 'fails' | 'unknown103'

const refused = transportError('network', 'connect ECONNREFUSED', { code: 'ECONNREFUSED' })

/** A gateway that stores what arrives, with a script of faults for the attempts and the queries. */
const model = (
  attempts: ReadonlyArray<AttemptFault>,
  queries: ReadonlyArray<QueryFault>,
  sends = policy.sends,
) => {
  const stored: string[] = []
  const calls: Array<readonly [string, string]> = []
  const events: SendEvent[] = []
  const slept: number[] = []
  let a = 0
  let q = 0
  const deps: SendDeps = {
    attempt: async (t, c) => {
      calls.push([t, c])
      const fault = attempts[a++] ?? 'ok'
      const apiMsgId = `api${a}`
      if (fault === 'ok' || fault === 'lostAfter') stored.push(apiMsgId)
      if (fault === 'ok') return E.right(apiMsgId)
      if (fault === 'refused') return E.left(refused)
      if (fault === 'reject') return E.left(gatewayError('sendmsg', '105', 'Invalid Destination Address'))
      if (fault === 'internal') return E.left(gatewayError('sendmsg', '901', 'Internal error'))
      return E.left(transportError('timeout', 'no answer'))
    },
    query: async (c): Promise<E.Either<ClickatellError, StatusReply>> => {
      expect(c).toBe(id)
      const fault = queries[q++] ?? 'truthful'
      if (fault === 'fails') return E.left(httpStatusError(503, ''))
      if (stored.length === 0 && fault === 'unknown103')
        return E.left(gatewayError('querymsg', '103', 'Invalid client message id'))
      return stored.length > 0
        ? E.right({ apiMsgId: stored[0]!, status: statusCode('003') })
        : E.right({ apiMsgId: '', status: statusCode('001') })
    },
    sleep: async (ms) => {
      slept.push(ms)
    },
    random: () => 0.5,
    policy: { ...policy, sends },
    onEvent: (e) => events.push(e),
  }
  return { deps, stored, calls, events, slept, queried: () => q }
}

describe('sendOnce, scenario by scenario', () => {
  it('an answer is Accepted at once: one attempt, no query', async () => {
    const m = model(['ok'], [])
    expect(await sendOnce(m.deps)(to, id)).toEqual({
      _tag: 'Accepted',
      to,
      clientMessageId: id,
      apiMsgId: 'api1',
      confirmed: false,
      attempts: 1,
    })
    expect(m.queried()).toBe(0)
  })

  it('stored, the answer lost: the first check finds it, nothing is resent', async () => {
    const m = model(['lostAfter'], [])
    expect(await sendOnce(m.deps)(to, id)).toMatchObject({
      _tag: 'Accepted',
      apiMsgId: 'api1',
      confirmed: true,
      attempts: 1,
    })
    expect(m.calls).toHaveLength(1)
    expect(m.events).toEqual([{ _tag: 'Confirming', clientMessageId: id, after: 'TransportError' }])
    expect(m.slept).toEqual([1000]) // the check waits checkDelayMs first
  })

  it('never arrived: every check says unknown, so it is sent again with the same id after a backoff', async () => {
    const m = model(['lostBefore', 'ok'], [])
    expect(await sendOnce(m.deps)(to, id)).toMatchObject({ _tag: 'Accepted', confirmed: false, attempts: 2 })
    expect(m.calls).toEqual([
      [to, id],
      [to, id],
    ])
    expect(m.queried()).toBe(2)
    // two checks 1000 ms apart, then the backoff before the second attempt (0.5 * 100)
    expect(m.slept).toEqual([1000, 1000, 50])
    expect(m.events.map((e) => e._tag)).toEqual(['Confirming', 'Resending'])
  })

  it('ERR 103 or 104 to the query also means "no such message"', async () => {
    const m = model(['lostBefore', 'ok'], ['unknown103', 'unknown103'])
    expect(await sendOnce(m.deps)(to, id)).toMatchObject({ _tag: 'Accepted', attempts: 2 })
  })

  it('a refused connection is sent again without a query', async () => {
    const m = model(['refused', 'ok'], [])
    expect(await sendOnce(m.deps)(to, id)).toMatchObject({ _tag: 'Accepted', attempts: 2 })
    expect(m.queried()).toBe(0)
  })

  it('every query fails: Unknown, with the lost answer as the error, never a second send', async () => {
    const m = model(['lostAfter'], ['fails', 'fails'])
    expect(await sendOnce(m.deps)(to, id)).toMatchObject({
      _tag: 'Unknown',
      clientMessageId: id,
      error: { _tag: 'TransportError', kind: 'timeout' },
      attempts: 1,
    })
    expect(m.calls).toHaveLength(1)
  })

  it('a query that fails tells nothing: the next check still asks, and finds it', async () => {
    const m = model(['lostAfter'], ['fails'])
    expect(await sendOnce(m.deps)(to, id)).toMatchObject({ _tag: 'Accepted', confirmed: true, attempts: 1 })
    expect(m.calls).toHaveLength(1)
  })

  it('a gateway refusal is final', async () => {
    const m = model(['reject'], [])
    expect(await sendOnce(m.deps)(to, id)).toMatchObject({
      _tag: 'Rejected',
      error: { code: '105' },
      attempts: 1,
    })
    expect(m.queried()).toBe(0)
  })

  it('901 leaves it unknown whether the message was taken: it is checked before anything is resent', async () => {
    const m = model(['internal', 'ok'], [])
    expect(await sendOnce(m.deps)(to, id)).toMatchObject({ _tag: 'Accepted', attempts: 2 })
    expect(m.queried()).toBe(2)
  })

  it('after the last attempt, a message that never arrived is Rejected with the last error', async () => {
    const m = model(['refused', 'refused', 'refused', 'ok'], [])
    expect(await sendOnce(m.deps)(to, id)).toMatchObject({ _tag: 'Rejected', error: refused, attempts: 3 })
    expect(m.calls).toHaveLength(3)
  })

  it('a signal aborted during an attempt stops the resending', async () => {
    const controller = new AbortController()
    const m = model(['refused', 'ok'], [])
    const attempt: typeof m.deps.attempt = (n, i) => {
      controller.abort()
      return m.deps.attempt(n, i)
    }
    const outcome = await sendOnce({ ...m.deps, attempt, signal: controller.signal })(to, id)
    expect(outcome).toMatchObject({ _tag: 'Rejected', attempts: 1 })
    expect(m.calls).toHaveLength(1)
  })

  it('a signal aborted before the first attempt sends nothing: Rejected after 0 attempts', async () => {
    const m = model(['ok'], [])
    const outcome = await sendOnce({ ...m.deps, signal: AbortSignal.abort() })(to, id)
    expect(outcome).toMatchObject({ _tag: 'Rejected', attempts: 0, error: { kind: 'aborted' } })
    expect(m.calls).toHaveLength(0)
  })
})

const attemptFault = fc.constantFrom<AttemptFault>(
  'ok',
  'lostAfter',
  'lostBefore',
  'refused',
  'reject',
  'internal',
)
const queryFault = fc.constantFrom<QueryFault>('truthful', 'fails', 'unknown103')

describe('sendOnce, laws against the model gateway', () => {
  test.prop([
    fc.array(attemptFault, { maxLength: 6 }),
    fc.array(queryFault, { maxLength: 12 }),
    fc.integer({ min: 1, max: 5 }),
  ])(
    'never stored twice; Accepted exactly when stored, with the stored id; Rejected only when nothing was stored',
    async (attempts, queries, sends) => {
      const m = model(attempts, queries, sends)
      const o: RecipientOutcome = await sendOnce(m.deps)(to, id)
      expect(m.stored.length).toBeLessThanOrEqual(1)
      if (o._tag === 'Accepted') expect(m.stored).toEqual([o.apiMsgId])
      if (o._tag === 'Rejected') expect(m.stored).toEqual([])
      // Unknown only when a query could not tell (a 503 after the lost answer).
      if (o._tag === 'Unknown') expect(queries.slice(0, m.queried())).toContain('fails')
      // At most `sends` attempts, all with the same recipient and id, and the outcome counts them.
      expect(m.calls.length).toBeLessThanOrEqual(sends)
      expect(o.attempts).toBe(m.calls.length)
      expect(new Set(m.calls.map(([t, c]) => `${t} ${c}`))).toEqual(new Set([`${to} ${id}`]))
      expect(o.clientMessageId).toBe(id)
    },
  )

  test.prop([fc.array(attemptFault, { maxLength: 6 }), fc.array(queryFault, { maxLength: 12 })])(
    'a "Resending" event comes before every attempt after the first, numbered',
    async (attempts, queries) => {
      const m = model(attempts, queries)
      await sendOnce(m.deps)(to, id)
      const resends = m.events.filter((e) => e._tag === 'Resending')
      expect(resends.map((e) => e._tag === 'Resending' && e.attempt)).toEqual(
        Array.from({ length: m.calls.length - 1 }, (_, i) => i + 2),
      )
    },
  )
})

describe('sendOnce with checkFirst (a queue worker resuming a message that may have gone out)', () => {
  it('the gateway has it: Accepted and confirmed, with no attempt', async () => {
    const m = model([], [])
    m.stored.push('earlier')
    expect(await sendOnce({ ...m.deps, checkFirst: true })(to, id)).toEqual({
      _tag: 'Accepted',
      to,
      clientMessageId: id,
      apiMsgId: 'earlier',
      confirmed: true,
      attempts: 0,
    })
    expect(m.calls).toHaveLength(0)
    expect(m.events).toEqual([{ _tag: 'Confirming', clientMessageId: id, after: 'Resumed' }])
  })

  it('the gateway has no such message: sent once, after the checks', async () => {
    const m = model(['ok'], ['unknown103', 'truthful'])
    expect(await sendOnce({ ...m.deps, checkFirst: true })(to, id)).toMatchObject({
      _tag: 'Accepted',
      confirmed: false,
      attempts: 1,
    })
    expect(m.calls).toHaveLength(1)
    expect(m.queried()).toBe(2)
  })

  it('every query fails: Unknown, never a send', async () => {
    const m = model(
      ['ok'],
      Array.from({ length: policy.checks }, () => 'fails' as const),
    )
    expect(await sendOnce({ ...m.deps, checkFirst: true })(to, id)).toMatchObject({
      _tag: 'Unknown',
      error: { _tag: 'HttpStatusError' },
      attempts: 0,
    })
    expect(m.calls).toHaveLength(0)
  })
})
