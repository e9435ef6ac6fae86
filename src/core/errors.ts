/**
 * Errors are values. Two families, as h11 splits local from remote protocol errors:
 *
 * - local: what we refused before sending (`InvalidInput`, `MessageTooLong`);
 * - remote: what the other side did (`TransportError`, `HttpStatusError`, `MalformedResponse`, `GatewayError`).
 *
 * Every failure is a plain readonly object with a `_tag`. `toMessage` turns any of them into a sentence for
 * people and never includes a password, session id or token. See docs/errors.md.
 *
 * @since 0.1.0
 */
import type { Command, RestCommand } from './request/Command.js'
import { text as scrub } from './request/Redact.js'

/**
 * One thing wrong with an input: where (a dotted path such as `to.2` or `text`) and why, in words a person
 * understands.
 *
 * @category model
 * @since 0.1.0
 */
export interface Problem {
  readonly path: string
  readonly message: string
}

/**
 * The input was refused before anything was sent. Lists every problem, never only the first.
 *
 * @category model
 * @since 0.1.0
 */
export interface InvalidInput {
  readonly _tag: 'InvalidInput'
  readonly problems: ReadonlyArray<Problem>
}

/**
 * The text needs more parts than allowed: by the caller's maximum (`concat`) or by the gateway's 35.
 *
 * @category model
 * @since 0.1.0
 */
export interface MessageTooLong {
  readonly _tag: 'MessageTooLong'
  readonly encoding: 'gsm7' | 'ucs2' | 'binary'
  /** Septets (GSM-7), UTF-16 code units (UCS-2) or bytes (binary) the message needs. */
  readonly units: number
  /** Parts the message needs. */
  readonly parts: number
  /** Parts allowed. */
  readonly limit: number
  /** Units that fit in one part of a concatenated message. */
  readonly perPart: number
}

/**
 * The request did not complete: no connection, a reset, a time-out, a caller's abort, or a response body over
 * the size cap.
 *
 * @category model
 * @since 0.1.0
 */
export interface TransportError {
  readonly _tag: 'TransportError'
  readonly kind: 'network' | 'timeout' | 'aborted' | 'too-large'
  readonly message: string
  readonly cause?: unknown
}

/**
 * The gateway answered with a status other than 2xx. The live service answers errors with 200 and an `ERR:`
 * body (docs/gateway.md, quirk 1), so this means something between us and it went wrong.
 *
 * @category model
 * @since 0.1.0
 */
export interface HttpStatusError {
  readonly _tag: 'HttpStatusError'
  readonly status: number
  /** The start of the body, at most 1,000 characters. */
  readonly body: string
}

/**
 * The body could not be read as an answer to the command.
 *
 * @category model
 * @since 0.1.0
 */
export interface MalformedResponse {
  readonly _tag: 'MalformedResponse'
  readonly command: Command | RestCommand | 'callback'
  readonly reason: string
  /** The start of the body, at most 1,000 characters. */
  readonly body: string
}

/**
 * The gateway refused the command with `ERR: <code>, <description>`. Branch on `code` (see `Codes`), never on
 * `description`: the live service's wording differs from the specification's.
 *
 * @category model
 * @since 0.1.0
 */
export interface GatewayError {
  readonly _tag: 'GatewayError'
  /** The HTTP API's command, or the REST dialect's (`send`, `status`, ...). */
  readonly command: Command | RestCommand
  /** The code as sent, zero padding restored to three digits when it is numeric (`1` becomes `001`); `''` when the gateway sent none (routecoverage). */
  readonly code: string
  readonly description: string
  /** The recipient the error names, when the line has ` To:`. */
  readonly to?: string
}

/**
 * What we refused before sending.
 *
 * @category model
 * @since 0.1.0
 */
export type LocalError = InvalidInput | MessageTooLong

/**
 * What the other side did.
 *
 * @category model
 * @since 0.1.0
 */
export type RemoteError = TransportError | HttpStatusError | MalformedResponse | GatewayError

/**
 * Every error the library returns.
 *
 * @category model
 * @since 0.1.0
 */
export type ClickatellError = LocalError | RemoteError

const excerpt = (body: string): string => (body.length > 1000 ? body.slice(0, 1000) : body)

/**
 * @example
 * import { Errors } from 'clickatell-fp'
 * console.log(Errors.invalidInput([{ path: 'to', message: 'is empty' }])._tag) // 'InvalidInput'
 * @category constructors
 * @since 0.1.0
 */
export const invalidInput = (problems: ReadonlyArray<Problem>): InvalidInput => ({
  _tag: 'InvalidInput',
  problems,
})

/**
 * @example
 * import { Errors } from 'clickatell-fp'
 * const e = Errors.messageTooLong({ encoding: 'gsm7', units: 400, parts: 3, limit: 2, perPart: 153 })
 * console.log(e.parts, e.limit) // 3 2
 * @category constructors
 * @since 0.1.0
 */
export const messageTooLong = (fields: Omit<MessageTooLong, '_tag'>): MessageTooLong => ({
  _tag: 'MessageTooLong',
  ...fields,
})

