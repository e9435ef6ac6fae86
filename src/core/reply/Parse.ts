/**
 * Total parsers for the gateway's answers: body in, `Either` out, for every command. Never throws, never
 * invents an id, code, status or amount, and runs in time linear in the body (the grammar is a hand-written
 * scan, see `Grammar`). Survives every quirk of FACTS.md section 3.
 *
 * - An answer that is one `ERR:` line is `Left(GatewayError)`, with its ` To:` when present.
 * - A send to many (sendmsg, quicksend) is `Right` with one outcome per answer, in the body's order: partial
 *   failure is data. Every non-blank line must parse, or the whole body is malformed, since the client pairs
 *   outcomes with recipients by position.
 * - routecoverage's `ERR:` without a code is the not-routable answer (`Right`), quirk 4.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import {
  type GatewayError,
  gatewayError,
  type HttpStatusError,
  httpStatusError,
  type MalformedResponse,
  malformedResponse,
} from '../errors.js'
import type { HttpResponse } from '../http.js'
import { type Command, isCommand } from '../request/Command.js'
import { normalise, statusValue } from './Codes.js'
import { amount, errorValue, type Field, fields, isWord, lines, wordValue } from './Grammar.js'
import {
  type AuthReply,
  accepted,
  type BalanceReply,
  type BatchReply,
  type ChargeReply,
  type CoverageReply,
  type ItemReply,
  type OkReply,
  type Replies,
  rejected,
  type SendOutcome,
  type SendReply,
  type StatusReply,
  type TokenPayReply,
} from './Replies.js'

/**
 * What parsing a body can fail with.
 *
 * @category model
 * @since 0.1.0
 */
export type ParseError = GatewayError | MalformedResponse

/**
 * The result of parsing the answer to a command.
 *
 * @category model
 * @since 0.1.0
 */
export type Parsed<C extends Command> = E.Either<ParseError, Replies[C]>

type Result<A> = E.Either<ParseError, A>

const malformed = (command: Command, reason: string, body: string): E.Either<MalformedResponse, never> =>
  E.left(malformedResponse(command, reason, body))

type ErrorValue = ReturnType<typeof errorValue>

const errorFrom = (command: Command, { code, description }: ErrorValue, to?: string): GatewayError =>
  gatewayError(command, normalise(code), description, to)

// One record of a one-line answer: its fields by key, refusing a key seen twice.
type ByKey = Partial<Readonly<Record<Field['key'], string>>>

const recordOf = (fs: ReadonlyArray<Field>): ByKey | undefined => {
  const out: Partial<Record<Field['key'], string>> = {}
  for (const f of fs) {
    if (out[f.key] !== undefined) return undefined
    out[f.key] = f.value
  }
  return out
}

/**
 * Reads a one-line answer: an `ERR:` line becomes `Left(GatewayError)` (unless `onError` says otherwise),
 * any other line goes to `read` as its fields by key.
 */
const oneLine =
  <A>(
    command: Command,
    expected: string,
    read: (r: ByKey, first: Field['key']) => A | undefined,
    onError?: (error: ErrorValue, to: string | undefined) => Result<A> | undefined,
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
      return onError?.(error, to) ?? E.left(errorFrom(command, error, to))
    }
    const a = read(r, first)
    return a === undefined ? malformed(command, `expected ${expected}`, body) : E.right(a)
  }

// No key but the named ones.
const only = (r: ByKey, keys: ReadonlyArray<Field['key']>): boolean =>
  Object.keys(r).every((k) => keys.includes(k as Field['key']))

// `OK: <session_id>`, `OK: <value>`, `ID: <batch_id>`: one field, `key`, holding a single word. That field is
// then also the first, as a record has no key twice.
const wordReply = <A>(command: Command, expected: string, key: Field['key'], make: (value: string) => A) =>
  oneLine<A>(command, expected, (r) => {
    const value = wordValue(r[key])
    return only(r, [key]) && value !== undefined ? make(value) : undefined
  })

