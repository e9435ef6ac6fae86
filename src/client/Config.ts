/**
 * The client's configuration, decoded once (ky's `normalize`): the lenient `ClientConfig` a caller writes, where
 * only `transport` and `credentials` are required, becomes the complete `Settings` the client runs on, every
 * default filled in, or `InvalidInput` listing every problem with its path (`credentials.password`,
 * `retry.retries`, `bulk.concurrency`; a secret is never quoted). What runs after `Client.make` reads `Settings`
 * and checks nothing again.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import { type InvalidInput, invalidInput } from '../core/errors.js'
import { ClientMessageId } from '../core/message/IdCodecs.js'
import { CountryCode } from '../core/message/Msisdn.js'
import { describe, problemsOf } from '../core/message/Validation.js'
import { MAX_BODY_CHARS } from '../core/reply/Parse.js'
import { account, decodeCredentials, type ValidCredentials } from '../core/request/Credentials.js'
import { root } from '../core/request/Render.js'
import { decodeToken, type RestToken } from '../core/request/RestRequests.js'
import { requestMethod } from '../core/request/Wire.js'
import type { Transport } from '../transport/Transport.js'
import {
  atLeast,
  Bool,
  Duration,
  fn,
  isObject,
  named,
  OptionalDuration,
  oneOf,
  orElse,
  section,
  TransportCodec,
} from './Codecs.js'
import type { RetryEvent } from './Commands.js'
import { type Env, randomIds, systemEnv } from './Env.js'
import type { Backoff } from './Policy.js'
import type { SendEvent, SendPolicy } from './Send.js'
import type { SessionEvent } from './Session.js'

/**
 * How to reach and use the gateway. Only `transport` and `credentials` are required.
 *
 * @category model
 * @since 0.1.0
 */
export interface ClientConfig {
  /** `http` (the default): the HTTP API v2.6. For the legacy REST API see `RestClientConfig`. */
  readonly dialect?: 'http'
  readonly transport: Transport
  readonly credentials: { readonly apiId: string; readonly user: string; readonly password: string }
  /** Default `https://api.clickatell.com`. */
  readonly baseUrl?: string
  /** Default `POST` (credentials never in a URL). */
  readonly method?: 'GET' | 'POST'
  /** `session` (default): one `auth`, then the session id; `per-request`: credentials with every request. */
  readonly authentication?: 'session' | 'per-request'
  /** Ping every 10 minutes while in use, so the session does not expire (default false). */
  readonly keepAlive?: boolean
  /** Repeats of read-only commands (default 3 retries, 200 ms base, 5 s cap, full jitter). */
  readonly retry?: Partial<Backoff>
  /**
   * The longest one request may take, its whole answer included, however slowly it comes (default 30,000 ms;
   * `Infinity` for none). A send that runs out of time is checked with `querymsg`, never sent again blindly.
   */
  readonly timeoutMs?: number
  /**
   * The longest one call may take, its retries, session renewals and checks included (default none). For `send`
   * and `sendAll`, each recipient's send from its first request; a send stopped by it after its request went out
   * is `Unknown`, never sent again.
   */
  readonly deadlineMs?: number
  /**
   * Sends: at most `sends` attempts (default 3). A lost answer is checked with `checks` queries (default 5), the
   * first `checkDelayMs` later (default 1,000), each wait twice the one before up to `maxCheckDelayMs` (default
   * 16,000): 1, 2, 4, 8 and 16 s, as the gateway's reports may lag. `resend: false` makes a message the checks
   * do not find `Unknown` instead of sending it again.
   */
  readonly confirm?: {
    readonly sends?: number
    readonly checks?: number
    readonly checkDelayMs?: number
    readonly maxCheckDelayMs?: number
    readonly resend?: boolean
  }
  /** Bulk defaults: 4 in flight, 100 messages a second (the gateway's documented average). */
  readonly bulk?: { readonly concurrency?: number; readonly ratePerSecond?: number }
  /** Longest response body read, in characters (default 1 MiB). */
  readonly maxBodyChars?: number
  /**
   * The country code that replaces the leading 0 of a national number (`'44'`: `07900000001` is sent as
   * `447900000001`), before the number is checked; without it a national number is refused. Default none.
   */
  readonly defaultCountryCode?: string
  /**
   * Clock, sleep, randomness and id source; tests pass `manualEnv()`. An id that is not a client message id
   * refuses the send it was made for. `background` is the keep-alive loop's wait (default: `sleep` when given,
   * else a timer that does not keep a process alive).
   */
  readonly env?: Partial<Omit<Env, 'newClientMessageId'>> & {
    readonly newClientMessageId?: () => string
    readonly background?: (ms: number) => Promise<void>
  }
  /** Decisions the client takes (authenticated, confirming a lost answer, resending...), for logs. No secrets. */
  readonly onEvent?: (event: ClientEvent) => void
}

