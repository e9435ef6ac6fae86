/**
 * Batch messaging (specification v2.6 section 7): `startbatch` keeps a template and the message parameters,
 * `senditem` sends it to one or more recipients with `#fieldN#` replaced by `fieldN`, `quicksend` sends it
 * unchanged (one `ID: <id> To: <msisdn>` line per recipient, always with ` To:`), `endbatch` ends it.
 *
 * Choices where the specification is silent (docs/simulator.md):
 * - A place-holder without its field becomes the empty string (quicksend has no fields at all).
 * - With `unicode=1` the template is UCS-2 hex and nothing is substituted (section 5.2.14).
 * - With `udh`, `data` or `binary=1` the batch is 8-bit: its content is `data` when given, else the template,
 *   as hex bytes counted at `startbatch` (140 a part, 134 concatenated, the UDH included); nothing is
 *   substituted. The template is still required (202).
 * - `deliv_time` counts from each item's arrival; items may carry their own `climsgid`.
 * - A batch that ended, expired (24 hours) or belongs to another account is an invalid batch id: 201.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import * as Ucs2 from '../core/text/Ucs2.js'
import { type Gateway, type GatewayRequest, newId } from './Gateway.js'
import { clientMessageId, content, measure, messageParams, messageSpec, releaseTime } from './Params.js'
import { authenticated } from './Queries.js'
import * as Replies from './Replies.js'
import { type Draft, recipients, sendAll } from './Send.js'
import type { AccountRecord } from './State.js'
import type { BatchRow, Mutable } from './Store.js'

const FIELD = /#field([0-9]+)#/g

/**
 * A template with `#fieldN#` replaced by the value of `fieldN` (the empty string when absent).
 *
 * @example
 * import { substitute } from './Batch.js'
 * console.log(substitute('Hi #field1#, at #field2#', new Map([['field1', 'Fred']]))) // 'Hi Fred, at '
 * @category batches
 * @since 0.1.0
 */
export const substitute = (template: string, fields: ReadonlyMap<string, string>): string =>
  template.replace(FIELD, (_, n: string) => fields.get(`field${n}`) ?? '')

/**
 * `startbatch`: `ID: <batch id>`; 202 without a template.
 *
 *
 * @example
 * import { gateway, type GatewayRequest, normalise } from 'clickatell-fp/simulator'
 * import { startbatch } from './Batch.js'
 * const config = normalise({ accounts: [{ apiId: '1', user: 'u', password: 'p' }], vouchers: { '1234567890123456': 50 } })
 * if (config._tag === 'Right') {
 *   const gw = gateway(config.right)
 *   const ask = (command: GatewayRequest['command'], extra: Record<string, string> = {}): GatewayRequest =>
 *     ({ command, method: 'GET', params: new Map(Object.entries({ api_id: '1', user: 'u', password: 'p', ...extra })), duplicates: [], ip: '127.0.0.1', formEncoded: true })
 *   console.log(startbatch(gw, ask('startbatch', { from: 'Shop' }))) // 'ERR: 202, No batch template'
 * }
 * @category commands
 * @since 0.1.0
 */
export const startbatch = authenticated([...messageParams, 'template'], (gw, req, account) => {
  const spec = messageSpec(gw, account, req.params)
  if (E.isLeft(spec)) return spec.left
  const raw = req.params.get('template') ?? ''
  if (raw === '') return Replies.error('202')
  // 8-bit: the content is data when given, else the template, as hex bytes (counted at once: nothing is
  // substituted into it). Text: UCS-2 hex decoded with unicode=1, counted per item once its fields are in.
  const eight = spec.right.binary ? content(spec.right, raw, req.params.get('data')) : undefined
  if (eight !== undefined && E.isLeft(eight)) return eight.left
  const template =
    eight !== undefined ? E.right(eight.right.text) : spec.right.unicode ? Ucs2.fromHex(raw) : E.right(raw)
  if (E.isLeft(template)) return Replies.error('116')
  const now = gw.now()
  const batch: BatchRow = {
    batchId: newId(gw),
    apiId: account.apiId,
    template: template.right,
    unicode: spec.right.unicode,
    createdAt: now,
    expiresAt: now + gw.config.batchTtlMs,
    endedAt: undefined,
    apiMsgIds: [],
    params: req.params,
    spec: spec.right,
  }
  gw.store.batches.set(batch.batchId, batch)
  return Replies.id(batch.batchId)
})

const liveBatch = (gw: Gateway, account: AccountRecord, req: GatewayRequest): BatchRow | undefined => {
  const batch = gw.store.batches.get(req.params.get('batch_id') ?? '')
  return batch === undefined ||
    batch.apiId !== account.apiId ||
    batch.endedAt !== undefined ||
    gw.now() >= batch.expiresAt
    ? undefined
    : batch
}

