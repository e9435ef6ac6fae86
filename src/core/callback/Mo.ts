/**
 * Long incoming messages put back together. A handset splits a long SMS into parts, each carrying a
 * concatenation header in its UDH (3GPP TS 23.040 section 9.2.3.24.1 and .8): `05 00 03 <ref> <total> <part>`
 * with an 8-bit reference, or `06 08 04 <ref hi> <ref lo> <total> <part>` with a 16-bit one. The gateway
 * posts each part as its own MO callback, in any order and sometimes twice (it retries, docs/gateway.md,
 * 'Callback values').
 *
 * `add` is a pure reducer: state in, state and completed messages out. Parts are keyed by sender, recipient,
 * reference and part count; a part already held, or one of a message completed recently, is ignored.
 *
 * @since 0.1.0
 */
import type { MoReport } from './Report.js'

/**
 * The concatenation header of one part.
 *
 * @category model
 * @since 0.1.0
 */
export interface Concatenation {
  /** The reference shared by every part of one message. */
  readonly ref: number
  /** Whether the reference is 16-bit (IEI 08) rather than 8-bit (IEI 00). */
  readonly wide: boolean
  readonly total: number
  /** 1-based. */
  readonly part: number
}

/**
 * A whole incoming message.
 *
 * @category model
 * @since 0.1.0
 */
export interface MoMessage {
  readonly from: string
  readonly to: string
  /** The parts' texts joined in part order. */
  readonly text: string
  /** The latest timestamp of its parts: when the gateway had it all. */
  readonly timestamp: Date
  /** The reports it was made from, in part order (one for a message that was not split). */
  readonly parts: ReadonlyArray<MoReport>
}

/**
 * Parts of a message still waiting for the rest.
 *
 * @category model
 * @since 0.1.0
 */
export interface Pending {
  readonly from: string
  readonly to: string
  readonly concatenation: Omit<Concatenation, 'part'>
  /** By part number minus one; `undefined` where a part has not arrived. */
  readonly parts: ReadonlyArray<MoReport | undefined>
}

/**
 * The reducer's state: parts waiting, and the ids of recently completed parts (to ignore their retries).
 *
 * @category model
 * @since 0.1.0
 */
export interface MoState {
  readonly pending: ReadonlyMap<string, Pending>
  readonly recent: ReadonlyArray<string>
}

/**
 * How many ids of completed parts the state remembers, to ignore a retried callback.
 *
 * @example
 * import { Mo } from 'clickatell-fp'
 * console.log(Mo.RECENT) // 1024
 * @category data
 * @since 0.1.0
 */
export const RECENT = 1024

/**
 * No part waiting.
 *
 * @example
 * import { Mo } from 'clickatell-fp'
 * console.log(Mo.empty.pending.size) // 0
 * @category constructors
 * @since 0.1.0
 */
export const empty: MoState = { pending: new Map(), recent: [] }

const hexByte = (hex: string, i: number): number => {
  const n = Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16)
  return Number.isNaN(n) ? -1 : n
}

/**
 * The concatenation header in a UDH given as hex, or `undefined` when there is none or it is inconsistent
 * (a part number of 0 or above the count, a length running past the header).
 *
 * @example
 * import { Mo } from 'clickatell-fp'
 * console.log(Mo.concatenation('050003CC0201')) // { ref: 204, wide: false, total: 2, part: 1 }
 * console.log(Mo.concatenation('06080401020303')) // { ref: 258, wide: true, total: 3, part: 3 }
 * @category parsing
 * @since 0.1.0
 */
export const concatenation = (udh: string | undefined): Concatenation | undefined => {
  if (udh === undefined || udh.length < 2 || udh.length % 2 !== 0 || !/^[0-9A-Fa-f]+$/.test(udh))
    return undefined
  const length = hexByte(udh, 0)
  const end = 1 + length
  if (end * 2 > udh.length) return undefined
  let i = 1
  while (i + 1 < end) {
    const iei = hexByte(udh, i)
    const len = hexByte(udh, i + 1)
    const data = i + 2
    if (data + len > end) return undefined
    if ((iei === 0x00 && len === 3) || (iei === 0x08 && len === 4)) {
      const wide = iei === 0x08
      const ref = wide ? hexByte(udh, data) * 256 + hexByte(udh, data + 1) : hexByte(udh, data)
      const total = hexByte(udh, data + len - 2)
      const part = hexByte(udh, data + len - 1)
      return part >= 1 && part <= total ? { ref, wide, total, part } : undefined
    }
    i = data + len
  }
  return undefined
}

