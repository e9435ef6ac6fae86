/**
 * What the gateway answers to each of the 13 commands, as plain readonly records in the domain's words
 * (specification v2.6 sections 4, 6 and 7, docs/gateway.md, 'Response shapes'). `Parse` reads them from
 * bodies, `ReplyText` writes them back in the live service's shapes.
 *
 * @since 0.1.0
 */

import type { GatewayError } from '../errors.js'
import type { Command } from '../request/Command.js'
import type { StatusCode, UnknownStatusCode } from './Codes.js'

/**
 * `OK: <session_id>`.
 *
 * @category model
 * @since 0.1.0
 */
export interface AuthReply {
  readonly sessionId: string
}

/**
 * `OK:` (ping) or `OK` (endbatch).
 *
 * @category model
 * @since 0.1.0
 */
export interface OkReply {
  readonly ok: true
}

/**
 * The gateway took the message for one recipient: `ID: <apimsgid>[ To: <msisdn>]`.
 *
 * @category model
 * @since 0.1.0
 */
export interface Accepted {
  readonly _tag: 'Accepted'
  readonly apiMsgId: string
  readonly to?: string
}

/**
 * The gateway refused the message for one recipient: `ERR: <code>, <description>[ To: <msisdn>]`.
 *
 * @category model
 * @since 0.1.0
 */
export interface Rejected {
  readonly _tag: 'Rejected'
  readonly error: GatewayError
}

/**
 * One line of a send's answer.
 *
 * @category model
 * @since 0.1.0
 */
export type SendOutcome = Accepted | Rejected

/**
 * The answer to sendmsg or quicksend: one outcome per line, in the body's order. The gateway answers in
 * request order, and a recipient may appear twice or without ` To:`, so callers pair outcomes with their
 * recipients by position, never by `to` (docs/gateway.md, quirk 10).
 *
 * @category model
 * @since 0.1.0
 */
export interface SendReply {
  readonly outcomes: ReadonlyArray<SendOutcome>
}

/**
 * `ID: <apimsgid> Status: <NNN>` (querymsg, delmsg). An unknown id gives status 001, not an error (quirk 3).
 *
 * @category model
 * @since 0.1.0
 */
export interface StatusReply {
  readonly apiMsgId: string
  readonly status: StatusCode | UnknownStatusCode
}

/**
 * `Credit: <float>`. `raw` keeps the gateway's digits (`12.000`), `credit` is their value.
 *
 * @category model
 * @since 0.1.0
 */
export interface BalanceReply {
  readonly credit: number
  readonly raw: string
}

/**
 * The status and charge of a message (getmsgcharge), in any of its three documented shapes (quirk 12).
 *
 * @category model
 * @since 0.1.0
 */
export interface ChargeReply {
  readonly apiMsgId?: string
  readonly cliMsgId?: string
  readonly charge: number
  readonly status: StatusCode | UnknownStatusCode
}

/**
 * `OK: <value>` after spending a voucher (token_pay).
 *
 * @category model
 * @since 0.1.0
 */
export interface TokenPayReply {
  readonly value: string
}

/**
 * The answer to routecoverage. `ERR:` without a code is the not-routable answer, not an error (quirk 4).
 *
 * @category model
 * @since 0.1.0
 */
export type CoverageReply =
  | { readonly routable: true; readonly charge: number; readonly description: string }
  | { readonly routable: false; readonly description: string }

/**
 * `ID: <batch_id>` (startbatch).
 *
 * @category model
 * @since 0.1.0
 */
export interface BatchReply {
  readonly batchId: string
}

/**
 * `ID: <apimsgid>[ To: <msisdn>]` (senditem).
 *
 * @category model
 * @since 0.1.0
 */
export interface ItemReply {
  readonly apiMsgId: string
  readonly to?: string
}

/**
 * The reply of each command, by wire name: `Replies['getbalance']` is `BalanceReply`.
 *
 * @category model
 * @since 0.1.0
 */
export interface Replies {
  readonly auth: AuthReply
  readonly ping: OkReply
  readonly sendmsg: SendReply
  readonly querymsg: StatusReply
  readonly delmsg: StatusReply
  readonly getbalance: BalanceReply
  readonly getmsgcharge: ChargeReply
  readonly token_pay: TokenPayReply
  readonly routecoverage: CoverageReply
  readonly startbatch: BatchReply
  readonly senditem: ItemReply
  readonly quicksend: SendReply
  readonly endbatch: OkReply
}

/**
 * The reply of a command.
 *
 * @category model
 * @since 0.1.0
 */
export type ReplyOf<C extends Command> = Replies[C]

/**
 * @example
 * import * as Reply from './Replies.js'
 * console.log(Reply.accepted('abc', '2799900001')) // { _tag: 'Accepted', apiMsgId: 'abc', to: '2799900001' }
 * @category constructors
 * @since 0.1.0
 */
export const accepted = (apiMsgId: string, to?: string): Accepted =>
  to === undefined ? { _tag: 'Accepted', apiMsgId } : { _tag: 'Accepted', apiMsgId, to }

/**
 * @example
 * import { Errors } from 'clickatell-fp'
 * import * as Reply from './Replies.js'
 * console.log(Reply.rejected(Errors.gatewayError('sendmsg', '105', 'Invalid destination address'))._tag)
 * // 'Rejected'
 * @category constructors
 * @since 0.1.0
 */
export const rejected = (error: GatewayError): Rejected => ({ _tag: 'Rejected', error })
