// Deadlines on real timers, short ones: each test proves an answer comes, never how fast.
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import * as Deadline from '../../src/client/Deadline.js'

const never = (): Promise<E.Either<never, never>> => new Promise(() => {})

describe('Deadline', () => {
  it('without a deadline or a signal, runs as it is, with no signal', async () => {
    const seen: Array<AbortSignal | undefined> = []
    const r = await Deadline.within(undefined, undefined, async (signal) => {
      seen.push(signal)
      return E.right(1)
    })
    expect(r).toEqual(E.right(1))
    expect(seen).toEqual([undefined])
  })

  it('answers a timeout when the deadline passes, even from a run that ignores its signal', async () => {
    let signal: AbortSignal | undefined
    const r = await Deadline.within(20, undefined, (s) => {
      signal = s
      return never()
    })
    expect(r).toMatchObject({
      _tag: 'Left',
      left: { _tag: 'TransportError', kind: 'timeout', message: 'no answer within the deadline of 20 ms' },
    })
    expect(signal?.aborted).toBe(true)
  })

  it("the caller's abort ends it with kind aborted", async () => {
    const controller = new AbortController()
    const pending = Deadline.within(60_000, controller.signal, () => never())
    controller.abort()
    expect(await pending).toMatchObject({ _tag: 'Left', left: { kind: 'aborted' } })
  })

  it("a caller's signal aborted already: aborted at once, and run is not called", async () => {
    let called = false
    const r = await Deadline.within(60_000, AbortSignal.abort(), async () => {
      called = true
      return E.right(1)
    })
    expect(r).toMatchObject({ _tag: 'Left', left: { kind: 'aborted' } })
    expect(called).toBe(false)
  })

  it('an answer before the deadline clears its timer: the signal never fires', async () => {
    let signal: AbortSignal | undefined
    expect(
      await Deadline.within(30, undefined, async (s) => {
        signal = s
        return E.right('ok')
      }),
    ).toEqual(E.right('ok'))
    await new Promise((r) => setTimeout(r, 60))
    expect(signal?.aborted).toBe(false)
  })

  it('a run that rejects (against its contract) is a Left, not a rejection', async () => {
    const r = await Deadline.until(new AbortController().signal, () => Promise.reject(new Error('boom')))
    expect(r).toMatchObject({ _tag: 'Left', left: { _tag: 'TransportError', kind: 'network' } })
  })
})