const sendBatch =
  (command: 'senditem' | 'quicksend') =>
  (gw: Gateway, req: GatewayRequest, account: Mutable<AccountRecord>): string => {
    const batch = liveBatch(gw, account, req)
    if (batch === undefined) return Replies.error('201')
    const list = recipients(gw, req)
    if (E.isLeft(list)) return list.left
    const own = clientMessageId(req.params)
    if (E.isLeft(own)) return own.left
    const release = releaseTime(gw.now())(batch.params)
    if (E.isLeft(release)) return Replies.error(release.left)
    const spec = { ...batch.spec, releaseAt: release.right, cliMsgId: own.right ?? batch.spec.cliMsgId }
    const fields = command === 'senditem' ? req.params : new Map<string, string>()
    const body = spec.binary
      ? content(spec, batch.template)
      : measure(spec, batch.unicode ? batch.template : substitute(batch.template, fields))
    if (E.isLeft(body)) return body.left
    const draft: Draft = { command, batchId: batch.batchId, spec, content: body.right, params: req.params }
    const before = gw.store.messages.length
    const answer = sendAll(gw, account, draft, list.right, command === 'quicksend')
    for (const m of gw.store.messages.slice(before)) batch.apiMsgIds.push(m.apiMsgId)
    return Replies.lines(answer)
  }

/**
 * `senditem`: the template with this item's fields, `ID: <apimsgid>` (one line per recipient).
 *
 *
 * @example
 * import { gateway, type GatewayRequest, handle, normalise } from 'clickatell-fp/simulator'
 * import { senditem } from './Batch.js'
 * const config = normalise({ accounts: [{ apiId: '1', user: 'u', password: 'p' }], vouchers: { '1234567890123456': 50 } })
 * if (config._tag === 'Right') {
 *   const gw = gateway(config.right)
 *   const ask = (command: GatewayRequest['command'], extra: Record<string, string> = {}): GatewayRequest =>
 *     ({ command, method: 'GET', params: new Map(Object.entries({ api_id: '1', user: 'u', password: 'p', ...extra })), duplicates: [], ip: '127.0.0.1', formEncoded: true })
 *   const batch = handle(gw, ask('startbatch', { template: 'Hi #field1#' })).slice(4)
 *   senditem(gw, ask('senditem', { batch_id: batch, to: '447700900001', field1: 'Fred' }))
 *   console.log(gw.store.messages[0]!.text) // 'Hi Fred'
 * }
 * @category commands
 * @since 0.1.0
 */
export const senditem = authenticated(
  ['batch_id', 'to', 'climsgid', 'cliMsgId'],
  sendBatch('senditem'),
  /^field[0-9]+$/,
)

/**
 * `quicksend`: the template to every recipient, `ID: <apimsgid> To: <msisdn>` per line.
 *
 *
 * @example
 * import { gateway, type GatewayRequest, handle, normalise } from 'clickatell-fp/simulator'
 * import { quicksend } from './Batch.js'
 * const config = normalise({ accounts: [{ apiId: '1', user: 'u', password: 'p' }], vouchers: { '1234567890123456': 50 } })
 * if (config._tag === 'Right') {
 *   const gw = gateway(config.right)
 *   const ask = (command: GatewayRequest['command'], extra: Record<string, string> = {}): GatewayRequest =>
 *     ({ command, method: 'GET', params: new Map(Object.entries({ api_id: '1', user: 'u', password: 'p', ...extra })), duplicates: [], ip: '127.0.0.1', formEncoded: true })
 *   const batch = handle(gw, ask('startbatch', { template: 'Hi #field1#' })).slice(4)
 *   console.log(quicksend(gw, ask('quicksend', { batch_id: batch, to: '447700900001,447700900002' })).split('\n').length) // 2
 * }
 * @category commands
 * @since 0.1.0
 */
export const quicksend = authenticated(['batch_id', 'to', 'climsgid', 'cliMsgId'], sendBatch('quicksend'))

/**
 * `endbatch`: `OK`; the batch id is invalid afterwards.
 *
 *
 * @example
 * import { gateway, type GatewayRequest, handle, normalise } from 'clickatell-fp/simulator'
 * import { endbatch } from './Batch.js'
 * const config = normalise({ accounts: [{ apiId: '1', user: 'u', password: 'p' }], vouchers: { '1234567890123456': 50 } })
 * if (config._tag === 'Right') {
 *   const gw = gateway(config.right)
 *   const ask = (command: GatewayRequest['command'], extra: Record<string, string> = {}): GatewayRequest =>
 *     ({ command, method: 'GET', params: new Map(Object.entries({ api_id: '1', user: 'u', password: 'p', ...extra })), duplicates: [], ip: '127.0.0.1', formEncoded: true })
 *   const batch = handle(gw, ask('startbatch', { template: 'Hi #field1#' })).slice(4)
 *   console.log(endbatch(gw, ask('endbatch', { batch_id: batch })), endbatch(gw, ask('endbatch', { batch_id: batch }))) // 'OK' 'ERR: 201, Invalid batch ID'
 * }
 * @category commands
 * @since 0.1.0
 */
export const endbatch = authenticated(['batch_id'], (gw, req, account) => {
  const batch = liveBatch(gw, account, req)
  if (batch === undefined) return Replies.error('201')
  batch.endedAt = gw.now()
  return Replies.done
})
