/**
 * What a validated message becomes before it has a dialect: the text in its wire encoding (plain ISO-8859-1
 * text, or UCS-2 hex with `unicode=1`) or the binary content, the parts it takes, the `concat` to send, and the
 * features to require. The HTTP encoder (`Encode`) and the REST one (`Rest`) both start from here, so one model
 * serves both APIs.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import type { ReadonlyNonEmptyArray } from 'fp-ts/lib/ReadonlyNonEmptyArray.js'
import { type InvalidInput, invalidInput, type MessageTooLong } from '../errors.js'
import type { Hex, MessageText, Udh } from '../message/ContentCodecs.js'
import { derive, type Feature, resolve, toMask } from '../message/Features.js'
import type { ValidMessage, ValidOptions } from '../message/Message.js'
import { optionCodecs, wireNames } from '../message/Message.js'
import type { Msisdn } from '../message/Msisdn.js'
import { type BinaryCount, checkBytes } from '../text/Binary.js'
import { planWith, type WirePlan } from '../text/Charset.js'
import { check, type Encoding, GATEWAY_MAX_PARTS } from '../text/Parts.js'
import { toHex } from '../text/Ucs2.js'
import type { Param } from './Wire.js'

/**
 * The content as it will travel.
 *
 * @category model
 * @since 0.1.0
 */
export type Body =
  | {
      readonly _tag: 'Text'
      /** The text as given. */
      readonly text: MessageText
      /** The `text` value on the wire: the text itself (GSM-7 plan) or its UCS-2 hex. */
      readonly wire: string
      readonly plan: WirePlan
    }
  | {
      readonly _tag: 'Binary'
      readonly udh?: Udh
      readonly data?: Hex
      readonly forced: boolean
      readonly count: BinaryCount
    }

/**
 * A message ready for a dialect.
 *
 * @category model
 * @since 0.1.0
 */
export interface Submission {
  readonly to: ReadonlyNonEmptyArray<Msisdn>
  readonly body: Body
  readonly encoding: Encoding | 'binary'
  /** Parts the content takes. */
  readonly parts: number
  /** The `concat` to send: the parts needed, when more than 1. */
  readonly concat?: number
  readonly features: ReadonlySet<Feature>
  readonly options: ValidOptions
}

/**
 * Plans a text: its encoding, its cost, and its wire value. Refuses a text with a lone surrogate
 * (`InvalidInput`, no encoding can send it) and a text that needs more parts than `maxParts`
 * (`MessageTooLong`).
 *
 * @example
 * import * as Submission from './MessageParams.js'
 * import * as E from 'fp-ts/Either'
 * const r = Submission.planText({ encoding: 'auto', maxParts: 3, path: 'text' })('ΩΨΘ')
 * console.log(E.isRight(r) && r.right.wire) // '03A903A80398' (Greek capitals are GSM but not ISO-8859-1)
 * @category planning
 * @since 0.1.0
 */
export const planText =
  (options: { readonly encoding: 'auto' | 'ucs2'; readonly maxParts: number; readonly path: string }) =>
  (text: string): E.Either<InvalidInput | MessageTooLong, PlannedText> =>
    planTextAt(text, options.encoding, options.maxParts, options.path)

/**
 * A text's wire value and plan.
 *
 * @category model
 * @since 0.1.0
 */
export interface PlannedText {
  readonly wire: string
  readonly plan: WirePlan
}

// Made once: the planners and a Parts.check for every allowed maximum keep closures off the hot path.
const planners = { auto: planWith({}), ucs2: planWith({ encoding: 'ucs2' }) } as const
const checks = Array.from({ length: GATEWAY_MAX_PARTS + 1 }, (_, n) => check(n))

const planTextAt = (
  text: string,
  encoding: 'auto' | 'ucs2',
  maxParts: number,
  path: string,
): E.Either<InvalidInput | MessageTooLong, PlannedText> => {
  const plan = planners[encoding === 'ucs2' ? 'ucs2' : 'auto'](text)
  for (const o of plan.offenders)
    if (o.problem === 'lone-surrogate')
      return E.left(
        invalidInput([
          {
            path,
            message: `has a lone surrogate at ${o.index} (ill-formed UTF-16), which no encoding can send`,
          },
        ]),
      )
  const checked = (checks[maxParts] ?? check(maxParts))(plan.count)
  if (E.isLeft(checked)) return checked
  return E.right({ wire: plan.encoding === 'ucs2' ? toHex(text) : text, plan })
}

