/**
 * io-ts codecs for the identifiers of the HTTP API v2.6 (specification section 5): the sender id, the client's
 * and the gateway's message ids, the batch id and the voucher token. Branded, so a value that passed one cannot
 * be confused with a plain string; each failure is one sentence a person understands.
 *
 * Decisions (docs/messages.md): the limits are the specification's; where it leaves a choice the stricter,
 * documented reading wins, because the gateway's own refusal (101, 105, 106, 113, 120) arrives after the
 * request and names no field.
 *
 * @since 0.1.0
 */
import type * as t from 'io-ts'
import { senderKind as kindOf } from './Features.js'
import { checked, mustBeString, quoteCharAt } from './Validation.js'

/** @category model @since 0.1.0 */
export interface SenderBrand {
  readonly Sender: unique symbol
}
/**
 * `from`, the sender id: 1 to 16 digits (a number in international format, no `+`), or 1 to 11 printable ASCII
 * characters with at least one letter (section 5.2.3). Punctuation (`Dr.Smith`, `Acme-Co`) is accepted: the
 * specification only warns that it "may not always be supported" on every network, so `warning` says so and
 * the send goes ahead. Characters outside printable ASCII are refused, as is a space at either end.
 *
 * @category model
 * @since 0.1.0
 */
export type Sender = t.Branded<string, SenderBrand>

const NOT_PRINTABLE_ASCII = /[^\x20-\x7e]/
const PUNCTUATION = /[^A-Za-z0-9 ]/

/**
 * @example
 * import * as Codecs from './IdCodecs.js'
 * console.log(Codecs.Sender.is('Acme Ltd'), Codecs.Sender.is('27831234567'), Codecs.Sender.is('Dr.Smith'), Codecs.Sender.is('Café')) // true true true false
 * @category codecs
 * @since 0.1.0
 */
export const Sender = checked<Sender>('Sender', (u) => {
  const s = mustBeString(u, 'up to 16 digits, or up to 11 letters, digits, spaces and punctuation')
  if (s !== undefined) return s
  const v = u as string
  if (v === '') return "is empty; leave it out to use the gateway's default sender"
  if (v.startsWith('+'))
    return "must not start with '+': write a numeric sender id in international format without it"
  if (kindOf(v) === 'numeric')
    return v.length <= 16 ? undefined : `has ${v.length} digits; a numeric sender id has at most 16`
  // The UTF-16 index of the first other character; charAt quotes a whole astral character from its high half.
  const bad = v.search(NOT_PRINTABLE_ASCII)
  if (bad >= 0)
    return `contains ${quoteCharAt(v, bad)}; an alphanumeric sender id may use only printable ASCII: letters, digits, spaces and punctuation`
  if (v.length > 11) return `has ${v.length} characters; an alphanumeric sender id has at most 11`
  if (v.startsWith(' ') || v.endsWith(' ')) return 'must not start or end with a space'
  if (!/[A-Za-z]/.test(v))
    return 'has no letter: an alphanumeric sender id needs at least one (or give digits only)'
  return undefined
})

/**
 * The warning of a valid sender id that may not reach every network: one with punctuation (section 5.2.3:
 * such characters "may not always be supported to all destinations"); `undefined` for letters, digits and
 * spaces only.
 *
 * @example
 * import * as Codecs from './IdCodecs.js'
 * console.log(Codecs.senderWarning('Acme'), Codecs.senderWarning('Dr.Smith'))
 * // undefined 'contains "." at 2: punctuation in a sender id may not be supported on every network, and a message may be lost or shown with another sender'
 * @category checks
 * @since 0.1.0
 */
export const senderWarning = (sender: string): string | undefined => {
  const at = sender.search(PUNCTUATION)
  return at < 0
    ? undefined
    : `contains ${quoteCharAt(sender, at)}: punctuation in a sender id may not be supported on every network, and a message may be lost or shown with another sender`
}

/**
 * Whether a sender id is numeric (all digits) or alphanumeric, which decides the `req_feat` bit: the same
 * function as `Features.senderKind`.
 *
 * @example
 * import * as Codecs from './IdCodecs.js'
 * console.log(Codecs.senderKind('27831234567'), Codecs.senderKind('Acme')) // 'numeric' 'alphanumeric'
 * @category utils
 * @since 0.1.0
 */
export const senderKind: (sender: string) => 'numeric' | 'alphanumeric' = kindOf

// The first character that is not an ASCII letter or digit, or -1. A loop, not a regular expression: a client
// message id is checked for every request, and a regex literal here made a new RegExp object at each call.
const firstNonAlnum = (s: string): number => {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    const lower = c | 0x20
    if (!((c >= 48 && c <= 57) || (lower >= 97 && lower <= 122))) return i
  }
  return -1
}

/**
 * The longest id the gateway issues that is read: 64 (the live service writes 32 hex digits; a 33-character one
 * has been seen).
 *
 * @category data
 * @since 0.1.0
 */
export const GATEWAY_ID_MAX = 64

