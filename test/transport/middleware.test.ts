import { fc, test } from '@fast-check/vitest'
import * as E from 'fp-ts/lib/Either.js'
import { pipe } from 'fp-ts/lib/function.js'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { type TransportError, transportError } from '../../src/core/errors.js'
import type { HttpRequest, HttpResponse } from '../../src/core/http.js'
import {
  backoff,
  type RetryOptions,
  sleep,
  type TransportEvent,
  withLogging,
  withRetry,
  withTimeout,
} from '../../src/transport/middleware.js'
import type { Transport } from '../../src/transport/Transport.js'

const numRuns = process.env['CI'] ? 100 : 300

type Outcome = E.Either<TransportError, HttpResponse>

const status = (s: number): Outcome => E.right({ status: s, headers: {}, body: '' })
const failure = (kind: TransportError['kind']): Outcome => E.left(transportError(kind, kind))

// A stub that answers from a script (the last answer repeats) and records what it was sent.
const scripted = (...answers: ReadonlyArray<Outcome>) => {
  const sent: HttpRequest[] = []
  const transport: Transport = {
    send: (request) => () => {
      sent.push(request)
      return Promise.resolve(answers[Math.min(sent.length - 1, answers.length - 1)]!)
    },
  }
  return { transport, sent }
}

const ping: HttpRequest = {
  method: 'GET',
  url: 'https://api.clickatell.com/http/ping?session_id=s',
  headers: {},
}

const recorder = () => {
  const delays: number[] = []
  const sleep = (ms: number): Promise<void> => {
    delays.push(ms)
    return Promise.resolve()
  }
  return { delays, sleep }
}

describe('backoff', () => {
  it.each<[RetryOptions, ReadonlyArray<number>, string]>([
    [{ random: () => 0.5 }, [100, 200, 400, 800, 1000], 'full jitter, half way'],
    [{ random: () => 0 }, [0, 0, 0, 0, 0], 'full jitter, the floor'],
    [{ random: () => 0.999 }, [199, 399, 799, 1598, 1998], 'full jitter, just under the ceiling'],
    [{ jitter: 'none' }, [200, 400, 800, 1600, 2000], 'no jitter: the ceiling'],
    [{ random: () => Number.NaN }, [0, 0, 0, 0, 0], 'a broken random waits nothing'],
    [{ random: () => 7 }, [200, 400, 800, 1600, 2000], 'a random over 1 is clamped to the ceiling'],
  ])('%#: %j (%s)', (options, expected) => {
    const delay = backoff({ baseDelayMs: 200, maxDelayMs: 2000, ...options })
    expect([0, 1, 2, 3, 4].map(delay)).toEqual(expected)
  })

  test.prop(
    [
      fc.nat(10_000),
      fc.nat(60_000),
      fc.nat(100),
      fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
    ],
    { numRuns },
  )('stays between 0 and min(max, base * 2^retry)', (base, max, retry, r) => {
    const d = backoff({ baseDelayMs: base, maxDelayMs: max, random: () => r })(retry)
    expect(d).toBeGreaterThanOrEqual(0)
    expect(d).toBeLessThanOrEqual(Math.min(max, base * 2 ** retry))
    expect(Number.isInteger(d)).toBe(true)
  })
})

describe('sleep', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('answers at once for a signal aborted before, for 0, a negative or no number', async () => {
    vi.useFakeTimers()
    const controller = new AbortController()
    controller.abort()
    let done = 0
    for (const p of [sleep(60_000, controller.signal), sleep(0), sleep(-5), sleep(Number.NaN)])
      void p.then(() => done++)
    await vi.advanceTimersByTimeAsync(0)
    expect(done).toBe(4)
  })

  it('waits its time, ends early when aborted, and never fires at once past what a timer holds', async () => {
    vi.useFakeTimers()
    let short = false
    let long = false
    let aborted = false
    const controller = new AbortController()
    void sleep(1_000).then(() => {
      short = true
    })
    void sleep(2 ** 32).then(() => {
      long = true
    })
    void sleep(10_000, controller.signal).then(() => {
      aborted = true
    })
    await vi.advanceTimersByTimeAsync(999)
    expect([short, long, aborted]).toEqual([false, false, false])
    await vi.advanceTimersByTimeAsync(1)
    controller.abort()
    await vi.advanceTimersByTimeAsync(0)
    expect([short, long, aborted]).toEqual([true, false, true])
    // Cut to 2^31 - 1 ms: a day later it still waits.
    await vi.advanceTimersByTimeAsync(86_400_000)
    expect(long).toBe(false)
    await vi.advanceTimersByTimeAsync(2 ** 31)
    expect(long).toBe(true)
  })
})

