/**
 * UCS-2 hex, as the gateway takes it with `unicode=1`: four upper-case hex digits per UTF-16 code unit
 * (specification v2.6 section 5.2.14: `ΩΨΘ` is `03A903A80398`). A character outside the BMP travels as its
 * surrogate pair, eight digits.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import { type InvalidInput, invalidInput } from '../errors.js'
import { byteHex, hexValue } from './Hex.js'

/**
 * The text as UCS-2 hex: four upper-case hex digits per UTF-16 code unit. Total: a lone surrogate is written as
 * its code unit (use `fromHex`, or `Charset.plan`, to refuse it).
 *
 * @example
 * import { Ucs2 } from 'clickatell-fp'
 * console.log(Ucs2.toHex('ΩΨΘ')) // '03A903A80398'
 * console.log(Ucs2.toHex('😀')) // 'D83DDE00'
 * @category encoding
 * @since 0.1.0
 */
export const toHex = (text: string): string => {
  let out = ''
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    out += byteHex[c >> 8]! + byteHex[c & 0xff]!
  }
  return out
}

/**
 * Reads UCS-2 hex back into text. Upper- or lower-case digits. Refuses, with the position: a length that is
 * not a multiple of four, a character that is not a hex digit, and a lone surrogate (a high surrogate not
 * followed by a low one, or a low one alone).
 *
 * @example
 * import { Ucs2 } from 'clickatell-fp'
 * import * as E from 'fp-ts/Either'
 * console.log(Ucs2.fromHex('03A903A80398')) // { _tag: 'Right', right: 'ΩΨΘ' }
 * console.log(E.isLeft(Ucs2.fromHex('D83D'))) // true (a lone high surrogate)
 * @category decoding
 * @since 0.1.0
 */
export const fromHex = (hex: string): E.Either<InvalidInput, string> =>
  E.chain(unitsWithoutLoneSurrogates)(unitsOfHex(hex))

const refusal = (message: string): E.Either<InvalidInput, never> =>
  E.left(invalidInput([{ path: 'hex', message }]))

// Four hex digits per UTF-16 code unit.
const unitsOfHex = (hex: string): E.Either<InvalidInput, ReadonlyArray<number>> => {
  if (hex.length % 4 !== 0)
    return refusal(`has ${hex.length} hex digits, which is not a multiple of 4 (4 per UTF-16 unit)`)
  const units: number[] = []
  for (let i = 0; i < hex.length; i += 4) {
    let unit = 0
    for (let j = i; j < i + 4; j++) {
      const v = hexValue(hex.charCodeAt(j))
      if (v < 0) return refusal(`character ${j} (${JSON.stringify(hex[j])}) is not a hex digit`)
      unit = (unit << 4) | v
    }
    units.push(unit)
  }
  return E.right(units)
}

const unitName = (k: number, u: number): string => `unit ${k} (${toHex(String.fromCharCode(u))})`

// The text of the units, refused at the first high surrogate without a low one after it, or low one alone.
const unitsWithoutLoneSurrogates = (units: ReadonlyArray<number>): E.Either<InvalidInput, string> => {
  for (let k = 0; k < units.length; k++) {
    const u = units[k]!
    if (u >= 0xd800 && u <= 0xdbff) {
      const next = units[k + 1]
      if (next === undefined || next < 0xdc00 || next > 0xdfff)
        return refusal(`${unitName(k, u)} is a high surrogate without a low surrogate after it`)
      k++
    } else if (u >= 0xdc00 && u <= 0xdfff)
      return refusal(`${unitName(k, u)} is a low surrogate without a high surrogate before it`)
  }
  let out = ''
  // String.fromCharCode over chunks keeps multi-megabyte inputs off the argument-count limit.
  for (let k = 0; k < units.length; k += 8192) out += String.fromCharCode(...units.slice(k, k + 8192))
  return E.right(out)
}

/**
 * The index of the first lone surrogate in a text (ill-formed UTF-16), or -1 when the text is well formed.
 *
 * @example
 * import { Ucs2 } from 'clickatell-fp'
 * console.log(Ucs2.loneSurrogateAt('ok😀'), Ucs2.loneSurrogateAt('bad\uD800')) // -1 3
 * @category utils
 * @since 0.1.0
 */
export const loneSurrogateAt = (text: string): number => {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1)
      if (d >= 0xdc00 && d <= 0xdfff) i++
      else return i
    } else if (c >= 0xdc00 && c <= 0xdfff) return i
  }
  return -1
}