/**
 * @example
 * import { Errors } from 'clickatell-fp'
 * console.log(Errors.transportError('timeout', 'no answer in 10000 ms').kind) // 'timeout'
 * @category constructors
 * @since 0.1.0
 */
export const transportError = (
  kind: TransportError['kind'],
  message: string,
  cause?: unknown,
): TransportError =>
  cause === undefined
    ? { _tag: 'TransportError', kind, message }
    : { _tag: 'TransportError', kind, message, cause }

/**
 * @example
 * import { Errors } from 'clickatell-fp'
 * console.log(Errors.httpStatusError(503, 'busy').status) // 503
 * @category constructors
 * @since 0.1.0
 */
export const httpStatusError = (status: number, body: string): HttpStatusError => ({
  _tag: 'HttpStatusError',
  status,
  body: excerpt(body),
})

/**
 * @example
 * import { Errors } from 'clickatell-fp'
 * console.log(Errors.malformedResponse('ping', 'empty body', '').reason) // 'empty body'
 * @category constructors
 * @since 0.1.0
 */
export const malformedResponse = (
  command: MalformedResponse['command'],
  reason: string,
  body: string,
): MalformedResponse => ({ _tag: 'MalformedResponse', command, reason, body: excerpt(body) })

/**
 * @example
 * import { Errors } from 'clickatell-fp'
 * console.log(Errors.gatewayError('sendmsg', '301', 'No credit left').code) // '301'
 * @category constructors
 * @since 0.1.0
 */
export const gatewayError = (
  command: Command | RestCommand,
  code: string,
  description: string,
  to?: string,
): GatewayError =>
  to === undefined
    ? { _tag: 'GatewayError', command, code, description }
    : { _tag: 'GatewayError', command, code, description, to }

/**
 * Folds an error exhaustively: one function per tag.
 *
 * @example
 * import { Errors } from 'clickatell-fp'
 * const kind = Errors.match({
 *   InvalidInput: () => 'local', MessageTooLong: () => 'local', TransportError: () => 'remote',
 *   HttpStatusError: () => 'remote', MalformedResponse: () => 'remote', GatewayError: () => 'remote',
 * })
 * console.log(kind(Errors.httpStatusError(500, ''))) // 'remote'
 * @category destructors
 * @since 0.1.0
 */
export const match =
  <R>(cases: { readonly [K in ClickatellError['_tag']]: (e: Extract<ClickatellError, { _tag: K }>) => R }) =>
  (e: ClickatellError): R => {
    switch (e._tag) {
      case 'InvalidInput':
        return cases.InvalidInput(e)
      case 'MessageTooLong':
        return cases.MessageTooLong(e)
      case 'TransportError':
        return cases.TransportError(e)
      case 'HttpStatusError':
        return cases.HttpStatusError(e)
      case 'MalformedResponse':
        return cases.MalformedResponse(e)
      case 'GatewayError':
        return cases.GatewayError(e)
    }
  }

const unitName = (encoding: MessageTooLong['encoding']): string =>
  encoding === 'gsm7' ? 'GSM-7 septets' : encoding === 'ucs2' ? 'UCS-2 units' : 'bytes'

// Secrets can reach a message only through text that came from outside (a body, a cause): `scrub` is
// Redact.text, the one scrubber of the library.

/**
 * A one-line sentence for people. Never contains a password, session id or token.
 *
 * @example
 * import { Errors } from 'clickatell-fp'
 * const e = Errors.messageTooLong({ encoding: 'gsm7', units: 400, parts: 3, limit: 2, perPart: 153 })
 * console.log(Errors.toMessage(e))
 * // 'message too long: 400 GSM-7 septets need 3 parts (153 per part), but at most 2 are allowed'
 * @category destructors
 * @since 0.1.0
 */
export const toMessage: (e: ClickatellError) => string = /* @__PURE__ */ match({
  InvalidInput: (e) =>
    `invalid input: ${e.problems.map((p) => (p.path === '' ? p.message : `${p.path}: ${p.message}`)).join('; ')}`,
  MessageTooLong: (e) =>
    `message too long: ${e.units} ${unitName(e.encoding)} need ${e.parts} part${e.parts === 1 ? '' : 's'} (${e.perPart} per part), but at most ${e.limit} ${e.limit === 1 ? 'is' : 'are'} allowed`,
  TransportError: (e) => scrub(`transport error (${e.kind}): ${e.message}`),
  HttpStatusError: (e) => `the gateway answered HTTP ${e.status}`,
  MalformedResponse: (e) => scrub(`malformed response to ${e.command}: ${e.reason}`),
  GatewayError: (e) =>
    scrub(
      `gateway error${e.code === '' ? '' : ` ${e.code}`} on ${e.command}: ${e.description}${e.to === undefined ? '' : ` (to ${e.to})`}`,
    ),
})

/**
 * Tells local errors (refused before sending) from remote ones.
 *
 * @example
 * import { Errors } from 'clickatell-fp'
 * console.log(Errors.isLocal(Errors.invalidInput([]))) // true
 * @category refinements
 * @since 0.1.0
 */
export const isLocal = (e: ClickatellError): e is LocalError =>
  e._tag === 'InvalidInput' || e._tag === 'MessageTooLong'
