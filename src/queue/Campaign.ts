/**
 * What a campaign is in Redis, as plain data: its id, the names of its keys, a job's id and data, the client
 * message id each row gets when it is queued, and the records a worker writes. No I/O here.
 *
 * A campaign's keys share one hash tag (`{<id>}`), so a Redis Cluster keeps them on one node and the scripts
 * that touch several of them run there.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import { type InvalidInput, invalidInput } from '../core/errors.js'
import type { MessageInput } from '../core/message/Message.js'

/**
 * The BullMQ queue every campaign goes through by default: one queue per account, so that BullMQ's rate
 * limiter (kept per queue) is the account's.
 *
 * @category data
 * @since 0.1.0
 */
export const DEFAULT_QUEUE = 'clickatell-campaigns'

/**
 * A campaign's state: workers send only the rows of a `running` one; a `paused` one's rows wait; a
 * `cancelled` one's rows are recorded as cancelled, unsent. `cancelled` is final.
 *
 * @category model
 * @since 0.1.0
 */
export type CampaignState = 'running' | 'paused' | 'cancelled'

/**
 * What became of one row. `cancelled`: the campaign was cancelled before it was sent.
 *
 * @category model
 * @since 0.1.0
 */
export type RowOutcomeTag = 'accepted' | 'rejected' | 'unknown' | 'cancelled'

/**
 * One row's outcome, as the campaign's outcome stream holds it.
 *
 * @category model
 * @since 0.1.0
 */
export interface RowOutcome {
  readonly row: number
  readonly outcome: RowOutcomeTag
  readonly to: string
  readonly clientMessageId: string
  /** The gateway's id of an accepted row, else `''`. */
  readonly apiMsgId: string
  /** Sends made for it (0 when a worker found it already taken by the gateway, or it was cancelled). */
  readonly attempts: number
  /** Why it was not accepted, for people; `''` when it was. */
  readonly error: string
}

/**
 * A campaign's counts: `pending` is every row not yet recorded (queued, in flight, or waiting while paused).
 *
 * @category model
 * @since 0.1.0
 */
export interface CampaignStatus {
  readonly campaignId: string
  readonly name: string
  readonly state: CampaignState
  readonly total: number
  readonly accepted: number
  readonly rejected: number
  readonly unknown: number
  readonly cancelled: number
  readonly pending: number
}

/**
 * The data of one job: the campaign, the row (0, 1, ... in the order queued) and the message to send, with one
 * recipient and its client message id already fixed.
 *
 * @category model
 * @since 0.1.0
 */
export interface JobData {
  readonly c: string
  readonly r: number
  readonly m: MessageInput
}

/**
 * Where a campaign lives in Redis: a hash (name, state, total and the counts), a bitmap of rows recorded, a
 * bitmap of rows whose send began, and the stream of row outcomes.
 *
 * @category model
 * @since 0.1.0
 */
export interface Keys {
  readonly campaign: string
  readonly recorded: string
  readonly started: string
  readonly outcomes: string
}

/**
 * The keys of a campaign.
 *
 * @example
 * import { keysOf } from './Campaign.js'
 * console.log(keysOf('c42').outcomes) // 'clickatell:{c42}:outcomes'
 * @category constructors
 * @since 0.1.0
 */
export const keysOf = (campaignId: string): Keys => {
  const base = `clickatell:{${campaignId}}`
  return {
    campaign: base,
    recorded: `${base}:recorded`,
    started: `${base}:started`,
    outcomes: `${base}:outcomes`,
  }
}

const ID = /^[A-Za-z0-9]{1,20}$/

/**
 * Checks a campaign id: 1 to 20 letters and digits, so that the id plus `r` plus a row number stays a valid
 * client message id (at most 32 letters and digits) up to 10^11 rows.
 *
 * @example
 * import { decodeCampaignId } from './Campaign.js'
 * console.log(decodeCampaignId('c42')._tag, decodeCampaignId('c-42')._tag) // 'Right' 'Left'
 * @category decoding
 * @since 0.1.0
 */
export const decodeCampaignId = (id: unknown): E.Either<InvalidInput, string> =>
  typeof id === 'string' && ID.test(id)
    ? E.right(id)
    : E.left(invalidInput([{ path: 'campaignId', message: 'must be 1 to 20 letters and digits' }]))

