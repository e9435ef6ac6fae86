/**
 * io-ts codecs for every parameter of the HTTP API v2.6 (specification section 5), branded so that a value
 * that passed one cannot be confused with a plain string or number. Each failure carries one sentence a person
 * understands; `fields` decodes an object field by field and lists every problem with its path (see `Validation`).
 *
 * Decisions (docs/messages.md): the limits are the specification's; where it leaves a choice the stricter,
 * documented reading wins, because the gateway's own refusal (101, 105, 106, 113, 120) arrives after the
 * request and names no field.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import { isCallbackValue } from '../callback/CallbackValue.js'
import { firstOutside } from '../request/Latin1Form.js'
import * as Binary from '../text/Binary.js'
import { loneSurrogateAt } from '../text/Ucs2.js'
import {
  all as allFeatures,
  type Feature,
  isFeature,
  senderKind as kindOf,
  type Requirement,
} from './Features.js'
import { checked, describe } from './Validation.js'

// --- numbers ---------------------------------------------------------------------------------------------

const wholeNumberIn =
  (min: number, max: number, what: string) =>
  (u: unknown): string | undefined =>
    typeof u === 'number' && Number.isInteger(u) && u >= min && u <= max
      ? undefined
      : `must be a whole number of ${what} from ${min} to ${max}; got ${describe(u)}`

/** @category model @since 0.1.0 */
export interface DeliveryDelayBrand {
  readonly DeliveryDelay: unique symbol
}
/**
 * `deliv_time`: minutes to wait before delivery, 1 to 10080 (7 days, specification section 5.2.6). 0 is
 * refused: no delay is said by leaving the option out. Below 10 the gateway may deliver early (it may be up
 * to 5 minutes early anyway).
 *
 * @category model
 * @since 0.1.0
 */
export type DeliveryDelay = t.Branded<number, DeliveryDelayBrand>
/**
 * @example
 * import * as Codecs from './Codecs.js'
 * console.log(Codecs.DeliveryDelay.is(120), Codecs.DeliveryDelay.is(10081)) // true false
 * @category codecs
 * @since 0.1.0
 */
export const DeliveryDelay = checked<DeliveryDelay>('DeliveryDelay', wholeNumberIn(1, 10080, 'minutes'))

/** @category model @since 0.1.0 */
export interface ValidityBrand {
  readonly Validity: unique symbol
}
/**
 * `validity`: minutes the gateway may keep the message queued, 1 to 1440 (section 5.2.15).
 *
 * @category model
 * @since 0.1.0
 */
export type Validity = t.Branded<number, ValidityBrand>
/**
 * @example
 * import * as Codecs from './Codecs.js'
 * console.log(Codecs.Validity.is(1440), Codecs.Validity.is(0)) // true false
 * @category codecs
 * @since 0.1.0
 */
export const Validity = checked<Validity>('Validity', wholeNumberIn(1, 1440, 'minutes'))

/** @category model @since 0.1.0 */
export interface MaxPartsBrand {
  readonly MaxParts: unique symbol
}
/**
 * `concat` as the caller's maximum: 1 to 35 parts (section 5.2.7; 3 is the recommendation).
 *
 * @category model
 * @since 0.1.0
 */
export type MaxParts = t.Branded<number, MaxPartsBrand>
/**
 * @example
 * import * as Codecs from './Codecs.js'
 * console.log(Codecs.MaxParts.is(35), Codecs.MaxParts.is(36)) // true false
 * @category codecs
 * @since 0.1.0
 */
export const MaxParts = checked<MaxParts>('MaxParts', wholeNumberIn(1, 35, 'parts'))

/**
 * `callback`: which statuses the gateway posts back, 0 to 7 (docs/gateway.md, 'Callback values').
 *
 * @example
 * import * as Codecs from './Codecs.js'
 * console.log(Codecs.Callback.is(3), Codecs.Callback.is(8)) // true false
 * @category codecs
 * @since 0.1.0
 */
export const Callback = checked<0 | 1 | 2 | 3 | 4 | 5 | 6 | 7>('Callback', (u) =>
  isCallbackValue(u)
    ? undefined
    : `must be a whole number from 0 (no callback) to 7 (every status); got ${describe(u)}`,
)

