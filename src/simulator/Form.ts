/**
 * Reads `application/x-www-form-urlencoded` text the way the gateway does: every `%XX` is one ISO-8859-1 byte
 * (`%E4` is `ä`), `+` is a space (docs/gateway.md, 'Text and form encoding'). `URLSearchParams` decodes `%XX`
 * as UTF-8 and would hide an encoder that sends UTF-8 where the gateway reads Latin-1, so the simulator has
 * its own decoder.
 *
 * @since 0.1.0
 */

/**
 * Decoded parameters: the first value of each name, and the names given more than once (the simulator refuses
 * those, so an encoder that repeats a parameter is caught).
 *
 * @category model
 * @since 0.1.0
 */
export interface Form {
  readonly params: ReadonlyMap<string, string>
  readonly duplicates: ReadonlyArray<string>
}

const hexValue = (c: number): number => {
  if (c >= 48 && c <= 57) return c - 48
  if (c >= 65 && c <= 70) return c - 55
  if (c >= 97 && c <= 102) return c - 87
  return -1
}

/**
 * Decodes one percent-encoded component as ISO-8859-1: `%XX` is the character U+00XX, `+` a space, and a `%`
 * not followed by two hex digits stays as it is (as PHP's `urldecode` leaves it).
 *
 * @example
 * import { Form } from 'clickatell-fp/simulator'
 * console.log(Form.decodeComponent('Gr%FC%DFe+aus+M%FCnchen')) // 'Grüße aus München'
 * console.log(Form.decodeComponent('%C3%A4')) // 'Ã¤' (UTF-8 bytes read as Latin-1, as the gateway does)
 * @category decoding
 * @since 0.1.0
 */
export const decodeComponent = (text: string): string => {
  if (typeof text !== 'string') return ''
  // Most values are plain digits or ids: skip the loop when there is nothing to decode.
  if (text.indexOf('%') < 0 && text.indexOf('+') < 0) return text
  // Code units into an array, then a string made in large pieces: appending one character at a time builds a
  // rope of a node per escape, which turned a few MiB of `%41%41...` from milliseconds into seconds.
  const codes = new Uint16Array(text.length)
  let n = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    const hi = c === 37 && i + 2 < text.length ? hexValue(text.charCodeAt(i + 1)) : -1
    const lo = hi >= 0 ? hexValue(text.charCodeAt(i + 2)) : -1
    if (lo >= 0) {
      codes[n++] = (hi << 4) | lo
      i += 2
    } else codes[n++] = c === 43 ? 32 : c
  }
  return fromCodes(codes.subarray(0, n))
}

const PIECE = 8192

// String.fromCharCode over pieces small enough for an argument list.
const fromCodes = (codes: Uint16Array): string => {
  let out = ''
  for (let k = 0; k < codes.length; k += PIECE)
    out += String.fromCharCode.apply(null, codes.subarray(k, k + PIECE) as unknown as number[])
  return out
}

/**
 * Decodes a query string or form body (without the leading `?`). Empty segments (`a=1&&b=2`) are skipped;
 * a segment without `=` is a name with the empty value.
 *
 * @example
 * import { Form } from 'clickatell-fp/simulator'
 * const form = Form.decode('to=447700900000&text=Caf%E9&to=1')
 * console.log(form.params.get('text'), form.duplicates) // 'Café' ['to']
 * @category decoding
 * @since 0.1.0
 */
export const decode = (text: string): Form => decodeInto(new Map(), [])(text)

/**
 * Decodes more text into an existing form, as the gateway merges a POST's query string and body: a name in
 * both is a duplicate.
 *
 * @example
 * import { Form } from 'clickatell-fp/simulator'
 * const form = Form.decodeInto(new Map(), [])('a=1')
 * console.log(Form.decodeInto(new Map(form.params), [])('a=2').duplicates) // ['a']
 * @category decoding
 * @since 0.1.0
 */
export const decodeInto =
  (params: Map<string, string>, duplicates: string[]) =>
  (text: string): Form => {
    if (typeof text !== 'string') return { params, duplicates }
    // One pass: `eq` is the next '=' at or after `start`, searched again only once `start` has passed it, and the
    // duplicates are looked up in a Set. Searching from each segment's start, or `includes` over the list, made a
    // body of many short segments quadratic (`a&a&a...`: tens of seconds for a few MiB).
    const reported = new Set(duplicates)
    let eq = text.indexOf('=')
    let start = 0
    while (start <= text.length) {
      let end = text.indexOf('&', start)
      if (end < 0) end = text.length
      if (eq >= 0 && eq < start) eq = text.indexOf('=', start)
      if (end > start) {
        const split = eq >= 0 && eq < end
        const name = decodeComponent(text.slice(start, split ? eq : end))
        const value = split ? decodeComponent(text.slice(eq + 1, end)) : ''
        if (!params.has(name)) params.set(name, value)
        else if (!reported.has(name)) {
          reported.add(name)
          duplicates.push(name)
        }
      }
      start = end + 1
    }
    return { params, duplicates }
  }