/**
 * A fresh campaign id from 64 random bits: `c` and 16 hex digits.
 *
 * @example
 * import { campaignIdOf } from './Campaign.js'
 * console.log(campaignIdOf(new Uint8Array(8).fill(255))) // 'cffffffffffffffff'
 * @category constructors
 * @since 0.1.0
 */
export const campaignIdOf = (random: Uint8Array): string =>
  `c${Array.from(random.subarray(0, 8), (b) => b.toString(16).padStart(2, '0')).join('')}`

/**
 * The BullMQ job id of a row: stable, so a row queued twice (an enqueue run again) is one job.
 *
 * @example
 * import { jobIdOf } from './Campaign.js'
 * console.log(jobIdOf('c42', 7)) // 'c42-7'
 * @category constructors
 * @since 0.1.0
 */
export const jobIdOf = (campaignId: string, row: number): string => `${campaignId}-${row}`

/**
 * The client message id a row gets when its message has none of its own: the campaign's id, `r`, the row.
 *
 * @example
 * import { clientMessageIdOf } from './Campaign.js'
 * console.log(clientMessageIdOf('c42', 7)) // 'c42r7'
 * @category constructors
 * @since 0.1.0
 */
export const clientMessageIdOf = (campaignId: string, row: number): string => `${campaignId}r${row}`

const count = (fields: Readonly<Record<string, string>>, name: string): number => {
  const n = Number(fields[name] ?? 0)
  return Number.isSafeInteger(n) && n >= 0 ? n : 0
}

const STATES: ReadonlyArray<CampaignState> = ['running', 'paused', 'cancelled']

/**
 * A campaign's status from its hash (`HGETALL`); `undefined` when there is no such campaign.
 *
 * @example
 * import { statusOf } from './Campaign.js'
 * const s = statusOf('c42', { name: 'May', state: 'running', total: '10', accepted: '6', unknown: '1' })
 * console.log(s?.pending) // 3
 * @category decoding
 * @since 0.1.0
 */
export const statusOf = (
  campaignId: string,
  fields: Readonly<Record<string, string>>,
): CampaignStatus | undefined => {
  const state = STATES.find((s) => s === fields.state)
  if (state === undefined) return undefined
  const [total, accepted, rejected, unknown, cancelled] = [
    'total',
    'accepted',
    'rejected',
    'unknown',
    'cancelled',
  ].map((k) => count(fields, k)) as [number, number, number, number, number]
  const pending = Math.max(0, total - accepted - rejected - unknown - cancelled)
  return {
    campaignId,
    name: fields.name ?? '',
    state,
    total,
    accepted,
    rejected,
    unknown,
    cancelled,
    pending,
  }
}

const OUTCOMES: ReadonlyArray<RowOutcomeTag> = ['accepted', 'rejected', 'unknown', 'cancelled']

/**
 * A row outcome from the fields of its stream entry (`XRANGE` gives them as a flat list of names and values);
 * `undefined` for an entry that is not one.
 *
 * @example
 * import { rowOutcomeOf } from './Campaign.js'
 * const o = rowOutcomeOf(['row', '3', 'outcome', 'accepted', 'to', '447900000001', 'id', 'c42r3', 'api', 'abc', 'attempts', '1', 'error', ''])
 * console.log(o?.row, o?.apiMsgId) // 3 'abc'
 * @category decoding
 * @since 0.1.0
 */
export const rowOutcomeOf = (flat: ReadonlyArray<string>): RowOutcome | undefined => {
  const f: Record<string, string> = {}
  for (let i = 0; i + 1 < flat.length; i += 2) f[flat[i]!] = flat[i + 1]!
  const outcome = OUTCOMES.find((o) => o === f.outcome)
  const row = Number(f.row)
  if (outcome === undefined || !Number.isSafeInteger(row)) return undefined
  return {
    row,
    outcome,
    to: f.to ?? '',
    clientMessageId: f.id ?? '',
    apiMsgId: f.api ?? '',
    attempts: Number(f.attempts ?? 0) || 0,
    error: f.error ?? '',
  }
}