/**
 * `queue`: 1 (highest priority), 2, or 3 (lowest, the default).
 *
 * @example
 * import * as Codecs from './Codecs.js'
 * console.log(Codecs.Queue.is(1), Codecs.Queue.is(4)) // true false
 * @category codecs
 * @since 0.1.0
 */
export const Queue = checked<1 | 2 | 3>('Queue', (u) =>
  u === 1 || u === 2 || u === 3
    ? undefined
    : `must be 1 (highest priority), 2 or 3 (lowest); got ${describe(u)}`,
)

/** @category model @since 0.1.0 */
export interface MaxCreditsBrand {
  readonly MaxCredits: unique symbol
}
/**
 * `max_credits`: the most a message may cost, a positive number of credits (section 5.2.8 allows any amount
 * within the account's profiles). Written as a plain decimal, so it must lie between 0.000001 and 10^21.
 *
 * @category model
 * @since 0.1.0
 */
export type MaxCredits = t.Branded<number, MaxCreditsBrand>
/**
 * @example
 * import * as Codecs from './Codecs.js'
 * console.log(Codecs.MaxCredits.is(1.5), Codecs.MaxCredits.is(0)) // true false
 * @category codecs
 * @since 0.1.0
 */
export const MaxCredits = checked<MaxCredits>('MaxCredits', (u) =>
  typeof u === 'number' && Number.isFinite(u) && u > 0 && !String(u).includes('e')
    ? undefined
    : `must be a positive number of credits such as 1.5; got ${describe(u)}`,
)

/**
 * A switch given as `true` or `false` (written `1` or `0`).
 *
 * @example
 * import * as Codecs from './Codecs.js'
 * console.log(Codecs.Flag.is(true), Codecs.Flag.is(1)) // true false
 * @category codecs
 * @since 0.1.0
 */
export const Flag = checked<boolean>('Flag', (u) =>
  typeof u === 'boolean' ? undefined : `must be true or false; got ${describe(u)}`,
)

/** @category model @since 0.1.0 */
export interface UnixSecondsBrand {
  readonly UnixSeconds: unique symbol
}
/**
 * A moment as whole unix seconds.
 *
 * @category model
 * @since 0.1.0
 */
export type UnixSeconds = t.Branded<number, UnixSecondsBrand>

const MILLIS_THRESHOLD = 1e11 // unix seconds reach 1e11 in the year 5138; a larger value is milliseconds

/**
 * `scheduled_time`: when to deliver, given as a `Date` or whole unix seconds, decoded to unix seconds.
 *
 * Written as unix seconds, never as the `YYYY-MM-DDTHH:mm:ssZ` form: the specification accepts both, but its
 * example of the date form is corrupted (`09-01-30T14:00:00Z`, docs/gateway.md, quirk 20), so nothing shows
 * which date form the gateway parses; an integer cannot be misread. The 7-day limit is not checked here: the
 * core has no clock.
 *
 * @example
 * import * as Codecs from './Codecs.js'
 * console.log(Codecs.ScheduledTime.decode(new Date('2030-01-01T00:00:00Z'))) // { _tag: 'Right', right: 1893456000 }
 * @category codecs
 * @since 0.1.0
 */
export const ScheduledTime = new t.Type<UnixSeconds, number, unknown>(
  'ScheduledTime',
  (u): u is UnixSeconds => typeof u === 'number' && Number.isInteger(u) && u >= 0 && u < MILLIS_THRESHOLD,
  (u, c) => {
    if (u instanceof Date) {
      const ms = u.getTime()
      return Number.isNaN(ms) || ms < 0
        ? t.failure(u, c, 'is an invalid Date or one before 1970')
        : t.success(Math.floor(ms / 1000) as UnixSeconds)
    }
    if (typeof u !== 'number' || !Number.isInteger(u) || u < 0)
      return t.failure(u, c, `must be a Date or a whole number of unix seconds; got ${describe(u)}`)
    if (u >= MILLIS_THRESHOLD)
      return t.failure(
        u,
        c,
        `looks like milliseconds (${u}); give unix seconds (milliseconds / 1000) or a Date`,
      )
    return t.success(u as UnixSeconds)
  },
  (a) => a,
)

// --- strings ---------------------------------------------------------------------------------------------

