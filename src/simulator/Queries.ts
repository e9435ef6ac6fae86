/**
 * The commands that read or top up an account: ping (section 4.2), querymsg (4.4), delmsg (6.1), getbalance
 * (6.2), routeCoverage (6.3), getmsgcharge (6.4) and token_pay (6.5).
 *
 * Choices where the specification is silent (docs/simulator.md):
 * - An unknown `apimsgid` answers status 001 (docs/gateway.md, quirk 3); an unknown `climsgid` answers
 *   `ERR: 104, Unknown client message ID`. Neither id: 109. Both: `apimsgid` wins.
 * - A `climsgid` used by several messages names the latest one accepted.
 * - Messages of other accounts are unknown.
 * - token_pay answers `OK: 605` and adds the voucher's credits; a token that is not 16 digits, unknown, or
 *   already spent answers `ERR: 101, Invalid or missing parameters`.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import { authenticate } from './Auth.js'
import type { Handler } from './Commands.js'
import { type Gateway, type GatewayRequest, roundCredits, routeOf } from './Gateway.js'
import { cancel } from './Lifecycle.js'
import * as Replies from './Replies.js'
import { checkNames } from './Send.js'
import type { AccountRecord } from './State.js'
import type { MessageRow, Mutable } from './Store.js'

/**
 * Authenticates, checks the parameter names, then answers with `f`.
 *
 * @example
 * import { gateway, type GatewayRequest, normalise } from 'clickatell-fp/simulator'
 * import { authenticated } from './Queries.js'
 * const config = normalise({ accounts: [{ apiId: '1', user: 'u', password: 'p' }] })
 * if (config._tag === 'Right') {
 *   const gw = gateway(config.right)
 *   const ask = (command: GatewayRequest['command'], extra: Record<string, string> = {}): GatewayRequest =>
 *     ({ command, method: 'GET', params: new Map(Object.entries({ api_id: '1', user: 'u', password: 'p', ...extra })), duplicates: [], ip: '127.0.0.1', formEncoded: true })
 *   const hello = authenticated([], (_, __, account) => `hello ${account.user}`)
 *   console.log(hello(gw, ask('auth'))) // 'hello u'
 * }
 * @category commands
 * @since 0.1.0
 */
export const authenticated = (
  names: ReadonlyArray<string>,
  f: (gw: Gateway, req: GatewayRequest, account: Mutable<AccountRecord>) => string,
  pattern?: RegExp,
): Handler => {
  const check = checkNames(names, pattern)
  return (gw, req) => {
    const account = authenticate(gw, req)
    if (E.isLeft(account)) return account.left
    const ok = check(gw, req)
    return E.isLeft(ok) ? ok.left : f(gw, req, account.right)
  }
}

type Found =
  | { readonly by: 'apimsgid'; readonly id: string; readonly message: MessageRow | undefined }
  | { readonly by: 'climsgid'; readonly id: string; readonly message: MessageRow }

/**
 * The message a query names, by `apimsgid` or `climsgid`, among the account's own.
 *
 * @example
 * import { gateway, normalise } from 'clickatell-fp/simulator'
 * import { findMessage } from './Queries.js'
 * const config = normalise({ accounts: [{ apiId: '1', user: 'u', password: 'p' }] })
 * if (config._tag === 'Right') {
 *   const gw = gateway(config.right)
 *   console.log(findMessage(gw, gw.store.accounts.get('1')!, new Map())) // { _tag: 'Left', left: 'ERR: 109, Missing message ID' }
 * }
 * @category commands
 * @since 0.1.0
 */
export const findMessage = (
  gw: Gateway,
  account: AccountRecord,
  params: ReadonlyMap<string, string>,
): E.Either<string, Found> => {
  // Reported: the account's own, and accepted long enough ago (`reportingDelayMs`).
  const known = (m: MessageRow | undefined): m is MessageRow =>
    m?.apiId === account.apiId && m.acceptedAt + gw.config.reportingDelayMs <= gw.now()
  const apiMsgId = params.get('apimsgid')
  if (apiMsgId !== undefined && apiMsgId !== '') {
    const message = gw.store.byApiMsgId.get(apiMsgId)
    return E.right({ by: 'apimsgid', id: apiMsgId, message: known(message) ? message : undefined })
  }
  const cliMsgId = params.get('climsgid')
  if (cliMsgId === undefined || cliMsgId === '') return E.left(Replies.error('109'))
  const same = gw.store.byCliMsgId.get(cliMsgId) ?? []
  for (let i = same.length - 1; i >= 0; i--)
    if (known(same[i])) return E.right({ by: 'climsgid', id: cliMsgId, message: same[i]! })
  return E.left(Replies.error('104'))
}

const ID_NAMES = ['apimsgid', 'climsgid']