/**
 * Plans binary content: its bytes (the `udh` included) counted (`Binary.countBytes`) and checked against
 * `maxParts`, or against 1 with the caller's own `udh`. A sendmsg message and an 8-bit batch both plan here.
 *
 * @example
 * import * as Submission from './MessageParams.js'
 * const r = Submission.planBinary({ data: '00'.repeat(141) as never, forced: false }, 3)
 * console.log(r._tag === 'Right' && r.right._tag === 'Binary' && r.right.count.parts) // 2
 * @category planning
 * @since 0.1.0
 */
export const planBinary = (
  content: { readonly udh?: Udh | undefined; readonly data?: Hex | undefined; readonly forced: boolean },
  maxParts: number,
): E.Either<MessageTooLong, Extract<Body, { _tag: 'Binary' }>> => {
  const bytes = ((content.udh?.length ?? 0) + (content.data?.length ?? 0)) / 2
  // With the caller's own UDH the gateway cannot add a concatenation header: one message, 140 bytes in all.
  const checked = checkBytes(content.udh === undefined ? maxParts : 1)(bytes)
  if (E.isLeft(checked)) return checked
  const count = checked.right
  return E.right({
    _tag: 'Binary',
    ...(content.udh === undefined ? {} : { udh: content.udh }),
    ...(content.data === undefined ? {} : { data: content.data }),
    forced: content.forced,
    count,
  })
}

/**
 * The `req_feat` features of a content and its options: derived (`Features.derive`), then extended or replaced
 * by `requiredFeatures`.
 *
 * @example
 * import * as Submission from './MessageParams.js'
 * console.log([...Submission.featuresOf({ from: '27831234567', messageType: 'SMS_FLASH' } as never, 'gsm7', 1)]) // ['NUMER', 'FLASH']
 * @category planning
 * @since 0.1.0
 */
export const featuresOf = (
  options: ValidOptions,
  encoding: Submission['encoding'],
  parts: number,
): ReadonlySet<Feature> => {
  const derived = derive({
    encoding,
    parts,
    from: options.from,
    messageType: options.messageType,
    callback: options.callback,
  })
  return options.requiredFeatures === undefined ? derived : resolve(options.requiredFeatures)(derived)
}

/**
 * Plans a validated message: encoding, parts (checked against `maxParts`, default 35), `concat`, features.
 *
 * @example
 * import { Message } from 'clickatell-fp'
 * import * as Submission from './MessageParams.js'
 * import * as E from 'fp-ts/Either'
 * const s = E.flatMap(Submission.fromMessage)(Message.decode({ to: '447901231234', text: 'x'.repeat(200), from: 'Acme' }))
 * console.log(E.isRight(s) && [s.right.encoding, s.right.concat, [...s.right.features]]) // ['gsm7', 2, ['ALPHA', 'CONCAT']]
 * @category planning
 * @since 0.1.0
 */
export const fromMessage = (message: ValidMessage): E.Either<InvalidInput | MessageTooLong, Submission> => {
  // The message is its own options: ValidMessage extends ValidOptions, and optionParams reads only option keys.
  const { to, content } = message
  const options: ValidOptions = message
  const maxParts = options.maxParts ?? GATEWAY_MAX_PARTS
  let body: Body
  if (content._tag === 'Text') {
    const planned = planTextAt(content.text, content.encoding, maxParts, 'text')
    if (E.isLeft(planned)) return planned
    body = { _tag: 'Text', text: content.text, wire: planned.right.wire, plan: planned.right.plan }
  } else {
    const binary = planBinary(content, maxParts)
    if (E.isLeft(binary)) return binary
    body = binary.right
  }
  const encoding = body._tag === 'Text' ? body.plan.encoding : 'binary'
  const parts = body._tag === 'Text' ? body.plan.count.parts : body.count.parts
  const features = featuresOf(options, encoding, parts)
  // Two literals rather than a conditional spread, which builds an object only to copy it.
  return E.right(
    parts > 1
      ? { to, body, encoding, parts, concat: parts, features, options }
      : { to, body, encoding, parts, features, options },
  )
}

// The order options are written in: that of Message.optionCodecs, whose type lists every option, so a new option
// cannot be validated and then dropped here. maxParts and requiredFeatures are written as the computed concat
// and req_feat.
const OPTION_WIRE = (Object.keys(optionCodecs) as ReadonlyArray<keyof ValidOptions>).map(
  (key) => [key, wireNames[key]] as const,
)
const OPTION_INDEX = new Map<string, number>(OPTION_WIRE.map(([key], i) => [key, i]))
const CONCAT_AT = OPTION_INDEX.get('maxParts')!
const REQ_FEAT_AT = OPTION_INDEX.get('requiredFeatures')!

