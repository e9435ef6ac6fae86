/**
 * `sendmsg` (specification v2.6 section 4.3) and the per-recipient acceptance it shares with the batch
 * commands. Checks that concern the whole request (authentication, parameters, text) answer one line without
 * ` To:`; checks that concern one recipient (105, 121, 122, 250, 114, 130, 301) answer that recipient's line,
 * so a multi-recipient answer mixes `ID:` and `ERR:` lines, one per recipient in request order
 * (docs/gateway.md, quirk 10). A recipient listed twice gets two messages.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import { authenticate } from './Auth.js'
import { type Gateway, type GatewayRequest, newId, roundCredits, routeOf } from './Gateway.js'
import { admit } from './Lifecycle.js'
import { type Content, content, type MessageSpec, messageParams, messageSpec, strayParams } from './Params.js'
import { error, id, lines, mtLimit } from './Replies.js'
import type { AccountRecord, MessageRecord } from './State.js'
import type { MessageRow, Mutable } from './Store.js'

/**
 * A message ready to go to its recipients.
 *
 * @category model
 * @since 0.1.0
 */
export interface Draft {
  readonly command: MessageRecord['command']
  readonly batchId: string | undefined
  readonly spec: MessageSpec
  readonly content: Content
  readonly params: ReadonlyMap<string, string>
}

/** International format (section 5.2.1): digits only, 7 to 15 of them (E.164), no `00` prefix. */
const validMsisdn = (to: string): boolean => /^[0-9]{7,15}$/.test(to) && !to.startsWith('00')

const store = (gw: Gateway, message: MessageRow): void => {
  gw.store.messages.push(message)
  gw.store.byApiMsgId.set(message.apiMsgId, message)
  if (message.cliMsgId !== '') {
    const same = gw.store.byCliMsgId.get(message.cliMsgId)
    if (same === undefined) gw.store.byCliMsgId.set(message.cliMsgId, [message])
    else same.push(message)
  }
}

/**
 * Accepts a message for one recipient, or says why not: the answer line for that recipient.
 *
 * @example
 * import { gateway, normalise } from 'clickatell-fp/simulator'
 * import { sendOne } from './Send.js'
 * const config = normalise({ accounts: [{ apiId: '1', user: 'u', password: 'p' }] })
 * if (config._tag === 'Right') {
 *   const gw = gateway(config.right)
 *   const spec = { from: '', callback: 0, concat: 1, cliMsgId: '', unicode: false, binary: false, udh: '', maxCredits: undefined, bypassDnc: false, releaseAt: 0 }
 *   const content = { text: 'hi', encoding: 'gsm7' as const, units: 2, parts: 1 }
 *   const draft = { command: 'sendmsg' as const, batchId: undefined, spec, content, params: new Map() }
 *   console.log(sendOne(gw, gw.store.accounts.get('1')!, draft, '12', true)) // 'ERR: 105, Invalid Destination Address To: 12'
 * }
 * @category sending
 * @since 0.1.0
 */
export const sendOne = (
  gw: Gateway,
  account: Mutable<AccountRecord>,
  draft: Draft,
  to: string,
  showTo: boolean,
): string => {
  const line = showTo ? to : undefined
  const { config } = gw
  if (!validMsisdn(to)) return error('105', line)
  if (config.blocked.has(to)) return error('121', line)
  if (config.optedOut.has(to)) return error('122', line)
  if (config.dnc.has(to) && !draft.spec.bypassDnc) return error('250', line)
  const route = routeOf(gw, to)
  if (route === undefined || !route.routable) return error('114', line)
  const now = gw.now()
  const limit = account.mtLimit
  if (limit !== undefined) {
    const windowMs = limit.windowMs ?? 86_400_000
    if (now >= account.mtWindow.start + windowMs) account.mtWindow = { start: now, count: 0 }
    if (account.mtWindow.count >= limit.max)
      return mtLimit(Math.floor((account.mtWindow.start + windowMs) / 1000), line)
  }
  const routingFails = draft.spec.maxCredits !== undefined && route.charge > draft.spec.maxCredits
  const charge = routingFails ? 0 : roundCredits(route.charge * draft.content.parts)
  if (account.credits < charge) return error('301', line)
  account.credits = roundCredits(account.credits - charge)
  if (limit !== undefined)
    account.mtWindow = { start: account.mtWindow.start, count: account.mtWindow.count + 1 }
  const message: MessageRow = {
    apiMsgId: newId(gw),
    cliMsgId: draft.spec.cliMsgId,
    apiId: account.apiId,
    command: draft.command,
    batchId: draft.batchId,
    to,
    from: draft.spec.from,
    text: draft.content.text,
    encoding: draft.content.encoding,
    units: draft.content.units,
    parts: draft.content.parts,
    charge,
    callback: draft.spec.callback,
    status: '002',
    history: [],
    acceptedAt: now,
    releaseAt: draft.spec.releaseAt,
    params: draft.params,
  }
  store(gw, message)
  admit(gw, message, route.finalStatus, routingFails)
  return id(message.apiMsgId, line)
}

/**
 * Sends a draft to each recipient in order; the answer has one line per recipient, with ` To:` when there
 * is more than one (or always, for quicksend).
 *
 * @example
 * import { gateway, type GatewayRequest, handle, normalise } from 'clickatell-fp/simulator'
 * import { sendAll } from './Send.js'
 * const config = normalise({ accounts: [{ apiId: '1', user: 'u', password: 'p' }] })
 * if (config._tag === 'Right') {
 *   const gw = gateway(config.right)
 *   const ask = (command: GatewayRequest['command'], extra: Record<string, string> = {}): GatewayRequest =>
 *     ({ command, method: 'GET', params: new Map(Object.entries({ api_id: '1', user: 'u', password: 'p', ...extra })), duplicates: [], ip: '127.0.0.1', formEncoded: true })
 *   handle(gw, ask('sendmsg', { to: '447700900001,12', text: 'hi' })) // sendmsg answers with sendAll's lines
 *   console.log(gw.store.messages.length) // 1
 * }
 * @category sending
 * @since 0.1.0
 */
