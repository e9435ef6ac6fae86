/**
 * io-ts codecs for what a message carries and how it travels (specification section 5): the text, binary
 * content and its header, the message type, the text encoding asked for, batch field values and the route
 * features required. Branded where a plain string would do harm; each failure is one sentence a person
 * understands.
 *
 * Decisions (docs/messages.md): the limits are the specification's; where it leaves a choice the stricter,
 * documented reading wins, because the gateway's own refusal (101, 105, 106, 113, 120) arrives after the
 * request and names no field.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import { firstOutside } from '../request/Latin1Form.js'
import * as Binary from '../text/Binary.js'
import { loneSurrogateAt } from '../text/Ucs2.js'
import { all as allFeatures, type Feature, isFeature, type Requirement } from './Features.js'
import { checked, describe, mustBeString, quoteCharAt } from './Validation.js'

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
 * import * as Codecs from './ContentCodecs.js'
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
 * import * as Codecs from './ContentCodecs.js'
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
 * import * as Codecs from './ContentCodecs.js'
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
 * `msg_type` values (docs/gateway.md, 'Message types'; specification v2.3.8 section 5.2.15). Note the spelling
 * `SMS_NOKIA_RTTL`, not `SMS_NOKIA_RTTTL`.
 *
 * @example
 * import * as Codecs from './ContentCodecs.js'
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
 * import * as Codecs from './ContentCodecs.js'
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
 * import * as Codecs from './ContentCodecs.js'
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
 * import * as Codecs from './ContentCodecs.js'
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
    : `contains ${quoteCharAt(v, i)}, above U+00FF: batch fields are substituted into plain ISO-8859-1 text`
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
 * import * as Codecs from './ContentCodecs.js'
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
