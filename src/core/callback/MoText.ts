/**
 * The text of an incoming (MO) message in the character set its callback names (docs/gateway.md, quirk 22).
 * `UTF-16BE` texts arrive either as UCS-2 hex (`0048`) or, in the HTTP forms, as raw big-endian bytes
 * percent-encoded (`%04%1F%04%40…`, a real capture in kolypto/py-smsframework-clickatell's tests); every other
 * character set is read as ISO-8859-1, the gateway's default (docs/gateway.md, 'Text and form encoding').
 *
 * @since 0.1.0
 */
import { toHex } from '../text/Ucs2.js'
import { latin1, utf8, text as utf8OrLatin1 } from './UrlForm.js'

/**
 * Tells whether a `charset` names UTF-16 / UCS-2 (the gateway writes `UTF-16BE`).
 *
 * @example
 * import * as MoText from './MoText.js'
 * console.log(MoText.isUtf16('UTF-16BE'), MoText.isUtf16('ISO-8859-1')) // true false
 * @category charsets
 * @since 0.1.0
 */
export const isUtf16 = (charset: string | undefined): boolean =>
  charset !== undefined && /^(?:utf-?16(?:be)?|ucs-?2)$/i.test(charset)

const isUtf8 = (charset: string | undefined): boolean => charset !== undefined && /^utf-?8$/i.test(charset)

const isHex = (value: string): boolean => value.length % 4 === 0 && /^[0-9A-Fa-f]*$/.test(value)

// Code units as they come, lone surrogates included: a part of a long message may end inside a surrogate
// pair, and the whole message joins them. Called only on `isHex` text.
const codeUnitsOfHex = (hex: string): string => {
  let out = ''
  for (let i = 0; i < hex.length; i += 4) out += String.fromCharCode(Number.parseInt(hex.slice(i, i + 4), 16))
  return out
}

const codeUnitsOfBytes = (bytes: Uint8Array): string => {
  let out = ''
  for (let i = 0; i + 1 < bytes.length; i += 2) out += String.fromCharCode((bytes[i]! << 8) | bytes[i + 1]!)
  return out
}

/**
 * Decodes a text. `value` is the field as text (from XML); `bytes`, when the field came percent-encoded in a
 * query or form, its raw bytes, which then win. `undefined` when a UTF-16 text is neither hex nor an even
 * number of bytes.
 *
 * @example
 * import * as MoText from './MoText.js'
 * console.log(MoText.decode('UTF-16BE', '041F0440')) // 'Пр'
 * console.log(MoText.decode('UTF-16BE', '', new Uint8Array([4, 0x1f, 4, 0x40]))) // 'Пр'
 * console.log(MoText.decode('ISO-8859-1', '', new Uint8Array([0x48, 0xe4]))) // 'Hä'
 * @category decoding
 * @since 0.1.0
 */
export const decode = (
  charset: string | undefined,
  value: string,
  bytes?: Uint8Array,
): string | undefined => {
  if (isUtf16(charset)) {
    const hex = bytes === undefined ? value : latin1(bytes)
    if (isHex(hex)) return codeUnitsOfHex(hex)
    return bytes !== undefined && bytes.length % 2 === 0 ? codeUnitsOfBytes(bytes) : undefined
  }
  if (bytes === undefined) return value
  return isUtf8(charset) ? utf8OrLatin1(bytes) : latin1(bytes)
}

const utf16Bytes = (text: string): Uint8Array => {
  const out = new Uint8Array(text.length * 2)
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    out[2 * i] = c >> 8
    out[2 * i + 1] = c & 0xff
  }
  return out
}

const latin1Bytes = (text: string): Uint8Array => {
  const out = new Uint8Array(text.length)
  // A character ISO-8859-1 cannot carry becomes `?`, as a gateway would write it.
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i) > 0xff ? 63 : text.charCodeAt(i)
  return out
}

/**
 * The bytes of a text for a query or form field, as the gateway writes them: raw UTF-16BE bytes, or UCS-2 hex
 * when those bytes would read as hex; UTF-8; ISO-8859-1 otherwise.
 *
 * @example
 * import * as MoText from './MoText.js'
 * console.log([...MoText.encodeBytes('UTF-16BE', 'П')]) // [4, 31]
 * @category encoding
 * @since 0.1.0
 */
export const encodeBytes = (charset: string | undefined, text: string): Uint8Array => {
  if (isUtf16(charset)) {
    const bytes = utf16Bytes(text)
    return isHex(latin1(bytes)) ? utf8(toHex(text)) : bytes
  }
  return isUtf8(charset) ? utf8(text) : latin1Bytes(text)
}

/**
 * The text of a text field in XML: UCS-2 hex for UTF-16, the text itself otherwise.
 *
 * @example
 * import * as MoText from './MoText.js'
 * console.log(MoText.encodeText('UTF-16BE', 'Пр'), MoText.encodeText(undefined, 'Hi')) // '041F0440' 'Hi'
 * @category encoding
 * @since 0.1.0
 */
export const encodeText = (charset: string | undefined, text: string): string =>
  isUtf16(charset) ? toHex(text) : text