describe('withRetry', () => {
  it('waits exactly the backoff between attempts, and stops after `retries`', async () => {
    const { transport, sent } = scripted(failure('network'))
    const { delays, sleep } = recorder()
    const result = await withRetry({
      retries: 5,
      baseDelayMs: 100,
      maxDelayMs: 1000,
      sleep,
      random: () => 0.5,
    })(transport).send(ping)()
    expect(result).toEqual(failure('network'))
    expect(sent.length).toBe(6)
    expect(delays).toEqual([50, 100, 200, 400, 500])
  })

  it.each([
    [[failure('network'), status(200)], 2, 'a network failure, then an answer'],
    [[status(502), status(503), status(504), status(200)], 4, 'the three statuses of a busy proxy'],
    [[failure('timeout'), status(200)], 1, 'a time-out may have reached the gateway'],
    [[failure('aborted'), status(200)], 1, 'the caller wants no more'],
    [[failure('too-large'), status(200)], 1, 'the same body will be as large again'],
    [[status(500), status(200)], 1, 'a 500 is an answer'],
    [[status(404), status(200)], 1, 'a 4xx will not change'],
    [[status(200), status(500)], 1, 'success'],
  ])('%# sends %j times (%s)', async (answers, expectedSends) => {
    const { transport, sent } = scripted(...answers)
    const { sleep } = recorder()
    const result = await withRetry({ retries: 5, sleep, random: () => 0 })(transport).send(ping)()
    expect(sent.length).toBe(expectedSends)
    expect(result).toEqual(answers[expectedSends - 1])
  })

  test.prop([fc.nat(20), fc.array(fc.constantFrom(failure('network'), status(503)), { maxLength: 30 })], {
    numRuns,
  })('sends at most retries + 1 times', async (retries, answers) => {
    const { transport, sent } = scripted(...answers, status(200))
    await withRetry({ retries, sleep: () => Promise.resolve(), random: () => 0 })(transport).send(ping)()
    expect(sent.length).toBe(Math.min(retries + 1, answers.length + 1))
  })

  it('asks shouldRetry with the outcome and the request', async () => {
    const { transport, sent } = scripted(status(500), status(200))
    const seen: Array<[Outcome, HttpRequest]> = []
    const result = await withRetry({
      sleep: () => Promise.resolve(),
      shouldRetry: (outcome, request) => {
        seen.push([outcome, request])
        return E.isRight(outcome) && outcome.right.status === 500
      },
    })(transport).send(ping)()
    expect(result).toEqual(status(200))
    expect(sent.length).toBe(2)
    expect(seen).toEqual([
      [status(500), ping],
      [status(200), ping],
    ])
  })

  it('a shouldRetry that throws is a no', async () => {
    const { transport, sent } = scripted(failure('network'))
    const result = await withRetry({
      shouldRetry: () => {
        throw new Error('oops')
      },
    })(transport).send(ping)()
    expect(result).toEqual(failure('network'))
    expect(sent.length).toBe(1)
  })

  it("stops when the caller aborts during the wait, with kind 'aborted'", async () => {
    const { transport, sent } = scripted(failure('network'))
    const controller = new AbortController()
    const result = await withRetry({
      retries: 5,
      sleep: () => {
        controller.abort()
        return Promise.resolve()
      },
    })(transport).send({ ...ping, signal: controller.signal })()
    expect(result).toMatchObject({ _tag: 'Left', left: { kind: 'aborted' } })
    expect(sent.length).toBe(1)
  })

  it('a sleep that rejects does not reject the send', async () => {
    const { transport, sent } = scripted(failure('network'), status(200))
    const result = await withRetry({ sleep: () => Promise.reject(new Error('no timers')) })(transport).send(
      ping,
    )()
    expect(result).toEqual(status(200))
    expect(sent.length).toBe(2)
  })

  it('a transport that rejects is a network failure, retried', async () => {
    let calls = 0
    const flaky: Transport = {
      send: () => () => (++calls === 1 ? Promise.reject(new Error('bug')) : Promise.resolve(status(200))),
    }
    const result = await withRetry({ sleep: () => Promise.resolve() })(flaky).send(ping)()
    expect(result).toEqual(status(200))
  })
})

