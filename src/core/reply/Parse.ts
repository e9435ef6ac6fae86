/**
 * Total parsers for the gateway's answers: body in, `Either` out, for every command. Never throws, never
 * invents an id, code, status or amount, and runs in time linear in the body (the grammar is a hand-written
 * scan, see `Grammar`). Survives every quirk listed in docs/gateway.md, 'Quirks'.
 *
 * - An answer that is one `ERR:` line is `Left(GatewayError)`, with its ` To:` when present.
 * - A send to many (sendmsg, quicksend) is `Right` with one outcome per answer, in the body's order: partial
 *   failure is data. Every non-blank line must parse, or the whole body is malformed, since the client pairs
 *   outcomes with recipients by position.
 * - routecoverage's `ERR:` without a code is the not-routable answer (`Right`), quirk 4.
 *
 * This module is the envelope: the parser of each command by name (`reply`, `parsers`) and the HTTP response
 * around a body (`response`, `responseWith`). The parsers themselves are in `CommandParsers`, re-exported here.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import { type HttpStatusError, httpStatusError } from '../errors.js'
import type { HttpResponse } from '../http.js'
import { type Command, isCommand } from '../request/Command.js'
import {
  auth,
  delmsg,
  endbatch,
  getbalance,
  getmsgcharge,
  ping,
  querymsg,
  quicksend,
  routecoverage,
  senditem,
  sendmsg,
  startbatch,
  token_pay,
} from './CommandParsers.js'
import { malformed, type ParseError } from './OneLineAnswer.js'
import type { Replies } from './Replies.js'

export * from './CommandParsers.js'
export type { ParseError } from './OneLineAnswer.js'

/**
 * The result of parsing the answer to a command.
 *
 * @category model
 * @since 0.1.0
 */
export type Parsed<C extends Command> = E.Either<ParseError, Replies[C]>

/**
 * The parser of each command.
 *
 * @example
 * import { Parse } from 'clickatell-fp'
 * console.log(Parse.parsers.getbalance('Credit: 35.000')._tag) // 'Right'
 * @category parsers
 * @since 0.1.0
 */
export const parsers: { readonly [C in Command]-?: (body: string) => Parsed<C> } = {
  auth,
  ping,
  sendmsg,
  querymsg,
  delmsg,
  getbalance,
  getmsgcharge,
  token_pay,
  routecoverage,
  startbatch,
  senditem,
  quicksend,
  endbatch,
}

// The parser of `command`; from JavaScript, a name that is not a command gets one that refuses every body.
const parserOf = <C extends Command>(command: C): ((body: string) => Parsed<C>) =>
  isCommand(command)
    ? (parsers[command] as (body: string) => Parsed<C>)
    : (body) => malformed(command, 'not a command of the HTTP API', typeof body === 'string' ? body : '')

/**
 * Parses the body answering `command`, typed by the command: `reply('getbalance', body)` gives a
 * `BalanceReply`. A name that is not a command gives `MalformedResponse`.
 *
 * @example
 * import { Parse } from 'clickatell-fp'
 * const r = Parse.reply('getbalance', 'Credit: 12.000')
 * console.log(r._tag === 'Right' && r.right.credit) // 12
 * @category parsers
 * @since 0.1.0
 */
export const reply = <C extends Command>(command: C, body: string): Parsed<C> => parserOf(command)(body)

/**
 * Options of `responseWith`.
 *
 * @category model
 * @since 0.1.0
 */
export interface ResponseOptions {
  /** Longest body read, in UTF-16 code units; a longer one is malformed. 1 MiB by default. */
  readonly maxBodyChars?: number
}

/**
 * The default cap on a response body: 1 MiB (1,048,576 characters). The longest real answer, 600 lines of
 * `ID: <32 hex> To: <msisdn>`, is about 30 KiB.
 *
 * @example
 * import { Parse } from 'clickatell-fp'
 * console.log(Parse.MAX_BODY_CHARS) // 1048576
 * @category data
 * @since 0.1.0
 */
export const MAX_BODY_CHARS = 1_048_576

/**
 * Reads an HTTP response to `command`: a status other than 2xx is `HttpStatusError`, a body over
 * `maxBodyChars` is `MalformedResponse`, anything else is parsed.
 *
 * @example
 * import { Parse } from 'clickatell-fp'
 * const read = Parse.responseWith({ maxBodyChars: 10 })('ping')
 * console.log(read({ status: 200, headers: {}, body: 'OK: ' })._tag) // 'Right'
 * console.log(read({ status: 502, headers: {}, body: '' })) // { _tag: 'Left', left: { _tag: 'HttpStatusError', status: 502, body: '' } }
 * @category parsers
 * @since 0.1.0
 */
export const responseWith = (options: ResponseOptions) => {
  const cap = options.maxBodyChars
  const max = cap !== undefined && cap >= 0 ? cap : MAX_BODY_CHARS
  return <C extends Command>(command: C) => {
    const parse = parserOf(command)
    return (response: HttpResponse): E.Either<HttpStatusError | ParseError, Replies[C]> => {
      if (typeof response !== 'object' || response === null || typeof response.body !== 'string')
        return malformed(command, 'response has no text body', '')
      const status = response.status
      if (typeof status !== 'number' || status < 200 || status > 299)
        return E.left(httpStatusError(typeof status === 'number' ? status : 0, response.body))
      if (response.body.length > max)
        return malformed(
          command,
          `body of ${response.body.length} characters is over the cap of ${max}`,
          response.body,
        )
      return parse(response.body)
    }
  }
}

/**
 * `responseWith` with the default cap of 1 MiB.
 *
 * @example
 * import { Parse } from 'clickatell-fp'
 * console.log(Parse.response('getbalance')({ status: 200, headers: {}, body: 'Credit: 12.000' }))
 * // { _tag: 'Right', right: { credit: 12, raw: '12.000' } }
 * @category parsers
 * @since 0.1.0
 */
export const response: <C extends Command>(
  command: C,
) => (response: HttpResponse) => E.Either<HttpStatusError | ParseError, Replies[C]> = responseWith({})
