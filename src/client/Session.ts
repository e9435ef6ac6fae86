/**
 * Sessions: authenticate lazily, share one `auth` between concurrent callers (single flight), treat a session
 * as gone after 15 minutes without use (the gateway's expiry, specification section 4.1), and, when asked,
 * ping every 10 minutes while the client is in use so the session stays alive.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import type { ClickatellError } from '../core/errors.js'

/**
 * The gateway forgets a session after 15 minutes of inactivity.
 *
 * @category data
 * @since 0.1.0
 */
export const EXPIRY_MS = 15 * 60_000

/**
 * The specification's advice: ping every 10 minutes or so.
 *
 * @category data
 * @since 0.1.0
 */
export const PING_INTERVAL_MS = 10 * 60_000

/**
 * A session manager as a record of functions.
 *
 * @category model
 * @since 0.1.0
 */
export interface Sessions {
  /** The current session id, authenticating first when there is none or it has expired. */
  readonly get: () => Promise<E.Either<ClickatellError, string>>
  /**
   * The current session id when there is a live one, without waiting (the hot path of every request). `now` is
   * the time of the request, when the caller has read the clock already (default: read it here).
   */
  readonly current: (now?: number) => E.Either<ClickatellError, string> | undefined
  /** Forget a session the gateway refused (only if it is still the current one). */
  readonly invalidate: (sessionId: string) => void
  /**
   * Record that a request used the session successfully. `usedAt` is when the request was made (default: now);
   * an earlier time than the last recorded one changes nothing.
   */
  readonly touch: (sessionId: string, usedAt?: number) => void
  /** Stop the keep-alive loop. */
  readonly close: () => void
}

/**
 * What the session manager needs.
 *
 * @category model
 * @since 0.1.0
 */
export interface SessionDeps {
  readonly now: () => number
  /** Runs `auth` and answers the session id. */
  readonly authenticate: () => Promise<E.Either<ClickatellError, string>>
  /** Runs `ping` with a session id. */
  readonly ping?: (sessionId: string) => Promise<E.Either<ClickatellError, unknown>>
  /** Waits without keeping a process alive (the keep-alive loop's timer). */
  readonly background?: (ms: number) => Promise<void>
  /** Stop pinging after this long without a real request (default 1 hour). */
  readonly idleLimitMs?: number
  readonly onEvent?: (event: { readonly _tag: 'Authenticated' | 'Pinged' | 'SessionExpired' }) => void
}

/**
 * Makes a session manager.
 *
 * @example
 * import { Client } from 'clickatell-fp'
 * import * as E from 'fp-ts/Either'
 * let auths = 0
 * const sessions = Client.Session.make({ now: () => 0, authenticate: async () => E.right(`s${++auths}`) })
 * const [a, b] = await Promise.all([sessions.get(), sessions.get()])
 * console.log(a, b, auths) // { _tag: 'Right', right: 's1' } { _tag: 'Right', right: 's1' } 1
 * @category constructors
 * @since 0.1.0
 */
export const make = (deps: SessionDeps): Sessions => {
  // The session, with its id as a Right made once (current() answers it for every request).
  let current: { id: string; right: E.Either<ClickatellError, string>; lastUsed: number } | undefined
  let pending: Promise<E.Either<ClickatellError, string>> | undefined
  let lastRealUse = deps.now()
  let looping = false
  let closed = false
  const idleLimit = deps.idleLimitMs ?? 60 * 60_000

  const keepAlive = async (): Promise<void> => {
    const { ping, background } = deps
    if (ping === undefined || background === undefined || looping || closed) return
    looping = true
    try {
      while (!closed && current !== undefined && deps.now() - lastRealUse < idleLimit) {
        const due = current.lastUsed + PING_INTERVAL_MS - deps.now()
        if (due > 0) {
          await background(due)
          continue
        }
        const id = current.id
        const r = await ping(id)
        if (E.isRight(r)) {
          if (current?.id === id) current.lastUsed = deps.now()
          deps.onEvent?.({ _tag: 'Pinged' })
        } else if (current?.id === id) current = undefined
      }
    } finally {
      looping = false
    }
  }

  const live = (): boolean => current !== undefined && deps.now() - current.lastUsed < EXPIRY_MS

  const get = (): Promise<E.Either<ClickatellError, string>> => {
    lastRealUse = deps.now()
    if (live()) return Promise.resolve(E.right(current!.id))
    if (current !== undefined) {
      current = undefined
      deps.onEvent?.({ _tag: 'SessionExpired' })
    }
    if (pending !== undefined) return pending
    const started = deps
      .authenticate()
      .then((r) => {
        if (E.isRight(r)) {
          current = { id: r.right, right: E.right(r.right), lastUsed: deps.now() }
          deps.onEvent?.({ _tag: 'Authenticated' })
          void keepAlive()
        }
        return r
      })
      .finally(() => {
        pending = undefined
      })
    pending = started
    return started
  }

  return {
    get,
    current: (now = deps.now()) => {
      if (current === undefined || now - current.lastUsed >= EXPIRY_MS) return undefined
      if (now > lastRealUse) lastRealUse = now
      return current.right
    },
    invalidate: (id) => {
      if (current?.id === id) current = undefined
    },
    touch: (id, usedAt = deps.now()) => {
      if (current?.id === id && usedAt > current.lastUsed) current.lastUsed = usedAt
      if (usedAt > lastRealUse) lastRealUse = usedAt
    },
    close: () => {
      closed = true
    },
  }
}
