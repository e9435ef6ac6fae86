/**
 * Bounded concurrency, a rate limit and results in input order: the machinery of bulk sending, independent of
 * what is sent. A window keeps workers from running far ahead of a slow consumer, so memory stays bounded
 * however many items the source yields.
 *
 * @since 0.1.0
 */

/**
 * Options of `mapOrdered`.
 *
 * @category model
 * @since 0.1.0
 */
export interface OrderedOptions {
  /** Items in flight at once. */
  readonly concurrency: number
  /** Results waiting for the consumer, at most (default: 16 times the concurrency). */
  readonly window?: number
  /** Stop taking new items when aborted. */
  readonly signal?: AbortSignal
}

/**
 * Maps an (async) iterable with at most `concurrency` calls in flight, yielding results in input order.
 *
 * @example
 * import { Client } from 'clickatell-fp'
 * const out: number[] = []
 * for await (const x of Client.Bulk.mapOrdered([3, 1, 2], { concurrency: 3 }, async (n) => n * 10)) out.push(x)
 * console.log(out) // [30, 10, 20]
 * @category combinators
 * @since 0.1.0
 */
export async function* mapOrdered<A, B>(
  source: Iterable<A> | AsyncIterable<A>,
  options: OrderedOptions,
  f: (a: A, index: number) => Promise<B>,
): AsyncGenerator<B, void, undefined> {
  const concurrency = Math.max(1, Math.floor(options.concurrency) || 1)
  const window = Math.max(concurrency, options.window ?? concurrency * 16)
  const it: AsyncIterator<A> | Iterator<A> =
    Symbol.asyncIterator in source ? source[Symbol.asyncIterator]() : source[Symbol.iterator]()
  const results = new Map<number, B>()
  let next = 0 // index of the next item to take from the source
  let emitted = 0 // index of the next result to yield
  let done = false
  let failure: { error: unknown } | undefined
  let wake: (() => void) | undefined
  const notify = () => {
    const w = wake
    wake = undefined
    w?.()
  }
  const waitForChange = () => new Promise<void>((resolve) => (wake = resolve))
  let roomWaiters: Array<() => void> = []
  const room = () => {
    const ws = roomWaiters
    roomWaiters = []
    for (const w of ws) w()
  }

  // Taking from the source is serialised: an async iterator may not be called concurrently. Each taker chains
  // on the previous take (no waking every worker for every item); a sync source is read synchronously.
  const sync = !(Symbol.asyncIterator in source)
  let chain: Promise<unknown> = Promise.resolve()
  const take = (): IteratorResult<A> | Promise<IteratorResult<A>> => {
    if (sync) return (it as Iterator<A>).next()
    const p = chain.then(() => it.next())
    chain = p.catch(() => undefined)
    return p
  }

  const worker = async (): Promise<void> => {
    for (;;) {
      if (done || failure !== undefined || options.signal?.aborted === true) return
      while (next - emitted >= window && failure === undefined)
        await new Promise<void>((r) => roomWaiters.push(r))
      if (done || failure !== undefined) return
      let item: IteratorResult<A>
      try {
        item = await take()
      } catch (error) {
        failure = { error }
        notify()
        return
      }
      if (item.done === true) {
        done = true
        notify()
        return
      }
      const index = next++
      try {
        results.set(index, await f(item.value, index))
      } catch (error) {
        failure = { error }
      }
      notify()
    }
  }

  const workers = Array.from({ length: concurrency }, worker)
  const all = Promise.all(workers).then(() => {
    done = true
    notify()
  })
  try {
    for (;;) {
      if (results.has(emitted)) {
        const value = results.get(emitted)!
        results.delete(emitted)
        emitted++
        room()
        yield value
        continue
      }
      if (failure !== undefined) throw failure.error
      if (done && emitted >= next && results.size === 0) {
        await all
        if (results.has(emitted)) continue
        if (failure !== undefined) throw (failure as { error: unknown }).error
        return
      }
      await waitForChange()
    }
  } finally {
    done = true
    room()
    await it.return?.()
  }
}

/**
 * A rate limiter: `acquire()` resolves when the next call may start, so that calls start at most `perSecond`
 * times a second on the given clock (evenly spaced).
 *
 * @example
 * import { Client } from 'clickatell-fp'
 * const env = Client.manualEnv(0)
 * const limit = Client.Bulk.rateLimiter(100, env)
 * await limit.acquire(); await limit.acquire(); await limit.acquire()
 * console.log(env.now()) // 20
 * @category constructors
 * @since 0.1.0
 */
export const rateLimiter = (
  perSecond: number,
  env: { readonly now: () => number; readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void> },
): { readonly acquire: (signal?: AbortSignal) => Promise<void> } => {
  const spacing = perSecond > 0 && Number.isFinite(perSecond) ? 1000 / perSecond : 0
  let nextSlot = Number.NEGATIVE_INFINITY
  return {
    acquire: async (signal) => {
      if (spacing === 0) return
      const now = env.now()
      const slot = Math.max(now, nextSlot)
      nextSlot = slot + spacing
      if (slot > now) await env.sleep(slot - now, signal)
    },
  }
}
