/**
 * What the simulator keeps, as a JSON document and back: the credits of its accounts, sessions, messages with
 * their histories, batches, the vouchers spent, and where its id stream has got to. The CLI's embedded
 * simulator writes one after each run and starts the next run from it, so a message sent by one command can be
 * asked about by the next, and ids differ from run to run.
 *
 * A snapshot holds the latest messages and batches only (5,000 and 100 by default), so the file stays small
 * however much is sent. Accounts come from the configuration: a snapshot gives back the credits and MT-limit
 * window of the accounts the configuration has, and nothing of others. A message restored before its final
 * status goes on from where it was, on the clock (`Lifecycle.resume`).
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import { type InvalidInput, invalidInput } from '../core/errors.js'
import { isStatusCodeNumber, type StatusCodeNumber } from '../core/reply/Codes.js'
import { type Gateway, routeOf } from './Gateway.js'
import { resume } from './Lifecycle.js'
import type { MessageSpec } from './Params.js'
import { random } from './Random.js'
import type { MessageRecord } from './State.js'
import type { BatchRow, MessageRow } from './Store.js'

const Status = new t.Type<StatusCodeNumber, string, unknown>(
  'StatusCode',
  isStatusCodeNumber,
  (u, c) => (isStatusCodeNumber(u) ? t.success(u) : t.failure(u, c, 'a status code such as "004"')),
  (s) => s,
)
const Pairs = t.readonlyArray(t.tuple([t.string, t.string]))
const OrNull = <C extends t.Mixed>(codec: C) => t.union([codec, t.null])

const AccountState = t.type({
  apiId: t.string,
  credits: t.number,
  mtWindow: t.type({ start: t.number, count: t.number }),
})

const SessionState = t.type({
  id: t.string,
  apiId: t.string,
  createdAt: t.number,
  lastUsedAt: t.number,
  forcedExpired: t.boolean,
})

const MessageState = t.type({
  apiMsgId: t.string,
  cliMsgId: t.string,
  apiId: t.string,
  command: t.keyof({ sendmsg: null, senditem: null, quicksend: null, rest: null }),
  batchId: OrNull(t.string),
  to: t.string,
  from: t.string,
  text: t.string,
  encoding: t.keyof({ gsm7: null, ucs2: null, '8bit': null }),
  units: t.number,
  parts: t.number,
  charge: t.number,
  callback: t.number,
  status: Status,
  history: t.readonlyArray(t.type({ status: Status, at: t.number })),
  acceptedAt: t.number,
  releaseAt: t.number,
  params: Pairs,
})

const SpecState = t.type({
  from: t.string,
  callback: t.number,
  concat: t.number,
  cliMsgId: t.string,
  unicode: t.boolean,
  binary: t.boolean,
  udh: t.string,
  maxCredits: OrNull(t.number),
  bypassDnc: t.boolean,
  releaseAt: t.number,
})

const BatchState = t.type({
  batchId: t.string,
  apiId: t.string,
  template: t.string,
  unicode: t.boolean,
  createdAt: t.number,
  expiresAt: t.number,
  endedAt: OrNull(t.number),
  apiMsgIds: t.readonlyArray(t.string),
  params: Pairs,
  spec: SpecState,
})

/**
 * The snapshot's codec: version 1 of the document.
 *
 * @category codecs
 * @since 0.1.0
 */
export const SimulatorSnapshot = t.type({
  version: t.literal(1),
  idSeed: t.number,
  accounts: t.readonlyArray(AccountState),
  sessions: t.readonlyArray(SessionState),
  messages: t.readonlyArray(MessageState),
  batches: t.readonlyArray(BatchState),
  spentVouchers: Pairs,
})

/**
 * What the simulator keeps, as plain JSON data (`JSON.stringify` it as it is).
 *
 * @category model
 * @since 0.1.0
 */
export type SimulatorSnapshot = t.TypeOf<typeof SimulatorSnapshot>

/**
 * How much a snapshot holds: the latest `messages` and `batches`.
 *
 * @category model
 * @since 0.1.0
 */
export interface SnapshotLimits {
  readonly messages?: number
  readonly batches?: number
}

const messageState = (m: MessageRecord): t.TypeOf<typeof MessageState> => ({
  ...m,
  batchId: m.batchId ?? null,
  history: m.history.map((h) => ({ status: h.status, at: h.at })),
  params: [...m.params],
})

const batchState = (b: BatchRow): t.TypeOf<typeof BatchState> => ({
  batchId: b.batchId,
  apiId: b.apiId,
  template: b.template,
  unicode: b.unicode,
  createdAt: b.createdAt,
  expiresAt: b.expiresAt,
  endedAt: b.endedAt ?? null,
  apiMsgIds: b.apiMsgIds,
  params: [...b.params],
  spec: { ...b.spec, maxCredits: b.spec.maxCredits ?? null },
})