export const sendAll = (
  gw: Gateway,
  account: Mutable<AccountRecord>,
  draft: Draft,
  recipients: ReadonlyArray<string>,
  alwaysShowTo = false,
): ReadonlyArray<string> => {
  const showTo = alwaysShowTo || recipients.length > 1
  return recipients.map((to) => sendOne(gw, account, draft, to, showTo))
}

/**
 * The recipients of a request: `to` split on commas, or the answer refusing it (`to` missing: 101; more
 * than 100 with GET or 300 with POST: 101).
 *
 * @example
 * import { gateway, type GatewayRequest, normalise } from 'clickatell-fp/simulator'
 * import { recipients } from './Send.js'
 * const config = normalise({ accounts: [{ apiId: '1', user: 'u', password: 'p' }] })
 * if (config._tag === 'Right') {
 *   const gw = gateway(config.right)
 *   const ask = (command: GatewayRequest['command'], extra: Record<string, string> = {}): GatewayRequest =>
 *     ({ command, method: 'GET', params: new Map(Object.entries({ api_id: '1', user: 'u', password: 'p', ...extra })), duplicates: [], ip: '127.0.0.1', formEncoded: true })
 *   console.log(recipients(gw, ask('sendmsg', { to: '447700900001,447700900002' }))) // { _tag: 'Right', right: ['447700900001', '447700900002'] }
 * }
 * @category sending
 * @since 0.1.0
 */
export const recipients = (gw: Gateway, req: GatewayRequest): E.Either<string, ReadonlyArray<string>> => {
  const to = req.params.get('to')
  if (to === undefined) return E.left(error('101'))
  const list = to.split(',')
  const max = req.method === 'GET' ? gw.config.maxRecipients.get : gw.config.maxRecipients.post
  return list.length > max ? E.left(error('101')) : E.right(list)
}

/**
 * Refuses a request that carries a parameter twice, or (with `strictParams`) one the command does not know.
 *
 * @example
 * import { gateway, type GatewayRequest, normalise } from 'clickatell-fp/simulator'
 * import { checkNames } from './Send.js'
 * const config = normalise({ accounts: [{ apiId: '1', user: 'u', password: 'p' }] })
 * if (config._tag === 'Right') {
 *   const gw = gateway(config.right)
 *   const ask = (command: GatewayRequest['command'], extra: Record<string, string> = {}): GatewayRequest =>
 *     ({ command, method: 'GET', params: new Map(Object.entries({ api_id: '1', user: 'u', password: 'p', ...extra })), duplicates: [], ip: '127.0.0.1', formEncoded: true })
 *   console.log(checkNames(['to'])(gw, ask('sendmsg', { to: '1', txt: 'x' }))) // { _tag: 'Left', left: 'ERR: 101, Invalid or missing parameters' }
 * }
 * @category sending
 * @since 0.1.0
 */
export const checkNames = (allowed: ReadonlyArray<string>, pattern?: RegExp) => {
  const strays = strayParams(allowed, pattern)
  return (gw: Gateway, req: GatewayRequest): E.Either<string, void> => {
    const bad = gw.config.strictParams ? strays(req.params, req.duplicates) : req.duplicates
    return bad.length > 0 ? E.left(error('101')) : E.right(undefined)
  }
}

const sendNames = checkNames(['to', 'text', ...messageParams])

/**
 * `sendmsg`: `ID: <apimsgid>`, or one `ID:`/`ERR:` line per recipient.
 *
 * @example
 * import { gateway, type GatewayRequest, normalise } from 'clickatell-fp/simulator'
 * import { sendmsg } from './Send.js'
 * const config = normalise({ accounts: [{ apiId: '1', user: 'u', password: 'p' }] })
 * if (config._tag === 'Right') {
 *   const gw = gateway(config.right)
 *   const ask = (command: GatewayRequest['command'], extra: Record<string, string> = {}): GatewayRequest =>
 *     ({ command, method: 'GET', params: new Map(Object.entries({ api_id: '1', user: 'u', password: 'p', ...extra })), duplicates: [], ip: '127.0.0.1', formEncoded: true })
 *   console.log(sendmsg(gw, ask('sendmsg', { to: '447700900001', text: 'x'.repeat(161) }))) // 'ERR: 113, Max message parts exceeded'
 * }
 * @category commands
 * @since 0.1.0
 */
export const sendmsg = (gw: Gateway, req: GatewayRequest): string => {
  const account = authenticate(gw, req)
  if (E.isLeft(account)) return account.left
  const names = sendNames(gw, req)
  if (E.isLeft(names)) return names.left
  const list = recipients(gw, req)
  if (E.isLeft(list)) return list.left
  const spec = messageSpec(gw, account.right, req.params)
  if (E.isLeft(spec)) return spec.left
  const body = content(spec.right, req.params.get('text') ?? '', req.params.get('data'))
  if (E.isLeft(body)) return body.left
  const draft: Draft = {
    command: 'sendmsg',
    batchId: undefined,
    spec: spec.right,
    content: body.right,
    params: req.params,
  }
  return lines(sendAll(gw, account.right, draft, list.right))
}
