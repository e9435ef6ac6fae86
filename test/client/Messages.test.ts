// Messages out: each message checked once and fanned out to one safe send per recipient, each with its own id;
// outcomes in input order with their message's position; a refused message is Rejected outcomes, never a throw.
// The session layer is a stub gateway in memory that answers every sendmsg.
import { fc, test } from '@fast-check/vitest'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { manualEnv } from '../../src/client/Env.js'
import {
  type BulkOutcome,
  type MessagesDeps,
  make,
  type Progress,
  sendmsgVia,
} from '../../src/client/Messages.js'
import type { Authenticated } from '../../src/client/Session.js'
import type { ClickatellError } from '../../src/core/errors.js'
import type { ClientMessageId } from '../../src/core/message/IdCodecs.js'
import type { MessageInput } from '../../src/core/message/Message.js'
import { decodeSession } from '../../src/core/request/Credentials.js'
import type { WireRequest } from '../../src/core/request/Wire.js'

const decoded = decodeSession('abc')
if (E.isLeft(decoded)) throw new Error('bad session')
const session = decoded.right

const setup = (deps: Partial<MessagesDeps> = {}) => {
  const env = manualEnv(0)
  const sent: WireRequest[] = []
  const via = (async (_command: string, build: (c: typeof session) => WireRequest) => {
    const wire = build(session)
    sent.push(wire)
    const to = wire.params.find(([n]) => n === 'to')![1]
    return to.startsWith('999')
      ? E.right({ outcomes: [{ _tag: 'Rejected', error: { _tag: 'GatewayError', code: '105' } }] })
      : E.right({ outcomes: [{ _tag: 'Accepted', apiMsgId: `api${sent.length}` }] })
  }) as unknown as Authenticated
  const messages = make({
    prepare: sendmsgVia(via),
    query: async () => E.left({ _tag: 'TransportError', kind: 'network', message: 'x' } as ClickatellError),
    newClientMessageId: () => E.right(env.newClientMessageId()),
    env,
    policy: {
      sends: 3,
      checks: 2,
      checkDelayMs: 1000,
      maxCheckDelayMs: 1000,
      resend: true,
      backoff: { retries: 3, baseDelayMs: 100, maxDelayMs: 1000 },
    },
    bulk: { concurrency: 4, ratePerSecond: 0 },
    onEvent: () => {},
    ...deps,
  })
  const climsgids = () => sent.map((w) => w.params.find(([n]) => n === 'climsgid')![1])
  return { ...messages, sent, env, climsgids }
}

const drain = async <A>(it: AsyncIterable<A>): Promise<A[]> => {
  const out: A[] = []
  for await (const x of it) out.push(x)
  return out
}

describe('send', () => {
  it('one request per recipient, in order, each with its own id; an own id for one recipient is used', async () => {
    const s = setup()
    const r = await s.send({ to: ['447900000001', '999000001', '447900000001'], text: 'Hi' })()
    if (E.isLeft(r)) throw new Error('expected Right')
    expect(r.right.outcomes.map((o) => [o._tag, o.to, o.clientMessageId])).toEqual([
      ['Accepted', '447900000001', 'c1'],
      ['Rejected', '999000001', 'c2'],
      ['Accepted', '447900000001', 'c3'],
    ])
    expect(s.climsgids()).toEqual(['c1', 'c2', 'c3'])
    const own = await s.send({ to: '447900000002', text: 'Hi', clientMessageId: 'order42' })()
    expect(E.isRight(own) && own.right.outcomes[0]!.clientMessageId).toBe('order42')
  })

  it('a message refused before sending is a Left, and nothing is sent', async () => {
    const s = setup()
    expect(await s.send({ to: '447900000001', text: 'x'.repeat(400), maxParts: 2 })()).toMatchObject({
      _tag: 'Left',
      left: { _tag: 'MessageTooLong' },
    })
    expect(s.sent).toEqual([])
  })
})