/**
 * The gateway's memory as a snapshot. It takes one draw of the id stream as the seed of the next run's, so
 * the next run hands out new ids.
 *
 * @example
 * import { gateway, normalise } from 'clickatell-fp/simulator'
 * import { snapshotWith } from './Snapshot.js'
 * const config = normalise({})
 * if (config._tag === 'Right') console.log(snapshotWith({})(gateway(config.right)).accounts[0]!.credits) // 100
 * @category snapshots
 * @since 0.1.0
 */
export const snapshotWith =
  (limits: SnapshotLimits) =>
  (gw: Gateway): SimulatorSnapshot => {
    const { store } = gw
    return {
      version: 1,
      idSeed: gw.ids.uint32(),
      accounts: [...store.accounts.values()].map((a) => ({
        apiId: a.apiId,
        credits: a.credits,
        mtWindow: { ...a.mtWindow },
      })),
      sessions: [...store.sessions.values()].map((s) => ({ ...s })),
      messages: store.messages.slice(-(limits.messages ?? 5_000)).map(messageState),
      batches: [...store.batches.values()].slice(-(limits.batches ?? 100)).map(batchState),
      spentVouchers: [...store.spentVouchers],
    }
  }

/**
 * A snapshot with the default limits (5,000 messages, 100 batches).
 *
 * @category snapshots
 * @since 0.1.0
 */
export const snapshot: (gw: Gateway) => SimulatorSnapshot = snapshotWith({})

const messageRow = (m: t.TypeOf<typeof MessageState>): MessageRow => ({
  ...m,
  batchId: m.batchId ?? undefined,
  history: m.history.map((h) => ({ ...h })),
  params: new Map(m.params),
})

const batchRow = (
  b: t.TypeOf<typeof BatchState>,
  kept: { readonly has: (apiMsgId: string) => boolean },
): BatchRow => ({
  ...b,
  endedAt: b.endedAt ?? undefined,
  apiMsgIds: b.apiMsgIds.filter((id) => kept.has(id)),
  params: new Map(b.params),
  spec: { ...b.spec, maxCredits: b.spec.maxCredits ?? undefined } satisfies MessageSpec,
})

/** Puts a message back in the store and its indexes, and plans what is still to happen to it. */
const putMessage = (gw: Gateway, m: MessageRow): void => {
  const { store } = gw
  store.messages.push(m)
  store.byApiMsgId.set(m.apiMsgId, m)
  if (m.cliMsgId !== '') store.byCliMsgId.set(m.cliMsgId, [...(store.byCliMsgId.get(m.cliMsgId) ?? []), m])
  const route = routeOf(gw, m.to)
  const maxCredits = m.params.get('max_credits')
  const routingFails = maxCredits !== undefined && route !== undefined && route.charge > Number(maxCredits)
  resume(gw, m, route?.finalStatus ?? '004', routingFails)
}

const fill = (gw: Gateway, s: SimulatorSnapshot): void => {
  const { store } = gw
  for (const a of s.accounts) {
    const account = store.accounts.get(a.apiId)
    if (account !== undefined) {
      account.credits = a.credits
      account.mtWindow = a.mtWindow
    }
  }
  for (const session of s.sessions) store.sessions.set(session.id, { ...session })
  for (const m of s.messages) putMessage(gw, messageRow(m))
  for (const b of s.batches) store.batches.set(b.batchId, batchRow(b, store.byApiMsgId))
  for (const [token, apiId] of s.spentVouchers) store.spentVouchers.set(token, apiId)
}

/**
 * A fresh gateway (as `gateway(config)` makes it) with a snapshot's memory, its ids going on from the
 * snapshot's seed; `InvalidInput` listing what is wrong when `input` is not a snapshot.
 *
 * @example
 * import { gateway, normalise } from 'clickatell-fp/simulator'
 * import { restore, snapshot } from './Snapshot.js'
 * const config = normalise({})
 * if (config._tag === 'Right') {
 *   const before = gateway(config.right)
 *   before.store.accounts.get(config.right.demo!.apiId)!.credits = 42
 *   const after = restore(gateway(config.right), JSON.parse(JSON.stringify(snapshot(before))))
 *   console.log(after._tag === 'Right' && after.right.store.accounts.get(config.right.demo!.apiId)!.credits) // 42
 *   console.log(restore(gateway(config.right), { version: 2 })._tag) // 'Left'
 * }
 * @category snapshots
 * @since 0.1.0
 */
export const restore = (fresh: Gateway, input: unknown): E.Either<InvalidInput, Gateway> => {
  const decoded = SimulatorSnapshot.decode(input)
  if (E.isLeft(decoded))
    return E.left(
      invalidInput(
        decoded.left.slice(0, 5).map((e) => ({
          path: ['state', ...e.context.slice(1).map((c) => c.key)].join('.'),
          message: `is not part of a simulator snapshot (version 1): ${e.message ?? `expected ${e.context.at(-1)?.type.name}`}`,
        })),
      ),
    )
  const gw: Gateway = { ...fresh, ids: random(decoded.right.idSeed) }
  fill(gw, decoded.right)
  return E.right(gw)
}
