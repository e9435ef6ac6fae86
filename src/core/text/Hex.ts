/**
 * Hex digits, read and written in one place for the modules that carry hex: UCS-2 text (`Ucs2`), binary
 * content (`Binary`), and percent-encoding (`Latin1`, `UrlForm`). Internal: not exported from the package.
 *
 * @since 0.1.0
 */

/**
 * The value of a hex digit given as a UTF-16 code unit (`0-9`, `A-F`, `a-f`), or -1 for anything else (NaN
 * too, so `hexValue(s.charCodeAt(i))` past the end of `s` is -1).
 *
 * @example
 * import { hexValue } from './Hex.js'
 * console.log(hexValue(0x46), hexValue(0x66), hexValue(0x67)) // 15 15 -1
 * @category decoding
 * @since 0.1.0
 */
export const hexValue = (c: number): number =>
  c >= 48 && c <= 57 ? c - 48 : c >= 65 && c <= 70 ? c - 55 : c >= 97 && c <= 102 ? c - 87 : -1

const DIGITS = '0123456789ABCDEF'

/**
 * Every byte as two upper-case hex digits, `byteHex[0x4a] === '4A'`: a table, so writing hex costs a lookup a
 * byte.
 *
 * @example
 * import { byteHex } from './Hex.js'
 * console.log(byteHex[0x4a], byteHex[7], byteHex.length) // '4A' '07' 256
 * @category encoding
 * @since 0.1.0
 */
export const byteHex: ReadonlyArray<string> = Array.from(
  { length: 256 },
  (_, b) => DIGITS[b >> 4]! + DIGITS[b & 15]!,
)
