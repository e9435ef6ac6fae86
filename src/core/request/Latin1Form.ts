/**
 * ISO-8859-1 percent-encoding, the way the gateway reads a form: without `unicode=1` it takes the bytes of
 * `text` as ISO-8859-1, not UTF-8 (docs/gateway.md, 'Text and form encoding'; `ä` sent as UTF-8 arrives as
 * `Ã¤`), so every value is written one byte per character: `ä` is `%E4`, never `%C3%A4`.
 *
 * The byte set left as is and the space written as `+` are those of the WHATWG
 * `application/x-www-form-urlencoded` serializer, so for ASCII values the output is exactly what
 * `URLSearchParams#toString` gives. `URLSearchParams` decodes `%XX` as UTF-8, so read these bodies back with
 * `percentDecode` / `decodeForm`, never with it.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import { type InvalidInput, invalidInput, type Problem } from '../errors.js'
import { byteHex, hexValue } from '../text/Hex.js'

// What each byte becomes: itself for A-Z a-z 0-9 * - . _, `+` for the space, `%XX` for the rest.
const SAFE = new Uint8Array(256)
const WRITTEN: ReadonlyArray<string> = Array.from({ length: 256 }, (_, b) => {
  const c = String.fromCharCode(b)
  if (/[A-Za-z0-9*\-._]/.test(c)) {
    SAFE[b] = 1
    return c
  }
  return b === 0x20 ? '+' : `%${byteHex[b]}`
})

// The first character that is not written as itself. A regular expression scans about twice as fast as a loop
// of charCodeAt, and most values (ids, numbers, session ids) have no such character at all.
const UNSAFE = /[^A-Za-z0-9*\-._]/

// The encoded value, or -1 - index of the first character above U+00FF. One pass; a value made only of safe
// characters (the usual digits, ids and flags) is returned as it is, without copying.
const encodeOrFail = (value: string): string | number => {
  const first = value.search(UNSAFE)
  if (first < 0) return value
  let out = ''
  let start = 0
  for (let i = first; i < value.length; i++) {
    const c = value.charCodeAt(i)
    if (c < 256) {
      if (SAFE[c] === 1) continue
      out += value.slice(start, i) + WRITTEN[c]
      start = i + 1
    } else return -1 - i
  }
  return start === 0 ? value : out + value.slice(start)
}

const notLatin1 = (value: string, index: number): string => {
  const cp = value.codePointAt(index)!
  return `character ${index} (${JSON.stringify(String.fromCodePoint(cp))}, U+${cp.toString(16).toUpperCase().padStart(4, '0')}) is above U+00FF and cannot be written in ISO-8859-1`
}

/**
 * The index of the first character above U+00FF (which ISO-8859-1 cannot carry), or -1.
 *
 * @example
 * import * as Latin1 from './Latin1Form.js'
 * console.log(Latin1.firstOutside('Grüße'), Latin1.firstOutside('5€')) // -1 1
 * @category refinements
 * @since 0.1.0
 */
export const firstOutside = (value: string): number => {
  for (let i = 0; i < value.length; i++) if (value.charCodeAt(i) > 0xff) return i
  return -1
}

/**
 * Percent-encodes a value as ISO-8859-1 bytes: `A-Z a-z 0-9 * - . _` as they are, the space as `+`, every
 * other character up to U+00FF as `%XX` (upper-case). A character above U+00FF cannot be written: `InvalidInput`.
 *
 * @example
 * import * as Latin1 from './Latin1Form.js'
 * console.log(Latin1.percentEncode('Grüße & 5%')) // { _tag: 'Right', right: 'Gr%FC%DFe+%26+5%25' }
 * console.log(Latin1.percentEncode('5€')._tag) // 'Left'
 * @category encoding
 * @since 0.1.0
 */
export const percentEncode = (value: string): E.Either<InvalidInput, string> => {
  const r = encodeOrFail(value)
  return typeof r === 'string'
    ? E.right(r)
    : E.left(invalidInput([{ path: '', message: notLatin1(value, -1 - r) }]))
}

