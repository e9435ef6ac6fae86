/**
 * 8-bit (binary) messages: 140 bytes in a single message and 134 per part when concatenated (a 6-byte
 * concatenation header), specification v2.6 section 5.2.7 and docs/gateway.md, 'Text and form encoding'. A
 * user data header of the caller's own (`udh`) travels in the same 140 bytes.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import { type InvalidInput, invalidInput, type MessageTooLong, messageTooLong } from '../errors.js'
import { byteHex, hexValue } from './Hex.js'

/**
 * What binary content costs: `units` are bytes.
 *
 * @category model
 * @since 0.1.0
 */
export interface BinaryCount {
  readonly encoding: 'binary'
  readonly units: number
  readonly parts: number
  readonly perPart: number
  readonly remaining: number
}

const SINGLE = 140
const PART = 134

/**
 * Counts the parts for a number of bytes (the caller's UDH included).
 *
 * @example
 * import { Binary } from 'clickatell-fp'
 * console.log(Binary.countBytes(140).parts, Binary.countBytes(141).parts) // 1 2
 * @category counting
 * @since 0.1.0
 */
export const countBytes = (bytes: number): BinaryCount => {
  const n = Number.isInteger(bytes) && bytes > 0 ? bytes : 0
  if (n <= SINGLE)
    return { encoding: 'binary', units: n, parts: n === 0 ? 0 : 1, perPart: SINGLE, remaining: SINGLE - n }
  const parts = Math.ceil(n / PART)
  return { encoding: 'binary', units: n, parts, perPart: PART, remaining: parts * PART - n }
}

/**
 * Counts the parts for a number of bytes and checks them against `limit` (the parts allowed): more is
 * `MessageTooLong` with the numbers, as the gateway would answer 113.
 *
 * @example
 * import { Binary } from 'clickatell-fp'
 * console.log(Binary.checkBytes(1)(141)) // { _tag: 'Left', left: { _tag: 'MessageTooLong', encoding: 'binary', units: 141, parts: 2, limit: 1, perPart: 134 } }
 * @category counting
 * @since 0.1.0
 */
export const checkBytes =
  (limit: number) =>
  (bytes: number): E.Either<MessageTooLong, BinaryCount> => {
    const c = countBytes(bytes)
    return c.parts > limit
      ? E.left(
          messageTooLong({ encoding: 'binary', units: c.units, parts: c.parts, limit, perPart: c.perPart }),
        )
      : E.right(c)
  }

/**
 * Counts the parts for binary content given as bytes.
 *
 * @example
 * import { Binary } from 'clickatell-fp'
 * console.log(Binary.count(new Uint8Array(300))) // { encoding: 'binary', units: 300, parts: 3, perPart: 134, remaining: 102 }
 * @category counting
 * @since 0.1.0
 */
export const count = (bytes: Uint8Array): BinaryCount => countBytes(bytes.length)

/**
 * Reads hex (two digits a byte, either case) into bytes; an odd length or a non-hex character is `InvalidInput`.
 *
 * @example
 * import { Binary } from 'clickatell-fp'
 * console.log(Binary.fromHex('0605041581')) // { _tag: 'Right', right: new Uint8Array([6, 5, 4, 21, 129]) }
 * @category decoding
 * @since 0.1.0
 */
export const fromHex = (hex: string): E.Either<InvalidInput, Uint8Array> => {
  if (hex.length % 2 !== 0)
    return E.left(
      invalidInput([{ path: 'hex', message: `has ${hex.length} hex digits, an odd number (2 per byte)` }]),
    )
  const out = new Uint8Array(hex.length / 2)
  for (let i = 0; i < hex.length; i++) {
    const v = hexValue(hex.charCodeAt(i))
    if (v < 0)
      return E.left(
        invalidInput([
          { path: 'hex', message: `character ${i} (${JSON.stringify(hex[i])}) is not a hex digit` },
        ]),
      )
    out[i >> 1] = i % 2 === 0 ? v << 4 : out[i >> 1]! | v
  }
  return E.right(out)
}

/**
 * Writes bytes as upper-case hex.
 *
 * @example
 * import { Binary } from 'clickatell-fp'
 * console.log(Binary.toHex(new Uint8Array([6, 5, 4, 0x15, 0x81]))) // '0605041581'
 * @category encoding
 * @since 0.1.0
 */
export const toHex = (bytes: Uint8Array): string => {
  let out = ''
  for (const b of bytes) out += byteHex[b]!
  return out
}

/**
 * Counts the parts for binary content given as hex (the `data` parameter, with the `udh` hex when there is one).
 *
 * @example
 * import { Binary } from 'clickatell-fp'
 * import * as E from 'fp-ts/Either'
 * console.log(E.map((c: Binary.BinaryCount) => c.parts)(Binary.countHex('00'.repeat(141)))) // { _tag: 'Right', right: 2 }
 * @category counting
 * @since 0.1.0
 */
export const countHex = (hex: string): E.Either<InvalidInput, BinaryCount> => E.map(count)(fromHex(hex))
