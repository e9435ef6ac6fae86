/**
 * Lookups in the gateway's code registries (the tables are data in `CodeTables`, re-exported here): an error
 * code (`ERR: <code>, <description>`) or a message status (`Status: <NNN>`, callback `status`) as the gateway
 * sent it -> its entry, with its description, category, whether repeating helps. Callers branch on the code,
 * never on the wording: the live service's wording differs from the specification's (docs/gateway.md, quirk 7).
 *
 * Codes are strings of three decimal digits. Zero padding is decimal, never octal (`008`, `010` are 8 and 10,
 * quirk 9), and codes sent without padding (`1`, quirk 8) are read as `001`.
 *
 * @since 0.1.0
 */
import {
  type ErrorCode,
  type ErrorCodeNumber,
  errorCodes,
  type StatusCode,
  type StatusCodeNumber,
  statusCodes,
  type UnknownErrorCode,
  type UnknownStatusCode,
} from './CodeTables.js'
import { isCode, isDigit } from './Grammar.js'

export * from './CodeTables.js'

/**
 * A code as the registry keys it: ASCII digits lose their extra leading zeros and get back three digits of
 * padding (`'1'` and `'0001'` become `'001'`); anything else is returned trimmed but otherwise unchanged.
 *
 * @example
 * import { Codes } from 'clickatell-fp'
 * console.log(Codes.normalise('1'), Codes.normalise('010'), Codes.normalise('x1')) // '001' '010' 'x1'
 * @category utils
 * @since 0.1.0
 */
export const normalise = (code: string): string => {
  const trimmed = code.trim()
  if (trimmed.length === 0) return trimmed
  let start = 0
  for (let i = 0; i < trimmed.length; i++) {
    const c = trimmed.charCodeAt(i)
    if (!isDigit(c)) return trimmed
    if (c === 48 && start === i && i < trimmed.length - 1) start = i + 1
  }
  const digits = trimmed.slice(start)
  return digits.length >= 3 ? digits : digits.padStart(3, '0')
}

const lookup = <A>(table: Readonly<Record<string, A>>, code: string): A | undefined =>
  Object.hasOwn(table, code) ? table[code] : undefined

/**
 * Tells whether a string is a documented error code, exactly as the registry keys it.
 *
 * @example
 * import { Codes } from 'clickatell-fp'
 * console.log(Codes.isErrorCodeNumber('105'), Codes.isErrorCodeNumber('999')) // true false
 * @category refinements
 * @since 0.1.0
 */
export const isErrorCodeNumber = (code: unknown): code is ErrorCodeNumber =>
  typeof code === 'string' && Object.hasOwn(errorCodes, code)

/**
 * The registry entry of an error code as the gateway sent it (`'1'` is read as `'001'`). Never throws: a code
 * no document lists gives an `UnknownErrorCode` holding the raw code.
 *
 * @example
 * import { Codes } from 'clickatell-fp'
 * console.log(Codes.errorCode('1').description) // 'Authentication failed'
 * console.log(Codes.errorCode('999').known) // false
 * @category lookups
 * @since 0.1.0
 */
export const errorCode = (code: string): ErrorCode | UnknownErrorCode =>
  lookup<ErrorCode>(errorCodes, normalise(code)) ?? {
    code,
    known: false,
    category: 'unknown',
    retryable: false,
    description: 'Unknown error code',
  }

/**
 * Tells whether the registry says repeating a request that failed with this error code, unchanged, may
 * succeed (its `retryable`): only `901`, the gateway's internal error. Read as `errorCode` reads it (`'0901'`
 * is `901`); an unlisted code is not retryable. For a send, such an error also leaves it unknown whether the
 * message was taken.
 *
 * @example
 * import { Codes } from 'clickatell-fp'
 * console.log(Codes.isRetryable('901'), Codes.isRetryable('105'), Codes.isRetryable('999')) // true false false
 * @category lookups
 * @since 0.1.0
 */
export const isRetryable = (code: string): boolean => errorCode(code).retryable

/**
 * When a 130 error (`Maximum MT limit exceeded until <UNIX TIME STAMP>`) says sending may resume: the last
 * run of digits in its description, read as unix seconds. `undefined` when there is none.
 *
 * @example
 * import { Codes } from 'clickatell-fp'
 * console.log(Codes.limitResetsAt('Maximum MT limit exceeded until 1700000000')?.toISOString())
 * // '2023-11-14T22:13:20.000Z'
 * @category lookups
 * @since 0.1.0
 */
export const limitResetsAt = (description: string): Date | undefined => {
  let end = description.length
  while (end > 0 && !isDigit(description.charCodeAt(end - 1))) end--
  let start = end
  while (start > 0 && isDigit(description.charCodeAt(start - 1))) start--
  // 9 to 11 digits: a plausible unix time in seconds, not a stray number.
  if (end - start < 9 || end - start > 11) return undefined
  return new Date(Number(description.slice(start, end)) * 1000)
}

/**
 * Tells whether a string is a documented status code, exactly as the registry keys it.
 *
 * @example
 * import { Codes } from 'clickatell-fp'
 * console.log(Codes.isStatusCodeNumber('004'), Codes.isStatusCodeNumber('4')) // true false
 * @category refinements
 * @since 0.1.0
 */
export const isStatusCodeNumber = (code: unknown): code is StatusCodeNumber =>
  typeof code === 'string' && Object.hasOwn(statusCodes, code)

/**
 * The registry entry of a message status as the gateway sent it, read as decimal whatever its padding
 * (`'8'`, `'008'` are 8). Never throws: an unlisted status gives an `UnknownStatusCode` with the raw code.
 *
 * @example
 * import { Codes } from 'clickatell-fp'
 * console.log(Codes.statusCode('008').description) // 'OK'
 * console.log(Codes.statusCode('4').final) // true
 * console.log(Codes.statusCode('099').known) // false
 * @category lookups
 * @since 0.1.0
 */
export const statusCode = (code: string): StatusCode | UnknownStatusCode => {
  const normal = normalise(code)
  const known = lookup<StatusCode>(statusCodes, normal)
  if (known !== undefined) return known
  const unknown = {
    code,
    description: 'Unknown status',
    final: false,
    success: false,
    known: false,
  } as const
  return /^[0-9]{1,15}$/.test(normal) ? { ...unknown, number: Number(normal) } : unknown
}

/**
 * A message status value as a reply or callback carries it (`Status: 004`, quirk 9): its registry entry, an
 * `UnknownStatusCode` for digits no document lists, or `undefined` when it is absent or not 1 to 9 decimal
 * digits (see `Grammar.isCode`), so a malformed status is refused rather than kept.
 *
 * @example
 * import { Codes } from 'clickatell-fp'
 * console.log(Codes.statusValue('004')?.description, Codes.statusValue('4a')) // 'Received by recipient' undefined
 * @category lookups
 * @since 0.1.0
 */
export const statusValue = (value: string | undefined): StatusCode | UnknownStatusCode | undefined =>
  value !== undefined && isCode(value) ? statusCode(value) : undefined
