/**
 * The bodies the simulator answers with, written as the live service writes them (docs/gateway.md,
 * 'Response shapes'): `OK: <session>`, ping `OK: ` with one trailing space, `ID: <id>`,
 * `ID: <id> To: <msisdn>` lines joined by `\n` with no trailing newline, `ERR: <code>, <description>`,
 * `Credit: 12.000`, and the two getmsgcharge shapes. Written here, not taken from the library's renderers, so
 * the simulator checks the library's parser instead of agreeing with it.
 *
 * @since 0.1.0
 */
import { type ErrorCodeNumber, errorCodes, type StatusCodeNumber } from '../core/reply/Codes.js'
import { roundCredits } from './Gateway.js'

// Where docs/gateway.md ('Error codes') records the live wording, the simulator uses it (quirk 7).
const liveWording: Partial<Record<ErrorCodeNumber, string>> = {
  '105': 'Invalid Destination Address',
  '113': 'Max message parts exceeded',
}

/**
 * The description the simulator sends with an error code: the live wording where one is recorded, else the
 * specification's.
 *
 * @example
 * import { Replies } from 'clickatell-fp/simulator'
 * console.log(Replies.describe('105')) // 'Invalid Destination Address'
 * console.log(Replies.describe('301')) // 'No credit left'
 * @category replies
 * @since 0.1.0
 */
export const describe = (code: ErrorCodeNumber): string => liveWording[code] ?? errorCodes[code].description

/**
 * `ERR: <code>, <description>`, with ` To: <msisdn>` on a line of a multi-recipient answer.
 *
 * @example
 * import { Replies } from 'clickatell-fp/simulator'
 * console.log(Replies.error('114')) // 'ERR: 114, Cannot route message'
 * console.log(Replies.error('105', '12')) // 'ERR: 105, Invalid Destination Address To: 12'
 * @category replies
 * @since 0.1.0
 */
export const error = (code: ErrorCodeNumber, to?: string): string =>
  to === undefined ? `ERR: ${code}, ${describe(code)}` : `ERR: ${code}, ${describe(code)} To: ${to}`

/**
 * `ERR: 130, Maximum MT limit exceeded until <unix seconds>`: the only description that carries data.
 *
 * @example
 * import { Replies } from 'clickatell-fp/simulator'
 * console.log(Replies.mtLimit(1700000000)) // 'ERR: 130, Maximum MT limit exceeded until 1700000000'
 * @category replies
 * @since 0.1.0
 */
export const mtLimit = (untilSeconds: number, to?: string): string =>
  `ERR: 130, Maximum MT limit exceeded until ${untilSeconds}${to === undefined ? '' : ` To: ${to}`}`

/**
 * `ID: <apimsgid>`, with ` To: <msisdn>` on a line of a multi-recipient answer.
 *
 * @example
 * import { Replies } from 'clickatell-fp/simulator'
 * console.log(Replies.id('abc', '447700900000')) // 'ID: abc To: 447700900000'
 * @category replies
 * @since 0.1.0
 */
export const id = (apiMsgId: string, to?: string): string =>
  to === undefined ? `ID: ${apiMsgId}` : `ID: ${apiMsgId} To: ${to}`

/**
 * `OK: <value>`: the session id of `auth`, `605` of `token_pay`, and (with the empty value) ping's `OK: `.
 *
 * @example
 * import { Replies } from 'clickatell-fp/simulator'
 * console.log(JSON.stringify(Replies.ok(''))) // '"OK: "'
 * @category replies
 * @since 0.1.0
 */
export const ok = (value: string): string => `OK: ${value}`

/**
 * `ID: <id> Status: <NNN>` (querymsg, delmsg).
 *
 * @example
 * import { Replies } from 'clickatell-fp/simulator'
 * console.log(Replies.status('abc', '004')) // 'ID: abc Status: 004'
 * @category replies
 * @since 0.1.0
 */
