/**
 * Sessions: authenticate lazily, share one `auth` between concurrent callers (single flight), treat a session
 * as gone after 15 minutes without use (the gateway's expiry, specification section 4.1), and, when asked,
 * ping every 10 minutes while the client is in use so the session stays alive. A request made with a session
 * the gateway refuses is repeated with a new one (`viaSession`).
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import type { ClickatellError } from '../core/errors.js'
import type { Replies } from '../core/reply/Replies.js'
import type { Command } from '../core/request/Command.js'
import type { ValidCredentials } from '../core/request/Credentials.js'
import type { WireRequest } from '../core/request/Wire.js'
import type { Exchange } from './Exchange.js'
import { isSessionError } from './Policy.js'

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
 * How many times a request refused for its session is repeated with a new one: a fresh session can be dropped
 * again before the repeat arrives, and wrong credentials fail `auth` itself, so this cannot loop on them.
 *
 * @category data
 * @since 0.1.0
 */
export const RENEWALS = 3

/**
 * What the session machinery reports.
 *
 * @category model
 * @since 0.1.0
 */
export type SessionEvent =
  | { readonly _tag: 'Authenticated' | 'Pinged' | 'SessionExpired' }
  | { readonly _tag: 'Reauthenticating'; readonly command: Command }

/**
 * A session manager as a record of functions, over sessions of type `S` (the client's are decoded session
 * credentials), compared with `===`.
 *
 * @category model
 * @since 0.1.0
 */
export interface Sessions<S> {
  /** The current session, authenticating first when there is none or it has expired. */
  readonly get: () => Promise<E.Either<ClickatellError, S>>
  /**
   * The current session when there is a live one, without waiting. `now` is the time of the request, when the
   * caller has read the clock already (default: read it here).
   */
  readonly current: (now?: number) => S | undefined
  /** Forget a session the gateway refused (only if it is still the current one). */
  readonly invalidate: (session: S) => void
  /**
   * Record that a request used the session successfully. `usedAt` is when the request was made (default: now);
   * an earlier time than the last recorded one changes nothing.
   */
  readonly touch: (session: S, usedAt?: number) => void
  /** Stop the keep-alive loop. */
  readonly close: () => void
}

/**
 * What the session manager needs.
 *
 * @category model
 * @since 0.1.0
 */
export interface SessionDeps<S> {
  readonly now: () => number
  /** Runs `auth` and answers the session. */
  readonly authenticate: () => Promise<E.Either<ClickatellError, S>>
  /** Runs `ping` with a session. */
  readonly ping?: (session: S) => Promise<E.Either<ClickatellError, unknown>>
  /** Waits without keeping a process alive (the keep-alive loop's timer). */
  readonly background?: (ms: number) => Promise<void>
  /** Stop pinging after this long without a real request (default 1 hour). */
  readonly idleLimitMs?: number
  readonly onEvent?: (event: SessionEvent) => void
}

// A session manager's state: what a session genuinely is, kept by its manager alone.
interface State<S> {
  current: { readonly session: S; lastUsed: number } | undefined
  pending: Promise<E.Either<ClickatellError, S>> | undefined
  lastRealUse: number
  looping: boolean
  closed: boolean
}

// Pings while the session is in use and has not been for `idleLimitMs`; one loop at a time.
const keepAlive = async <S>(deps: SessionDeps<S>, state: State<S>): Promise<void> => {
  const { ping, background } = deps
  const idleLimit = deps.idleLimitMs ?? 60 * 60_000
  if (ping === undefined || background === undefined || state.looping || state.closed) return
  state.looping = true
  try {
    while (!state.closed && state.current !== undefined && deps.now() - state.lastRealUse < idleLimit) {
      const due = state.current.lastUsed + PING_INTERVAL_MS - deps.now()
      if (due > 0) {
        await background(due)
        continue
      }
      const session = state.current.session
      const r = await ping(session)
      if (E.isRight(r)) {
        if (state.current?.session === session) state.current.lastUsed = deps.now()
        deps.onEvent?.({ _tag: 'Pinged' })
      } else if (state.current?.session === session) state.current = undefined
    }
  } finally {
    state.looping = false
  }
}

// The live session, or one `auth` shared by every caller that asks while it runs.
const get = <S>(deps: SessionDeps<S>, state: State<S>): Promise<E.Either<ClickatellError, S>> => {
  state.lastRealUse = deps.now()
  const current = state.current
  if (current !== undefined && deps.now() - current.lastUsed < EXPIRY_MS)
    return Promise.resolve(E.right(current.session))
  if (current !== undefined) {
    state.current = undefined
    deps.onEvent?.({ _tag: 'SessionExpired' })
  }
  state.pending ??= deps
    .authenticate()
    .then((r) => {
      if (E.isRight(r)) {
        state.current = { session: r.right, lastUsed: deps.now() }
        deps.onEvent?.({ _tag: 'Authenticated' })
        void keepAlive(deps, state)
      }
      return r
    })
    .finally(() => {
      state.pending = undefined
    })
  return state.pending
}