describe('withTimeout', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  // Answers only when its signal fires, as a transport should; or never, as a broken one might.
  const hanging = (honoursSignal: boolean) => {
    const signals: AbortSignal[] = []
    const transport: Transport = {
      send: (request) => () =>
        new Promise((resolve) => {
          if (request.signal !== undefined) signals.push(request.signal)
          if (honoursSignal)
            request.signal?.addEventListener('abort', () =>
              resolve(E.left(transportError('network', 'destroyed'))),
            )
        }),
    }
    return { transport, signals }
  }

  it.each([
    [true, 'a transport that honours the signal'],
    [false, 'a transport that ignores it'],
  ])("gives kind 'timeout' after ms (%s, %s)", async (honours) => {
    const { transport, signals } = hanging(honours)
    const pending = withTimeout(1000)(transport).send(ping)()
    await vi.advanceTimersByTimeAsync(999)
    expect(signals[0]!.aborted).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    expect(await pending).toMatchObject({
      _tag: 'Left',
      left: { kind: 'timeout', message: 'no response in 1000 ms' },
    })
    expect(signals[0]!.aborted).toBe(true)
  })

  it("gives kind 'aborted' when the caller aborts first", async () => {
    const { transport } = hanging(true)
    const controller = new AbortController()
    const pending = withTimeout(1000)(transport).send({ ...ping, signal: controller.signal })()
    controller.abort()
    expect(await pending).toMatchObject({ _tag: 'Left', left: { kind: 'aborted' } })
  })

  it("gives kind 'aborted' at once for a signal already aborted, without calling the transport", async () => {
    const { transport, signals } = hanging(false)
    const result = await withTimeout(1000)(transport).send({ ...ping, signal: AbortSignal.abort() })()
    expect(result).toMatchObject({ _tag: 'Left', left: { kind: 'aborted' } })
    expect(signals).toEqual([])
  })

  it('passes an answer through and clears its timer', async () => {
    const { transport } = scripted(status(200))
    expect(await withTimeout(1000)(transport).send(ping)()).toEqual(status(200))
    expect(vi.getTimerCount()).toBe(0)
  })

  it.each([
    [Number.NaN, 'not a number'],
    [-1, 'negative'],
  ])('%s sets no timer (%s)', async (ms) => {
    const { transport } = hanging(false)
    void withTimeout(ms)(transport).send(ping)()
    expect(vi.getTimerCount()).toBe(0)
  })

  it('composes with withRetry: each attempt has its own time limit', async () => {
    const { transport, signals } = hanging(true)
    const policy = pipe(
      transport,
      withTimeout(100),
      withRetry({ retries: 2, shouldRetry: () => true, sleep: () => Promise.resolve() }),
    )
    const pending = policy.send(ping)()
    await vi.advanceTimersByTimeAsync(300)
    expect(await pending).toMatchObject({ _tag: 'Left', left: { kind: 'timeout' } })
    expect(signals.length).toBe(3)
  })
})

describe('withLogging', () => {
  const secrets = ['hunter2', 's3ss10n', 'tok3n', 'dTpwYXNz']
  const request: HttpRequest = {
    method: 'POST',
    url: 'https://api.clickatell.com/http/sendmsg?session_id=s3ss10n',
    headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: 'Basic dTpwYXNz' },
    body: 'user=u&password=hunter2&token=tok3n&to=27999000001&text=Hi',
    signal: new AbortController().signal,
  }

  const logged = async (answer: Outcome): Promise<{ events: TransportEvent[]; result: Outcome }> => {
    const events: TransportEvent[] = []
    let t = 1000
    const { transport } = scripted(answer)
    const result = await withLogging((e) => events.push(e), { now: () => (t += 25) })(transport).send(
      request,
    )()
    return { events, result }
  }

  it('reports a response: redacted request, status, duration', async () => {
    const { events, result } = await logged(status(503))
    expect(result).toEqual(status(503))
    expect(events).toEqual([
      {
        _tag: 'Response',
        request: {
          method: 'POST',
          url: 'https://api.clickatell.com/http/sendmsg?session_id=%5Bredacted%5D',
          headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: 'Basic [redacted]' },
          body: 'user=u&password=%5Bredacted%5D&token=%5Bredacted%5D&to=27999000001&text=Hi',
        },
        status: 503,
        durationMs: 25,
      },
    ])
  })

  it('reports a failure without its cause, and with no secret anywhere', async () => {
    const leaky = E.left(
      transportError(
        'network',
        'GET ...?password=hunter2 failed',
        new Error('session_id=s3ss10n in the cause'),
      ),
    )
    const { events, result } = await logged(leaky)
    expect(result).toBe(leaky)
    expect(events).toMatchObject([
      {
        _tag: 'Failure',
        error: { _tag: 'TransportError', kind: 'network', message: 'GET ...?password=[redacted] failed' },
      },
    ])
    expect(events[0]).not.toHaveProperty('error.cause')
    const text = JSON.stringify(events)
    for (const s of secrets) expect(text).not.toContain(s)
  })

  it('a log that throws changes nothing', async () => {
    const { transport } = scripted(status(200))
    const result = await withLogging(() => {
      throw new Error('disk full')
    })(transport).send(ping)()
    expect(result).toEqual(status(200))
  })
})
