/**
 * Total parsers for the REST dialect's answers (docs/gateway.md, 'Legacy REST API'; quirks 13 and 19): an HTTP
 * response in, `Either` out, in the HTTP dialect's reply types and errors. Never throws, never invents an id,
 * code, status or amount; JSON and XML bodies are read by the same code (`RestDocument`).
 *
 * - `{"error": {"code", "description"}}` is `Left(GatewayError)` with its code (a string, `"105"`, or digits),
 *   looked for before `data` as arcturial's client and Clickatell's Java library do.
 * - A send is `Right` with one outcome per `data.message[]` entry, in order: `accepted` with its `to` and
 *   `apiMessageId`, or refused with its `error` (`apiMessageId: ""`). As `Parse.sendmsg`, an answer whose only
 *   outcome is a refusal is `Left(GatewayError)`. HTTP 400 with that envelope is read too (quirk 19).
 * - Strict: an `apiMessageId` is 1 to 64 letters and digits (`ApiMessageId`), a `to` one word, a status or code
 *   decimal digits, an amount plain decimal digits (`Grammar.amount`); anything else is `MalformedResponse`
 *   (HTTP 2xx) or `HttpStatusError` (any other status). Keys the reply does not need are ignored.
 *
 * Inferred where the sources show no example (docs/messages.md): any 2xx is success (202 is documented for a
 * send); the not-routable coverage answer is `routable: false` (its `minimumCharge` may be left out); a
 * clientMessageId status answers as an apiMessageId one; amounts and codes may be JSON numbers or strings, as the
 * documented answers mix both (`"balance": "36.000"`, `"charge": 0`).
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import { type GatewayError, gatewayError, type HttpStatusError, httpStatusError } from '../errors.js'
import type { HttpResponse } from '../http.js'
import { ApiMessageId, ClientMessageId } from '../message/IdCodecs.js'
import { isRestCommand, type RestCommand } from '../request/Command.js'
import { normalise, statusValue } from './Codes.js'
import { amount, isCode, isWord } from './Grammar.js'
import { malformed, type ParseError } from './OneLineAnswer.js'
import { MAX_BODY_CHARS, type ResponseOptions } from './Parse.js'
import {
  accepted,
  type BalanceReply,
  type CoverageReply,
  rejected,
  type SendOutcome,
  type SendReply,
  type StatusReply,
} from './Replies.js'
import { type Document, type Fields, field, flavourOf, isFields, read, type Values } from './RestDocument.js'

/**
 * The status of a message by REST: a `StatusReply` with the charge the REST answer also carries, so it is a
 * `ChargeReply` too. `cliMsgId` when the answer names one.
 *
 * @category model
 * @since 0.1.0
 */
export interface RestStatusReply extends StatusReply {
  readonly charge: number
  readonly cliMsgId?: string
}

/**
 * The coverage of a number by REST: a `CoverageReply` (REST sends no sentence, so `description` is `''`) with
 * the `destination` the answer names.
 *
 * @category model
 * @since 0.1.0
 */
export type RestCoverageReply = CoverageReply & { readonly destination?: string }

/**
 * The reply of each REST command: the HTTP dialect's types where the meaning is the same.
 *
 * @category model
 * @since 0.1.0
 */
export interface RestReplies {
  readonly send: SendReply
  readonly status: RestStatusReply
  readonly stop: StatusReply
  readonly balance: BalanceReply
  readonly coverage: RestCoverageReply
}

/**
 * What reading a REST answer can fail with.
 *
 * @category model
 * @since 0.1.0
 */
export type RestError = HttpStatusError | ParseError

// A reader's failure: the reason the body is malformed, or the gateway's refusal.
type Read<A> = E.Either<string | GatewayError, A>

type Amount = { readonly value: number; readonly raw: string }

// Quirk 13: amounts arrive as JSON strings ("36.000") or numbers (0); strings are read as `Grammar.amount` does.
const amountOf = (v: Values, u: unknown, signed = false): Amount | undefined => {
  if (typeof u === 'number')
    return Number.isFinite(u) && (signed || u >= 0) ? { value: u, raw: String(u) } : undefined
  const raw = v.text(u)
  const value = raw === undefined ? undefined : amount(raw, signed)
  return value === undefined ? undefined : { value, raw: raw! }
}

// Codes and statuses: strings of decimal digits ("105", "001", quirk 9), or whole JSON numbers.
const codeOf = (v: Values, u: unknown): string | undefined => {
  const s = typeof u === 'number' && Number.isSafeInteger(u) && u >= 0 ? String(u) : v.text(u)
  return s !== undefined && isCode(s) ? s : undefined
}

