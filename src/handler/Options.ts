/**
 * The callback handler's options as a user writes them, and their check: once, when the handler is built, into
 * complete settings. Authentication is never off by omission: a handler without `basicAuth` is refused unless
 * `authentication: 'none'` says so, and an empty or missing username or password (an unset environment
 * variable) is refused too, rather than accepted as the text `undefined`.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import type { Report } from '../core/callback/Report.js'
import { type InvalidInput, invalidInput, type Problem } from '../core/errors.js'

/**
 * The callback username and password set in your Clickatell account (not your account's own login).
 *
 * @category model
 * @since 0.1.0
 */
export interface BasicAuth {
  readonly username: string
  readonly password: string
}

/**
 * Options of `createCallbackHandler`. Give `basicAuth`, or say `authentication: 'none'` to accept callbacks
 * from anyone who finds the URL.
 *
 * @category model
 * @since 0.1.0
 */
export type CallbackHandlerOptions = {
  /** Called once per valid report; the answer waits for its promise, at most `reportTimeoutMs`. */
  readonly onReport: (report: Report) => void | Promise<void>
  /** Largest body read, in bytes: 64 KiB by default. A real callback is under 2 KiB. */
  readonly maxBodyBytes?: number
  /** How long `onReport` may take before the answer is 503 (the gateway retries): 10,000 ms by default. */
  readonly reportTimeoutMs?: number
} & (
  | { readonly basicAuth: BasicAuth; readonly authentication?: never }
  | { readonly authentication: 'none'; readonly basicAuth?: never }
)

/**
 * The options checked, every default filled in. `basicAuth` is `undefined` only when `authentication: 'none'`
 * was given.
 *
 * @category model
 * @since 0.1.0
 */
export interface Settings {
  readonly onReport: (report: Report) => void | Promise<void>
  readonly maxBodyBytes: number
  readonly reportTimeoutMs: number
  readonly basicAuth: BasicAuth | undefined
}

/**
 * The default cap on a callback body: 65,536 bytes.
 *
 * @example
 * import { MAX_BODY_BYTES } from 'clickatell-fp/handler'
 * console.log(MAX_BODY_BYTES) // 65536
 * @category data
 * @since 0.1.0
 */
export const MAX_BODY_BYTES = 65_536

/**
 * The default time `onReport` may take: 10,000 ms. The gateway's own wait is not documented; ten seconds
 * answers well before any HTTP client gives up, and a report that needs longer is retried.
 *
 * @example
 * import { REPORT_TIMEOUT_MS } from './Options.js'
 * console.log(REPORT_TIMEOUT_MS) // 10000
 * @category data
 * @since 0.1.0
 */
export const REPORT_TIMEOUT_MS = 10_000

// setTimeout fires at once beyond 2^31 - 1 ms.
const MAX_TIMER_MS = 2 ** 31 - 1

const isObject = (u: unknown): u is Record<string, unknown> => typeof u === 'object' && u !== null
const isText = (u: unknown): u is string => typeof u === 'string' && u.length > 0

const credentials = (u: unknown, problems: Problem[]): BasicAuth | undefined => {
  if (!isObject(u)) {
    problems.push({ path: 'basicAuth', message: 'must be { username, password }' })
    return undefined
  }
  const { username, password } = u
  // RFC 7617: the user-id cannot contain a colon, which separates it from the password.
  if (!isText(username) || username.includes(':'))
    problems.push({ path: 'basicAuth.username', message: "must be a non-empty string without ':'" })
  if (!isText(password))
    problems.push({
      path: 'basicAuth.password',
      message: 'must be a non-empty string (is its variable set?)',
    })
  return isText(username) && isText(password) ? { username, password } : undefined
}

const authentication = (o: Record<string, unknown>, problems: Problem[]): BasicAuth | undefined => {
  const none = o['authentication']
  const basic = o['basicAuth']
  if (none !== undefined && none !== 'none')
    problems.push({ path: 'authentication', message: "must be 'none', or left out with basicAuth given" })
  if (none === 'none' && basic !== undefined)
    problems.push({ path: 'authentication', message: "'none' contradicts basicAuth: give one of them" })
  if (none === undefined && basic === undefined)
    problems.push({
      path: 'basicAuth',
      message: "is required: give the callback username and password, or authentication: 'none'",
    })
  return basic === undefined ? undefined : credentials(basic, problems)
}

const whole = (
  o: Record<string, unknown>,
  path: string,
  min: number,
  max: number,
  fallback: number,
  problems: Problem[],
): number => {
  const v = o[path]
  if (v === undefined) return fallback
  if (typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max) return v
  problems.push({ path, message: `must be a whole number from ${min} to ${max}` })
  return fallback
}

const check = (input: unknown): E.Either<InvalidInput, Settings> => {
  if (!isObject(input)) return E.left(invalidInput([{ path: '', message: 'must be an object' }]))
  const problems: Problem[] = []
  const onReport = input['onReport']
  if (typeof onReport !== 'function') problems.push({ path: 'onReport', message: 'must be a function' })
  const basicAuth = authentication(input, problems)
  const maxBodyBytes = whole(input, 'maxBodyBytes', 0, Number.MAX_SAFE_INTEGER, MAX_BODY_BYTES, problems)
  const reportTimeoutMs = whole(input, 'reportTimeoutMs', 1, MAX_TIMER_MS, REPORT_TIMEOUT_MS, problems)
  return problems.length > 0
    ? E.left(invalidInput(problems))
    : E.right({ onReport: onReport as Settings['onReport'], maxBodyBytes, reportTimeoutMs, basicAuth })
}

/**
 * Checks the options once, at the edge, and fills in the defaults; every problem is reported with its path.
 * Problems name what is wrong, never the value given (a password stays out of every message).
 *
 * @example
 * import { settings } from './Options.js'
 * const refused = settings({ onReport: () => {}, basicAuth: { username: 'hook', password: '' } })
 * console.log(refused._tag === 'Left' && refused.left.problems.map((p) => p.path)) // ['basicAuth.password']
 * console.log(settings({ onReport: () => {} })._tag) // 'Left'
 * console.log(settings({ onReport: () => {}, authentication: 'none' })._tag) // 'Right'
 * @category decoding
 * @since 0.1.0
 */
export const settings = (options: unknown): E.Either<InvalidInput, Settings> => {
  try {
    return check(options)
  } catch {
    // The edge: an options object whose getters throw is refused like any other wrong input.
    return E.left(invalidInput([{ path: '', message: 'could not be read' }]))
  }
}
