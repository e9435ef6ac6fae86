/**
 * The `req_feat` bit mask: the features a route must support, or the gateway will not use it (specification
 * v2.6 section 5.2.9). The bit table is checked data: a feature without a bit is a compile error.
 *
 * Sources (docs/gateway.md, 'Feature bits'): TEXT, 8BIT, UDH, UCS2, ALPHA, NUMER, DELIVACK and CONCAT are in
 * the v2.6 table; FLASH (512) was dropped from the v2.6 table although its own example uses it
 * (32 + 512 = 544); REPLY (64) is documented only by the smsj library (HTTP API v2.2.4). No other bit was
 * ever documented.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import { type InvalidInput, invalidInput } from '../errors.js'
import type { Encoding } from '../text/Parts.js'

/**
 * A feature a route can be required to support.
 *
 * @category model
 * @since 0.1.0
 */
export type Feature =
  | 'TEXT'
  | '8BIT'
  | 'UDH'
  | 'UCS2'
  | 'ALPHA'
  | 'NUMER'
  | 'REPLY'
  | 'FLASH'
  | 'DELIVACK'
  | 'CONCAT'

/**
 * The bit of each feature.
 *
 * @example
 * import { Features } from 'clickatell-fp'
 * console.log(Features.bits.DELIVACK) // 8192
 * @category data
 * @since 0.1.0
 */
export const bits: { readonly [K in Feature]-?: number } = {
  TEXT: 0x0001,
  '8BIT': 0x0002,
  UDH: 0x0004,
  UCS2: 0x0008,
  ALPHA: 0x0010,
  NUMER: 0x0020,
  // Only marre/smsj documents it ("reply to an MT message with a numeric sender id"); absent from v2.3.8 and v2.6.
  REPLY: 0x0040,
  // In v2.3.8's table; dropped from v2.6's, which still uses 512 in its example.
  FLASH: 0x0200,
  DELIVACK: 0x2000,
  CONCAT: 0x4000,
}

/**
 * Where each feature bit is documented: the v2.6 specification, only the older v2.3.8 one, or only the smsj
 * library.
 *
 * @example
 * import { Features } from 'clickatell-fp'
 * console.log(Features.documentedIn.FLASH, Features.documentedIn.REPLY) // 'v2.3.8' 'smsj'
 * @category data
 * @since 0.1.0
 */
export const documentedIn: { readonly [K in Feature]-?: 'v2.6' | 'v2.3.8' | 'smsj' } = {
  TEXT: 'v2.6',
  '8BIT': 'v2.6',
  UDH: 'v2.6',
  UCS2: 'v2.6',
  ALPHA: 'v2.6',
  NUMER: 'v2.6',
  REPLY: 'smsj',
  FLASH: 'v2.3.8',
  DELIVACK: 'v2.6',
  CONCAT: 'v2.6',
}

/**
 * Every feature, in the order of its bit.
 *
 * @example
 * import { Features } from 'clickatell-fp'
 * console.log(Features.all.length) // 10
 * @category data
 * @since 0.1.0
 */
export const all: ReadonlyArray<Feature> = (Object.keys(bits) as Feature[]).sort((a, b) => bits[a] - bits[b])

/**
 * The features the gateway sets by default (TEXT + 8BIT + UDH + UCS2 + CONCAT = 16399), the composite some
 * libraries call FEAT_DEFAULT.
 *
 * @example
 * import { Features } from 'clickatell-fp'
 * console.log(Features.DEFAULT_MASK) // 16399
 * @category data
 * @since 0.1.0
 */
export const DEFAULT_MASK = 0x400f

const KNOWN_MASK = all.reduce((m, f) => m | bits[f], 0)

/**
 * Tells whether a value is the name of a feature.
 *
 * @example
 * import { Features } from 'clickatell-fp'
 * console.log(Features.isFeature('FLASH'), Features.isFeature('NOKIA')) // true false
 * @category refinements
 * @since 0.1.0
 */
export const isFeature = (value: unknown): value is Feature =>
  typeof value === 'string' && Object.hasOwn(bits, value)

/**
 * The mask of a set (or list) of features; duplicates count once.
 *
 * @example
 * import { Features } from 'clickatell-fp'
 * console.log(Features.toMask(['NUMER', 'FLASH'])) // 544
 * console.log(Features.toMask(new Set(['ALPHA', 'NUMER', 'DELIVACK'] as const))) // 8240
 * @category encoding
 * @since 0.1.0
 */
export const toMask = (features: ReadonlySet<Feature> | ReadonlyArray<Feature>): number => {
  let mask = 0
  for (const f of features) mask |= bits[f]
  return mask
}

/** The features of a mask of known bits, in bit order. */
const setOf = (mask: number): ReadonlySet<Feature> => {
  const out = new Set<Feature>()
  if (mask !== 0) for (const f of all) if ((mask & bits[f]) !== 0) out.add(f)
  return out
}

const hex4 = (n: number): string => `0x${n.toString(16).toUpperCase().padStart(4, '0')}`

