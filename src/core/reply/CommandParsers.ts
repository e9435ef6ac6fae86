/**
 * The parser of each command's answer, one per command, with the section of the specification and the quirks
 * (docs/gateway.md) it follows named in its comment: body in, `Either` out. Never throws, never invents an id, code,
 * status or amount. One-line answers are read by `OneLineAnswer`; sendmsg's and quicksend's, one outcome per
 * recipient, here. `Parse` offers these parsers with the table of them and the HTTP response envelope.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import { isGatewayId } from '../message/IdCodecs.js'
import { statusValue } from './Codes.js'
import { amount, clientIdValue, errorValue, fields, idValue, isWord, lines, wordValue } from './Grammar.js'
import { errorFrom, malformed, okLine, oneLine, only, type Result, wordReply } from './OneLineAnswer.js'
import {
  type AuthReply,
  accepted,
  type BalanceReply,
  type BatchReply,
  type ChargeReply,
  type CoverageReply,
  type ItemReply,
  type OkReply,
  rejected,
  type SendOutcome,
  type SendReply,
  type StatusReply,
  type TokenPayReply,
} from './Replies.js'

/**
 * `OK: <session_id>` (spec v2.6 section 4.1; quirk 6: `OK: foo ` with a trailing space).
 *
 * @example
 * import { Parse } from 'clickatell-fp'
 * console.log(Parse.auth('OK: 2f0e0e2f1b8b4d2a9b4f9e2a1c3d4e5f ')) // { _tag: 'Right', right: { sessionId: '2f0e0e2f1b8b4d2a9b4f9e2a1c3d4e5f' } }
 * @category parsers
 * @since 0.1.0
 */
export const auth: (body: string) => Result<AuthReply> = wordReply(
  'auth',
  'OK: <session_id>',
  'ok',
  (sessionId) => (isGatewayId(sessionId) ? { sessionId } : undefined),
)

/**
 * `OK:` or `OK: ` (spec v2.6 section 4.2, quirk 5).
 *
 * @example
 * import { Parse } from 'clickatell-fp'
 * console.log(Parse.ping('OK: ')) // { _tag: 'Right', right: { ok: true } }
 * @category parsers
 * @since 0.1.0
 */
export const ping: (body: string) => Result<OkReply> = okLine('ping')

/**
 * `OK` (spec v2.6 section 7.4).
 *
 * @example
 * import { Parse } from 'clickatell-fp'
 * console.log(Parse.endbatch('OK')) // { _tag: 'Right', right: { ok: true } }
 * @category parsers
 * @since 0.1.0
 */
export const endbatch: (body: string) => Result<OkReply> = okLine('endbatch')

// Spec v2.6 sections 4.3 and 7.3: `ID: <id>[ To: <msisdn>]` or `ERR: <code>, <description>[ To: <msisdn>]`
// per recipient and line; quirks 10 and 11: mixed lines, several records on one line, ` To:` optional.
const sendLines =
  (command: 'sendmsg' | 'quicksend') =>
  (body: string): Result<SendReply> => {
    if (typeof body !== 'string') return malformed(command, 'body is not a string', '')
    const ls = lines(body)
    if (ls.length === 0) return malformed(command, 'empty body', body)
    const outcomes: Array<SendOutcome> = []
    for (let n = 0; n < ls.length; n++) {
      const fs = fields(ls[n]!)
      if (fs === undefined || fs.length === 0)
        return malformed(command, `line ${n + 1}: expected ID: or ERR:`, body)
      for (let i = 0; i < fs.length; i++) {
        const f = fs[i]!
        const next = fs[i + 1]
        const to = next?.key === 'to' ? next.value : undefined
        if (to !== undefined) i++
        if ((f.key !== 'id' && f.key !== 'err') || (to !== undefined && !isWord(to)))
          return malformed(command, `line ${n + 1}: expected ID: or ERR: with at most one To:`, body)
        if (f.key === 'err') outcomes.push(rejected(errorFrom(command, errorValue(f.value), to)))
        else if (idValue(f.value) !== undefined) outcomes.push(accepted(f.value, to))
        else return malformed(command, `line ${n + 1}: ID: without an id of 1 to 64 letters and digits`, body)
      }
    }
    const sole = outcomes[0]!
    return outcomes.length === 1 && sole._tag === 'Rejected' ? E.left(sole.error) : E.right({ outcomes })
  }

