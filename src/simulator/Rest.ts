/**
 * The simulator's front for the legacy REST API (docs/gateway.md, 'Legacy REST API'; docs/simulator.md): the
 * five endpoints, for the accounts that have a `restToken`, on the same gateway as the HTTP API (one message
 * store, the same credits, statuses, routes and callbacks: a message sent over REST can be asked for over HTTP,
 * and the other way round).
 *
 * ```
 * POST   /rest/message                       send (RestSend)
 * GET    /rest/message/{apiMessageId}        status and charge
 * GET    /rest/message?clientMessageId=…     the same, by the client's id (the latest such message)
 * DELETE /rest/message/{apiMessageId}        stop
 * GET    /rest/account/balance               balance
 * GET    /rest/coverage/{msisdn}             coverage
 * ```
 *
 * Checks, in this order, each a global error: the path (161, 404) and the method (160, 405); `X-Version: 1`
 * (165); `Accept` of JSON or XML (166), which also picks the answer's flavour; `Content-Type` of JSON or XML on
 * every request (167; the simulator reads JSON bodies only, so an XML send is 167 too); the bearer token (001,
 * 401, for a token missing or unknown: the REST error list's "Authentication failed", as no separate code for a
 * token exists; 007, 401, for the account's IP lockdown). The order and the HTTP statuses are inferred. Faults
 * (`Faults`) apply to the HTTP API's commands only.
 *
 * @since 0.1.0
 */
import type * as http from 'node:http'
import type { RestCommand } from '../core/request/Command.js'
import { lockedOut } from './Auth.js'
import type { Context } from './Exchange.js'
import { decode as decodeForm } from './Form.js'
import { type Gateway, routeOf } from './Gateway.js'
import { cancel } from './Lifecycle.js'
import {
  balance,
  charge,
  type Flavour,
  failure,
  type RestAnswer,
  statusFields,
  write,
} from './RestReplies.js'
import { restSend } from './RestSend.js'
import type { AccountRecord } from './State.js'
import type { MessageRow, Mutable } from './Store.js'

/**
 * A REST request as the front sees it: headers with lower-case names, the body as UTF-8 text.
 *
 * @category model
 * @since 0.1.0
 */
export interface RestRequest {
  readonly method: string
  /** The path with its query, as the request line has it. */
  readonly url: string
  readonly headers: Readonly<Record<string, string | ReadonlyArray<string> | undefined>>
  readonly body: string
  readonly ip: string
}

type Handler = (
  gw: Gateway,
  account: Mutable<AccountRecord>,
  arg: string,
  req: RestRequest,
  f: Flavour,
) => RestAnswer

type Route = { readonly command: RestCommand | 'statusByClientId'; readonly arg: string }

const ID = /^\/rest\/message\/([A-Za-z0-9]{1,64})$/
const COVERAGE = /^\/rest\/coverage\/([^/]+)$/

// The resource a path names (else 161), then whether the method is one it answers (else 160).
const route = (method: string, path: string, query: string): Route | '160' | '161' => {
  const pick = (routes: Readonly<Record<string, Route['command']>>, arg: string): Route | '160' =>
    Object.hasOwn(routes, method) ? { command: routes[method]!, arg } : '160'
  if (path === '/rest/message') return pick({ POST: 'send', GET: 'statusByClientId' }, query)
  if (path === '/rest/account/balance') return pick({ GET: 'balance' }, '')
  const id = ID.exec(path)
  if (id !== null) return pick({ GET: 'status', DELETE: 'stop' }, id[1]!)
  const coverage = COVERAGE.exec(path)
  return coverage === null ? '161' : pick({ GET: 'coverage' }, coverage[1]!)
}

const header = (req: RestRequest, name: string): string => {
  const v = req.headers[name]
  return typeof v === 'string' ? v : Array.isArray(v) ? (v[0] ?? '') : ''
}

const mediaType = (value: string): string => value.split(';')[0]!.trim().toLowerCase()

const flavourOf = (accept: string): Flavour | undefined => {
  const types = accept.split(',').map(mediaType)
  return types.includes('application/json') ? 'json' : types.includes('application/xml') ? 'xml' : undefined
}

// `Authorization: Bearer <token>`, the scheme in any case (one PHP client writes `bearer`).
const account = (gw: Gateway, req: RestRequest): Mutable<AccountRecord> | '001' | '007' => {
  const m = /^bearer +([\x21-\x7e]+)$/i.exec(header(req, 'authorization').trim())
  if (m === null) return '001'
  for (const a of gw.store.accounts.values())
    if (a.restToken === m[1]) return lockedOut(a, req.ip) ? '007' : a
  return '001'
}

const own = (gw: Gateway, account: AccountRecord, apiMsgId: string): MessageRow | undefined => {
  const m = gw.store.byApiMsgId.get(apiMsgId)
  return m?.apiId === account.apiId ? m : undefined
}

// Documented: `{"data":{"charge":0,"messageStatus":"001","description":"Message unknown","apiMessageId":"…",
// "clientMessageId":""}}`; an unknown id answers status 001, as querymsg does (quirk 3).
const statusAnswer = (f: Flavour, m: MessageRow | undefined, id: string): RestAnswer =>
  write(f, 200, {
    data: {
      charge: m === undefined ? 0 : charge(m.charge),
      ...statusFields(m?.status ?? '001'),
      apiMessageId: m?.apiMsgId ?? id,
      clientMessageId: m?.cliMsgId ?? '',
    },
  })

