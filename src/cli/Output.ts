/**
 * How the CLI speaks: one JSON document with `--json`, readable lines otherwise, colour only on a terminal
 * (and never with NO_COLOR). The CLI is the only part of the library that prints.
 *
 * @since 0.1.0
 */
import { type ClickatellError, toMessage } from '../core/errors.js'

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
 * Exit codes: 0 success, 1 the gateway or the transport failed, 2 bad input (refused before sending).
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
 * A JSON-safe copy of an error: the `cause` of a transport error is dropped (it may hold anything).
 *
 * @category utils
 * @since 0.1.0
 */
export const errorJson = (e: ClickatellError): Record<string, unknown> => {
  const { ...copy } = e as unknown as Record<string, unknown>
  delete copy.cause
  return { ...copy, message: toMessage(e) }
}

/**
 * Prints one JSON document, or the readable lines.
 *
 * @category utils
 * @since 0.1.0
 */
export const emit = (io: Io, document: unknown, lines: () => ReadonlyArray<string>): void => {
  if (io.json) io.out(JSON.stringify(document, null, 2))
  else for (const l of lines()) io.out(l)
}

/**
 * Prints a failure: one line on stderr (and the JSON document on stdout with `--json`); returns its exit code.
 *
 * @category utils
 * @since 0.1.0
 */
export const fail = (io: Io, e: ClickatellError): number => {
  if (io.json) io.out(JSON.stringify({ ok: false, error: errorJson(e) }, null, 2))
  io.err(red(io, `error: ${toMessage(e)}`))
  return exitCodeOf(e)
}
