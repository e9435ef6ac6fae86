/**
 * How an accepted message's status moves on the simulator clock:
 *
 * ```
 * accepted ──> 011 (scheduled) ──release──> 002 (queued) ──+gatewayMs──> 003 ──+handsetMs──> 004 (or the
 *              or 002 at once                                                               route's final status)
 * ```
 *
 * A message refused by `max_credits` (the route costs more a part) goes 002 -> 009 and is not charged
 * (section 5.2.8). `delmsg` stops a message that is still 002 or 011: it becomes 006 and its charge is
 * refunded. Final statuses 009 and 010 refund too ("No charge applies"). Every change is appended to the
 * message's history and told to the gateway's listeners (the callback sender).
 *
 * @since 0.1.0
 */
import { type StatusCodeNumber, statusCodes } from '../core/reply/Codes.js'
import { type Gateway, roundCredits } from './Gateway.js'
import type { FinalStatus } from './Options.js'
import type { MessageRow } from './Store.js'

/**
 * Gives a message a new status at time `at`, and tells the listeners.
 *
 * @example
 * import { gateway, type GatewayRequest, handle, normalise } from 'clickatell-fp/simulator'
 * import { setStatus } from './Lifecycle.js'
 * const config = normalise({ accounts: [{ apiId: '1', user: 'u', password: 'p' }] })
 * if (config._tag === 'Right') {
 *   const gw = gateway(config.right)
 *   const ask = (command: GatewayRequest['command'], extra: Record<string, string> = {}): GatewayRequest =>
 *     ({ command, method: 'GET', params: new Map(Object.entries({ api_id: '1', user: 'u', password: 'p', ...extra })), duplicates: [], ip: '127.0.0.1', formEncoded: true })
 *   handle(gw, ask('sendmsg', { to: '447700900001', text: 'hi' }))
 *   setStatus(gw, gw.store.messages[0]!, '005', 0)
 *   console.log(gw.store.messages[0]!.history.map((h) => h.status)) // ['002', '005']
 * }
 * @category lifecycle
 * @since 0.1.0
 */
export const setStatus = (gw: Gateway, message: MessageRow, status: StatusCodeNumber, at: number): void => {
  message.status = status
  const change = { status, at }
  message.history.push(change)
  for (const listener of gw.listeners) listener(message, change)
}

/**
 * Gives a message's charge back to its account.
 *
 * @example
 * import { gateway, type GatewayRequest, handle, normalise } from 'clickatell-fp/simulator'
 * import { refund } from './Lifecycle.js'
 * const config = normalise({ accounts: [{ apiId: '1', user: 'u', password: 'p' }] })
 * if (config._tag === 'Right') {
 *   const gw = gateway(config.right)
 *   const ask = (command: GatewayRequest['command'], extra: Record<string, string> = {}): GatewayRequest =>
 *     ({ command, method: 'GET', params: new Map(Object.entries({ api_id: '1', user: 'u', password: 'p', ...extra })), duplicates: [], ip: '127.0.0.1', formEncoded: true })
 *   handle(gw, ask('sendmsg', { to: '447700900001', text: 'hi' }))
 *   refund(gw, gw.store.messages[0]!)
 *   console.log(gw.store.accounts.get('1')!.credits, gw.store.messages[0]!.charge) // 100 0
 * }
 * @category lifecycle
 * @since 0.1.0
 */
export const refund = (gw: Gateway, message: MessageRow): void => {
  const account = gw.store.accounts.get(message.apiId)
  if (account !== undefined && message.charge > 0)
    account.credits = roundCredits(account.credits + message.charge)
  message.charge = 0
}

const moveTo =
  (gw: Gateway, message: MessageRow, status: StatusCodeNumber) =>
  (at: number): void => {
    if (statusCodes[message.status].final) return
    if (status === '009' || status === '010') refund(gw, message)
    setStatus(gw, message, status, at)
  }

