/**
 * The commands of the Clickatell HTTP API v2.6 and where they live. One table, checked by the compiler:
 * a command without a path is a type error.
 *
 * @since 0.1.0
 */

/**
 * The wire name of every command of the HTTP API v2.6.
 *
 * @category model
 * @since 0.1.0
 */
export type Command =
  | 'auth'
  | 'ping'
  | 'sendmsg'
  | 'querymsg'
  | 'delmsg'
  | 'getbalance'
  | 'getmsgcharge'
  | 'token_pay'
  | 'routecoverage'
  | 'startbatch'
  | 'senditem'
  | 'quicksend'
  | 'endbatch'

/**
 * The path of each command. Specification v2.6 sections 4, 6 and 7; routecoverage uses the spelling the live
 * service answered on in 2020 (`/utils/routeCoverage`, docs/gateway.md, quirk 21), not the v2.6 typo
 * `/utills/`.
 *
 * @example
 * import * as Command from './Command.js'
 * console.log(Command.paths.sendmsg) // '/http/sendmsg'
 * @category data
 * @since 0.1.0
 */
export const paths: { readonly [K in Command]-?: string } = {
  auth: '/http/auth',
  ping: '/http/ping',
  sendmsg: '/http/sendmsg',
  querymsg: '/http/querymsg',
  delmsg: '/http/delmsg',
  getbalance: '/http/getbalance',
  getmsgcharge: '/http/getmsgcharge',
  token_pay: '/http/token_pay',
  routecoverage: '/utils/routeCoverage',
  startbatch: '/http_batch/startbatch',
  senditem: '/http_batch/senditem',
  quicksend: '/http_batch/quicksend',
  endbatch: '/http_batch/endbatch',
}

/**
 * Every command, in the order of the specification.
 *
 * @example
 * import * as Command from './Command.js'
 * console.log(Command.all.length) // 13
 * @category data
 * @since 0.1.0
 */
export const all: ReadonlyArray<Command> = Object.keys(paths) as ReadonlyArray<Command>

/**
 * Tells whether a string is the wire name of a command.
 *
 * @example
 * import * as Command from './Command.js'
 * console.log(Command.isCommand('sendmsg'), Command.isCommand('send')) // true false
 * @category refinements
 * @since 0.1.0
 */
export const isCommand = (value: unknown): value is Command =>
  typeof value === 'string' && Object.hasOwn(paths, value)

/**
 * Commands that send a message or spend money: those a caller must not repeat blindly. (The client does not
 * ask this: which of its calls may be retried is decided where each call is made.)
 *
 * @example
 * import * as Command from './Command.js'
 * console.log(Command.isSend('sendmsg'), Command.isSend('querymsg')) // true false
 * @category refinements
 * @since 0.1.0
 */
export const isSend = (command: Command): boolean =>
  command === 'sendmsg' || command === 'senditem' || command === 'quicksend' || command === 'token_pay'

/**
 * The commands of the legacy REST API (docs/gateway.md, 'Legacy REST API') that the REST dialect speaks, by
 * the names `Rest.reply` takes: send a message, ask its status (and charge), stop it, ask the balance, ask
 * whether a number is covered.
 *
 * @category model
 * @since 0.1.0
 */
export type RestCommand = 'send' | 'status' | 'stop' | 'balance' | 'coverage'

/**
 * The method and path of each REST command; `{apiMessageId}` and `{msisdn}` stand for the value that goes in
 * the path. Status also answers `GET /rest/message?clientMessageId=…`.
 *
 * @example
 * import * as Command from './Command.js'
 * console.log(Command.restRoutes.stop) // ['DELETE', '/rest/message/{apiMessageId}']
 * @category data
 * @since 0.1.0
 */
export const restRoutes: {
  readonly [K in RestCommand]-?: readonly [method: 'GET' | 'POST' | 'DELETE', path: string]
} = {
  send: ['POST', '/rest/message'],
  status: ['GET', '/rest/message/{apiMessageId}'],
  stop: ['DELETE', '/rest/message/{apiMessageId}'],
  balance: ['GET', '/rest/account/balance'],
  coverage: ['GET', '/rest/coverage/{msisdn}'],
}

/**
 * Tells whether a string is the name of a REST command.
 *
 * @example
 * import * as Command from './Command.js'
 * console.log(Command.isRestCommand('balance'), Command.isRestCommand('getbalance')) // true false
 * @category refinements
 * @since 0.1.0
 */
export const isRestCommand = (value: unknown): value is RestCommand =>
  typeof value === 'string' && Object.hasOwn(restRoutes, value)
