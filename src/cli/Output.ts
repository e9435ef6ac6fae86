/**
 * How the CLI speaks: one JSON document with `--json`, readable lines otherwise, colour only on a terminal
 * (and never with NO_COLOR). The CLI is the only part of the library that prints.
 *
 * Every `--json` document has one shape: `{ "ok": true, "value": ... }` when the command did what it was asked,
 * `{ "ok": false, "error": ... }` when it did not. A command that did part of its work (a send some recipients
 * refused, a bulk run with rows that did not go, a cancel that cancelled nothing) also says what it did, in
 * `value`. `error` always has `_tag` and `message`.
 *
 * @since 0.1.0
 */
import { type ClickatellError, toMessage } from '../core/errors.js'
import { adviceFor } from './Advice.js'

/**
 * Where the CLI writes, and how.
 *
 * @category model
 * @since 0.1.0
 */
export interface Io {
  readonly out: (line: string) => void
  readonly err: (line: string) => void
  readonly json: boolean
  readonly color: boolean
  /** Whether stderr is a terminal (for the progress bar). */
  readonly interactive: boolean
}

const paint = (code: number) => (io: Io, s: string) => (io.color ? `\u001b[${code}m${s}\u001b[0m` : s)

/** @category formatting @since 0.1.0 */
export const bold = paint(1)
/** @category formatting @since 0.1.0 */
export const green = paint(32)
/** @category formatting @since 0.1.0 */
export const red = paint(31)
/** @category formatting @since 0.1.0 */
export const yellow = paint(33)
/** @category formatting @since 0.1.0 */
export const dim = paint(2)

/**
 * `n` and the noun, plural unless `n` is 1.
 *
 * @example
 * import { plural } from './Output.js'
 * console.log(plural(1, 'part'), plural(3, 'part'), plural(0.8, 'credit')) // '1 part' '3 parts' '0.8 credits'
 * @category formatting
 * @since 0.1.0
 */
export const plural = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`

/**
 * Exit codes: 0 success, 1 the gateway or the transport failed (some or all of the work), 2 refused before
 * anything was sent.
 *
 * @category data
 * @since 0.1.0
 */
export const EXIT = { ok: 0, remote: 1, input: 2 } as const

/**
 * The exit code for an error: 2 for what we refused before sending, 1 for what the other side did.
 *
 * @category utils
 * @since 0.1.0
 */
export const exitCodeOf = (e: ClickatellError): number =>
  e._tag === 'InvalidInput' || e._tag === 'MessageTooLong' ? EXIT.input : EXIT.remote

/**
 * The error of a `{ ok: false }` document: a tag, a sentence for people, and whatever else says more.
 *
 * @category model
 * @since 0.1.0
 */
export interface ErrorJson {
  readonly _tag: string
  readonly message: string
  readonly [more: string]: unknown
}

/**
 * A JSON-safe copy of an error, with its message for people and, for a gateway error, the advice of
 * docs/errors.md; the `cause` of a transport error is dropped (it may hold anything).
 *
 * @category utils
 * @since 0.1.0
 */
export const errorJson = (e: ClickatellError): ErrorJson => {
  const { ...copy } = e as unknown as Record<string, unknown>
  delete copy.cause
  const advice = e._tag === 'GatewayError' ? adviceFor(e.code) : undefined
  return { ...copy, _tag: e._tag, message: toMessage(e), ...(advice === undefined ? {} : { advice }) }
}

/**
 * An error of the command line itself (a send some recipients refused, a cancel that cancelled nothing).
 *
 * @example
 * import { cliError } from './Output.js'
 * console.log(cliError('NothingCancelled', 'nothing was cancelled')) // { _tag: 'NothingCancelled', message: 'nothing was cancelled' }
 * @category constructors
 * @since 0.1.0
 */
export const cliError = (_tag: string, message: string, more: Record<string, unknown> = {}): ErrorJson => ({
  _tag,
  message,
  ...more,
})

const document = (io: Io, doc: unknown): void => io.out(JSON.stringify(doc, null, 2))

/**
 * Prints `{ ok: true, value }` with `--json`, or the readable lines.
 *
 * @category utils
 * @since 0.1.0
 */
export const emit = (io: Io, value: unknown, lines: () => ReadonlyArray<string>): void => {
  if (io.json) document(io, { ok: true, value })
  else for (const l of lines()) io.out(l)
}

/** The lines on stderr that say what went wrong, and what to do when docs/errors.md says. */
const errorLines = (io: Io, error: ErrorJson): void => {
  io.err(red(io, `error: ${error.message}`))
  if (typeof error.advice === 'string') io.err(`advice: ${error.advice}`)
}

/**
 * Prints a failure, resolving to `code`: `{ ok: false, error, value }` with `--json` (`value` when the command
 * did part of its work); otherwise the lines of what was done on stdout, and the error on stderr.
 *
 * @category utils
 * @since 0.1.0
 */
export const failWith = (
  io: Io,
  code: number,
  error: ErrorJson,
  done?: { readonly value: unknown; readonly lines: () => ReadonlyArray<string> },
): number => {
  if (io.json) document(io, { ok: false, error, ...(done === undefined ? {} : { value: done.value }) })
  else if (done !== undefined) for (const l of done.lines()) io.out(l)
  errorLines(io, error)
  return code
}

/**
 * Prints a failure of the library's: the error line (and its advice) on stderr, and `{ ok: false, error }` on
 * stdout with `--json`; returns its exit code.
 *
 * @category utils
 * @since 0.1.0
 */
export const fail = (io: Io, e: ClickatellError): number => failWith(io, exitCodeOf(e), errorJson(e))
