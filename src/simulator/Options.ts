/**
 * The simulator's options as a user writes them (all optional), and the defaults they start from. `Config`
 * checks them and fills the rest in.
 *
 * @since 0.1.0
 */

import type { CallbackForm } from '../core/callback/Report.js'
import type { StatusCodeNumber } from '../core/reply/Codes.js'
import type { Clock } from './Clock.js'
import type { FaultRule } from './Faults.js'

// The six callback forms of specification v2.6 section 5.2.5: the library's own type.
export type { CallbackForm } from '../core/callback/Report.js'

/**
 * One account of the simulated gateway. The specification's three credentials (section 4.1) plus the
 * per-account settings the live service keeps in its web console.
 *
 * @category model
 * @since 0.1.0
 */
export interface AccountOptions {
  readonly apiId: string
  readonly user: string
  readonly password: string
  /** Starting balance in credits; default 100. */
  readonly credits?: number
  /** IP lockdown: when given, requests from other addresses get `ERR: 007`. */
  readonly allowedIps?: ReadonlyArray<string>
  /** Approved sender ids: when given, a `from` outside the list gets `ERR: 123`. */
  readonly senderIds?: ReadonlyArray<string>
  /** At most `max` messages per `windowMs` (default one day); more get `ERR: 130`. */
  readonly mtLimit?: { readonly max: number; readonly windowMs?: number }
  /**
   * The legacy REST API's token (`Authorization: Bearer <token>`): when given, the account is served on the
   * `/rest/...` endpoints too. Visible ASCII, no spaces; no two accounts share one.
   */
  readonly restToken?: string
}

/**
 * A destination prefix and what sending there costs. The longest matching prefix wins; a number that matches
 * none, or matches one with `routable: false`, gets `ERR: 114`.
 *
 * @category model
 * @since 0.1.0
 */
export interface Route {
  readonly prefix: string
  /** Credits per message part; default 1. */
  readonly charge?: number
  /** Default true. */
  readonly routable?: boolean
  /** The status messages to this prefix end in; default `'004'` (received by recipient). */
  readonly finalStatus?: FinalStatus
}

/**
 * The statuses a message can end in after it reached the gateway.
 *
 * @category model
 * @since 0.1.0
 */
export type FinalStatus = Extract<StatusCodeNumber, '004' | '005' | '007' | '009' | '010' | '012' | '014'>

/**
 * Everything `startSimulator` accepts. Every field is optional.
 *
 * @category model
 * @since 0.1.0
 */