const errorOf =
  (v: Values, command: RestCommand, to?: string) =>
  (u: unknown): GatewayError | string => {
    if (!isFields(u)) return 'error is not an object'
    const code = codeOf(v, field(u, 'code'))
    const description = v.text(field(u, 'description'))
    if (code === undefined) return 'error has no code of decimal digits'
    if (description === undefined) return 'error has no description'
    return gatewayError(command, normalise(code), description, to)
  }

const outcomeOf = (v: Values, entry: unknown): SendOutcome | string => {
  if (!isFields(entry)) return 'is not an object'
  const ok = v.bool(field(entry, 'accepted'))
  const to = v.text(field(entry, 'to'))
  const idField = field(entry, 'apiMessageId')
  const id = v.text(idField)
  if (ok === undefined) return 'has no accepted flag'
  if (to === undefined || !isWord(to)) return 'has no to of one word'
  if (ok)
    return id !== undefined && ApiMessageId.is(id) && v.absent(field(entry, 'error'))
      ? accepted(id, to)
      : 'is accepted without an apiMessageId of 1 to 64 letters and digits, or with an error'
  if (!v.absent(idField) && id !== '') return 'is refused yet has an apiMessageId'
  const e = errorOf(v, 'send', to)(field(entry, 'error'))
  return typeof e === 'string' ? e : rejected(e)
}

const send = (v: Values, data: Fields): Read<SendReply> => {
  const entries = v.list(field(data, 'message'))
  if (entries === undefined || entries.length === 0) return E.left('data.message is not a non-empty list')
  const outcomes: SendOutcome[] = []
  for (let i = 0; i < entries.length; i++) {
    const o = outcomeOf(v, entries[i])
    if (typeof o === 'string') return E.left(`data.message ${i}: ${o}`)
    outcomes.push(o)
  }
  const sole = outcomes[0]!
  return outcomes.length === 1 && sole._tag === 'Rejected' ? E.left(sole.error) : E.right({ outcomes })
}

const statusOf = (v: Values, data: Fields): StatusReply | string => {
  const status = statusValue(codeOf(v, field(data, 'messageStatus')))
  const apiMsgId = v.text(field(data, 'apiMessageId'))
  if (status === undefined) return 'data.messageStatus is not a status of decimal digits'
  if (apiMsgId === undefined || !ApiMessageId.is(apiMsgId))
    return 'data.apiMessageId is not 1 to 64 letters and digits'
  return { apiMsgId, status }
}

const status = (v: Values, data: Fields): Read<RestStatusReply> => {
  const s = statusOf(v, data)
  if (typeof s === 'string') return E.left(s)
  const charge = amountOf(v, field(data, 'charge'))
  if (charge === undefined) return E.left('data.charge is not an amount')
  const cliField = field(data, 'clientMessageId')
  const cliMsgId = v.text(cliField)
  if (v.absent(cliField) || cliMsgId === '') return E.right({ ...s, charge: charge.value })
  return cliMsgId !== undefined && ClientMessageId.is(cliMsgId)
    ? E.right({ ...s, charge: charge.value, cliMsgId })
    : E.left('data.clientMessageId is not 1 to 32 letters and digits')
}

const stop = (v: Values, data: Fields): Read<StatusReply> => {
  const s = statusOf(v, data)
  return typeof s === 'string' ? E.left(s) : E.right(s)
}

const balance = (v: Values, data: Fields): Read<BalanceReply> => {
  const credit = amountOf(v, field(data, 'balance'), true)
  return credit === undefined
    ? E.left('data.balance is not an amount')
    : E.right({ credit: credit.value, raw: credit.raw })
}

const coverage = (v: Values, data: Fields): Read<RestCoverageReply> => {
  const routable = v.bool(field(data, 'routable'))
  const chargeField = field(data, 'minimumCharge')
  const charge = amountOf(v, chargeField)
  const destinationField = field(data, 'destination')
  const destination = v.text(destinationField)
  if (routable === undefined) return E.left('data.routable is not a boolean')
  if (!v.absent(destinationField) && (destination === undefined || !isWord(destination)))
    return E.left('data.destination is not one word')
  if (charge === undefined && (routable || !v.absent(chargeField)))
    return E.left('data.minimumCharge is not an amount')
  const named = destination === undefined ? {} : { destination }
  return E.right(
    routable
      ? { routable: true, charge: charge!.value, description: '', ...named }
      : { routable: false, description: '', ...named },
  )
}

