/**
 * Which path serves which command, and which function answers it. The live paths (specification v2.6,
 * `Command.paths`), their `.php` spellings that Clickatell's own Java library called, and the routeCoverage
 * spellings seen in the wild (docs/gateway.md, quirk 21). Paths are case-sensitive except for those listed.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import { type Command, paths } from '../core/request/Command.js'
import { credentials, openSession } from './Auth.js'
import { endbatch, quicksend, senditem, startbatch } from './Batch.js'
import type { Gateway, GatewayRequest } from './Gateway.js'
import { delmsg, getbalance, getmsgcharge, ping, querymsg, routecoverage, tokenPay } from './Queries.js'
import { checkNames, sendmsg } from './Send.js'

/**
 * A command's answer to a request.
 *
 * @category model
 * @since 0.1.0
 */
export type Handler = (gw: Gateway, req: GatewayRequest) => string

const authNames = checkNames([])

/** `auth` takes credentials only; a stray parameter is 101 once the credentials are good. */
const auth: Handler = (gw, req) => {
  const who = credentials(gw, req)
  if (E.isLeft(who)) return who.left
  const names = authNames(gw, req)
  return E.isLeft(names) ? names.left : openSession(gw, who.right)
}

/**
 * The handler of every command, checked by the compiler.
 *
 * @example
 * import { handlers } from './Commands.js'
 * console.log(Object.keys(handlers).length) // 13
 * @category data
 * @since 0.1.0
 */
export const handlers: { readonly [K in Command]-?: Handler } = {
  auth,
  ping,
  sendmsg,
  querymsg,
  delmsg,
  getbalance,
  getmsgcharge,
  token_pay: tokenPay,
  routecoverage,
  startbatch,
  senditem,
  quicksend,
  endbatch,
}

const httpCommands: ReadonlyArray<Command> = [
  'auth',
  'ping',
  'sendmsg',
  'querymsg',
  'delmsg',
  'getbalance',
  'getmsgcharge',
  'token_pay',
]

/**
 * Every path the simulator answers, and its command.
 *
 * @example
 * import { commandPaths } from 'clickatell-fp/simulator'
 * console.log(commandPaths.get('/http/sendmsg.php'), commandPaths.get('/utils/routecoverage')) // 'sendmsg' 'routecoverage'
 * @category data
 * @since 0.1.0
 */
export const commandPaths: ReadonlyMap<string, Command> = new Map<string, Command>([
  ...(Object.entries(paths) as Array<[Command, string]>).map(([command, path]): [string, Command] => [
    path,
    command,
  ]),
  ...httpCommands.map((command): [string, Command] => [`${paths[command]}.php`, command]),
  ['/utils/routecoverage', 'routecoverage'],
  ['/utils/routeCoverage.php', 'routecoverage'],
  ['/http/routeCoverage.php', 'routecoverage'],
])

/**
 * Answers a request: first applies every status change and callback attempt that fell due on the clock,
 * then runs the command.
 *
 * @example
 * import { gateway, handle, normalise } from 'clickatell-fp/simulator'
 * const config = normalise({ accounts: [{ apiId: '1', user: 'u', password: 'p' }] })
 * if (config._tag === 'Right') {
 *   const gw = gateway(config.right)
 *   const params = new Map([['api_id', '1'], ['user', 'u'], ['password', 'p']])
 *   console.log(handle(gw, { command: 'getbalance', method: 'GET', params, duplicates: [], ip: '127.0.0.1', formEncoded: true }))
 *   // 'Credit: 100.000'
 * }
 * @category commands
 * @since 0.1.0
 */
export const handle = (gw: Gateway, req: GatewayRequest): string => {
  gw.agenda.runDue(gw.now())
  return handlers[req.command](gw, req)
}