/**
 * How to reach and use the gateway's legacy REST API: `dialect: 'rest'` and the API's token, with the same
 * settings as `ClientConfig` but those of the HTTP API's sessions and forms (`method`, `authentication`,
 * `keepAlive`), which REST has none of (the token goes with every request).
 *
 * @category model
 * @since 0.1.0
 */
export interface RestClientConfig
  extends Omit<ClientConfig, 'dialect' | 'credentials' | 'method' | 'authentication' | 'keepAlive'> {
  readonly dialect: 'rest'
  /** The REST API's token, sent as `Authorization: Bearer <token>`. */
  readonly credentials: { readonly token: string }
}

/**
 * What `onEvent` sees.
 *
 * @category model
 * @since 0.1.0
 */
export type ClientEvent = SessionEvent | RetryEvent | SendEvent

/**
 * The configuration decoded: complete, every value checked.
 *
 * @category model
 * @since 0.1.0
 */
export interface Settings {
  readonly dialect: 'http'
  readonly transport: Transport
  readonly account: ValidCredentials
  /** Without a trailing slash. */
  readonly baseUrl: string
  readonly method: 'GET' | 'POST'
  readonly authentication: 'session' | 'per-request'
  readonly keepAlive: boolean
  readonly retry: Backoff
  /** `Infinity` for none. */
  readonly timeoutMs: number
  readonly deadlineMs: number | undefined
  readonly confirm: Omit<SendPolicy, 'backoff'>
  readonly bulk: { readonly concurrency: number; readonly ratePerSecond: number }
  readonly maxBodyChars: number
  readonly defaultCountryCode: CountryCode | undefined
  readonly env: Omit<Env, 'newClientMessageId'>
  readonly background: (ms: number) => Promise<void>
  /** The id source's next id, decoded. */
  readonly newClientMessageId: () => E.Either<InvalidInput, ClientMessageId>
  readonly onEvent: (event: ClientEvent) => void
}

/**
 * A REST configuration decoded: the settings both dialects share, and the token. (`method`, `authentication`
 * and `keepAlive` keep their defaults and are not used.)
 *
 * @category model
 * @since 0.1.0
 */
export interface RestSettings extends Omit<Settings, 'dialect' | 'account'> {
  readonly dialect: 'rest'
  readonly token: RestToken
}

// The account's details are read from a plain object; the secrets are checked (and never quoted) by the core.
const decodeAccount = (u: unknown): E.Either<InvalidInput, ValidCredentials> =>
  isObject(u)
    ? decodeCredentials(account(u as ClientConfig['credentials']))
    : E.left(
        invalidInput([
          {
            path: 'credentials',
            message: `must be an object with apiId, user and password; got ${describe(u)}`,
          },
        ]),
      )

// The REST API's token, at `credentials.token`; never quoted.
const decodeRestToken = (u: unknown): E.Either<InvalidInput, RestToken> =>
  isObject(u)
    ? E.mapLeft((e: InvalidInput) =>
        invalidInput(e.problems.map((p) => ({ ...p, path: `credentials.${p.path}` }))),
      )(decodeToken((u as { token?: unknown }).token))
    : E.left(
        invalidInput([
          { path: 'credentials', message: `must be an object with the token; got ${describe(u)}` },
        ]),
      )

const Dialect = orElse(oneOf(['http', 'rest'] as const), 'http')

const Config = t.type({
  transport: TransportCodec,
  credentials: named('Credentials', decodeAccount),
  baseUrl: named('BaseUrl', (u) => root(u)),
  method: named('Method', requestMethod),
  authentication: orElse(oneOf(['session', 'per-request'] as const), 'session'),
  keepAlive: orElse(Bool, false),
  retry: section(
    t.type({
      retries: orElse(atLeast(0), 3),
      baseDelayMs: orElse(atLeast(0), 200),
      maxDelayMs: orElse(atLeast(0), 5000),
    }),
  ),
  timeoutMs: orElse(Duration, 30_000),
  deadlineMs: OptionalDuration,
  confirm: section(
    t.type({
      sends: orElse(atLeast(1), 3),
      checks: orElse(atLeast(1), 5),
      checkDelayMs: orElse(atLeast(0), 1000),
      maxCheckDelayMs: orElse(atLeast(0), 16_000),
      resend: orElse(Bool, true),
    }),
  ),
  bulk: section(t.type({ concurrency: orElse(atLeast(1), 4), ratePerSecond: orElse(atLeast(0), 100) })),
  maxBodyChars: orElse(atLeast(0), MAX_BODY_CHARS),
  defaultCountryCode: orElse<CountryCode | undefined>(
    CountryCode as t.Type<CountryCode | undefined, CountryCode | undefined, unknown>,
    undefined,
  ),
  env: section(
    t.partial({
      now: fn<() => number>(),
      sleep: fn<(ms: number, signal?: AbortSignal) => Promise<void>>(),
      random: fn<() => number>(),
      newClientMessageId: fn<() => unknown>(),
      background: fn<(ms: number) => Promise<void>>(),
    }),
  ),
  onEvent: orElse(fn<(event: ClientEvent) => void>(), () => {}),
})