/**
 * Makes a session manager.
 *
 * @example
 * import * as Session from './Session.js'
 * import * as E from 'fp-ts/Either'
 * let auths = 0
 * const sessions = Session.make({ now: () => 0, authenticate: async () => E.right(`s${++auths}`) })
 * const [a, b] = await Promise.all([sessions.get(), sessions.get()])
 * console.log(a, b, auths) // { _tag: 'Right', right: 's1' } { _tag: 'Right', right: 's1' } 1
 * @category constructors
 * @since 0.1.0
 */
export const make = <S>(deps: SessionDeps<S>): Sessions<S> => {
  const state: State<S> = {
    current: undefined,
    pending: undefined,
    lastRealUse: deps.now(),
    looping: false,
    closed: false,
  }
  return {
    get: () => get(deps, state),
    current: (now = deps.now()) => {
      if (state.current === undefined || now - state.current.lastUsed >= EXPIRY_MS) return undefined
      if (now > state.lastRealUse) state.lastRealUse = now
      return state.current.session
    },
    invalidate: (session) => {
      if (state.current?.session === session) state.current = undefined
    },
    touch: (session, usedAt = deps.now()) => {
      if (state.current?.session === session && usedAt > state.current.lastUsed)
        state.current.lastUsed = usedAt
      if (usedAt > state.lastRealUse) state.lastRealUse = usedAt
    },
    close: () => {
      state.closed = true
    },
  }
}

/**
 * Runs a request of `command` with the client's credentials: `build` binds it to them.
 *
 * @category model
 * @since 0.1.0
 */
export type Authenticated = <C extends Command>(
  command: C,
  build: (credentials: ValidCredentials) => WireRequest,
  signal?: AbortSignal,
) => Promise<E.Either<ClickatellError, Replies[C]>>

/**
 * What `viaSession` needs.
 *
 * @category model
 * @since 0.1.0
 */
export interface ViaSessionDeps {
  readonly sessions: Sessions<ValidCredentials>
  readonly exchange: Exchange
  readonly now: () => number
  readonly onEvent: (event: SessionEvent) => void
}

/**
 * Requests with the current session. On `ERR: 001`, `003` or `005` the request was refused, so the client
 * authenticates again and repeats it, up to `RENEWALS` times.
 *
 * @example
 * import * as Session from './Session.js'
 * import * as Wire from '../core/request/Wire.js'
 * import { decodeSession } from '../core/request/Credentials.js'
 * import * as E from 'fp-ts/Either'
 * const sessions = Session.make({ now: () => 0, authenticate: async () => decodeSession('abc') })
 * const sent: string[] = []
 * const exchange = async (_command: string, wire: Wire.WireRequest) => {
 *   sent.push(wire.params[0]![1])
 *   return E.right({ ok: true })
 * }
 * const via = Session.viaSession({ sessions, exchange: exchange as never, now: () => 0, onEvent: () => {} })
 * await via('ping', (credentials) => Wire.bind(credentials)(Wire.unbound('ping', [])))
 * console.log(sent) // ['abc']
 * @category constructors
 * @since 0.1.0
 */
export const viaSession =
  (deps: ViaSessionDeps): Authenticated =>
  async (command, build, signal) => {
    for (let renewals = 0; ; renewals++) {
      // The session's use is dated from when the request is made (the gateway's 15 minutes run from then): now,
      // or once `auth` has answered when there is no live session.
      const now = deps.now()
      const live = deps.sessions.current(now)
      const [session, usedAt] =
        live !== undefined ? [E.right(live), now] : [await deps.sessions.get(), deps.now()]
      if (E.isLeft(session)) return session
      const credentials = session.right
      const r = await deps.exchange(command, build(credentials), signal)
      if (E.isRight(r) || r.left._tag === 'GatewayError') deps.sessions.touch(credentials, usedAt)
      if (E.isRight(r) || renewals >= RENEWALS || !isSessionError(r.left)) return r
      deps.sessions.invalidate(credentials)
      deps.onEvent({ _tag: 'Reauthenticating', command })
    }
  }

/**
 * Requests with the account's credentials in every one (`authentication: 'per-request'`): no session.
 *
 * @example
 * import * as Session from './Session.js'
 * import * as Wire from '../core/request/Wire.js'
 * import { account, decodeCredentials } from '../core/request/Credentials.js'
 * import * as E from 'fp-ts/Either'
 * const me = decodeCredentials(account({ apiId: '1', user: 'me', password: 'pw' }))
 * const exchange = async (_command: string, wire: Wire.WireRequest) => E.right(wire.params.map(([n]) => n))
 * if (E.isRight(me)) {
 *   const via = Session.perRequest(me.right, exchange as never)
 *   console.log(await via('getbalance', (c) => Wire.bind(c)(Wire.unbound('getbalance', []))))
 *   // { _tag: 'Right', right: ['api_id', 'user', 'password'] }
 * }
 * @category constructors
 * @since 0.1.0
 */
export const perRequest =
  (account: ValidCredentials, exchange: Exchange): Authenticated =>
  (command, build, signal) =>
    exchange(command, build(account), signal)