/**
 * `OK: <session_id>` (spec v2.6 section 4.1; quirk 6: `OK: foo ` with a trailing space).
 *
 * @example
 * import { Parse } from 'clickatell-fp'
 * console.log(Parse.auth('OK: 2f0e0e2f1b8b4d2a9b4f9e2a1c3d4e5f ')) // { _tag: 'Right', right: { sessionId: '2f0e0e2f1b8b4d2a9b4f9e2a1c3d4e5f' } }
 * @category parsers
 * @since 0.1.0
 */
export const auth: (body: string) => Result<AuthReply> = wordReply(
  'auth',
  'OK: <session_id>',
  'ok',
  (sessionId) => ({ sessionId }),
)

const OK: OkReply = { ok: true }

// Spec v2.6 section 4.2 (`OK:`), quirk 5 (`OK: `); section 7.4 (`OK`). A bare `OK` has no colon, so it is
// not a field: it is recognised here.
const okLine = (command: Command) => {
  const read = oneLine<OkReply>(command, 'OK', (r, first) =>
    first === 'ok' && only(r, ['ok']) ? OK : undefined,
  )
  return (body: string): Result<OkReply> => {
    const ls = typeof body === 'string' && body.length < 64 ? lines(body) : []
    return ls.length === 1 && ls[0] === 'OK' ? E.right(OK) : read(body)
  }
}

/**
 * `OK:` or `OK: ` (spec v2.6 section 4.2, quirk 5).
 *
 * @example
 * import { Parse } from 'clickatell-fp'
 * console.log(Parse.ping('OK: ')) // { _tag: 'Right', right: { ok: true } }
 * @category parsers
 * @since 0.1.0
 */
export const ping: (body: string) => Result<OkReply> = okLine('ping')

/**
 * `OK` (spec v2.6 section 7.4).
 *
 * @example
 * import { Parse } from 'clickatell-fp'
 * console.log(Parse.endbatch('OK')) // { _tag: 'Right', right: { ok: true } }
 * @category parsers
 * @since 0.1.0
 */
export const endbatch: (body: string) => Result<OkReply> = okLine('endbatch')

// Spec v2.6 sections 4.3 and 7.3: `ID: <id>[ To: <msisdn>]` or `ERR: <code>, <description>[ To: <msisdn>]`
// per recipient and line; quirks 10 and 11: mixed lines, several records on one line, ` To:` optional.
const sendLines =
  (command: 'sendmsg' | 'quicksend') =>
  (body: string): Result<SendReply> => {
    if (typeof body !== 'string') return malformed(command, 'body is not a string', '')
    const ls = lines(body)
    if (ls.length === 0) return malformed(command, 'empty body', body)
    const outcomes: Array<SendOutcome> = []
    for (let n = 0; n < ls.length; n++) {
      const fs = fields(ls[n]!)
      if (fs === undefined || fs.length === 0)
        return malformed(command, `line ${n + 1}: expected ID: or ERR:`, body)
      for (let i = 0; i < fs.length; i++) {
        const f = fs[i]!
        const next = fs[i + 1]
        const to = next?.key === 'to' ? next.value : undefined
        if (to !== undefined) i++
        if ((f.key !== 'id' && f.key !== 'err') || (to !== undefined && !isWord(to)))
          return malformed(command, `line ${n + 1}: expected ID: or ERR: with at most one To:`, body)
        if (f.key === 'err') outcomes.push(rejected(errorFrom(command, errorValue(f.value), to)))
        else if (isWord(f.value)) outcomes.push(accepted(f.value, to))
        else return malformed(command, `line ${n + 1}: ID: without a single-word id`, body)
      }
    }
    const sole = outcomes[0]!
    return outcomes.length === 1 && sole._tag === 'Rejected' ? E.left(sole.error) : E.right({ outcomes })
  }

