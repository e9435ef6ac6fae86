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
 * Maps an (async) iterable with at most `concurrency` calls in flight, yielding results in input order. The
 * source is read lazily, from the first request, and never by two calls at once; at most `window` items are
 * taken and not yet consumed. A call that throws ends the iteration with its error as soon as it happens; ending
 * the iteration (a `break`, `return`, a failure) closes the source with its `return`.
 *
 * It is an async iterator written by hand rather than an async generator: a generator's `yield` costs promises
 * and turns of the microtask queue for every item, which showed in the client's overhead per message.
 *
 * @example
 * import { Client } from 'clickatell-fp'
 * const out: number[] = []
 * for await (const x of Client.Bulk.mapOrdered([3, 1, 2], { concurrency: 3 }, async (n) => n * 10)) out.push(x)
 * console.log(out) // [30, 10, 20]
 * @category combinators
 * @since 0.1.0
 */
export function mapOrdered<A, B>(
  source: Iterable<A> | AsyncIterable<A>,
  options: OrderedOptions,
  f: (a: A, index: number) => Promise<B>,
): AsyncIterableIterator<B> {
  const concurrency = Math.max(1, Math.floor(options.concurrency) || 1)
  const window = Math.max(concurrency, Math.floor(options.window ?? concurrency * 16) || 0)
  const sync = !(Symbol.asyncIterator in source)
  let it: AsyncIterator<A> | Iterator<A> | undefined
  // At most `window` items are taken and not yet yielded, so item i's result has slot i % window of a ring.
  const values: Array<B | undefined> = new Array(window)
  const ready = new Uint8Array(window)
  let next = 0 // index of the next item to take from the source
  let emitted = 0 // index of the next result to yield
  let taking = 0 // takes from an async source under way
  let done = false // no more items will be taken
  let finished = false // the consumer has had the end (or the failure): every later call answers done
  let failure: { error: unknown } | undefined
  let all: Promise<void> | undefined
  let roomWaiters: Array<() => void> = []
  const room = () => {
    if (roomWaiters.length === 0) return
    const ws = roomWaiters
    roomWaiters = []
    for (const w of ws) w()
  }

  // Taking from the source is serialised: an async iterator may not be called concurrently. Each taker chains
  // on the previous take (no waking every worker for every item); a sync source is read synchronously.
  let chain: Promise<unknown> = Promise.resolve()
  const take = (source: AsyncIterator<A> | Iterator<A>): IteratorResult<A> | Promise<IteratorResult<A>> => {
    if (sync) return (source as Iterator<A>).next()
    const p = chain.then(() => source.next())
    chain = p.catch(() => undefined)
    return p
  }

  const worker = async (source: AsyncIterator<A> | Iterator<A>): Promise<void> => {
    for (;;) {
      if (done || failure !== undefined || options.signal?.aborted === true) return
      // A take in progress holds a place in the window: the item it brings gets its index only when it arrives.
      while (next + taking - emitted >= window && failure === undefined && !done)
        await new Promise<void>((r) => roomWaiters.push(r))
      if (done || failure !== undefined) return
      let item: IteratorResult<A>
      try {
        // A synchronous source answers at once; awaiting it anyway would cost a turn of the queue per item.
        const taken = take(source)
        if (sync) item = taken as IteratorResult<A>
        else {
          taking++
          try {
            item = await taken
          } finally {
            taking--
          }
        }
      } catch (error) {
        failure = { error }
        settle()
        return
      }
      if (item.done === true) {
        done = true
        settle()
        return
      }
      const index = next++
      try {
        const value = await f(item.value, index)
        values[index % window] = value
        ready[index % window] = 1
        if (index === emitted) settle()
      } catch (error) {
        failure = { error }
        settle()
      }
    }
  }

  // The workers start at the first request, as a generator's body would.
  let started = false
  const start = (): void => {
    if (started) return
    started = true
    try {
      it = sync
        ? (source as Iterable<A>)[Symbol.iterator]()
        : (source as AsyncIterable<A>)[Symbol.asyncIterator]()
    } catch (error) {
      failure = { error }
      done = true
      all = Promise.resolve()
      return
    }
    const source_ = it
    all = Promise.all(Array.from({ length: concurrency }, () => worker(source_))).then(() => {
      done = true
      settle()
    })
  }

  // Stops taking items and closes the source, once.
  let closing: Promise<void> | undefined
  const close = (): Promise<void> => {
    if (closing === undefined) {
      done = true
      finished = true
      room()
      const w = waiter
      waiter = undefined
      w?.({ done: true, value: undefined })
      const source_ = it
      closing = Promise.resolve()
        .then(() => source_?.return?.())
        .then(() => undefined)
    }
    return closing
  }

  // What the consumer's next request gets now, or undefined when it must wait for a worker.
  const answer = (): IteratorResult<B> | Promise<IteratorResult<B>> | undefined => {
    if (finished) return { done: true, value: undefined }
    const slot = emitted % window
    if (ready[slot] === 1) {
      const value = values[slot] as B
      values[slot] = undefined
      ready[slot] = 0
      emitted++
      room()
      return { done: false, value }
    }
    if (failure !== undefined) {
      const error = failure.error
      return close().then(() => Promise.reject(error))
    }
    // Nothing is in flight: once every worker has stopped, only a failure of a last take can still arrive.
    if (done && emitted >= next)
      return all!.then(() =>
        failure !== undefined ? answer()! : close().then(() => ({ done: true as const, value: undefined })),
      )
    return undefined
  }

  // The consumer waits only for the result it takes next (or the end, or a failure), so only that wakes it.
  let waiter: ((r: IteratorResult<B> | Promise<IteratorResult<B>>) => void) | undefined
  function settle(): void {
    const w = waiter
    if (w === undefined) return
    // Taken off first: answering a failure closes the iterator, and closing answers any waiter with the end.
    waiter = undefined
    const a = answer()
    if (a === undefined) waiter = w
    else w(a)
  }
  // Requests are answered one at a time, in order. `for await` makes one at a time; a caller that makes several
  // without waiting has each queued behind the one before.
  let outstanding = 0 // requests made and not yet answered
  let last: Promise<unknown> = Promise.resolve()
  const enqueue = () =>
    new Promise<IteratorResult<B>>((resolve) => {
      waiter = (r) => {
        outstanding--
        resolve(r)
      }
    })
  const queued = (): IteratorResult<B> | Promise<IteratorResult<B>> => {
    const a = answer()
    if (a === undefined) return enqueue()
    outstanding--
    return a
  }
  const iterator: AsyncIterableIterator<B> = {
    next: () => {
      start()
      if (outstanding === 0) {
        const a = answer()
        if (a !== undefined) return Promise.resolve(a)
      }
      outstanding++
      const p = outstanding === 1 ? enqueue() : last.then(queued, queued)
      last = p
      return p
    },
    return: async () => {
      await close()
      return { done: true, value: undefined }
    },
    throw: async (error: unknown) => {
      await close()
      throw error
    },
    [Symbol.asyncIterator]: () => iterator,
  }
  return iterator
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