const withMessage = (f: (gw: Gateway, found: Found) => string): Handler =>
  authenticated(ID_NAMES, (gw, req, account) =>
    E.match(
      (refusal: string) => refusal,
      (found: Found) => f(gw, found),
    )(findMessage(gw, account, req.params)),
  )

/**
 * `ping`: `OK: ` with one trailing space; using the session keeps it alive.
 *
 *
 * @example
 * import { gateway, type GatewayRequest, normalise } from 'clickatell-fp/simulator'
 * import { ping } from './Queries.js'
 * const config = normalise({ accounts: [{ apiId: '1', user: 'u', password: 'p' }], vouchers: { '1234567890123456': 50 } })
 * if (config._tag === 'Right') {
 *   const gw = gateway(config.right)
 *   const ask = (command: GatewayRequest['command'], extra: Record<string, string> = {}): GatewayRequest =>
 *     ({ command, method: 'GET', params: new Map(Object.entries({ api_id: '1', user: 'u', password: 'p', ...extra })), duplicates: [], ip: '127.0.0.1', formEncoded: true })
 *   console.log(JSON.stringify(ping(gw, ask('ping')))) // '"OK: "'
 * }
 * @category commands
 * @since 0.1.0
 */
export const ping: Handler = authenticated([], () => Replies.ok(''))

/**
 * `querymsg`: `ID: <apimsgid> Status: <NNN>`.
 *
 *
 * @example
 * import { gateway, type GatewayRequest, handle, normalise } from 'clickatell-fp/simulator'
 * import { querymsg } from './Queries.js'
 * const config = normalise({ accounts: [{ apiId: '1', user: 'u', password: 'p' }], vouchers: { '1234567890123456': 50 } })
 * if (config._tag === 'Right') {
 *   const gw = gateway(config.right)
 *   const ask = (command: GatewayRequest['command'], extra: Record<string, string> = {}): GatewayRequest =>
 *     ({ command, method: 'GET', params: new Map(Object.entries({ api_id: '1', user: 'u', password: 'p', ...extra })), duplicates: [], ip: '127.0.0.1', formEncoded: true })
 *   const id = handle(gw, ask('sendmsg', { to: '447700900001', text: 'hi', climsgid: 'c1' })).slice(4)
 *   console.log(querymsg(gw, ask('querymsg', { apimsgid: id })) === `ID: ${id} Status: 002`) // true
 * }
 * @category commands
 * @since 0.1.0
 */
export const querymsg: Handler = withMessage((_, found) =>
  found.message === undefined
    ? Replies.status(found.id, '001')
    : Replies.status(found.message.apiMsgId, found.message.status),
)

/**
 * `delmsg`: stops a queued or scheduled message (006); answers the status the message has afterwards.
 *
 *
 * @example
 * import { gateway, type GatewayRequest, handle, normalise } from 'clickatell-fp/simulator'
 * import { delmsg } from './Queries.js'
 * const config = normalise({ accounts: [{ apiId: '1', user: 'u', password: 'p' }], vouchers: { '1234567890123456': 50 } })
 * if (config._tag === 'Right') {
 *   const gw = gateway(config.right)
 *   const ask = (command: GatewayRequest['command'], extra: Record<string, string> = {}): GatewayRequest =>
 *     ({ command, method: 'GET', params: new Map(Object.entries({ api_id: '1', user: 'u', password: 'p', ...extra })), duplicates: [], ip: '127.0.0.1', formEncoded: true })
 *   const id = handle(gw, ask('sendmsg', { to: '447700900001', text: 'hi', climsgid: 'c1' })).slice(4)
 *   console.log(delmsg(gw, ask('delmsg', { climsgid: 'c1' })) === `ID: ${id} Status: 006`) // true
 * }
 * @category commands
 * @since 0.1.0
 */
export const delmsg: Handler = withMessage((gw, found) =>
  found.message === undefined
    ? Replies.status(found.id, '001')
    : Replies.status(found.message.apiMsgId, cancel(gw, found.message)),
)

/**
 * `getmsgcharge`: `apiMsgId: <id> charge: <x> status: <NNN>`, or by climsgid
 * `cliMsgId: <c> charge: <x> apiMsgId: <id> status: <NNN>`.
 *
 *
 * @example
 * import { gateway, type GatewayRequest, handle, normalise } from 'clickatell-fp/simulator'
 * import { getmsgcharge } from './Queries.js'
 * const config = normalise({ accounts: [{ apiId: '1', user: 'u', password: 'p' }], vouchers: { '1234567890123456': 50 } })
 * if (config._tag === 'Right') {
 *   const gw = gateway(config.right)
 *   const ask = (command: GatewayRequest['command'], extra: Record<string, string> = {}): GatewayRequest =>
 *     ({ command, method: 'GET', params: new Map(Object.entries({ api_id: '1', user: 'u', password: 'p', ...extra })), duplicates: [], ip: '127.0.0.1', formEncoded: true })
 *   const id = handle(gw, ask('sendmsg', { to: '447700900001', text: 'hi', climsgid: 'c1' })).slice(4)
 *   console.log(getmsgcharge(gw, ask('getmsgcharge', { climsgid: 'c1' })) === `cliMsgId: c1 charge: 1 apiMsgId: ${id} status: 002`) // true
 * }
 * @category commands
 * @since 0.1.0
 */