/**
 * Starts a freshly stored message on its way: its first status now, and the later ones on the agenda.
 * `routingFails` is the `max_credits` case.
 *
 * @example
 * import { gateway, type GatewayRequest, handle, normalise } from 'clickatell-fp/simulator'
 * import { admit } from './Lifecycle.js'
 * const config = normalise({ accounts: [{ apiId: '1', user: 'u', password: 'p' }] })
 * if (config._tag === 'Right') {
 *   const gw = gateway(config.right)
 *   const ask = (command: GatewayRequest['command'], extra: Record<string, string> = {}): GatewayRequest =>
 *     ({ command, method: 'GET', params: new Map(Object.entries({ api_id: '1', user: 'u', password: 'p', ...extra })), duplicates: [], ip: '127.0.0.1', formEncoded: true })
 *   handle(gw, ask('sendmsg', { to: '447700900001', text: 'hi' })) // sendOne stores the message, then admits it
 *   console.log(gw.store.messages[0]!.status, gw.agenda.size()) // '002' 2
 * }
 * @category lifecycle
 * @since 0.1.0
 */
export const admit = (
  gw: Gateway,
  message: MessageRow,
  finalStatus: FinalStatus,
  routingFails: boolean,
): void => {
  const now = gw.now()
  const release = message.releaseAt
  if (release > now) {
    setStatus(gw, message, '011', now)
    gw.agenda.at(release, moveTo(gw, message, '002'))
  } else setStatus(gw, message, '002', now)
  gw.agenda.at(release + gw.config.gatewayMs, moveTo(gw, message, routingFails ? '009' : '003'))
  if (!routingFails) gw.agenda.at(release + gw.config.handsetMs, moveTo(gw, message, finalStatus))
}

/**
 * Plans what is still to happen to a message restored from a snapshot (`Snapshot.restore`), from the status it
 * has: the same steps as `admit`, without the first. Steps already due run at the next request.
 *
 * @example
 * import { gateway, type GatewayRequest, handle, normalise } from 'clickatell-fp/simulator'
 * import { resume } from './Lifecycle.js'
 * const config = normalise({ accounts: [{ apiId: '1', user: 'u', password: 'p' }] })
 * if (config._tag === 'Right') {
 *   const gw = gateway(config.right)
 *   const ask = (command: GatewayRequest['command'], extra: Record<string, string> = {}): GatewayRequest =>
 *     ({ command, method: 'GET', params: new Map(Object.entries({ api_id: '1', user: 'u', password: 'p', ...extra })), duplicates: [], ip: '127.0.0.1', formEncoded: true })
 *   handle(gw, ask('sendmsg', { to: '447700900001', text: 'hi' }))
 *   const message = gw.store.messages[0]!
 *   message.status = '003'
 *   resume(gw, message, '004', false)
 *   console.log(gw.agenda.size()) // 3 (the two planned by admit, and the final status again)
 * }
 * @category lifecycle
 * @since 0.1.0
 */
export const resume = (
  gw: Gateway,
  message: MessageRow,
  finalStatus: FinalStatus,
  routingFails: boolean,
): void => {
  const release = message.releaseAt
  const waiting = message.status === '011'
  const queued = waiting || message.status === '002'
  if (waiting) gw.agenda.at(release, moveTo(gw, message, '002'))
  if (queued) gw.agenda.at(release + gw.config.gatewayMs, moveTo(gw, message, routingFails ? '009' : '003'))
  if (!routingFails && (queued || message.status === '003'))
    gw.agenda.at(release + gw.config.handsetMs, moveTo(gw, message, finalStatus))
}

/**
 * Stops a message that has not left the gateway (002 or 011): 006, charge refunded. Returns the status the
 * message has afterwards (a message already delivered keeps its status).
 *
 * @example
 * import { gateway, type GatewayRequest, handle, normalise } from 'clickatell-fp/simulator'
 * import { cancel } from './Lifecycle.js'
 * const config = normalise({ accounts: [{ apiId: '1', user: 'u', password: 'p' }] })
 * if (config._tag === 'Right') {
 *   const gw = gateway(config.right)
 *   const ask = (command: GatewayRequest['command'], extra: Record<string, string> = {}): GatewayRequest =>
 *     ({ command, method: 'GET', params: new Map(Object.entries({ api_id: '1', user: 'u', password: 'p', ...extra })), duplicates: [], ip: '127.0.0.1', formEncoded: true })
 *   handle(gw, ask('sendmsg', { to: '447700900001', text: 'hi' }))
 *   console.log(cancel(gw, gw.store.messages[0]!)) // '006'
 * }
 * @category lifecycle
 * @since 0.1.0
 */
export const cancel = (gw: Gateway, message: MessageRow): StatusCodeNumber => {
  if (message.status === '002' || message.status === '011') {
    refund(gw, message)
    setStatus(gw, message, '006', gw.now())
  }
  return message.status
}