const mustBeString = (u: unknown, what: string): string | undefined =>
  typeof u === 'string' ? undefined : `must be a string: ${what}; got ${describe(u)}`

const charAt = (s: string, i: number): string =>
  `${JSON.stringify(String.fromCodePoint(s.codePointAt(i)!))} at ${i}`

/** @category model @since 0.1.0 */
export interface SenderBrand {
  readonly Sender: unique symbol
}
/**
 * `from`, the sender id: 1 to 16 digits (a number in international format, no `+`), or 1 to 11 letters, digits
 * and spaces with at least one letter (section 5.2.3). Punctuation and characters outside A-Z, a-z, 0-9 and
 * the space are refused, as is a space at either end: the specification warns that they "may not always be
 * supported" and "could interfere with your delivery", and a refusal now beats a message lost on one network.
 *
 * @category model
 * @since 0.1.0
 */
export type Sender = t.Branded<string, SenderBrand>

const NOT_ALNUM_SENDER = /[^A-Za-z0-9 ]/

/**
 * @example
 * import * as Codecs from './Codecs.js'
 * console.log(Codecs.Sender.is('Acme Ltd'), Codecs.Sender.is('27831234567'), Codecs.Sender.is('Acme & Co')) // true true false
 * @category codecs
 * @since 0.1.0
 */
export const Sender = checked<Sender>('Sender', (u) => {
  const s = mustBeString(u, 'up to 16 digits, or up to 11 letters, digits and spaces')
  if (s !== undefined) return s
  const v = u as string
  if (v === '') return "is empty; leave it out to use the gateway's default sender"
  if (v.startsWith('+'))
    return "must not start with '+': write a numeric sender id in international format without it"
  if (kindOf(v) === 'numeric')
    return v.length <= 16 ? undefined : `has ${v.length} digits; a numeric sender id has at most 16`
  // The UTF-16 index of the first other character; charAt quotes a whole astral character from its high half.
  const bad = v.search(NOT_ALNUM_SENDER)
  if (bad >= 0)
    return `contains ${charAt(v, bad)}; an alphanumeric sender id may use only A-Z, a-z, 0-9 and spaces (others may not reach every network)`
  if (v.length > 11) return `has ${v.length} characters; an alphanumeric sender id has at most 11`
  if (v.startsWith(' ') || v.endsWith(' ')) return 'must not start or end with a space'
  return undefined
})

/**
 * Whether a sender id is numeric (all digits) or alphanumeric, which decides the `req_feat` bit: the same
 * function as `Features.senderKind`.
 *
 * @example
 * import * as Codecs from './Codecs.js'
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
      return `contains ${charAt(v, bad)}; ${what} is only letters and digits, without spaces or punctuation`
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
 * import * as Codecs from './Codecs.js'
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
 * import * as Codecs from './Codecs.js'
 * console.log(Codecs.ApiMessageId.is('996f364775e24b8432f45d77da8eca47')) // true
 * @category codecs
 * @since 0.1.0
 */
export const ApiMessageId = checked<ApiMessageId>('ApiMessageId', alnumId(64, 'an API message id'))

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
 * import * as Codecs from './Codecs.js'
 * console.log(Codecs.BatchId.is('a1b2c3'), Codecs.BatchId.is('')) // true false
 * @category codecs
 * @since 0.1.0
 */
export const BatchId = checked<BatchId>('BatchId', alnumId(64, 'a batch id'))

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
 * import * as Codecs from './Codecs.js'
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
    return `contains ${charAt(v, bad)}; a voucher number is digits only (remove spaces and dashes)`
  return v.length <= 32 ? undefined : `has ${v.length} digits; a voucher number has 16`
})

const SURROGATE = /[\uD800-\uDFFF]/

/** @category model @since 0.1.0 */
export interface MessageTextBrand {
  readonly MessageText: unique symbol
}
/**
 * `text` (and a batch `template`): a non-empty string of well-formed UTF-16 (a lone surrogate cannot be sent in
 * any encoding). How it travels is decided later, by `Charset.plan`.
 *
 * @category model
 * @since 0.1.0
 */