// The keep-alive loop's wait by default: a timer that does not keep a Node process alive.
const unrefSleep = (ms: number): Promise<void> =>
  new Promise((resolve) => {
    const timer = setTimeout(resolve, ms) as unknown as { unref?: () => void }
    timer.unref?.()
  })

// An id from the caller's id source is decoded where it enters.
const decodeId = (raw: unknown): E.Either<InvalidInput, ClientMessageId> =>
  E.mapLeft((errors: t.Errors) =>
    invalidInput(problemsOf(errors).map((p) => ({ path: 'clientMessageId', message: p.message }))),
  )(ClientMessageId.decode(raw))

const rightOf =
  <A>(f: () => A) =>
  (): E.Either<never, A> =>
    E.right(f())

// Both dialects read the same settings besides their credentials.
const RestConfig = t.type({ ...Config.props, credentials: named('RestCredentials', decodeRestToken) })

const complete = (c: Omit<t.TypeOf<typeof Config>, 'credentials'>): Omit<Settings, 'dialect' | 'account'> => {
  const ids = c.env.newClientMessageId
  return {
    transport: c.transport,
    baseUrl: c.baseUrl,
    method: c.method,
    authentication: c.authentication,
    keepAlive: c.keepAlive,
    retry: c.retry,
    timeoutMs: c.timeoutMs,
    deadlineMs: c.deadlineMs === Number.POSITIVE_INFINITY ? undefined : c.deadlineMs,
    confirm: c.confirm,
    bulk: c.bulk,
    maxBodyChars: c.maxBodyChars,
    defaultCountryCode: c.defaultCountryCode,
    env: {
      now: c.env.now ?? systemEnv.now,
      sleep: c.env.sleep ?? systemEnv.sleep,
      random: c.env.random ?? systemEnv.random,
    },
    background: c.env.background ?? c.env.sleep ?? unrefSleep,
    newClientMessageId: ids === undefined ? rightOf(randomIds()) : () => decodeId(ids()),
    onEvent: c.onEvent,
  }
}

const decodeWith = <C extends t.Mixed, S>(
  codec: C,
  finish: (c: t.TypeOf<C>) => S,
  config: unknown,
): E.Either<InvalidInput, S> => {
  const decoded = codec.decode(config)
  return E.isRight(decoded) ? E.right(finish(decoded.right)) : E.left(invalidInput(problemsOf(decoded.left)))
}

/**
 * Decodes a configuration into complete settings, or `InvalidInput` with every problem. `dialect` says which
 * of the two it is (`http` when left out).
 *
 * @example
 * import * as Config from './Config.js'
 * const r = Config.decode({ transport: { send: () => {} }, credentials: { apiId: '1', user: 'me', password: '' }, retry: { retries: -1 } })
 * console.log(r._tag === 'Left' && r.left.problems.map((p) => p.path)) // ['credentials.password', 'retry.retries']
 * const ok = Config.decode({ transport: { send: () => {} }, credentials: { apiId: '1', user: 'me', password: 'pw' } })
 * console.log(ok._tag === 'Right' && ok.right.dialect === 'http' && [ok.right.method, ok.right.bulk]) // ['POST', { concurrency: 4, ratePerSecond: 100 }]
 * const rest = Config.decode({ dialect: 'rest', transport: { send: () => {} }, credentials: { token: 't k' } })
 * console.log(rest._tag === 'Left' && rest.left.problems.map((p) => p.path)) // ['credentials.token']
 * @category decoding
 * @since 0.1.0
 */
export function decode(config: ClientConfig): E.Either<InvalidInput, Settings>
export function decode(config: RestClientConfig): E.Either<InvalidInput, RestSettings>
export function decode(config: unknown): E.Either<InvalidInput, Settings | RestSettings>
export function decode(config: unknown): E.Either<InvalidInput, Settings | RestSettings> {
  if (!isObject(config))
    return E.left(
      invalidInput([
        {
          path: '',
          message: `must be a client configuration, an object with transport and credentials; got ${describe(config)}`,
        },
      ]),
    )
  const dialect = Dialect.validate((config as { dialect?: unknown }).dialect, [
    { key: 'dialect', type: Dialect, actual: config },
  ])
  if (E.isLeft(dialect)) return E.left(invalidInput(problemsOf(dialect.left)))
  return dialect.right === 'rest'
    ? decodeWith(
        RestConfig,
        ({ credentials, ...c }) => ({ ...complete(c), dialect: 'rest', token: credentials }),
        config,
      )
    : decodeWith(
        Config,
        ({ credentials, ...c }) => ({ ...complete(c), dialect: 'http', account: credentials }),
        config,
      )
}
