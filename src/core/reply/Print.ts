/**
 * Writes replies back as the live service's exact text (docs/gateway.md, 'Response shapes'): the gateway
 * simulator answers with these, and property tests check `Parse.reply(c, ReplyText.reply(c, r))` gives `r`
 * back.
 *
 * The law holds for replies the gateway could send: ids, recipients and values are single words, amounts are
 * finite and non-negative (a balance may be negative) with `String(n)` in plain decimal notation,
 * descriptions are trimmed and hold no `Key:` word, a description without a code does not start with a digit,
 * and a send's reply is not exactly one `Rejected` outcome (that body is a `GatewayError`: write it with
 * `ReplyText.error`).
 *
 * @since 0.1.0
 */

import type { GatewayError } from '../errors.js'
import type { Command } from '../request/Command.js'
import type { ChargeReply, CoverageReply, Replies, SendOutcome, SendReply, StatusReply } from './Replies.js'

const toSuffix = (to: string | undefined): string => (to === undefined ? '' : ` To: ${to}`)

/**
 * An `ERR:` line: `ERR: <code>, <description>[ To: <msisdn>]`, or `ERR: <description>` when the code is `''`
 * (routecoverage, quirk 4).
 *
 * @example
 * import { Errors } from 'clickatell-fp'
 * import * as ReplyText from './Print.js'
 * console.log(ReplyText.error(Errors.gatewayError('sendmsg', '128', 'Number delisted', '12')))
 * // 'ERR: 128, Number delisted To: 12'
 * @category render
 * @since 0.1.0
 */
export const error = (e: Pick<GatewayError, 'code' | 'description' | 'to'>): string =>
  `ERR: ${e.code === '' ? e.description : `${e.code}, ${e.description}`}${toSuffix(e.to)}`

const outcome = (o: SendOutcome): string =>
  o._tag === 'Accepted' ? `ID: ${o.apiMsgId}${toSuffix(o.to)}` : error(o.error)

// One line per recipient joined by `\n` (spec v2.6 section 7.3); several lines end with `\n` as in the
// comment-quoted live bodies (quirk 6), a single line has no trailing bytes as in the 2020 captures.
const sendText = (r: SendReply): string =>
  r.outcomes.length === 1 ? outcome(r.outcomes[0]!) : r.outcomes.map((o) => `${outcome(o)}\n`).join('')

const statusText = (r: StatusReply): string => `ID: ${r.apiMsgId} Status: ${r.status.code}`

// The v2.6 shapes of section 6.4, and the no-id shape of a node fixture (quirk 12).
const chargeText = (r: ChargeReply): string => {
  const tail = `charge: ${r.charge}`
  if (r.cliMsgId !== undefined)
    return `cliMsgId: ${r.cliMsgId} ${tail}${r.apiMsgId === undefined ? '' : ` apiMsgId: ${r.apiMsgId}`} status: ${r.status.code}`
  if (r.apiMsgId !== undefined) return `apiMsgId: ${r.apiMsgId} ${tail} status: ${r.status.code}`
  return `status: ${r.status.code} ${tail}`
}

const coverageText = (r: CoverageReply): string =>
  r.routable ? `OK: ${r.description} Charge: ${r.charge}` : `ERR: ${r.description}`

/**
 * How each command's reply is written.
 *
 * @example
 * import * as ReplyText from './Print.js'
 * console.log(ReplyText.writers.getbalance({ credit: 12, raw: '12.000' })) // 'Credit: 12.000'
 * @category render
 * @since 0.1.0
 */
export const writers: { readonly [C in Command]-?: (reply: Replies[C]) => string } = {
  auth: (r) => `OK: ${r.sessionId}`,
  // Quirk 5: exactly one trailing space, Content-Length 4.
  ping: () => 'OK: ',
  sendmsg: sendText,
  querymsg: statusText,
  delmsg: statusText,
  getbalance: (r) => `Credit: ${r.raw}`,
  getmsgcharge: chargeText,
  token_pay: (r) => `OK: ${r.value}`,
  routecoverage: coverageText,
  startbatch: (r) => `ID: ${r.batchId}`,
  senditem: (r) => `ID: ${r.apiMsgId}${toSuffix(r.to)}`,
  quicksend: sendText,
  endbatch: () => 'OK',
}

/**
 * The body the live service writes for a reply to `command`.
 *
 * @example
 * import * as ReplyText from './Print.js'
 * console.log(ReplyText.reply('querymsg', { apiMsgId: 'abc', status: { code: '004' } as never }))
 * // 'ID: abc Status: 004'
 * @category render
 * @since 0.1.0
 */
export const reply = <C extends Command>(command: C, value: Replies[C]): string =>
  (writers[command] as (reply: Replies[C]) => string)(value)