const whole = (parts: ReadonlyArray<MoReport>): MoMessage => ({
  from: parts[0]!.from,
  to: parts[0]!.to,
  text: parts.map((p) => p.text).join(''),
  timestamp: new Date(Math.max(...parts.map((p) => p.timestamp.getTime()))),
  parts,
})

const remember = (recent: ReadonlyArray<string>, ids: ReadonlyArray<string>): ReadonlyArray<string> => {
  const next = [...recent, ...ids]
  return next.length > RECENT ? next.slice(next.length - RECENT) : next
}

/**
 * Takes in one incoming report. A report without a concatenation header (or with a count of 1) completes at
 * once; a part completes its message when the last missing part arrives, in any order. A part already held,
 * or with the id of a part completed recently, changes nothing.
 *
 * @example
 * import { Mo } from 'clickatell-fp'
 * const part = (n: number, text: string) => ({
 *   _tag: 'MoReport' as const, moMsgId: `m${n}`, from: '380', to: '491', text,
 *   timestamp: new Date(0), udh: `0500030A020${n}`, form: 'http-get' as const,
 * })
 * const first = Mo.add(Mo.empty, part(2, 'world'))
 * const second = Mo.add(first.state, part(1, 'hello '))
 * console.log(first.completed.length, second.completed[0]?.text) // 0 'hello world'
 * @category reducer
 * @since 0.1.0
 */
export const add = (
  state: MoState,
  report: MoReport,
): { readonly state: MoState; readonly completed: ReadonlyArray<MoMessage> } => {
  if (state.recent.includes(report.moMsgId)) return { state, completed: [] }
  const c = concatenation(report.udh)
  if (c === undefined || c.total === 1)
    return {
      state: { ...state, recent: remember(state.recent, [report.moMsgId]) },
      completed: [whole([report])],
    }
  const key = `${report.from}\u0000${report.to}\u0000${c.wide ? 16 : 8}:${c.ref}:${c.total}`
  const held = state.pending.get(key)
  const parts = held?.parts ?? Array.from({ length: c.total }, () => undefined)
  if (parts[c.part - 1] !== undefined) return { state, completed: [] }
  const next = parts.map((p, i) => (i === c.part - 1 ? report : p))
  const pending = new Map(state.pending)
  if (next.every((p) => p !== undefined)) {
    pending.delete(key)
    return {
      state: {
        pending,
        recent: remember(
          state.recent,
          next.map((p) => p.moMsgId),
        ),
      },
      completed: [whole(next)],
    }
  }
  const { ref, wide, total } = c
  pending.set(key, { from: report.from, to: report.to, concatenation: { ref, wide, total }, parts: next })
  return { state: { ...state, pending }, completed: [] }
}

/**
 * Folds reports in arrival order with `add`, from a given state (`Mo.empty` by default).
 *
 * @example
 * import { Mo } from 'clickatell-fp'
 * const r = Mo.reassemble([])
 * console.log(r.completed.length, r.state.pending.size) // 0 0
 * @category reducer
 * @since 0.1.0
 */
export const reassemble = (
  reports: ReadonlyArray<MoReport>,
  state: MoState = empty,
): { readonly state: MoState; readonly completed: ReadonlyArray<MoMessage> } => {
  const completed: Array<MoMessage> = []
  let s = state
  for (const r of reports) {
    const step = add(s, r)
    s = step.state
    completed.push(...step.completed)
  }
  return { state: s, completed }
}

/**
 * Drops messages still incomplete whose newest part is older than `before` (a part may never come), and
 * returns them. The caller picks the time: the reducer reads no clock.
 *
 * @example
 * import { Mo } from 'clickatell-fp'
 * console.log(Mo.expire(Mo.empty, new Date()).expired.length) // 0
 * @category reducer
 * @since 0.1.0
 */
export const expire = (
  state: MoState,
  before: Date,
): { readonly state: MoState; readonly expired: ReadonlyArray<Pending> } => {
  const pending = new Map<string, Pending>()
  const expired: Array<Pending> = []
  for (const [key, p] of state.pending) {
    const newest = Math.max(...p.parts.map((r) => r?.timestamp.getTime() ?? Number.NEGATIVE_INFINITY))
    if (newest < before.getTime()) expired.push(p)
    else pending.set(key, p)
  }
  return { state: { ...state, pending }, expired }
}