const handlers: { readonly [K in Route['command']]-?: Handler } = {
  send: (gw, a, _, req, f) => restSend(gw, a, req.body, f),
  status: (gw, a, id, _, f) => statusAnswer(f, own(gw, a, id), id),
  statusByClientId: (gw, a, query, _, f) => {
    const cliMsgId = decodeForm(query).params.get('clientMessageId') ?? ''
    if (cliMsgId === '') return failure(f, '109')
    const same = (gw.store.byCliMsgId.get(cliMsgId) ?? []).filter((m) => m.apiId === a.apiId)
    const latest = same[same.length - 1]
    return latest === undefined ? failure(f, '104') : statusAnswer(f, latest, latest.apiMsgId)
  },
  stop: (gw, a, id, _, f) => {
    const m = own(gw, a, id)
    return write(f, 200, {
      data: { ...statusFields(m === undefined ? '001' : cancel(gw, m)), apiMessageId: id },
    })
  },
  balance: (_, a, __, ___, f) => write(f, 200, { data: balance(a.credits) }),
  coverage: (gw, _, msisdn, __, f) => {
    if (!/^[0-9]{1,15}$/.test(msisdn)) return failure(f, '101')
    const r = routeOf(gw, msisdn)
    return write(f, 200, {
      data: {
        routable: r?.routable === true,
        destination: msisdn,
        minimumCharge: r?.routable === true ? charge(r.charge) : 0,
      },
    })
  },
}

/**
 * Answers a REST request, after applying every status change that fell due on the clock.
 *
 * @example
 * import { gateway, normalise } from 'clickatell-fp/simulator'
 * import { answerRest } from './Rest.js'
 * const config = normalise({ accounts: [{ apiId: '1', user: 'u', password: 'p', restToken: 'tok3n' }] })
 * if (config._tag === 'Right') {
 *   const headers = { 'x-version': '1', authorization: 'Bearer tok3n', accept: 'application/json', 'content-type': 'application/json' }
 *   const r = answerRest(gateway(config.right), { method: 'GET', url: '/rest/account/balance', headers, body: '', ip: '127.0.0.1' })
 *   console.log(r.status, r.body) // 200 '{"data":{"balance":"100.000"}}'
 * }
 * @category server
 * @since 0.1.0
 */
export const answerRest = (gw: Gateway, req: RestRequest): RestAnswer => {
  gw.agenda.runDue(gw.now())
  const accepts = flavourOf(header(req, 'accept'))
  const f = accepts ?? 'json'
  const q = req.url.indexOf('?')
  const r = route(req.method, q < 0 ? req.url : req.url.slice(0, q), q < 0 ? '' : req.url.slice(q + 1))
  if (typeof r === 'string') return failure(f, r)
  if (header(req, 'x-version').trim() !== '1') return failure(f, '165')
  if (accepts === undefined) return failure(f, '166')
  const type = flavourOf(header(req, 'content-type'))
  if (type === undefined || (r.command === 'send' && type === 'xml')) return failure(f, '167')
  const who = account(gw, req)
  return typeof who === 'string' ? failure(f, who) : handlers[r.command](gw, who, r.arg, req, f)
}

/**
 * Tells whether a request line's path is the REST API's (`/rest/...`).
 *
 * @example
 * import { isRestPath } from './Rest.js'
 * console.log(isRestPath('/rest/message'), isRestPath('/http/sendmsg')) // true false
 * @category server
 * @since 0.1.0
 */
export const isRestPath = (url: string): boolean =>
  url === '/rest' || url.startsWith('/rest/') || url.startsWith('/rest?')

/** Request bodies read, at most; a longer one is answered 100 (Data malformed). A send is a few KiB. */
const MAX_BODY_BYTES = 1_048_576

/**
 * Handles one REST request on the simulator's server: reads the body (at most 1 MiB), answers, and arms the
 * timer for the status changes the answer planned.
 *
 * @example
 * import { restExchange } from './Rest.js'
 * // in Exchange.exchange: if (isRestPath(url)) return restExchange(ctx, req, res)
 * console.log(restExchange.length) // 3
 * @category server
 * @since 0.1.0
 */
export const restExchange = (ctx: Context, req: http.IncomingMessage, res: http.ServerResponse): void => {
  const chunks: Buffer[] = []
  let size = 0
  req.on('data', (chunk: Buffer) => {
    size += chunk.length
    if (size <= MAX_BODY_BYTES) chunks.push(chunk)
  })
  req.on('end', () => {
    const ip = req.socket.remoteAddress ?? ''
    const request: RestRequest = {
      method: req.method ?? '',
      url: req.url ?? '/',
      headers: req.headers,
      body: Buffer.concat(chunks).toString('utf8'),
      ip: ip.startsWith('::ffff:') ? ip.slice(7) : ip,
    }
    const answer =
      size > MAX_BODY_BYTES
        ? failure(flavourOf(header(request, 'accept')) ?? 'json', '100')
        : answerRest(ctx.gw, request)
    ctx.planned()
    res.writeHead(answer.status, {
      'Content-Type': answer.contentType,
      'Content-Length': Buffer.byteLength(answer.body),
    })
    res.end(answer.body)
  })
}