export const getmsgcharge: Handler = withMessage((_, found) => {
  const m = found.message
  if (m === undefined) return Replies.charge(found.id, 0, '001')
  return found.by === 'climsgid'
    ? Replies.chargeByCliMsgId(found.id, m.charge, m.apiMsgId, m.status)
    : Replies.charge(m.apiMsgId, m.charge, m.status)
})

/**
 * `getbalance`: `Credit: <balance with 3 decimals>`.
 *
 *
 * @example
 * import { gateway, type GatewayRequest, normalise } from 'clickatell-fp/simulator'
 * import { getbalance } from './Queries.js'
 * const config = normalise({ accounts: [{ apiId: '1', user: 'u', password: 'p' }], vouchers: { '1234567890123456': 50 } })
 * if (config._tag === 'Right') {
 *   const gw = gateway(config.right)
 *   const ask = (command: GatewayRequest['command'], extra: Record<string, string> = {}): GatewayRequest =>
 *     ({ command, method: 'GET', params: new Map(Object.entries({ api_id: '1', user: 'u', password: 'p', ...extra })), duplicates: [], ip: '127.0.0.1', formEncoded: true })
 *   console.log(getbalance(gw, ask('getbalance'))) // 'Credit: 100.000'
 * }
 * @category commands
 * @since 0.1.0
 */
export const getbalance: Handler = authenticated([], (_, __, account) => Replies.credit(account.credits))

/**
 * `routeCoverage`: the live service's two sentences, with the route's charge when it routes.
 *
 *
 * @example
 * import { gateway, type GatewayRequest, normalise } from 'clickatell-fp/simulator'
 * import { routecoverage } from './Queries.js'
 * const config = normalise({ accounts: [{ apiId: '1', user: 'u', password: 'p' }], vouchers: { '1234567890123456': 50 } })
 * if (config._tag === 'Right') {
 *   const gw = gateway(config.right)
 *   const ask = (command: GatewayRequest['command'], extra: Record<string, string> = {}): GatewayRequest =>
 *     ({ command, method: 'GET', params: new Map(Object.entries({ api_id: '1', user: 'u', password: 'p', ...extra })), duplicates: [], ip: '127.0.0.1', formEncoded: true })
 *   console.log(routecoverage(gw, ask('routecoverage', { msisdn: '27999123456' })))
 *   // 'OK: This prefix is currently supported. Messages sent to this prefix will be routed. Charge: 0.8'
 * }
 * @category commands
 * @since 0.1.0
 */
export const routecoverage: Handler = authenticated(['msisdn'], (gw, req) => {
  const msisdn = req.params.get('msisdn')
  if (msisdn === undefined || msisdn === '') return Replies.error('101')
  const route = /^[0-9]+$/.test(msisdn) ? routeOf(gw, msisdn) : undefined
  return route?.routable === true ? Replies.covered(route.charge) : Replies.notCovered
})

/**
 * `token_pay`: spends a voucher once, `OK: 605`.
 *
 *
 * @example
 * import { gateway, type GatewayRequest, normalise } from 'clickatell-fp/simulator'
 * import { tokenPay } from './Queries.js'
 * const config = normalise({ accounts: [{ apiId: '1', user: 'u', password: 'p' }], vouchers: { '1234567890123456': 50 } })
 * if (config._tag === 'Right') {
 *   const gw = gateway(config.right)
 *   const ask = (command: GatewayRequest['command'], extra: Record<string, string> = {}): GatewayRequest =>
 *     ({ command, method: 'GET', params: new Map(Object.entries({ api_id: '1', user: 'u', password: 'p', ...extra })), duplicates: [], ip: '127.0.0.1', formEncoded: true })
 *   console.log(tokenPay(gw, ask('token_pay', { token: '1234567890123456' })), gw.store.accounts.get('1')!.credits) // 'OK: 605' 150
 * }
 * @category commands
 * @since 0.1.0
 */
export const tokenPay: Handler = authenticated(['token'], (gw, req, account) => {
  const token = req.params.get('token') ?? ''
  const credits = gw.config.vouchers.get(token)
  if (credits === undefined || gw.store.spentVouchers.has(token)) return Replies.error('101')
  gw.store.spentVouchers.set(token, account.apiId)
  account.credits = roundCredits(account.credits + credits)
  return Replies.ok('605')
})