/**
 * The answer to sendmsg: one outcome per recipient, in the body's order (spec v2.6 section 4.3; quirks 10,
 * 11). A body that is exactly one `ERR:` line is `Left`.
 *
 * @example
 * import { Parse } from 'clickatell-fp'
 * const r = Parse.sendmsg('ID: a1 To: 2799900001\nERR: 105, Invalid Destination Address To: 333\n')
 * console.log(r._tag === 'Right' && r.right.outcomes.map((o) => o._tag)) // ['Accepted', 'Rejected']
 * @category parsers
 * @since 0.1.0
 */
export const sendmsg: (body: string) => Result<SendReply> = sendLines('sendmsg')

/**
 * The answer to quicksend: as sendmsg (spec v2.6 section 7.3).
 *
 * @example
 * import { Parse } from 'clickatell-fp'
 * console.log(Parse.quicksend('ID: a1 To: 2799900001')._tag) // 'Right'
 * @category parsers
 * @since 0.1.0
 */
export const quicksend: (body: string) => Result<SendReply> = sendLines('quicksend')

// Spec v2.6 sections 4.4 and 6.1: `ID: <apimsgid> Status: <NNN>`; quirk 3: unknown ids give status 001.
const statusLine = (command: 'querymsg' | 'delmsg') =>
  oneLine<StatusReply>(command, 'ID: <apimsgid> Status: <NNN>', (r, first) => {
    const apiMsgId = wordValue(r.id)
    const s = statusValue(r.status)
    return first === 'id' && only(r, ['id', 'status']) && apiMsgId !== undefined && s !== undefined
      ? { apiMsgId, status: s }
      : undefined
  })

/**
 * `ID: <apimsgid> Status: <NNN>` (spec v2.6 section 4.4; quirks 3 and 9).
 *
 * @example
 * import { Parse } from 'clickatell-fp'
 * const r = Parse.querymsg('ID: abc Status: 008')
 * console.log(r._tag === 'Right' && r.right.status.description) // 'OK'
 * @category parsers
 * @since 0.1.0
 */
export const querymsg: (body: string) => Result<StatusReply> = statusLine('querymsg')

/**
 * `ID: <apimsgid> Status: <NNN>` (spec v2.6 section 6.1).
 *
 * @example
 * import { Parse } from 'clickatell-fp'
 * const r = Parse.delmsg('ID: abc Status: 006')
 * console.log(r._tag === 'Right' && r.right.status.code) // '006'
 * @category parsers
 * @since 0.1.0
 */
export const delmsg: (body: string) => Result<StatusReply> = statusLine('delmsg')

/**
 * `Credit: <float>` (spec v2.6 section 6.2; quirk 13: `12.000`). A leading minus is accepted.
 *
 * @example
 * import { Parse } from 'clickatell-fp'
 * console.log(Parse.getbalance('Credit: 12.000')) // { _tag: 'Right', right: { credit: 12, raw: '12.000' } }
 * @category parsers
 * @since 0.1.0
 */
export const getbalance: (body: string) => Result<BalanceReply> = oneLine(
  'getbalance',
  'Credit: <float>',
  (r, first) => {
    const raw = r.credit
    const credit = raw === undefined ? undefined : amount(raw, true)
    return first === 'credit' && only(r, ['credit']) && credit !== undefined
      ? { credit, raw: raw! }
      : undefined
  },
)

/**
 * The status and charge of a message (spec v2.6 section 6.4; quirk 12), in any order of its keys:
 * `apiMsgId: x charge: y status: z`, `cliMsgId: x charge: y apiMsgId: z status: s`, `ID: x Charge: y
 * Status: z`, and `status: 004 charge: 101` with no id.
 *
 * @example
 * import { Parse } from 'clickatell-fp'
 * const r = Parse.getmsgcharge('apiMsgId: abc charge: 0.33 status: 004')
 * console.log(r._tag === 'Right' && r.right.charge) // 0.33
 * @category parsers
 * @since 0.1.0
 */