export interface SimulatorOptions {
  /** Default `127.0.0.1`. */
  readonly host?: string
  /** Default 0: the system picks a free port. */
  readonly port?: number
  /** With none, one demo account is made and reported as `demo`. */
  readonly accounts?: ReadonlyArray<AccountOptions>
  /** Credits of the demo account (made when no accounts are given); default 100. */
  readonly demoCredits?: number
  /** Default the wall clock; use `manualClock()` in tests. */
  readonly clock?: Clock
  /** Seed for ids, demo credentials and random faults; default 1. */
  readonly seed?: number
  /** Default `defaultRoutes`. */
  readonly routes?: ReadonlyArray<Route>
  /** Numbers on the gateway's block list: `ERR: 121`. */
  readonly blocked?: ReadonlyArray<string>
  /** Numbers that opted out: `ERR: 122`. */
  readonly optedOut?: ReadonlyArray<string>
  /** Numbers on the Do-Not-Contact list: `ERR: 250` unless `bypass_dnc_check=1`. */
  readonly dnc?: ReadonlyArray<string>
  /** 16-digit voucher numbers and the credits each adds once (`token_pay`). */
  readonly vouchers?: Readonly<Record<string, number>>
  /** Inactivity after which a session expires; default 15 minutes (specification section 4.1). */
  readonly sessionTtlMs?: number
  /**
   * What a stale session gets: `'001'` as the live service answers (docs/gateway.md, quirk 2; the default) or
   * `'003'`.
   */
  readonly expiredSessionCode?: '001' | '003'
  /**
   * Reporting that lags: a message is unknown to `querymsg`, `delmsg` and `getmsgcharge` until this long after
   * it was accepted (status 001 by `apimsgid`, `ERR: 104` by `climsgid`), as the live gateway's status 001 may
   * mean "reporting is delayed". Default 0.
   */
  readonly reportingDelayMs?: number
  /** After release: 003 after `gatewayMs` (default 1,000), the final status after `handsetMs` (default 5,000). */
  readonly delivery?: { readonly gatewayMs?: number; readonly handsetMs?: number }
  /** Recipients per request: default 100 with GET and 300 with POST (specification section 4.3). */
  readonly maxRecipients?: { readonly get?: number; readonly post?: number }
  /** Refuse unknown parameter names with `ERR: 101` (default true: it catches encoder typos). */
  readonly strictParams?: boolean
  /** Where delivery callbacks go; none are sent without it. */
  readonly callbackUrl?: string
  /** Default `'http-post'`. */
  readonly callbackForm?: CallbackForm
  /** HTTP Basic credentials sent with every callback. */
  readonly callbackAuth?: { readonly username: string; readonly password: string }
  /** How long one callback attempt may take; default 5,000 ms (real time). */
  readonly callbackTimeoutMs?: number
  /** Delays before each retry; default 2, 4, 8, 16, 32, 64, 128 minutes, then 3 days (section 5.2.5). */
  readonly callbackRetriesMs?: ReadonlyArray<number>
  /** Batches expire this long after `startbatch`; default 24 hours (section 7.4). */
  readonly batchTtlMs?: number
  /** Faults to inject from the start (see `Faults`). */
  readonly faults?: ReadonlyArray<FaultRule>
  /** Run due status changes and callbacks on a timer. Default: true on a clock without `onAdvance`. */
  readonly autoTick?: boolean
  /** Largest request body read, in bytes; a larger one is answered 413. Default 1 MiB. */
  readonly maxBodyBytes?: number
  /** A snapshot to start from (`sim.snapshot()`, through JSON or not); see `Snapshot`. */
  readonly state?: unknown
}

const MINUTE = 60_000

/**
 * The default cap on a request body: 1 MiB. A POST of 300 recipients and a 35-part UCS-2 text is under 15 KiB.
 *
 * @example
 * import { MAX_BODY_BYTES } from './Options.js'
 * console.log(MAX_BODY_BYTES) // 1048576
 * @category data
 * @since 0.1.0
 */
export const MAX_BODY_BYTES = 1_048_576

/**
 * The routes used when none are given: every number routes at 1 credit a part, except national numbers
 * (leading `0`), the ITU spare codes `280`-`289` and the reserved `999`, which do not route (`ERR: 114`).
 * `27` costs 0.8 (the charge in the specification's example) and `49` 1.5, so charges are not all 1.
 *
 * @example
 * import { defaultRoutes } from 'clickatell-fp/simulator'
 * console.log(defaultRoutes.find((r) => r.prefix === '999')) // { prefix: '999', routable: false }
 * @category data
 * @since 0.1.0
 */
export const defaultRoutes: ReadonlyArray<Route> = [
  { prefix: '', charge: 1 },
  { prefix: '0', routable: false },
  { prefix: '27', charge: 0.8 },
  { prefix: '49', charge: 1.5 },
  ...Array.from({ length: 10 }, (_, i): Route => ({ prefix: `28${i}`, routable: false })),
  { prefix: '999', routable: false },
]

/**
 * The retry delays of specification v2.6 section 5.2.5: 2, 4, 8, 16, 32, 64 and 128 minutes, then 3 days.
 *
 * @example
 * import { defaultCallbackRetriesMs } from 'clickatell-fp/simulator'
 * console.log(defaultCallbackRetriesMs.length) // 8
 * @category data
 * @since 0.1.0
 */
export const defaultCallbackRetriesMs: ReadonlyArray<number> = [
  ...[2, 4, 8, 16, 32, 64, 128].map((m) => m * MINUTE),
  3 * 24 * 60 * MINUTE,
]
