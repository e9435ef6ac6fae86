/**
 * The grammar of the gateway's plain-text answers, one rule per shape, with the section of the specification
 * or the quirk of docs/gateway.md it implements named above it (as h11's `_abnf.py` quotes its RFC).
 *
 * Every rule is a hand-written scan over `charCodeAt`: linear in the body, no backtracking, nothing that can
 * throw. A line is a sequence of `Key: value` fields; a key is a known word followed by a colon and
 * whitespace-delimited; a value is the text up to the next key, trimmed, with its inner spacing kept.
 * The grammar knows no registry: `Codes` looks its code and status values up.
 *
 * @since 0.1.0
 */
import { ClientMessageId, isGatewayId } from '../message/IdCodecs.js'

/**
 * A field of a response line, with its key in canonical lower case.
 *
 * @category model
 * @since 0.1.0
 */
export interface Field {
  readonly key: Key
  readonly value: string
}

/**
 * The keys the gateway writes, lower-cased. `ID:`, `ERR:`, `To:`, `OK:`, `Status:`, `Credit:`, `Charge:`
 * and getmsgcharge's `apiMsgId:` and `cliMsgId:`.
 *
 * @category model
 * @since 0.1.0
 */
export type Key = 'id' | 'err' | 'to' | 'ok' | 'status' | 'credit' | 'charge' | 'apimsgid' | 'climsgid'

const KEYS: ReadonlyArray<Key> = [
  'id',
  'err',
  'to',
  'ok',
  'status',
  'credit',
  'charge',
  'apimsgid',
  'climsgid',
]

// The key spelled by line[start, end), in any case, without allocating: `c | 0x20` equals a lower-case
// letter only for that letter and its upper case.
const keyAt = (line: string, start: number, end: number): Key | undefined => {
  const length = end - start
  if (length < 2 || length > 8) return undefined
  next: for (const key of KEYS) {
    if (key.length !== length) continue
    for (let k = 0; k < length; k++)
      if ((line.charCodeAt(start + k) | 0x20) !== key.charCodeAt(k)) continue next
    return key
  }
  return undefined
}

// Quirk 6: spaces, tabs and a CR before LF all occur (or must be survived); a byte-order mark is blank too.
const isBlank = (c: number): boolean => c === 32 || (c >= 9 && c <= 13) || c === 0xfeff

/**
 * The non-blank lines of a body, each trimmed, at most `limit` of them. Spec v2.6 section 7.3: one answer
 * per line, separated by `\n`; quirk 6: trailing spaces and LF vary by era, CRLF must be accepted.
 *
 * @example
 * import * as Grammar from './Grammar.js'
 * console.log(Grammar.lines('ID: a To: 1\r\n\nID: b To: 2 \n')) // ['ID: a To: 1', 'ID: b To: 2']
 * @category lines
 * @since 0.1.0
 */
export const lines = (body: string, limit = Number.POSITIVE_INFINITY): Array<string> => {
  const out: Array<string> = []
  const n = body.length
  let start = 0
  while (start < n && out.length < limit) {
    let end = body.indexOf('\n', start)
    if (end < 0) end = n
    let s = start
    let e = end
    while (s < e && isBlank(body.charCodeAt(s))) s++
    while (e > s && isBlank(body.charCodeAt(e - 1))) e--
    if (e > s) out.push(body.slice(s, e))
    start = end + 1
  }
  return out
}

// Free-text values (`ERR:` descriptions, routecoverage's `OK:` sentence) may contain words such as `ID:`:
// only these keys end them, as they are the only ones the gateway writes after free text.
const endsFreeText = (key: Key): boolean => key === 'to' || key === 'charge'
const isFreeText = (key: Key | undefined): boolean => key === 'err' || key === 'ok'

/**
 * The fields of one line, in order; `undefined` when text comes before the first key. Keys are matched
 * without regard to case: getmsgcharge writes `apiMsgId: … charge: … status:` and the overview documents
 * `ID: … Charge: … Status:` (quirk 12). Quirk 11: a line may hold several `ID:` fields. `limit` caps the
 * number of fields: a line with more is `undefined` too, found without reading the rest of it.
 *
 * @example
 * import * as Grammar from './Grammar.js'
 * console.log(Grammar.fields('ERR: 105, Invalid  address To: 0400'))
 * // [{ key: 'err', value: '105, Invalid  address' }, { key: 'to', value: '0400' }]
 * @category lines
 * @since 0.1.0
 */
export const fields = (line: string, limit = Number.POSITIVE_INFINITY): Array<Field> | undefined => {
  const out: Array<Field> = []
  const n = line.length
  let key: Key | undefined
  let valueStart = -1
  let valueEnd = -1
  let i = 0
  while (i < n) {
    while (i < n && isBlank(line.charCodeAt(i))) i++
    if (i >= n) break
    const wordStart = i
    while (i < n && !isBlank(line.charCodeAt(i))) i++
    const word = line.charCodeAt(i - 1) === 58 ? keyAt(line, wordStart, i - 1) : undefined
    if (word !== undefined) {
      if (!isFreeText(key) || endsFreeText(word)) {
        if (key !== undefined)
          out.push({ key, value: valueStart < 0 ? '' : line.slice(valueStart, valueEnd) })
        if (out.length >= limit) return undefined
        key = word
        valueStart = -1
        continue
      }
    }
    if (key === undefined) return undefined
    if (valueStart < 0) valueStart = wordStart
    valueEnd = i
  }
  if (key !== undefined) out.push({ key, value: valueStart < 0 ? '' : line.slice(valueStart, valueEnd) })
  return out
}