export const status = (apiMsgId: string, code: StatusCodeNumber): string => `ID: ${apiMsgId} Status: ${code}`

/**
 * `Credit: <balance>` with three decimals, as the live service writes it.
 *
 * @example
 * import { Replies } from 'clickatell-fp/simulator'
 * console.log(Replies.credit(12)) // 'Credit: 12.000'
 * @category replies
 * @since 0.1.0
 */
export const credit = (credits: number): string => `Credit: ${credits.toFixed(3)}`

/**
 * A charge as the live service writes it in getmsgcharge and routeCoverage: the shortest decimal, at most six
 * places (`0`, `1`, `0.8`, `0.33`).
 *
 * @example
 * import { Replies } from 'clickatell-fp/simulator'
 * console.log(Replies.amount(0.8 * 3)) // '2.4'
 * @category replies
 * @since 0.1.0
 */
export const amount = (credits: number): string => String(roundCredits(credits))

/**
 * getmsgcharge by apimsgid: `apiMsgId: <id> charge: <x> status: <NNN>`.
 *
 * @example
 * import { Replies } from 'clickatell-fp/simulator'
 * console.log(Replies.charge('abc', 0.8, '004')) // 'apiMsgId: abc charge: 0.8 status: 004'
 * @category replies
 * @since 0.1.0
 */
export const charge = (apiMsgId: string, credits: number, code: StatusCodeNumber): string =>
  `apiMsgId: ${apiMsgId} charge: ${amount(credits)} status: ${code}`

/**
 * getmsgcharge by climsgid (specification v2.6 section 6.4 reorders the keys):
 * `cliMsgId: <c> charge: <x> apiMsgId: <id> status: <NNN>`.
 *
 * @example
 * import { Replies } from 'clickatell-fp/simulator'
 * console.log(Replies.chargeByCliMsgId('c1', 2, 'abc', '003')) // 'cliMsgId: c1 charge: 2 apiMsgId: abc status: 003'
 * @category replies
 * @since 0.1.0
 */
export const chargeByCliMsgId = (
  cliMsgId: string,
  credits: number,
  apiMsgId: string,
  code: StatusCodeNumber,
): string => `cliMsgId: ${cliMsgId} charge: ${amount(credits)} apiMsgId: ${apiMsgId} status: ${code}`

/**
 * routeCoverage for a routable number, verbatim from the live service (2020) with the route's charge.
 *
 * @example
 * import { Replies } from 'clickatell-fp/simulator'
 * console.log(Replies.covered(1))
 * // 'OK: This prefix is currently supported. Messages sent to this prefix will be routed. Charge: 1'
 * @category replies
 * @since 0.1.0
 */
export const covered = (credits: number): string =>
  `OK: This prefix is currently supported. Messages sent to this prefix will be routed. Charge: ${amount(credits)}`

/**
 * routeCoverage for a number that does not route: `ERR:` with no code (docs/gateway.md, quirk 4).
 *
 * @example
 * import { Replies } from 'clickatell-fp/simulator'
 * console.log(Replies.notCovered.startsWith('ERR: This prefix')) // true
 * @category replies
 * @since 0.1.0
 */
export const notCovered =
  'ERR: This prefix is not currently supported. Messages sent to this prefix will fail. Please contact support for assistance.'

/**
 * endbatch's answer.
 *
 * @example
 * import { Replies } from 'clickatell-fp/simulator'
 * console.log(Replies.done) // 'OK'
 * @category replies
 * @since 0.1.0
 */
export const done = 'OK'

/**
 * Joins the lines of a multi-recipient answer with `\n` and no trailing newline (2020 captures).
 *
 * @example
 * import { Replies } from 'clickatell-fp/simulator'
 * console.log(JSON.stringify(Replies.lines(['ID: a To: 1', 'ID: b To: 2']))) // '"ID: a To: 1\\nID: b To: 2"'
 * @category replies
 * @since 0.1.0
 */
export const lines = (answers: ReadonlyArray<string>): string => answers.join('\n')