/**
 * The features of a mask, in bit order. A mask that is not a whole number from 0 to 65535, or that has a bit
 * no feature owns, is `InvalidInput` listing the bits.
 *
 * @example
 * import { Features } from 'clickatell-fp'
 * console.log(Features.fromMask(8240)) // { _tag: 'Right', right: new Set(['ALPHA', 'NUMER', 'DELIVACK']) }
 * console.log(Features.fromMask(0x8080)._tag) // 'Left' (bits 0x0080 and 0x8000 are no feature)
 * @category decoding
 * @since 0.1.0
 */
export const fromMask = (mask: unknown): E.Either<InvalidInput, ReadonlySet<Feature>> => {
  if (typeof mask !== 'number' || !Number.isInteger(mask) || mask < 0 || mask > 0xffff)
    return E.left(
      invalidInput([
        { path: 'req_feat', message: `must be a whole number from 0 to 65535, got ${String(mask)}` },
      ]),
    )
  const unknown = mask & ~KNOWN_MASK
  if (unknown !== 0) {
    const stray: string[] = []
    for (let b = 1; b <= 0x8000; b <<= 1) if ((unknown & b) !== 0) stray.push(hex4(b))
    return E.left(
      invalidInput([
        {
          path: 'req_feat',
          message: `has bit${stray.length === 1 ? '' : 's'} ${stray.join(', ')} that no documented feature owns`,
        },
      ]),
    )
  }
  return E.right(setOf(mask))
}

/**
 * What a message is, as far as the features it needs go.
 *
 * @category model
 * @since 0.1.0
 */
export interface Traits {
  /** The sender id: all digits is numeric, anything else alphanumeric. */
  readonly from?: string | undefined
  readonly messageType?: string | undefined
  readonly encoding: Encoding | 'binary'
  readonly parts: number
  readonly callback?: number | undefined
}

const DIGITS = /^[0-9]+$/

/**
 * Whether a sender id is numeric (all digits) or alphanumeric, which decides its `req_feat` bit (NUMER or
 * ALPHA). The one digits test of the library: the `Sender` codec asks it too.
 *
 * @example
 * import { Features } from 'clickatell-fp'
 * console.log(Features.senderKind('27831234567'), Features.senderKind('Acme')) // 'numeric' 'alphanumeric'
 * @category utils
 * @since 0.1.0
 */
export const senderKind = (sender: string): 'numeric' | 'alphanumeric' =>
  DIGITS.test(sender) ? 'numeric' : 'alphanumeric'

/**
 * The features a message needs: an alphanumeric sender ALPHA, a numeric one NUMER, `SMS_FLASH` FLASH, UCS-2
 * text UCS2, more than one part CONCAT, binary content UDH and 8BIT, a callback above 0 DELIVACK.
 *
 * @example
 * import { Features } from 'clickatell-fp'
 * const f = Features.derive({ from: 'Acme', encoding: 'gsm7', parts: 2, callback: 3 })
 * console.log([...f]) // ['ALPHA', 'DELIVACK', 'CONCAT']
 * @category deriving
 * @since 0.1.0
 */
export const derive = (traits: Traits): ReadonlySet<Feature> => {
  let mask = 0
  if (traits.from !== undefined && traits.from !== '')
    mask |= senderKind(traits.from) === 'numeric' ? bits.NUMER : bits.ALPHA
  if (traits.messageType === 'SMS_FLASH') mask |= bits.FLASH
  if (traits.encoding === 'ucs2') mask |= bits.UCS2
  if (traits.encoding === 'binary') mask |= bits['8BIT'] | bits.UDH
  if (traits.callback !== undefined && traits.callback > 0) mask |= bits.DELIVACK
  if (traits.parts > 1) mask |= bits.CONCAT
  return setOf(mask)
}

/**
 * What the caller asks for on top of (`add`) or instead of (`exactly`) the derived features. `{ exactly: [] }`
 * sends no `req_feat` at all.
 *
 * @category model
 * @since 0.1.0
 */
export type Requirement =
  | { readonly add: ReadonlyArray<Feature> }
  | { readonly exactly: ReadonlyArray<Feature> }

/**
 * The features to require: the derived ones, extended or replaced by the caller's requirement, in bit order.
 *
 * @example
 * import { Features } from 'clickatell-fp'
 * const derived = Features.derive({ from: '27831234567', encoding: 'gsm7', parts: 1 })
 * console.log(Features.toMask(Features.resolve({ add: ['FLASH'] })(derived))) // 544
 * console.log(Features.resolve({ exactly: [] })(derived).size) // 0
 * @category deriving
 * @since 0.1.0
 */
export const resolve =
  (requirement: Requirement | undefined) =>
  (derived: ReadonlySet<Feature>): ReadonlySet<Feature> =>
    requirement === undefined
      ? derived
      : setOf(
          'exactly' in requirement ? toMask(requirement.exactly) : toMask(derived) | toMask(requirement.add),
        )
