/**
 * Bounded concurrency, a rate limit and results in input order: the machinery of bulk sending, independent of
 * what is sent. A window keeps calls from running far ahead of a slow consumer, so memory stays bounded
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
  /**
   * Calls that may have released their place at once (default: the concurrency); past that a `release`
   * does nothing and the call keeps its place, so a storm of waiting calls cannot multiply the load.
   */
  readonly waiting?: number
}

type Settled<B> = { readonly ok: true; readonly value: B } | { readonly ok: false; readonly error: unknown }

// A promise with its resolver.
const deferred = (): { readonly promise: Promise<void>; readonly resolve: () => void } => {
  let resolve!: () => void
  const promise = new Promise<void>((r) => {
    resolve = r
  })
  return { promise, resolve }
}

// A promise that resolves at the next `notify`: how the feeding loop and the consumer wait for each other. It is
// made only when one of them waits.
const changes = () => {
  let waiting: ReturnType<typeof deferred> | undefined
  return {
    next: (): Promise<void> => {
      waiting ??= deferred()
      return waiting.promise
    },
    notify: (): void => {
      const woken = waiting
      waiting = undefined
      woken?.resolve()
    },
  }
}

// What the feeding loop and the consumer of one `mapOrdered` share.
interface Shared<B> {
  /** Started and not yet yielded, in input order; each gets its result when its call settles. */
  readonly queue: Array<{ result?: Settled<B> }>
  readonly changed: ReturnType<typeof changes>
  /** Calls not settled yet that have not released their place. */
  running: number
  /** Calls that released their place and have not settled yet. */
  waiting: number
  /** The feeding loop has stopped: nothing more will be queued. */
  fed: boolean
  /** The consumer has stopped. */
  closed: boolean
  failure: { readonly error: unknown } | undefined
}

// Takes items one at a time (the only reader of the source) while there is room, and starts a call for each.
const feed = async <A, B>(
  it: Iterator<A> | AsyncIterator<A>,
  limits: {
    readonly concurrency: number
    readonly window: number
    readonly waiting: number
    readonly signal?: AbortSignal
  },
  f: (a: A, index: number, release: () => void) => Promise<B>,
  s: Shared<B>,
): Promise<void> => {
  // A call stops counting against the concurrency once: when it says it only waits now (while fewer than
  // `waiting` calls do), or when it settles.
  const freeing = () => {
    let state: 'held' | 'released' | 'done' = 'held'
    return {
      release: (): void => {
        if (state !== 'held' || s.waiting >= limits.waiting) return
        state = 'released'
        s.running--
        s.waiting++
        s.changed.notify()
      },
      settled: (): void => {
        if (state === 'held') s.running--
        else if (state === 'released') s.waiting--
        state = 'done'
      },
    }
  }
  const settle = (entry: { result?: Settled<B> }, free: () => void, result: Settled<B>): void => {
    entry.result = result
    if (!result.ok) s.failure ??= result
    free()
    s.changed.notify()
  }
  for (let index = 0; ; index++) {
    while (!s.closed && (s.running >= limits.concurrency || s.queue.length >= limits.window))
      await s.changed.next()
    if (s.closed || s.failure !== undefined || limits.signal?.aborted === true) return
    const item = await it.next()
    if (item.done === true || s.closed) return
    const entry: { result?: Settled<B> } = {}
    s.queue.push(entry)
    s.running++
    const place = freeing()
    f(item.value, index, place.release).then(
      (value) => settle(entry, place.settled, { ok: true, value }),
      (error: unknown) => settle(entry, place.settled, { ok: false, error }),
    )
    s.changed.notify()
  }
}

/**
 * Maps an (async) iterable with at most `concurrency` calls in flight, yielding results in input order. The
 * source is read lazily, from the first request, by one loop (so never by two calls at once); at most `window`
 * items are taken and not yet consumed. A call that throws ends the iteration with its error as soon as it
 * happens (after the results before it that are ready); ending the iteration (a `break`, `return`, a failure,
 * the end) closes the source with its `return`.
 *
 * `f` gets a `release` to call when it has stopped working and only waits (a send waiting to check a lost
 * answer): from then on it no longer counts against `concurrency`, so the others keep going; it still holds its
 * place in the order and in the window. At most `waiting` calls are released at once.
 *
 * @example
 * import { mapOrdered } from './Bulk.js'
 * const out: number[] = []
 * for await (const x of mapOrdered([3, 1, 2], { concurrency: 3 }, async (n) => n * 10)) out.push(x)
 * console.log(out) // [30, 10, 20]
 * @category combinators
 * @since 0.1.0
 */
export async function* mapOrdered<A, B>(
  source: Iterable<A> | AsyncIterable<A>,
  options: OrderedOptions,
  f: (a: A, index: number, release: () => void) => Promise<B>,
): AsyncGenerator<B, void, undefined> {
  const concurrency = Math.max(1, Math.floor(options.concurrency) || 1)
  const window = Math.max(concurrency, Math.floor(options.window ?? concurrency * 16) || 0)
  const it =
    Symbol.asyncIterator in source
      ? source[Symbol.asyncIterator]()
      : (source as Iterable<A>)[Symbol.iterator]()
  const s: Shared<B> = {
    queue: [],
    changed: changes(),
    running: 0,
    waiting: 0,
    fed: false,
    closed: false,
    failure: undefined,
  }
  const waiting = Math.max(0, Math.floor(options.waiting ?? concurrency) || 0)
  feed(it, { concurrency, window, waiting, ...(options.signal ? { signal: options.signal } : {}) }, f, s)
    .catch((error: unknown) => {
      s.failure ??= { error }
    })
    .finally(() => {
      s.fed = true
      s.changed.notify()
    })
  try {
    for (;;) {
      const head = s.queue[0]
      if (head?.result?.ok === true) {
        s.queue.shift()
        s.changed.notify()
        yield head.result.value
      } else if (s.failure !== undefined) throw s.failure.error
      else if (head === undefined && s.fed) return
      else await s.changed.next()
    }
  } finally {
    s.closed = true
    s.changed.notify()
    await it.return?.()
  }
}

/**
 * A rate limiter: `acquire()` resolves when the next call may start, so that calls start at most `perSecond`
 * times a second on the given clock (evenly spaced).
 *
 * @example
 * import { rateLimiter } from './Bulk.js'
 * import { manualEnv } from './Env.js'
 * const env = manualEnv(0)
 * const limit = rateLimiter(100, env)
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