export type MessageText = t.Branded<string, MessageTextBrand>
/**
 * @example
 * import * as Codecs from './Codecs.js'
 * console.log(Codecs.MessageText.is('Hello'), Codecs.MessageText.is(''), Codecs.MessageText.is('a\uD800')) // true false false
 * @category codecs
 * @since 0.1.0
 */
export const MessageText = checked<MessageText>('MessageText', (u) => {
  const s = mustBeString(u, 'the text of the message')
  if (s !== undefined) return s
  const v = u as string
  if (v === '') return 'is empty; the gateway refuses an empty message (error 107)'
  // A native scan for any surrogate first: most texts have none, and then the exact check is skipped.
  const at = SURROGATE.test(v) ? loneSurrogateAt(v) : -1
  return at < 0 ? undefined : `has a lone surrogate at ${at} (ill-formed UTF-16), which no encoding can send`
})

/** @category model @since 0.1.0 */
export interface HexBrand {
  readonly Hex: unique symbol
}
/**
 * `data`: binary content as hex, two digits a byte, at least one byte.
 *
 * @category model
 * @since 0.1.0
 */
export type Hex = t.Branded<string, HexBrand>

const hexProblem = (u: unknown): string | undefined => {
  const s = mustBeString(u, 'hex, two digits a byte')
  if (s !== undefined) return s
  if (u === '') return 'is empty; give at least one byte, or leave it out'
  const r = Binary.fromHex(u as string)
  return E.isLeft(r) ? r.left.problems[0]!.message : undefined
}

/**
 * @example
 * import * as Codecs from './Codecs.js'
 * console.log(Codecs.Hex.is('024A3A'), Codecs.Hex.is('024')) // true false
 * @category codecs
 * @since 0.1.0
 */
export const Hex = checked<Hex>('Hex', hexProblem)

/** @category model @since 0.1.0 */
export interface UdhBrand {
  readonly Udh: unique symbol
}
/**
 * `udh`: a user data header as hex whose first byte (UDHL) is the number of bytes after it, as in
 * `06050415810000` (6, then six bytes). The gateway answers 102 for a malformed one.
 *
 * @category model
 * @since 0.1.0
 */
export type Udh = t.Branded<string, UdhBrand>
/**
 * @example
 * import * as Codecs from './Codecs.js'
 * console.log(Codecs.Udh.is('06050415810000'), Codecs.Udh.is('05050415810000')) // true false
 * @category codecs
 * @since 0.1.0
 */
export const Udh = checked<Udh>('Udh', (u) => {
  const h = hexProblem(u)
  if (h !== undefined) return h
  const v = u as string
  const udhl = Number.parseInt(v.slice(0, 2), 16)
  const after = v.length / 2 - 1
  return udhl === after
    ? undefined
    : `starts with the header length ${udhl} (0x${v.slice(0, 2)}), but ${after} byte${after === 1 ? '' : 's'} follow it`
})

/**
 * `msg_type` values (docs/gateway.md, 'Message types', from specification v2.3.8 section 5.2.15). Note the
 * spelling `SMS_NOKIA_RTTL`, not `SMS_NOKIA_RTTTL`.
 *
 * @example
 * import * as Codecs from './Codecs.js'
 * console.log(Codecs.messageTypes.length) // 10
 * @category data
 * @since 0.1.0
 */
export const messageTypes = [
  'SMS_TEXT',
  'SMS_FLASH',
  'SMS_NOKIA_OLOGO',
  'SMS_NOKIA_GLOGO',
  'SMS_NOKIA_PICTURE',
  'SMS_NOKIA_RINGTONE',
  'SMS_NOKIA_RTTL',
  'SMS_NOKIA_CLEAN',
  'SMS_NOKIA_VCARD',
  'SMS_NOKIA_VCAL',
] as const

/**
 * A `msg_type` value.
 *
 * @category model
 * @since 0.1.0
 */
export type MessageType = (typeof messageTypes)[number]

/**
 * @example
 * import * as Codecs from './Codecs.js'
 * console.log(Codecs.MessageType.is('SMS_FLASH'), Codecs.MessageType.is('SMS_NOKIA_RTTTL')) // true false
 * @category codecs
 * @since 0.1.0
 */