/**
 * The rule every id the gateway issues is held to where it is read (replies and callbacks): the `apimsgid`, the
 * session id, the batch id and the `moMsgId` are 1 to 64 ASCII letters and digits. Anything else (a NUL, markup,
 * a megabyte) is not an id but a broken or hostile answer. docs/errors.md, "Identifiers".
 *
 * @example
 * import { isGatewayId } from './IdCodecs.js'
 * console.log(isGatewayId('996f364775e24b8432f45d77da8eca47'), isGatewayId('<html>'), isGatewayId('a\u0000b')) // true false false
 * @category refinements
 * @since 0.1.0
 */
export const isGatewayId = (s: string): boolean =>
  s.length >= 1 && s.length <= GATEWAY_ID_MAX && firstNonAlnum(s) < 0

const alnumId = (max: number, what: string) => {
  // Made once: a template literal here would build the same sentence at every check.
  const expected = `1 to ${max} letters and digits`
  return (u: unknown): string | undefined => {
    const s = mustBeString(u, expected)
    if (s !== undefined) return s
    const v = u as string
    if (v === '') return `is empty; ${what} is 1 to ${max} letters and digits`
    const bad = firstNonAlnum(v)
    if (bad >= 0)
      return `contains ${quoteCharAt(v, bad)}; ${what} is only letters and digits, without spaces or punctuation`
    return v.length <= max ? undefined : `has ${v.length} characters; ${what} has at most ${max}`
  }
}

/** @category model @since 0.1.0 */
export interface ClientMessageIdBrand {
  readonly ClientMessageId: unique symbol
}
/**
 * `climsgid`: the caller's own id for a message, 1 to 32 letters and digits (section 5.2.13). A UUID fits once
 * its dashes are removed.
 *
 * @category model
 * @since 0.1.0
 */
export type ClientMessageId = t.Branded<string, ClientMessageIdBrand>
/**
 * @example
 * import * as Codecs from './IdCodecs.js'
 * console.log(Codecs.ClientMessageId.is('order42'), Codecs.ClientMessageId.is('order-42')) // true false
 * @category codecs
 * @since 0.1.0
 */
export const ClientMessageId = checked<ClientMessageId>('ClientMessageId', alnumId(32, 'a client message id'))

/** @category model @since 0.1.0 */
export interface ApiMessageIdBrand {
  readonly ApiMessageId: unique symbol
}
/**
 * `apimsgid`: the gateway's id for a message (32 hex digits in practice; up to 64 letters and digits are
 * accepted, as a 33-character one has been seen).
 *
 * @category model
 * @since 0.1.0
 */
export type ApiMessageId = t.Branded<string, ApiMessageIdBrand>
/**
 * @example
 * import * as Codecs from './IdCodecs.js'
 * console.log(Codecs.ApiMessageId.is('996f364775e24b8432f45d77da8eca47')) // true
 * @category codecs
 * @since 0.1.0
 */
export const ApiMessageId = checked<ApiMessageId>(
  'ApiMessageId',
  alnumId(GATEWAY_ID_MAX, 'an API message id'),
)

/** @category model @since 0.1.0 */
export interface BatchIdBrand {
  readonly BatchId: unique symbol
}
/**
 * `batch_id`: the id `startbatch` answered with (1 to 64 letters and digits).
 *
 * @category model
 * @since 0.1.0
 */
export type BatchId = t.Branded<string, BatchIdBrand>
/**
 * @example
 * import * as Codecs from './IdCodecs.js'
 * console.log(Codecs.BatchId.is('a1b2c3'), Codecs.BatchId.is('')) // true false
 * @category codecs
 * @since 0.1.0
 */
export const BatchId = checked<BatchId>('BatchId', alnumId(GATEWAY_ID_MAX, 'a batch id'))

/** @category model @since 0.1.0 */
export interface TokenBrand {
  readonly Token: unique symbol
}
/**
 * `token` for token_pay: a voucher number, digits only. The specification says it is "currently a 16-digit
 * numeric value" yet prints 21 and 5 placeholder digits in its examples, so any length from 1 to 32 digits is
 * accepted and the gateway judges the rest.
 *
 * @category model
 * @since 0.1.0
 */
export type Token = t.Branded<string, TokenBrand>
const NON_DIGIT = /[^0-9]/

/**
 * @example
 * import * as Codecs from './IdCodecs.js'
 * console.log(Codecs.Token.is('1234567890123456'), Codecs.Token.is('1234 5678')) // true false
 * @category codecs
 * @since 0.1.0
 */
export const Token = checked<Token>('Token', (u) => {
  const s = mustBeString(u, 'the digits of the voucher')
  if (s !== undefined) return s
  const v = u as string
  if (v === '') return 'is empty; a voucher number is 16 digits'
  const bad = v.search(NON_DIGIT)
  if (bad >= 0)
    return `contains ${quoteCharAt(v, bad)}; a voucher number is digits only (remove spaces and dashes)`
  return v.length <= 32 ? undefined : `has ${v.length} digits; a voucher number has 16`
})
