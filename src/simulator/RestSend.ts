/**
 * `POST /rest/message` on the simulator: the JSON body read on its own (not with the library's decoder), its
 * camelCase keys turned into the HTTP API's parameters (the REST parameter table, docs/gateway.md), then
 * checked and sent by the same code as `sendmsg` (`Params.messageSpec`, `Params.content`, `Send.sendOne`), so a
 * message sent over REST shares the message store, the credits and the statuses with the HTTP API.
 *
 * What a check refuses for the whole request is a global error; what it refuses for one recipient is that
 * recipient's `data.message[]` entry, `accepted: false` with `apiMessageId: ""` (quirk 19). The answer is 202
 * when a recipient was accepted, else 400 (the live service answers 400 for a refused single recipient; 400 for
 * several refused is inferred).
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import type { ErrorCodeNumber } from '../core/reply/Codes.js'
import type { Gateway } from './Gateway.js'
import { content, messageSpec } from './Params.js'
import { errorNode, type Flavour, failure, type Node, type RestAnswer, write } from './RestReplies.js'
import { type Draft, sendOne } from './Send.js'
import type { AccountRecord } from './State.js'
import type { Mutable } from './Store.js'

// Each REST key: the HTTP API's parameter it stands for and the JSON type it must have.
const KEYS: Readonly<Record<string, readonly [param: string, kind: 'string' | 'number']>> = {
  text: ['text', 'string'],
  from: ['from', 'string'],
  clientMessageId: ['climsgid', 'string'],
  maxMessageParts: ['concat', 'number'],
  userPriorityQueue: ['queue', 'number'],
  callback: ['callback', 'number'],
  escalate: ['escalate', 'number'],
  maxCredits: ['max_credits', 'number'],
  type: ['msg_type', 'string'],
  mo: ['mo', 'number'],
  requiredFeatures: ['req_feat', 'number'],
  scheduledDeliveryTime: ['scheduled_time', 'string'],
  unicode: ['unicode', 'number'],
  udh: ['udh', 'string'],
  validityPeriod: ['validity', 'number'],
  bypassDNCCheck: ['bypass_dnc_check', 'number'],
  binary: ['binary', 'number'],
}

interface Request {
  readonly params: ReadonlyMap<string, string>
  readonly to: ReadonlyArray<string>
}

/**
 * A send's JSON body as the HTTP API's parameters and its recipients. Not JSON, or not an object: 100. A key of
 * the wrong JSON type, an unknown key (with `strictParams`), or `to` that is not a list of 1 to
 * `maxRecipients.post` strings: 101.
 *
 * @example
 * import { gateway, normalise } from 'clickatell-fp/simulator'
 * import { readSend } from './RestSend.js'
 * const config = normalise({})
 * if (config._tag === 'Right') {
 *   const r = readSend(gateway(config.right), '{"text":"Hi","to":["2799900001"],"maxMessageParts":2}')
 *   console.log(r._tag === 'Right' && [...r.right.params]) // [['text', 'Hi'], ['concat', '2']]
 * }
 * @category sending
 * @since 0.1.0
 */
export const readSend = (gw: Gateway, body: string): E.Either<ErrorCodeNumber, Request> => {
  let json: unknown
  try {
    json = JSON.parse(body)
  } catch {
    return E.left('100')
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return E.left('100')
  const params = new Map<string, string>()
  for (const [key, value] of Object.entries(json)) {
    if (key === 'to') continue
    const known = Object.hasOwn(KEYS, key) ? KEYS[key] : undefined
    if (known === undefined) {
      if (gw.config.strictParams) return E.left('101')
      continue
    }
    if (typeof value !== known[1]) return E.left('101')
    params.set(known[0], String(value))
  }
  const to: unknown = (json as Record<string, unknown>)['to']
  const listed = Array.isArray(to) && to.every((n) => typeof n === 'string')
  return listed && to.length > 0 && to.length <= gw.config.maxRecipients.post
    ? E.right({ params, to })
    : E.left('101')
}

// The simulator's checks answer with the HTTP API's lines (`ERR: <code>, <description>`, `ID: <id>`); the REST
// front reads its own lines back, so the checks are not written twice.
const ERR = /^ERR: ([0-9]{3}), (.*)$/
const ID = /^ID: ([0-9A-Za-z]+)$/

const refusal = (line: string): { readonly code: string; readonly description: string } => {
  const m = ERR.exec(line)
  return m === null ? { code: '901', description: 'Internal error' } : { code: m[1]!, description: m[2]! }
}

const refused = (flavour: Flavour, line: string): RestAnswer => {
  const { code, description } = refusal(line)
  return failure(flavour, code, description)
}

const entryOf = (line: string, to: string): { readonly [name: string]: Node } => {
  const id = ID.exec(line)
  if (id !== null) return { accepted: true, to, apiMessageId: id[1]! }
  const { code, description } = refusal(line)
  return { accepted: false, to, apiMessageId: '', error: errorNode(code, description) }
}

/**
 * `POST /rest/message` for an authenticated account: `{"data":{"message":[…]}}`, one entry per recipient in
 * request order, or a global error.
 *
 * @example
 * import { gateway, normalise } from 'clickatell-fp/simulator'
 * import { restSend } from './RestSend.js'
 * const config = normalise({ accounts: [{ apiId: '1', user: 'u', password: 'p', restToken: 't' }] })
 * if (config._tag === 'Right') {
 *   const gw = gateway(config.right)
 *   const r = restSend(gw, gw.store.accounts.get('1')!, '{"text":"Hi","to":["12"]}', 'json')
 *   console.log(r.status, JSON.parse(r.body).data.message[0].error.code) // 400 '105'
 * }
 * @category sending
 * @since 0.1.0
 */
export const restSend = (
  gw: Gateway,
  account: Mutable<AccountRecord>,
  body: string,
  flavour: Flavour,
): RestAnswer => {
  const request = readSend(gw, body)
  if (E.isLeft(request)) return failure(flavour, request.left)
  const { params, to } = request.right
  const spec = messageSpec(gw, account, params)
  if (E.isLeft(spec)) return refused(flavour, spec.left)
  const counted = content(spec.right, params.get('text') ?? '')
  if (E.isLeft(counted)) return refused(flavour, counted.left)
  const draft: Draft = {
    command: 'rest',
    batchId: undefined,
    spec: spec.right,
    content: counted.right,
    params,
  }
  const entries = to.map((n) => entryOf(sendOne(gw, account, draft, n, false), n))
  const accepted = entries.some((e) => e['accepted'] === true)
  return write(flavour, accepted ? 202 : 400, { data: { message: entries } })
}
