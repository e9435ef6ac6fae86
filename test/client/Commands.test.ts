// The commands besides sends: the retry rule and its backoff, reads retried and one-shot commands never, batch
// outcomes without a client message id. The session layer is a stub that binds to fixed credentials.
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { make, type RetryEvent, retrying } from '../../src/client/Commands.js'
import type { Authenticated } from '../../src/client/Session.js'
import { type ClickatellError, gatewayError, httpStatusError, transportError } from '../../src/core/errors.js'
import type { Command, RestCommand } from '../../src/core/request/Command.js'
import { decodeSession } from '../../src/core/request/Credentials.js'
import type { WireRequest } from '../../src/core/request/Wire.js'

const backoff = { retries: 3, baseDelayMs: 100, maxDelayMs: 1000 }

describe('retrying', () => {
  const setup = () => {
    const slept: number[] = []
    const events: RetryEvent[] = []
    const retry = retrying({
      backoff,
      sleep: async (ms) => {
        slept.push(ms)
      },
      random: () => 0.5,
      onEvent: (e) => events.push(e),
    })
    return { retry, slept, events }
  }
  const script = (answers: ReadonlyArray<E.Either<ClickatellError, string>>) => {
    let n = 0
    return { run: async () => answers[Math.min(n++, answers.length - 1)]!, calls: () => n }
  }

  it('repeats a failure worth repeating, with exponential backoff and full jitter, and says so', async () => {
    const { retry, slept, events } = setup()
    const s = script([
      E.left(httpStatusError(503, '')),
      E.left(transportError('timeout', 'x')),
      E.right('ok'),
    ])
    expect(await retry('getbalance', s.run)).toEqual(E.right('ok'))
    expect(slept).toEqual([50, 100])
    expect(events).toEqual([
      { _tag: 'Retrying', command: 'getbalance', attempt: 1, after: 'HttpStatusError' },
      { _tag: 'Retrying', command: 'getbalance', attempt: 2, after: 'TransportError' },
    ])
  })

  it('gives up after `retries` repeats with the last failure', async () => {
    const { retry } = setup()
    const s = script([E.left(gatewayError('querymsg', '901', 'Internal error'))])
    expect(await retry('querymsg', s.run)).toMatchObject({ _tag: 'Left', left: { code: '901' } })
    expect(s.calls()).toBe(backoff.retries + 1)
  })

  it('answers a definite refusal at once', async () => {
    const { retry, slept } = setup()
    const s = script([E.left(gatewayError('querymsg', '101', 'Invalid or missing parameters'))])
    await retry('querymsg', s.run)
    expect(s.calls()).toBe(1)
    expect(slept).toEqual([])
  })

  it('stops once the signal is aborted', async () => {
    const { retry } = setup()
    const controller = new AbortController()
    controller.abort()
    const s = script([E.left(httpStatusError(503, ''))])
    await retry('getbalance', s.run, controller.signal)
    expect(s.calls()).toBe(1)
  })
})

