/**
 * Authentication as specification v2.6 section 4.1 describes it and the live service answers it: a session id
 * from `auth`, or `api_id` + `user` + `password` on every request; IP lockdown; sessions that expire after 15
 * minutes of inactivity (any request with the session counts as activity, `ping` included), answered with
 * `ERR: 001` as the live service does (docs/gateway.md, quirk 2) unless `expiredSessionCode` says `'003'`.
 *
 * Choices where the specification is silent (docs/simulator.md):
 * - `session_id`, when present, decides alone: credentials beside it are not looked at.
 * - `api_id` missing or unknown: 108. `user` or `password` missing: 002. Both given but wrong: 001.
 * - A POST that is not form-encoded: 001 before anything else (docs/gateway.md, quirk 18).
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import { type Gateway, type GatewayRequest, newId } from './Gateway.js'
import { error, ok } from './Replies.js'
import type { AccountRecord } from './State.js'
import type { Mutable } from './Store.js'

/**
 * The account a request acts for, or the body that refuses it.
 *
 * @category model
 * @since 0.1.0
 */
export type Authenticated = E.Either<string, Mutable<AccountRecord>>

/**
 * Tells whether the IP lockdown of an account refuses an address (`ERR: 007`); the REST front asks it too.
 *
 * @example
 * import { lockedOut } from './Auth.js'
 * const account = { allowedIps: ['10.0.0.1'] } as never
 * console.log(lockedOut(account, '10.0.0.1'), lockedOut(account, '127.0.0.1')) // false true
 * @category authentication
 * @since 0.1.0
 */
export const lockedOut = (account: AccountRecord, ip: string): boolean =>
  account.allowedIps.length > 0 && !account.allowedIps.includes(ip)

/**
 * Checks `api_id`, `user` and `password` and the IP lockdown, without looking at `session_id`.
 *
 * @example
 * import { gateway, type GatewayRequest, normalise } from 'clickatell-fp/simulator'
 * import { credentials } from './Auth.js'
 * const config = normalise({ accounts: [{ apiId: '1', user: 'u', password: 'p' }] })
 * if (config._tag === 'Right') {
 *   const gw = gateway(config.right)
 *   const ask = (command: GatewayRequest['command'], extra: Record<string, string> = {}): GatewayRequest =>
 *     ({ command, method: 'GET', params: new Map(Object.entries({ api_id: '1', user: 'u', password: 'p', ...extra })), duplicates: [], ip: '127.0.0.1', formEncoded: true })
 *   console.log(credentials(gw, ask('auth', { password: 'wrong' }))) // { _tag: 'Left', left: 'ERR: 001, Authentication failed' }
 * }
 * @category authentication
 * @since 0.1.0
 */
export const credentials = (gw: Gateway, req: GatewayRequest): Authenticated => {
  if (!req.formEncoded) return E.left(error('001'))
  const account = gw.store.accounts.get(req.params.get('api_id') ?? '')
  if (account === undefined) return E.left(error('108'))
  const user = req.params.get('user') ?? ''
  const password = req.params.get('password') ?? ''
  if (user === '' || password === '') return E.left(error('002'))
  if (user !== account.user || password !== account.password) return E.left(error('001'))
  if (lockedOut(account, req.ip)) return E.left(error('007'))
  return E.right(account)
}

/**
 * The account of a request: by its session when it has `session_id` (which counts as activity), else by its
 * credentials; `ERR: 005` when it has neither.
 *
 * @example
 * import { gateway, type GatewayRequest, normalise } from 'clickatell-fp/simulator'
 * import { authenticate } from './Auth.js'
 * const config = normalise({ accounts: [{ apiId: '1', user: 'u', password: 'p' }] })
 * if (config._tag === 'Right') {
 *   const gw = gateway(config.right)
 *   const ask = (command: GatewayRequest['command'], extra: Record<string, string> = {}): GatewayRequest =>
 *     ({ command, method: 'GET', params: new Map(Object.entries({ api_id: '1', user: 'u', password: 'p', ...extra })), duplicates: [], ip: '127.0.0.1', formEncoded: true })
 *   console.log(authenticate(gw, { ...ask('auth'), params: new Map() })) // { _tag: 'Left', left: 'ERR: 005, Missing session ID' }
 * }
 * @category authentication
 * @since 0.1.0
 */
export const authenticate = (gw: Gateway, req: GatewayRequest): Authenticated => {
  if (!req.formEncoded) return E.left(error('001'))
  const sessionId = req.params.get('session_id')
  if (sessionId === undefined) {
    const p = req.params
    return p.has('api_id') || p.has('user') || p.has('password') ? credentials(gw, req) : E.left(error('005'))
  }
  const session = gw.store.sessions.get(sessionId)
  if (session === undefined) return E.left(error('001'))
  const now = gw.now()
  if (session.forcedExpired || now - session.lastUsedAt >= gw.config.sessionTtlMs)
    return E.left(error(gw.config.expiredSessionCode))
  const account = gw.store.accounts.get(session.apiId)!
  if (lockedOut(account, req.ip)) return E.left(error('007'))
  session.lastUsedAt = now
  return E.right(account)
}

/**
 * `auth` once its credentials are checked (see `credentials`): a new session for the account,
 * `OK: <32 lower-case hex>`.
 *
 * @example
 * import { gateway, normalise } from 'clickatell-fp/simulator'
 * import { openSession } from './Auth.js'
 * const config = normalise({ accounts: [{ apiId: '1', user: 'u', password: 'p' }] })
 * if (config._tag === 'Right') {
 *   const gw = gateway(config.right)
 *   console.log(/^OK: [0-9a-f]{32}$/.test(openSession(gw, gw.store.accounts.get('1')!))) // true
 * }
 * @category commands
 * @since 0.1.0
 */
export const openSession = (gw: Gateway, account: AccountRecord): string => {
  const id = newId(gw)
  const now = gw.now()
  gw.store.sessions.set(id, {
    id,
    apiId: account.apiId,
    createdAt: now,
    lastUsedAt: now,
    forcedExpired: false,
  })
  return ok(id)
}

/**
 * Marks the session a request names as expired (the `expireSession` fault). True when there was one.
 *
 * @example
 * import { gateway, type GatewayRequest, handle, normalise } from 'clickatell-fp/simulator'
 * import { expireSession } from './Auth.js'
 * const config = normalise({ accounts: [{ apiId: '1', user: 'u', password: 'p' }] })
 * if (config._tag === 'Right') {
 *   const gw = gateway(config.right)
 *   const ask = (command: GatewayRequest['command'], extra: Record<string, string> = {}): GatewayRequest =>
 *     ({ command, method: 'GET', params: new Map(Object.entries({ api_id: '1', user: 'u', password: 'p', ...extra })), duplicates: [], ip: '127.0.0.1', formEncoded: true })
 *   const session = handle(gw, ask('auth')).slice(4)
 *   console.log(expireSession(gw, new Map([['session_id', session]])), expireSession(gw, new Map())) // true false
 * }
 * @category authentication
 * @since 0.1.0
 */
export const expireSession = (gw: Gateway, params: ReadonlyMap<string, string>): boolean => {
  const session = gw.store.sessions.get(params.get('session_id') ?? '')
  if (session === undefined) return false
  session.forcedExpired = true
  return true
}
