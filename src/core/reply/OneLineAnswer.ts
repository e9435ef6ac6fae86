/**
 * How the answers of one line are read (every command's but sendmsg's and quicksend's): the line's fields as a
 * record by key, an `ERR:` line as `Left(GatewayError)`, and the shapes several commands share (one word after
 * a key, a bare `OK`). The parsers of each command are built from these in `CommandParsers`; `Parse` offers them.
 *
 * Internal: not exported from the package.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import { type GatewayError, gatewayError, type MalformedResponse, malformedResponse } from '../errors.js'
import type { Command, RestCommand } from '../request/Command.js'
import { normalise } from './Codes.js'
import { errorValue, type Field, fields, isWord, lines, wordValue } from './Grammar.js'
import type { OkReply } from './Replies.js'

/**
 * What parsing a body can fail with.
 *
 * @category model
 * @since 0.1.0
 */
export type ParseError = GatewayError | MalformedResponse

/**
 * The result of a parser.
 *
 * @category model
 * @since 0.1.0
 */
export type Result<A> = E.Either<ParseError, A>

/**
 * A `Left(MalformedResponse)` for `command`, with the reason and the body read.
 *
 * @example
 * import { malformed } from './OneLineAnswer.js'
 * console.log(malformed('ping', 'empty body', ''))
 * // { _tag: 'Left', left: { _tag: 'MalformedResponse', command: 'ping', reason: 'empty body', body: '' } }
 * @category constructors
 * @since 0.1.0
 */
export const malformed = (
  command: Command | RestCommand,
  reason: string,
  body: string,
): E.Either<MalformedResponse, never> => E.left(malformedResponse(command, reason, body))

type ErrorValue = ReturnType<typeof errorValue>

/**
 * The `GatewayError` of an `ERR:` value, its code given back its padding (`1` is `001`, quirk 8).
 *
 * @example
 * import { errorFrom } from './OneLineAnswer.js'
 * console.log(errorFrom('auth', { code: '1', description: 'Auth fail' }).code) // '001'
 * @category constructors
 * @since 0.1.0
 */
export const errorFrom = (command: Command, { code, description }: ErrorValue, to?: string): GatewayError =>
  gatewayError(command, normalise(code), description, to)

/**
 * One record of a one-line answer: its fields by key.
 *
 * @category model
 * @since 0.1.0
 */
export type ByKey = Partial<Readonly<Record<Field['key'], string>>>

// A key seen twice makes the line unreadable: `undefined`.
const recordOf = (fs: ReadonlyArray<Field>): ByKey | undefined => {
  const out: Partial<Record<Field['key'], string>> = {}
  for (const f of fs) {
    if (out[f.key] !== undefined) return undefined
    out[f.key] = f.value
  }
  return out
}

/**
 * Reads a one-line answer: an `ERR:` line becomes `Left(GatewayError)` (unless `onError` says otherwise), any
 * other line goes to `read` as its fields by key; `read` answers `undefined` for a line that is not `expected`.
 * The body comes from outside: anything that is not a string, or not one line, is `MalformedResponse`.
 *
 * @example
 * import { oneLine } from './OneLineAnswer.js'
 * const read = oneLine('getbalance', 'Credit: <float>', (r) => r.credit)
 * console.log(read('Credit: 5'), read('ERR: 1, x')._tag) // { _tag: 'Right', right: '5' } 'Left'
 * @category parsers
 * @since 0.1.0
 */
export const oneLine =
  <A>(
    command: Command,
    expected: string,
    read: (r: ByKey, first: Field['key']) => A | undefined,
    onError?: (error: ErrorValue, to: string | undefined, body: string) => Result<A> | undefined,
  ) =>
  (body: string): Result<A> => {
    if (typeof body !== 'string') return malformed(command, 'body is not a string', '')
    const ls = lines(body, 2)
    if (ls.length === 0) return malformed(command, 'empty body', body)
    if (ls.length > 1) return malformed(command, 'expected one line, got more', body)
    // No one-line answer has more than four fields (`cliMsgId: charge: apiMsgId: status:`).
    const fs = fields(ls[0]!, 4)
    const r = fs === undefined ? undefined : recordOf(fs)
    if (fs === undefined || r === undefined || fs.length === 0)
      return malformed(command, `expected ${expected}`, body)
    const first = fs[0]!.key
    if (first === 'err') {
      const to = r.to
      if (fs.length > (to === undefined ? 1 : 2) || (to !== undefined && !isWord(to)))
        return malformed(command, 'expected ERR: <code>, <description>[ To: <msisdn>]', body)
      const error = errorValue(r.err!)
      return onError?.(error, to, body) ?? E.left(errorFrom(command, error, to))
    }
    const a = read(r, first)
    return a === undefined ? malformed(command, `expected ${expected}`, body) : E.right(a)
  }

/**
 * Tells whether a record has no key but the named ones.
 *
 * @example
 * import { only } from './OneLineAnswer.js'
 * console.log(only({ id: 'a', status: '004' }, ['id', 'status']), only({ id: 'a', to: '1' }, ['id'])) // true false
 * @category utils
 * @since 0.1.0
 */
export const only = (r: ByKey, keys: ReadonlyArray<Field['key']>): boolean =>
  Object.keys(r).every((k) => keys.includes(k as Field['key']))

/**
 * `OK: <session_id>`, `OK: <value>`, `ID: <batch_id>`: one field, `key`, holding a single word. That field is
 * then also the first, as a record has no key twice.
 *
 * @example
 * import { wordReply } from './OneLineAnswer.js'
 * const read = wordReply('token_pay', 'OK: <value>', 'ok', (value) => value)
 * console.log(read('OK: 605'), read('OK: 6 05')._tag) // { _tag: 'Right', right: '605' } 'Left'
 * @category parsers
 * @since 0.1.0
 */
export const wordReply = <A>(
  command: Command,
  expected: string,
  key: Field['key'],
  make: (value: string) => A | undefined,
) =>
  oneLine<A>(command, expected, (r) => {
    const value = wordValue(r[key])
    return only(r, [key]) && value !== undefined ? make(value) : undefined
  })

const OK: OkReply = { ok: true }

/**
 * `OK:` or `OK: ` (spec v2.6 section 4.2, quirk 5) or a bare `OK` (section 7.4). A bare `OK` has no colon, so
 * it is not a field: it is recognised here.
 *
 * @example
 * import { okLine } from './OneLineAnswer.js'
 * console.log(okLine('endbatch')('OK\n'), okLine('ping')('OK: ')) // { _tag: 'Right', right: { ok: true } } { _tag: 'Right', right: { ok: true } }
 * @category parsers
 * @since 0.1.0
 */
export const okLine = (command: Command): ((body: string) => Result<OkReply>) => {
  const read = oneLine<OkReply>(command, 'OK', (r, first) =>
    first === 'ok' && only(r, ['ok']) ? OK : undefined,
  )
  return (body) => {
    const ls = typeof body === 'string' && body.length < 64 ? lines(body) : []
    return ls.length === 1 && ls[0] === 'OK' ? E.right(OK) : read(body)
  }
}