describe('send with release: the place of a bulk loop of the caller', () => {
  it('is given back once, when every recipient has finished or waits out its checks', async () => {
    const held: Array<() => void> = []
    const env = { ...manualEnv(0), sleep: () => new Promise<void>((resolve) => held.push(resolve)) }
    const timeout = { _tag: 'TransportError', kind: 'timeout', message: 'no answer' } as ClickatellError
    const s = setup({
      env,
      prepare: () =>
        E.right(async (to) =>
          to === '447900000001'
            ? E.left(timeout)
            : E.right({ outcomes: [{ _tag: 'Accepted', apiMsgId: 'b', to } as never] }),
        ),
      query: async () => E.right({ apiMsgId: 'a', status: { code: '003' } }) as never,
    })
    let released = 0
    const result = s.send(
      { to: ['447900000001', '447900000002'], text: 'Hi' },
      { release: () => released++ },
    )()
    for (let i = 0; i < 20 && held.length === 0; i++) await new Promise((resolve) => setImmediate(resolve))
    // The first waits to check its lost answer, the second has been accepted: the place is free.
    expect([held.length, released]).toEqual([1, 1])
    for (const resolve of held) resolve()
    const r = await result
    expect(E.isRight(r) && r.right.outcomes.map((o) => o._tag)).toEqual(['Accepted', 'Accepted'])
    expect(released).toBe(1)
  })
})

describe('sendAll', () => {
  it('a refused message is Rejected outcomes, one per number given, with its own id when valid, else a fresh one', async () => {
    const s = setup()
    const out = await drain(
      s.sendAll([
        { to: ['nope', '447900000001'], text: 'a', clientMessageId: 'order42' },
        { to: '447900000002', text: 'b' },
        { to: 'nope', text: 'c', clientMessageId: 'not valid!' },
      ]),
    )
    expect(out.map((o) => [o.message, o._tag, o.to, o.clientMessageId, o.attempts])).toEqual([
      [0, 'Rejected', 'nope', 'order42', 0],
      [0, 'Rejected', '447900000001', 'order42', 0],
      [1, 'Accepted', '447900000002', 'c1', 1],
      [2, 'Rejected', 'nope', 'c2', 0],
    ])
    expect(s.sent).toHaveLength(1)
  })

  it('an id source that gives something that is not an id refuses that send; the outcome still has a valid id', async () => {
    const s = setup({
      newClientMessageId: () =>
        E.left({ _tag: 'InvalidInput', problems: [{ path: 'clientMessageId', message: 'x' }] }),
    })
    const [o] = await drain(s.sendAll([{ to: '447900000001', text: 'a' }]))
    expect(o).toMatchObject({ _tag: 'Rejected', error: { _tag: 'InvalidInput' }, attempts: 0 })
    expect(o!.clientMessageId).toMatch(/^[0-9a-v]{24}$/)
    expect(s.sent).toEqual([])
  })

  it('takes an async source, counts progress, and spaces starts to the rate on the clock', async () => {
    const s = setup()
    async function* source() {
      for (let i = 0; i < 10; i++) yield { to: `4479000000${i}0`, text: `n${i}` }
    }
    const progress: Progress[] = []
    const out = await drain(s.sendAll(source(), { ratePerSecond: 100, onProgress: (p) => progress.push(p) }))
    expect(out.map((o) => o.message)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])
    expect(progress.map((p) => p.done)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    expect(progress.at(-1)).toMatchObject({ accepted: 10, rejected: 0, unknown: 0, elapsedMs: 90 })
    expect(s.env.now()).toBe(90) // 10 starts, 10 ms apart
  })

  const message: fc.Arbitrary<MessageInput> = fc.oneof(
    fc.record({
      to: fc.array(fc.constantFrom('447900000001', '447900000002', '999000001'), {
        minLength: 1,
        maxLength: 4,
      }),
      text: fc.constantFrom('Hi', 'Grüße'),
    }),
    fc.record({ to: fc.constantFrom('nope', '447900000003'), text: fc.constantFrom('', 'x') }),
  )

  test.prop([fc.array(message, { maxLength: 12 }), fc.integer({ min: 1, max: 5 })])(
    'one outcome per recipient, in input order with its message position, every sent id distinct',
    async (messages, concurrency) => {
      const s = setup()
      const out: BulkOutcome[] = await drain(s.sendAll(messages, { concurrency }))
      const expected = messages.flatMap((m, i) =>
        (Array.isArray(m.to) ? m.to : [m.to]).map((to: string) => [i, to]),
      )
      expect(out.map((o) => [o.message, o.to])).toEqual(expected)
      const ids: ClientMessageId[] = out.map((o) => o.clientMessageId)
      expect(new Set(ids).size).toBe(ids.length)
      expect(new Set(s.climsgids()).size).toBe(s.sent.length)
    },
  )
})