/**
 * The answer to sendmsg: one outcome per recipient, in the body's order (spec v2.6 section 4.3; quirks 10,
 * 11). A body that is exactly one `ERR:` line is `Left`.
 *
 * @example
 * import { Parse } from 'clickatell-fp'
 * const r = Parse.sendmsg('ID: a1 To: 2799900001\nERR: 105, Invalid Destination Address To: 333\n')
 * console.log(r._tag === 'Right' && r.right.outcomes.map((o) => o._tag)) // ['Accepted', 'Rejected']
 * @category parsers
 * @since 0.1.0
 */
export const sendmsg: (body: string) => Result<SendReply> = sendLines('sendmsg')

/**
 * The answer to quicksend: as sendmsg (spec v2.6 section 7.3).
 *
 * @example
 * import { Parse } from 'clickatell-fp'
 * console.log(Parse.quicksend('ID: a1 To: 2799900001')._tag) // 'Right'
 * @category parsers
 * @since 0.1.0
 */
export const quicksend: (body: string) => Result<SendReply> = sendLines('quicksend')

// Spec v2.6 sections 4.4 and 6.1: `ID: <apimsgid> Status: <NNN>`; quirk 3: unknown ids give status 001.
const statusLine = (command: 'querymsg' | 'delmsg') =>
  oneLine<StatusReply>(command, 'ID: <apimsgid> Status: <NNN>', (r, first) => {
    const apiMsgId = idValue(r.id)
    const s = statusValue(r.status)
    return first === 'id' && only(r, ['id', 'status']) && apiMsgId !== undefined && s !== undefined
      ? { apiMsgId, status: s }
      : undefined
  })

/**
 * `ID: <apimsgid> Status: <NNN>` (spec v2.6 section 4.4; quirks 3 and 9).
 *
 * @example
 * import { Parse } from 'clickatell-fp'
 * const r = Parse.querymsg('ID: abc Status: 008')
 * console.log(r._tag === 'Right' && r.right.status.description) // 'OK'
 * @category parsers
 * @since 0.1.0
 */
export const querymsg: (body: string) => Result<StatusReply> = statusLine('querymsg')

/**
 * `ID: <apimsgid> Status: <NNN>` (spec v2.6 section 6.1).
 *
 * @example
 * import { Parse } from 'clickatell-fp'
 * const r = Parse.delmsg('ID: abc Status: 006')
 * console.log(r._tag === 'Right' && r.right.status.code) // '006'
 * @category parsers
 * @since 0.1.0
 */
export const delmsg: (body: string) => Result<StatusReply> = statusLine('delmsg')

/**
 * `Credit: <float>` (spec v2.6 section 6.2; quirk 13: `12.000`). A leading minus is accepted.
 *
 * @example
 * import { Parse } from 'clickatell-fp'
 * console.log(Parse.getbalance('Credit: 12.000')) // { _tag: 'Right', right: { credit: 12, raw: '12.000' } }
 * @category parsers
 * @since 0.1.0
 */
export const getbalance: (body: string) => Result<BalanceReply> = oneLine(
  'getbalance',
  'Credit: <float>',
  (r, first) => {
    const raw = r.credit
    const credit = raw === undefined ? undefined : amount(raw, true)
    return first === 'credit' && only(r, ['credit']) && credit !== undefined
      ? { credit, raw: raw! }
      : undefined
  },
)

/**
 * The status and charge of a message (spec v2.6 section 6.4; quirk 12), in any order of its keys:
 * `apiMsgId: x charge: y status: z`, `cliMsgId: x charge: y apiMsgId: z status: s`, `ID: x Charge: y
 * Status: z`, and `status: 004 charge: 101` with no id.
 *
 * @example
 * import { Parse } from 'clickatell-fp'
 * const r = Parse.getmsgcharge('apiMsgId: abc charge: 0.33 status: 004')
 * console.log(r._tag === 'Right' && r.right.charge) // 0.33
 * @category parsers
 * @since 0.1.0
 */