export const getmsgcharge: (body: string) => Result<ChargeReply> = oneLine(
  'getmsgcharge',
  'apiMsgId: <id> charge: <amount> status: <NNN>',
  (r) => {
    if (r.id !== undefined && r.apimsgid !== undefined) return undefined
    const id = r.apimsgid ?? r.id
    const apiMsgId = wordValue(id)
    const cliMsgId = wordValue(r.climsgid)
    const charge = r.charge === undefined ? undefined : amount(r.charge)
    const s = statusValue(r.status)
    if (!only(r, ['id', 'apimsgid', 'climsgid', 'charge', 'status'])) return undefined
    if (charge === undefined || s === undefined) return undefined
    if ((id !== undefined && apiMsgId === undefined) || (r.climsgid !== undefined && cliMsgId === undefined))
      return undefined
    return {
      ...(apiMsgId === undefined ? {} : { apiMsgId }),
      ...(cliMsgId === undefined ? {} : { cliMsgId }),
      charge,
      status: s,
    }
  },
)

/**
 * `OK: <value>` (spec v2.6 section 6.5: `OK: 605`).
 *
 * @example
 * import { Parse } from 'clickatell-fp'
 * console.log(Parse.token_pay('OK: 605')) // { _tag: 'Right', right: { value: '605' } }
 * @category parsers
 * @since 0.1.0
 */
export const token_pay: (body: string) => Result<TokenPayReply> = wordReply(
  'token_pay',
  'OK: <value>',
  'ok',
  (value) => ({ value }),
)

/**
 * The coverage of a number (spec v2.6 section 6.3). `OK: <sentence> Charge: <amount>` is routable;
 * `ERR: <sentence>` without a code is not routable (`Right`, quirk 4); `ERR: <code>, …` is `Left`.
 *
 * @example
 * import { Parse } from 'clickatell-fp'
 * const r = Parse.routecoverage('OK: This prefix is currently supported. Messages sent to this prefix will be routed. Charge: 0.33')
 * console.log(r._tag === 'Right' && r.right.routable) // true
 * @category parsers
 * @since 0.1.0
 */
export const routecoverage: (body: string) => Result<CoverageReply> = oneLine<CoverageReply>(
  'routecoverage',
  'OK: <sentence> Charge: <amount>',
  (r, first) => {
    const charge = r.charge === undefined ? undefined : amount(r.charge)
    return first === 'ok' && only(r, ['ok', 'charge']) && charge !== undefined
      ? { routable: true, charge, description: r.ok! }
      : undefined
  },
  (error, to) =>
    error.code === '' && to === undefined
      ? E.right({ routable: false, description: error.description })
      : undefined,
)

/**
 * `ID: <batch_id>` (spec v2.6 section 7.1).
 *
 * @example
 * import { Parse } from 'clickatell-fp'
 * console.log(Parse.startbatch('ID: 9d4fa9ec')) // { _tag: 'Right', right: { batchId: '9d4fa9ec' } }
 * @category parsers
 * @since 0.1.0
 */
export const startbatch: (body: string) => Result<BatchReply> = wordReply(
  'startbatch',
  'ID: <batch_id>',
  'id',
  (batchId) => ({ batchId }),
)

/**
 * `ID: <apimsgid>[ To: <msisdn>]` (spec v2.6 section 7.2).
 *
 * @example
 * import { Parse } from 'clickatell-fp'
 * console.log(Parse.senditem('ID: abc')) // { _tag: 'Right', right: { apiMsgId: 'abc' } }
 * @category parsers
 * @since 0.1.0
 */
export const senditem: (body: string) => Result<ItemReply> = oneLine(
  'senditem',
  'ID: <apimsgid>[ To: <msisdn>]',
  (r, first) => {
    const apiMsgId = wordValue(r.id)
    const to = wordValue(r.to)
    if (first !== 'id' || !only(r, ['id', 'to']) || apiMsgId === undefined) return undefined
    if (r.to === undefined) return { apiMsgId }
    return to === undefined ? undefined : { apiMsgId, to }
  },
)

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
  const max =
    typeof options?.maxBodyChars === 'number' && options.maxBodyChars >= 0
      ? options.maxBodyChars
      : MAX_BODY_CHARS
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