const readers: { readonly [C in RestCommand]-?: (v: Values, data: Fields) => Read<RestReplies[C]> } = {
  send,
  status,
  stop,
  balance,
  coverage,
}

const isSuccess = (status: number): boolean => status >= 200 && status <= 299

// HTTP 400 with a send's envelope (quirk 19) is an answer only when it refuses something.
const refusesSome = (reply: SendReply): boolean => reply.outcomes.some((o) => o._tag === 'Rejected')

const fromDocument = <C extends RestCommand>(
  command: C,
  code: number,
  doc: Document,
  body: string,
): E.Either<RestError, RestReplies[C]> => {
  const success = isSuccess(code)
  const unreadable = (reason: string) =>
    success ? malformed(command, reason, body) : E.left(httpStatusError(code, body))
  const { root, values } = doc
  const error = field(root, 'error')
  if (!values.absent(error)) {
    const e = errorOf(values, command)(error)
    return typeof e === 'string' ? unreadable(e) : E.left(e)
  }
  const data = field(root, 'data')
  if (!isFields(data)) return unreadable('neither data nor error')
  if (!success && !(command === 'send' && code === 400)) return E.left(httpStatusError(code, body))
  const r = readers[command](values, data) as Read<RestReplies[C]>
  // Past the check above, a failure status here is a send's 400.
  if (E.isRight(r))
    return success || refusesSome(r.right as SendReply) ? r : E.left(httpStatusError(code, body))
  return typeof r.left === 'string' ? unreadable(r.left) : E.left(r.left)
}

/**
 * Reads REST answers with options (`maxBodyChars`, as `Parse.responseWith`): see `reply`.
 *
 * @example
 * import { Rest } from 'clickatell-fp'
 * const read = Rest.replyWith({ maxBodyChars: 10 })
 * const r = read('balance', { status: 200, headers: {}, body: '{"data":{"balance":"36.000"}}' })
 * console.log(r._tag === 'Left' && r.left._tag === 'MalformedResponse' && r.left.reason)
 * // 'body of 29 characters is over the cap of 10'
 * @category parsers
 * @since 0.1.0
 */
export const replyWith = (options: ResponseOptions) => {
  const cap = options.maxBodyChars
  const max = cap !== undefined && cap >= 0 ? cap : MAX_BODY_CHARS
  return <C extends RestCommand>(command: C, response: HttpResponse): E.Either<RestError, RestReplies[C]> => {
    if (!isRestCommand(command)) return malformed(command, 'not a command of the REST dialect', '')
    if (typeof response !== 'object' || response === null || typeof response.body !== 'string')
      return malformed(command, 'response has no text body', '')
    const { status: s, body } = response
    const code = typeof s === 'number' ? s : 0
    if (body.length > max)
      return isSuccess(code)
        ? malformed(command, `body of ${body.length} characters is over the cap of ${max}`, body)
        : E.left(httpStatusError(code, body))
    const doc = read(flavourOf(response.headers, body))(body)
    if (E.isLeft(doc))
      return isSuccess(code) ? malformed(command, doc.left, body) : E.left(httpStatusError(code, body))
    return fromDocument(command, code, doc.right, body)
  }
}

/**
 * Reads the HTTP response to a REST command, JSON or XML, typed by the command: `reply('balance', r)` gives a
 * `BalanceReply`. A global `error` is `Left(GatewayError)`; a send is one outcome per recipient.
 *
 * @example
 * import { Rest } from 'clickatell-fp'
 * const ok = Rest.reply('send', { status: 202, headers: {}, body: '{"data":{"message":[{"accepted":true,"to":"2799900001","apiMessageId":"a1b2"}]}}' })
 * console.log(ok) // { _tag: 'Right', right: { outcomes: [{ _tag: 'Accepted', apiMsgId: 'a1b2', to: '2799900001' }] } }
 * const no = Rest.reply('balance', { status: 401, headers: {}, body: '{"error":{"code":"001","description":"Authentication failed"}}' })
 * console.log(no) // { _tag: 'Left', left: { _tag: 'GatewayError', command: 'balance', code: '001', description: 'Authentication failed' } }
 * @category parsers
 * @since 0.1.0
 */
export const reply: <C extends RestCommand>(
  command: C,
  response: HttpResponse,
) => E.Either<RestError, RestReplies[C]> = replyWith({})