export const getmsgcharge: (body: string) => Result<ChargeReply> = oneLine(
  'getmsgcharge',
  'apiMsgId: <id> charge: <amount> status: <NNN>',
  (r) => {
    if (r.id !== undefined && r.apimsgid !== undefined) return undefined
    const id = r.apimsgid ?? r.id
    const apiMsgId = idValue(id)
    const cliMsgId = clientIdValue(r.climsgid)
    const charge = r.charge === undefined ? undefined : amount(r.charge)
    const s = statusValue(r.status)
    if (!only(r, ['id', 'apimsgid', 'climsgid', 'charge', 'status'])) return undefined
    if (charge === undefined || s === undefined) return undefined
    if ((id !== undefined && apiMsgId === undefined) || (r.climsgid !== undefined && cliMsgId === undefined))
      return undefined
    return {
      ...(apiMsgId === undefined ? {} : { apiMsgId }),
      ...(cliMsgId === undefined ? {} : { cliMsgId }),
      charge,
      status: s,
    }
  },
)

/**
 * `OK: <value>` (spec v2.6 section 6.5: `OK: 605`).
 *
 * @example
 * import { Parse } from 'clickatell-fp'
 * console.log(Parse.token_pay('OK: 605')) // { _tag: 'Right', right: { value: '605' } }
 * @category parsers
 * @since 0.1.0
 */
export const token_pay: (body: string) => Result<TokenPayReply> = wordReply(
  'token_pay',
  'OK: <value>',
  'ok',
  (value) => ({ value }),
)

// Quirk 4: "not routable" is `ERR:` and a sentence of prose without a code. Markup, control characters or a
// page after `ERR:` is something else answering (a proxy's error page), never a verdict on the number: malformed.
const VERDICT = /^[A-Za-z][A-Za-z0-9 .,;:'()!?-]{0,299}$/

/**
 * The coverage of a number (spec v2.6 section 6.3). `OK: <sentence> Charge: <amount>` is routable;
 * `ERR: <sentence>` without a code is not routable (`Right`, quirk 4), when the sentence is prose (letters,
 * digits, spaces and `.,;:'()!?-`, at most 300 characters); `ERR: <html>…` is `MalformedResponse`;
 * `ERR: <code>, …` is `Left`.
 *
 * @example
 * import { Parse } from 'clickatell-fp'
 * const r = Parse.routecoverage('OK: This prefix is currently supported. Messages sent to this prefix will be routed. Charge: 0.33')
 * console.log(r._tag === 'Right' && r.right.routable) // true
 * @category parsers
 * @since 0.1.0
 */
export const routecoverage: (body: string) => Result<CoverageReply> = oneLine<CoverageReply>(
  'routecoverage',
  'OK: <sentence> Charge: <amount>',
  (r, first) => {
    const charge = r.charge === undefined ? undefined : amount(r.charge)
    return first === 'ok' && only(r, ['ok', 'charge']) && charge !== undefined
      ? { routable: true, charge, description: r.ok! }
      : undefined
  },
  (error, to, body) =>
    error.code !== '' || to !== undefined
      ? undefined
      : VERDICT.test(error.description)
        ? E.right({ routable: false, description: error.description })
        : malformed('routecoverage', 'ERR: without a code and without a sentence of prose after it', body),
)

/**
 * `ID: <batch_id>` (spec v2.6 section 7.1).
 *
 * @example
 * import { Parse } from 'clickatell-fp'
 * console.log(Parse.startbatch('ID: 9d4fa9ec')) // { _tag: 'Right', right: { batchId: '9d4fa9ec' } }
 * @category parsers
 * @since 0.1.0
 */
export const startbatch: (body: string) => Result<BatchReply> = wordReply(
  'startbatch',
  'ID: <batch_id>',
  'id',
  (batchId) => (isGatewayId(batchId) ? { batchId } : undefined),
)

/**
 * `ID: <apimsgid>[ To: <msisdn>]` (spec v2.6 section 7.2).
 *
 * @example
 * import { Parse } from 'clickatell-fp'
 * console.log(Parse.senditem('ID: abc')) // { _tag: 'Right', right: { apiMsgId: 'abc' } }
 * @category parsers
 * @since 0.1.0
 */
export const senditem: (body: string) => Result<ItemReply> = oneLine(
  'senditem',
  'ID: <apimsgid>[ To: <msisdn>]',
  (r, first) => {
    const apiMsgId = idValue(r.id)
    const to = wordValue(r.to)
    if (first !== 'id' || !only(r, ['id', 'to']) || apiMsgId === undefined) return undefined
    if (r.to === undefined) return { apiMsgId }
    return to === undefined ? undefined : { apiMsgId, to }
  },
)