export const MessageType = checked<MessageType>('MessageType', (u) =>
  (messageTypes as ReadonlyArray<unknown>).includes(u)
    ? undefined
    : u === 'SMS_NOKIA_RTTTL'
      ? 'must be SMS_NOKIA_RTTL: the documented value has two Ts (SMS_NOKIA_RTTTL is not one)'
      : `must be one of ${messageTypes.join(', ')}; got ${describe(u)}`,
)

/**
 * `unicode` as a choice: `auto` (GSM-7 when the text allows it, else UCS-2) or `ucs2` (always UCS-2).
 *
 * @example
 * import * as Codecs from './Codecs.js'
 * console.log(Codecs.TextEncoding.is('ucs2'), Codecs.TextEncoding.is('gsm7')) // true false
 * @category codecs
 * @since 0.1.0
 */
export const TextEncoding = checked<'auto' | 'ucs2'>('TextEncoding', (u) =>
  u === 'auto' || u === 'ucs2' ? undefined : `must be 'auto' or 'ucs2'; got ${describe(u)}`,
)

/**
 * A batch field value (`field1`..`fieldN`): a string of characters up to U+00FF, because fields are substituted
 * into plain ISO-8859-1 text (a Unicode batch cannot substitute, specification section 5.2.14).
 *
 * @example
 * import * as Codecs from './Codecs.js'
 * console.log(Codecs.FieldValue.is('Grüße'), Codecs.FieldValue.is('Ωmega')) // true false
 * @category codecs
 * @since 0.1.0
 */
export const FieldValue = checked<string>('FieldValue', (u) => {
  const s = mustBeString(u, 'the value substituted for #fieldN#')
  if (s !== undefined) return s
  const v = u as string
  const i = firstOutside(v)
  return i < 0
    ? undefined
    : `contains ${charAt(v, i)}, above U+00FF: batch fields are substituted into plain ISO-8859-1 text`
})

const featureList = (u: unknown, c: t.Context, key: string): t.Errors => {
  const errors: t.ValidationError[] = []
  const here = t.appendContext(c, key, t.unknown, u)
  if (!Array.isArray(u))
    return [{ value: u, context: here, message: `must be a list of features; got ${describe(u)}` }]
  u.forEach((f: unknown, i) => {
    if (!isFeature(f))
      errors.push({
        value: f,
        context: t.appendContext(here, String(i), t.unknown, f),
        message: `must be one of ${allFeatures.join(', ')}; got ${describe(f)}`,
      })
  })
  return errors
}

/**
 * `requiredFeatures` (written as `req_feat`): `{ add: [...] }` to require more than the derived features, or
 * `{ exactly: [...] }` to require exactly these (`{ exactly: [] }` sends no `req_feat`).
 *
 * @example
 * import * as Codecs from './Codecs.js'
 * console.log(Codecs.RequiredFeatures.is({ add: ['FLASH'] }), Codecs.RequiredFeatures.is({ add: ['NOKIA'] })) // true false
 * @category codecs
 * @since 0.1.0
 */
export const RequiredFeatures = new t.Type<Requirement, Requirement, unknown>(
  'RequiredFeatures',
  (u): u is Requirement =>
    u !== null &&
    typeof u === 'object' &&
    Object.keys(u).length === 1 &&
    (('add' in u && Array.isArray(u.add) && u.add.every(isFeature)) ||
      ('exactly' in u && Array.isArray(u.exactly) && u.exactly.every(isFeature))),
  (u, c) => {
    const shape = 'must be { add: [...features] } or { exactly: [...features] }'
    if (u === null || typeof u !== 'object' || Array.isArray(u))
      return t.failure(u, c, `${shape}; got ${describe(u)}`)
    const keys = Object.keys(u)
    if (keys.length !== 1 || (keys[0] !== 'add' && keys[0] !== 'exactly'))
      return t.failure(
        u,
        c,
        `${shape}, with exactly one of the two; got the fields ${keys.join(', ') || 'none'}`,
      )
    const key = keys[0]
    const list: unknown = (u as Record<string, unknown>)[key]
    const errors = featureList(list, c, key)
    if (errors.length > 0) return t.failures(errors)
    const features = [...(list as ReadonlyArray<Feature>)]
    return t.success(key === 'add' ? { add: features } : { exactly: features })
  },
  t.identity,
)