describe('the commands', () => {
  const decoded = decodeSession('abc')
  if (E.isLeft(decoded)) throw new Error('bad session')
  const credentials = decoded.right

  const setup = (
    answers: Partial<Record<Command, ReadonlyArray<E.Either<ClickatellError, unknown>>>> = {},
  ) => {
    const sent: WireRequest[] = []
    const retried: Array<Command | RestCommand> = []
    const via = (async (command: Command, build: (c: typeof credentials) => WireRequest) => {
      sent.push(build(credentials))
      const queue = answers[command] as Array<E.Either<ClickatellError, unknown>> | undefined
      return queue?.shift() ?? E.right({})
    }) as Authenticated
    const commands = make({
      via,
      retry: (command, run) => {
        retried.push(command)
        return run()
      },
      authenticate: async () => E.right({ sessionId: 'new' }),
      method: 'POST',
      authentication: 'session',
    })
    return { commands, sent, retried }
  }

  it('reads go through the retry rule; voucher and the batch commands do not', async () => {
    const { commands, retried } = setup()
    await commands.balance()()
    await commands.status({ apiMsgId: 'abc' })()
    await commands.coverage('44')()
    await commands.voucher('1234567890123456')()
    await commands.startBatch({ template: 'Hi' })()
    await commands.endBatch({ batchId: 'b1' })()
    expect(retried).toEqual(['getbalance', 'querymsg', 'routecoverage'])
  })

  it('an input refused when encoded is a Left, and nothing is sent', async () => {
    const { commands, sent } = setup()
    expect(await commands.status({} as never)()).toMatchObject({
      _tag: 'Left',
      left: { _tag: 'InvalidInput' },
    })
    expect(await commands.voucher('12ab')()).toMatchObject({ _tag: 'Left', left: { _tag: 'InvalidInput' } })
    expect(await commands.sendItem({ batchId: 'b1', to: 'nope' })()).toMatchObject({ _tag: 'Left' })
    expect(sent).toEqual([])
  })

  it('binds each request to the credentials it is given', async () => {
    const { commands, sent } = setup()
    await commands.cancel({ clientMessageId: 'order42' })()
    expect(sent[0]).toEqual({
      command: 'delmsg',
      path: '/http/delmsg',
      params: [
        ['session_id', 'abc'],
        ['climsgid', 'order42'],
      ],
    })
  })

  it('auth answers a new session id; ping without a session is refused', async () => {
    expect(await setup().commands.auth()()).toEqual(E.right({ sessionId: 'new' }))
    const perRequest = make({
      via: (async () => E.right({})) as unknown as Authenticated,
      retry: (_c, run) => run(),
      authenticate: async () => E.right({ sessionId: 'new' }),
      method: 'POST',
      authentication: 'per-request',
    })
    expect(await perRequest.ping()()).toMatchObject({
      _tag: 'Left',
      left: { _tag: 'InvalidInput', problems: [{ path: 'credentials' }] },
    })
  })

  it.each<[string, E.Either<ClickatellError, unknown>, object]>([
    [
      'an answer is Accepted',
      E.right({ apiMsgId: 'm1' }),
      { _tag: 'Accepted', apiMsgId: 'm1', confirmed: false },
    ],
    ['a lost answer is Unknown', E.left(transportError('timeout', 'x')), { _tag: 'Unknown' }],
    ['901 is Unknown', E.left(gatewayError('senditem', '901', 'Internal error')), { _tag: 'Unknown' }],
    ['a refusal is Rejected', E.left(gatewayError('senditem', '105', 'x')), { _tag: 'Rejected' }],
  ])('senditem: %s, with no client message id', async (_reason, answer, outcome) => {
    const { commands } = setup({ senditem: [answer] })
    const r = await commands.sendItem({ batchId: 'b1', to: '447900000001', fields: ['Jo'] })()
    expect(r).toMatchObject({ _tag: 'Right', right: { ...outcome, to: '447900000001', attempts: 1 } })
    expect(E.isRight(r) && 'clientMessageId' in r.right).toBe(false)
  })

  it('quicksend: one request per chunk, outcomes paired with recipients by position, a missing line Unknown', async () => {
    const to = Array.from({ length: 302 }, (_, i) => String(447900000000 + i))
    const lines = (n: number) => ({
      outcomes: Array.from({ length: n }, (_, i) => ({ _tag: 'Accepted', apiMsgId: `a${i}` })),
    })
    const { commands, sent } = setup({ quicksend: [E.right(lines(300)), E.right(lines(1))] })
    const r = await commands.quickSend({ batchId: 'b1', to })()
    expect(sent.map((w) => w.params.find(([n]) => n === 'to')![1].split(',').length)).toEqual([300, 2])
    if (E.isLeft(r)) throw new Error('expected Right')
    expect(r.right.outcomes.map((o) => o.to)).toEqual(to)
    expect(r.right.outcomes.slice(0, 301).every((o) => o._tag === 'Accepted')).toBe(true)
    expect(r.right.outcomes[301]).toMatchObject({
      _tag: 'Unknown',
      error: { _tag: 'InvalidInput', problems: [{ message: 'the gateway answered 1 lines for 2 numbers' }] },
    })
  })
})