/**
 * Writes ordered name/value pairs as a form (`name=value&name=value`), every name and value percent-encoded as
 * ISO-8859-1. Lists every value that cannot be written, with its name as the path.
 *
 * @example
 * import * as Latin1 from './Latin1Form.js'
 * console.log(Latin1.encodeForm([['to', '27999,27998'], ['text', 'Grüße']]))
 * // { _tag: 'Right', right: 'to=27999%2C27998&text=Gr%FC%DFe' }
 * @category encoding
 * @since 0.1.0
 */
export const encodeForm = (
  params: ReadonlyArray<readonly [name: string, value: string]>,
): E.Either<InvalidInput, string> => {
  let out = ''
  const problems: Problem[] = []
  for (let i = 0; i < params.length; i++) {
    const [name, value] = params[i]!
    const n = encodeOrFail(name)
    const v = encodeOrFail(value)
    if (typeof n === 'string' && typeof v === 'string') out += i === 0 ? `${n}=${v}` : `&${n}=${v}`
    else
      problems.push({
        path: name,
        message:
          typeof n === 'number'
            ? `the name's ${notLatin1(name, -1 - n)}`
            : notLatin1(value, -1 - (v as number)),
      })
  }
  return problems.length === 0 ? E.right(out) : E.left(invalidInput(problems))
}

/**
 * Reads a percent-encoded value as ISO-8859-1: `+` is a space and `%XX` is the character U+00XX (one byte, one
 * character; never UTF-8). A `%` not followed by two hex digits is `InvalidInput`.
 *
 * @example
 * import * as Latin1 from './Latin1Form.js'
 * console.log(Latin1.percentDecode('Gr%FC%DFe+%26+5%25')) // { _tag: 'Right', right: 'Grüße & 5%' }
 * @category decoding
 * @since 0.1.0
 */
export const percentDecode = (encoded: string): E.Either<InvalidInput, string> => {
  let out = ''
  let start = 0
  for (let i = 0; i < encoded.length; i++) {
    const c = encoded.charCodeAt(i)
    if (c === 0x2b) {
      out += `${encoded.slice(start, i)} `
      start = i + 1
    } else if (c === 0x25) {
      const hi = hexValue(encoded.charCodeAt(i + 1))
      const lo = hexValue(encoded.charCodeAt(i + 2))
      if (hi < 0 || lo < 0)
        return E.left(
          invalidInput([{ path: '', message: `the % at ${i} is not followed by two hex digits` }]),
        )
      out += encoded.slice(start, i) + String.fromCharCode((hi << 4) | lo)
      i += 2
      start = i + 1
    }
  }
  return E.right(start === 0 ? encoded : out + encoded.slice(start))
}

/**
 * Reads a form body (or a query string without its `?`) into ordered name/value pairs, each read with
 * `percentDecode`. Empty segments (`a=1&&b=2`) are skipped; a segment without `=` has the value `''`.
 *
 * @example
 * import * as Latin1 from './Latin1Form.js'
 * console.log(Latin1.decodeForm('to=27999%2C27998&text=Gr%FC%DFe'))
 * // { _tag: 'Right', right: [['to', '27999,27998'], ['text', 'Grüße']] }
 * @category decoding
 * @since 0.1.0
 */
export const decodeForm = (
  body: string,
): E.Either<InvalidInput, ReadonlyArray<readonly [name: string, value: string]>> => {
  const out: Array<readonly [string, string]> = []
  const problems: Problem[] = []
  for (const segment of body.split('&')) {
    if (segment === '') continue
    const eq = segment.indexOf('=')
    const name = percentDecode(eq < 0 ? segment : segment.slice(0, eq))
    const value = percentDecode(eq < 0 ? '' : segment.slice(eq + 1))
    if (E.isRight(name) && E.isRight(value)) out.push([name.right, value.right])
    else
      problems.push({
        path: String(out.length + problems.length),
        message: `segment ${JSON.stringify(segment.slice(0, 40))} has a % not followed by two hex digits`,
      })
  }
  return problems.length === 0 ? E.right(out) : E.left(invalidInput(problems))
}