/**
 * Tells whether a value is one word: ids, recipients, codes and amounts never hold spaces, and a value that
 * does (`0.300 000`, quirk 14) is malformed rather than guessed at.
 *
 * @example
 * import * as Grammar from './Grammar.js'
 * console.log(Grammar.isWord('2799900001'), Grammar.isWord('0.300 000'), Grammar.isWord('')) // true false false
 * @category values
 * @since 0.1.0
 */
export const isWord = (value: string): boolean => {
  if (value.length === 0) return false
  for (let i = 0; i < value.length; i++) if (isBlank(value.charCodeAt(i))) return false
  return true
}

/**
 * A value that must be one word (an id, a number, a session id), or `undefined` when it is absent or is not
 * one word (see `isWord`).
 *
 * @example
 * import * as Grammar from './Grammar.js'
 * console.log(Grammar.wordValue('9d4fa9ec'), Grammar.wordValue('9d4 fa9ec')) // '9d4fa9ec' undefined
 * @category values
 * @since 0.1.0
 */
export const wordValue = (value: string | undefined): string | undefined =>
  value !== undefined && isWord(value) ? value : undefined

/**
 * An id the gateway issued (an apimsgid, a session id, a batch id), or `undefined` when it is absent or breaks
 * the rule of `isGatewayId`: 1 to 64 ASCII letters and digits. `ID: <html>` is no id.
 *
 * @example
 * import * as Grammar from './Grammar.js'
 * console.log(Grammar.idValue('9d4fa9ec'), Grammar.idValue('<html>'), Grammar.idValue('a'.repeat(65))) // '9d4fa9ec' undefined undefined
 * @category values
 * @since 0.1.0
 */
export const idValue = (value: string | undefined): string | undefined =>
  value !== undefined && isGatewayId(value) ? value : undefined

/**
 * A client message id as the gateway repeats it (`cliMsgId:`): 1 to 32 ASCII letters and digits, the rule
 * it is sent under (`ClientMessageId`), or `undefined`.
 *
 * @example
 * import * as Grammar from './Grammar.js'
 * console.log(Grammar.clientIdValue('abc123'), Grammar.clientIdValue('<script>')) // 'abc123' undefined
 * @category values
 * @since 0.1.0
 */
export const clientIdValue = (value: string | undefined): string | undefined =>
  value !== undefined && ClientMessageId.is(value) ? value : undefined

/**
 * Tells whether a UTF-16 code unit is an ASCII decimal digit (`0`-`9`): codes, statuses and amounts are
 * written in these only.
 *
 * @example
 * import * as Grammar from './Grammar.js'
 * console.log(Grammar.isDigit(0x30), Grammar.isDigit(0x39), Grammar.isDigit(0x661)) // true true false
 * @category values
 * @since 0.1.0
 */
export const isDigit = (c: number): boolean => c >= 48 && c <= 57

/**
 * An `ERR:` value split into code and description. Spec v2.6 section 4.1: `ERR: Error number, error
 * description`; quirk 8: codes may lack zero padding or the comma; quirk 4: routecoverage writes `ERR:` with
 * no code at all, and then `code` is `''`. The code is returned as sent (the caller restores its padding).
 *
 * @example
 * import * as Grammar from './Grammar.js'
 * console.log(Grammar.errorValue('1, Auth fail')) // { code: '1', description: 'Auth fail' }
 * console.log(Grammar.errorValue('This prefix is not currently supported.').code) // ''
 * @category values
 * @since 0.1.0
 */
export const errorValue = (value: string): { readonly code: string; readonly description: string } => {
  let d = 0
  while (d < value.length && isDigit(value.charCodeAt(d))) d++
  if (d === 0 || (d < value.length && value.charCodeAt(d) !== 44 && !isBlank(value.charCodeAt(d))))
    return { code: '', description: value }
  let s = d
  if (value.charCodeAt(s) === 44) s++
  while (s < value.length && isBlank(value.charCodeAt(s))) s++
  return { code: value.slice(0, d), description: value.slice(s) }
}

// Spec v2.6 section 6.2 (`Credit: xxxx.x`), quirk 13 (`12.000`, `0`, `0.33`, `0.300000`): digits with an
// optional fraction. No exponent, no sign (charges), no grouping; anchored and free of nested repetition.
const AMOUNT = /^[0-9]+(?:\.[0-9]+)?$/

/**
 * A charge or balance as a number, or `undefined` when the value is not plain decimal digits with an
 * optional fraction (`0.300 000`, `1e3`, `12,5` and the empty string are refused, never guessed at).
 * `signed` allows a leading minus, for balances of post-paid accounts.
 *
 * @example
 * import * as Grammar from './Grammar.js'
 * console.log(Grammar.amount('12.000'), Grammar.amount('0.300 000')) // 12 undefined
 * @category values
 * @since 0.1.0
 */
export const amount = (value: string, signed = false): number | undefined => {
  const digits = signed && value.charCodeAt(0) === 45 ? value.slice(1) : value
  if (!AMOUNT.test(digits)) return undefined
  const n = Number(value)
  return Number.isFinite(n) ? n : undefined
}

/**
 * Tells whether a status or code value is decimal digits only (1 to 9 of them). Quirk 9: zero-padded
 * statuses are decimal.
 *
 * @example
 * import * as Grammar from './Grammar.js'
 * console.log(Grammar.isCode('008'), Grammar.isCode('8a')) // true false
 * @category values
 * @since 0.1.0
 */
export const isCode = (value: string): boolean => {
  if (value.length === 0 || value.length > 9) return false
  for (let i = 0; i < value.length; i++) if (!isDigit(value.charCodeAt(i))) return false
  return true
}