/**
 * The option parameters in wire form: numbers in decimal, switches as `1`/`0`, `scheduled_time` as unix
 * seconds; `concat` and `req_feat` from the computed values (omitted when `undefined` or empty).
 *
 * @example
 * import * as Submission from './MessageParams.js'
 * console.log(Submission.optionParams({ callback: 3, escalate: true } as never, { features: new Set() }))
 * // [['callback', '3'], ['escalate', '1']]
 * @category encoding
 * @since 0.1.0
 */
export const optionParams = (
  options: ValidOptions,
  computed: { readonly concat?: number | undefined; readonly features: ReadonlySet<Feature> },
): Param[] => {
  // Only the keys the options have are looked at, then written in OPTION_WIRE's order: a message usually has
  // few options or none, and looking every option up by name cost more than the rest of the encoding.
  const at: number[] = []
  for (const key of Object.keys(options)) {
    const i = OPTION_INDEX.get(key)
    if (i !== undefined && i !== CONCAT_AT && i !== REQ_FEAT_AT) at.push(i)
  }
  if (computed.concat !== undefined) at.push(CONCAT_AT)
  if (computed.features.size > 0) at.push(REQ_FEAT_AT)
  if (at.length > 1) at.sort((a, b) => a - b)
  const out: Param[] = []
  for (const i of at) {
    const [key, wire] = OPTION_WIRE[i]!
    if (i === CONCAT_AT) out.push([wire, String(computed.concat)])
    else if (i === REQ_FEAT_AT) out.push([wire, String(toMask(computed.features))])
    else {
      const v = options[key]
      if (v !== undefined) out.push([wire, typeof v === 'boolean' ? (v ? '1' : '0') : String(v)])
    }
  }
  return out
}

/**
 * A planned text as parameters: `name` (`text`, or a batch's `template`) with the wire value, and `unicode=1`
 * when it travels as UCS-2.
 *
 * @example
 * import * as Submission from './MessageParams.js'
 * import * as E from 'fp-ts/Either'
 * const planned = Submission.planText({ encoding: 'auto', maxParts: 3, path: 'template' })('ΩΨΘ')
 * console.log(E.isRight(planned) && Submission.textParams('template', planned.right)) // [['template', '03A903A80398'], ['unicode', '1']]
 * @category encoding
 * @since 0.1.0
 */
export const textParams = (name: string, planned: PlannedText): Param[] =>
  planned.plan.encoding === 'ucs2'
    ? [
        [name, planned.wire],
        [wireNames.encoding, '1'],
      ]
    : [[name, planned.wire]]

/**
 * The content parameters: `text` (and `unicode=1` for UCS-2), or `udh`, `data` (and `binary=1` when forced).
 *
 * @example
 * import { Message } from 'clickatell-fp'
 * import * as Submission from './MessageParams.js'
 * import * as E from 'fp-ts/Either'
 * const s = E.flatMap(Submission.fromMessage)(Message.decode({ to: '447901231234', text: 'ΩΨΘ' }))
 * console.log(E.isRight(s) && Submission.contentParams(s.right.body)) // [['text', '03A903A80398'], ['unicode', '1']]
 * @category encoding
 * @since 0.1.0
 */
export const contentParams = (body: Body): Param[] => {
  if (body._tag === 'Text') return textParams(wireNames.text, body)
  const out: Param[] = []
  if (body.udh !== undefined) out.push([wireNames.udh, body.udh])
  if (body.data !== undefined) out.push([wireNames.data, body.data])
  if (body.forced) out.push([wireNames.binary, '1'])
  return out
}

/**
 * Every parameter of a submission but the recipients and the credentials: content, then options.
 *
 * @example
 * import { Message } from 'clickatell-fp'
 * import * as Submission from './MessageParams.js'
 * import * as E from 'fp-ts/Either'
 * const s = E.flatMap(Submission.fromMessage)(Message.decode({ to: '447901231234', text: 'Hi', from: '27831234567', callback: 3 }))
 * console.log(E.isRight(s) && Submission.params(s.right))
 * // [['text', 'Hi'], ['from', '27831234567'], ['callback', '3'], ['req_feat', '8224']]
 * @category encoding
 * @since 0.1.0
 */
export const params = (submission: Submission): Param[] => [
  ...contentParams(submission.body),
  ...optionParams(submission.options, submission),
]
