/**
 * `application/x-www-form-urlencoded` text (query strings and form bodies) read to bytes and written from
 * bytes, leniently and without throwing: the gateway's documented callback URLs are not even URL-encoded
 * (docs/gateway.md, quirk 15), and MO texts arrive as ISO-8859-1 or raw UTF-16BE bytes (quirk 22), so values
 * are kept as bytes until their character set is known.
 *
 * @since 0.1.0
 */
import { byteHex, hexValue } from '../text/Hex.js'

/**
 * One `name=value` pair: the name as text, the value as bytes and as text (`text` reads the bytes as UTF-8
 * when they are valid UTF-8, as ISO-8859-1 otherwise).
 *
 * @category model
 * @since 0.1.0
 */
export interface Param {
  readonly name: string
  readonly bytes: Uint8Array
  readonly value: string
}

const utf8Decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })
const utf8Encoder = new TextEncoder()

/**
 * Bytes as ISO-8859-1 text: one character per byte.
 *
 * @example
 * import * as UrlForm from './UrlForm.js'
 * console.log(UrlForm.latin1(new Uint8Array([0x48, 0xe4]))) // 'Hä'
 * @category decoding
 * @since 0.1.0
 */
export const latin1 = (bytes: Uint8Array): string => {
  let out = ''
  // Chunks keep the argument list of fromCharCode short.
  for (let i = 0; i < bytes.length; i += 4096) out += String.fromCharCode(...bytes.subarray(i, i + 4096))
  return out
}

/**
 * Bytes as text: UTF-8 when they are valid UTF-8, ISO-8859-1 otherwise (the gateway's default character set,
 * docs/gateway.md, 'Text and form encoding').
 *
 * @example
 * import * as UrlForm from './UrlForm.js'
 * console.log(UrlForm.text(new Uint8Array([0xc3, 0xa4])), UrlForm.text(new Uint8Array([0xe4]))) // 'ä' 'ä'
 * @category decoding
 * @since 0.1.0
 */
export const text = (bytes: Uint8Array): string => {
  try {
    return utf8Decoder.decode(bytes)
  } catch {
    return latin1(bytes)
  }
}

/**
 * Percent-decodes to bytes. `%XX` is a byte; `+` is a space when `plusIsSpace`; a `%` not followed by two hex
 * digits stays a `%`; any other character is its UTF-8 bytes.
 *
 * @example
 * import * as UrlForm from './UrlForm.js'
 * console.log([...UrlForm.percentBytes('a+%04%1F%', true)]) // [97, 32, 4, 31, 37]
 * @category decoding
 * @since 0.1.0
 */
export const percentBytes = (raw: string, plusIsSpace: boolean): Uint8Array => {
  const out = new Uint8Array(raw.length * 3)
  let n = 0
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i)
    if (
      c === 37 &&
      i + 2 < raw.length &&
      hexValue(raw.charCodeAt(i + 1)) >= 0 &&
      hexValue(raw.charCodeAt(i + 2)) >= 0
    ) {
      out[n++] = hexValue(raw.charCodeAt(i + 1)) * 16 + hexValue(raw.charCodeAt(i + 2))
      i += 2
    } else if (c === 43 && plusIsSpace) out[n++] = 32
    else if (c < 0x80) out[n++] = c
    else {
      // A run of non-ASCII characters (a surrogate pair among them) goes through the UTF-8 encoder at once.
      let j = i + 1
      while (j < raw.length && raw.charCodeAt(j) >= 0x80) j++
      const encoded = utf8Encoder.encode(raw.slice(i, j))
      out.set(encoded, n)
      n += encoded.length
      i = j - 1
    }
  }
  return out.slice(0, n)
}

// One `name=value` piece, raw[start, end), with its first `=` at `split` (`end` when it has none).
const param = (raw: string, start: number, split: number, end: number): Param => {
  const bytes = percentBytes(raw.slice(Math.min(split + 1, end), end), true)
  return { name: text(percentBytes(raw.slice(start, split), true)), bytes, value: text(bytes) }
}

/**
 * The pairs of a query string (without `?`) or form body, in order. A pair without `=` has an empty value;
 * empty pieces between `&`s are skipped. One pass: each character is looked at once, so a form of many pieces
 * without `=` (`a&a&a&…`) costs no more than any other of its length.
 *
 * @example
 * import * as UrlForm from './UrlForm.js'
 * console.log(UrlForm.parse('to=279&text=Hi%2C+man').map((p) => [p.name, p.value])) // [['to', '279'], ['text', 'Hi, man']]
 * @category decoding
 * @since 0.1.0
 */
export const parse = (raw: string): ReadonlyArray<Param> => {
  const out: Array<Param> = []
  let start = 0
  let split = -1
  for (let i = 0; i <= raw.length; i++) {
    const c = i < raw.length ? raw.charCodeAt(i) : 38
    if (c === 38 /* & */) {
      if (i > start) out.push(param(raw, start, split < 0 ? i : split, i))
      start = i + 1
      split = -1
    } else if (c === 61 /* = */ && split < 0) split = i
  }
  return out
}

const isUnreserved = (b: number): boolean =>
  (b >= 48 && b <= 57) ||
  (b >= 65 && b <= 90) ||
  (b >= 97 && b <= 122) ||
  b === 45 ||
  b === 46 ||
  b === 95 ||
  b === 126

/**
 * Percent-encodes bytes as a form value: unreserved ASCII as is, a space as `+`, every other byte `%XX`.
 *
 * @example
 * import * as UrlForm from './UrlForm.js'
 * console.log(UrlForm.encodeBytes(new Uint8Array([0x04, 0x1f, 0x20, 0x21]))) // '%04%1F+%21'
 * @category encoding
 * @since 0.1.0
 */
export const encodeBytes = (bytes: Uint8Array): string => {
  let out = ''
  for (const b of bytes) out += isUnreserved(b) ? String.fromCharCode(b) : b === 32 ? '+' : `%${byteHex[b]}`
  return out
}

/**
 * Text as UTF-8 bytes. A lone surrogate becomes U+FFFD rather than an exception.
 *
 * @example
 * import * as UrlForm from './UrlForm.js'
 * console.log([...UrlForm.utf8('ä')]) // [195, 164]
 * @category encoding
 * @since 0.1.0
 */
export const utf8 = (value: string): Uint8Array => utf8Encoder.encode(value)

/**
 * A form body or query string from pairs, each value text (written as UTF-8) or bytes.
 *
 * @example
 * import * as UrlForm from './UrlForm.js'
 * console.log(UrlForm.stringify([['to', '279'], ['text', 'Hi, man']])) // 'to=279&text=Hi%2C+man'
 * @category encoding
 * @since 0.1.0
 */
export const stringify = (
  pairs: ReadonlyArray<readonly [name: string, value: string | Uint8Array]>,
): string =>
  pairs
    .map(
      ([name, value]) =>
        `${encodeBytes(utf8(name))}=${encodeBytes(typeof value === 'string' ? utf8(value) : value)}`,
    )
    .join('&')
