/**
 * The simulator's own reading of the message parameters (specification v2.6 section 5), written apart from the
 * library's encoder so that each checks the other. Every check answers with the code the specification
 * gives it; where it gives none, with 101 (Invalid or missing parameters).
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import type { ErrorCodeNumber } from '../core/reply/Codes.js'
import * as Parts from '../core/text/Parts.js'
import * as Ucs2 from '../core/text/Ucs2.js'
import type { Gateway } from './Gateway.js'
import { error } from './Replies.js'
import type { AccountRecord, MessageEncoding } from './State.js'

/**
 * What a message's parameters ask for, checked.
 *
 * @category model
 * @since 0.1.0
 */
export interface MessageSpec {
  readonly from: string
  readonly callback: number
  readonly concat: number
  readonly cliMsgId: string
  readonly unicode: boolean
  /** Text is 8-bit data: `udh`, `data` or `binary=1`. */
  readonly binary: boolean
  readonly udh: string
  readonly maxCredits: number | undefined
  readonly bypassDnc: boolean
  /** When delivery starts (simulator clock, ms). */
  readonly releaseAt: number
}

/**
 * A message's content, decoded and counted.
 *
 * @category model
 * @since 0.1.0
 */
export interface Content {
  readonly text: string
  readonly encoding: MessageEncoding
  readonly units: number
  readonly parts: number
}

/** The parameters that authenticate (every command takes them). */
export const authParams: ReadonlyArray<string> = ['api_id', 'user', 'password', 'session_id']

/**
 * Every message parameter of specification v2.6 section 5.1 (both spellings of the client message id, which
 * the specification itself uses), without `to` and `text`.
 *
 * @category data
 * @since 0.1.0
 */
export const messageParams: ReadonlyArray<string> = [
  'from',
  'callback',
  'deliv_time',
  'concat',
  'max_credits',
  'req_feat',
  'queue',
  'escalate',
  'mo',
  'climsgid',
  'cliMsgId',
  'unicode',
  'msg_type',
  'udh',
  'data',
  'validity',
  'binary',
  'scheduled_time',
  'bypass_dnc_check',
  'deliv_ack',
]

/**
 * Specification v2.3.8 section 5.2.15 (docs/gateway.md, 'Message types'). `SMS_NOKIA_RTTTL` is a common
 * misspelling: refused.
 */
const MSG_TYPES: ReadonlyArray<string> = [
  'SMS_TEXT',
  'SMS_FLASH',
  'SMS_NOKIA_OLOGO',
  'SMS_NOKIA_GLOGO',
  'SMS_NOKIA_PICTURE',
  'SMS_NOKIA_RINGTONE',
  'SMS_NOKIA_RTTL',
  'SMS_NOKIA_CLEAN',
  'SMS_NOKIA_VCARD',
  'SMS_NOKIA_VCAL',
]

// Every req_feat bit ever documented (docs/gateway.md, 'Feature bits'): TEXT 8BIT UDH UCS2 ALPHA NUMER REPLY
// FLASH DELIVACK CONCAT.
const FEATURE_BITS = 0x1 | 0x2 | 0x4 | 0x8 | 0x10 | 0x20 | 0x40 | 0x200 | 0x2000 | 0x4000

const DIGITS = /^[0-9]+$/
const HEX = /^(?:[0-9A-Fa-f]{2})*$/
const MINUTE = 60_000
const WEEK = 7 * 24 * 60 * MINUTE

/**
 * Names a request may not carry: unknown to the command, or given twice. Empty when all is well.
 *
 * @example
 * import { strayParams } from './Params.js'
 * console.log(strayParams(['to'])(new Map([['to', '1'], ['txt', 'x']]), [])) // ['txt']
 * @category checks
 * @since 0.1.0
 */
export const strayParams = (allowed: ReadonlyArray<string>, pattern?: RegExp) => {
  const known = new Set([...allowed, ...authParams])
  return (params: ReadonlyMap<string, string>, duplicates: ReadonlyArray<string>): ReadonlyArray<string> => {
    const out = [...duplicates]
    for (const name of params.keys()) if (!known.has(name) && !(pattern?.test(name) ?? false)) out.push(name)
    return out
  }
}

const bit = (v: string): boolean => v === '0' || v === '1'
const whole =
  (min: number, max: number) =>
  (v: string): boolean =>
    DIGITS.test(v) && Number(v) >= min && Number(v) <= max
const CLI_MSG_ID = /^[A-Za-z0-9]{1,32}$/

/**
 * The client message id a request gives under either spelling the specification uses (`climsgid`, `cliMsgId`),
 * `undefined` when none; both spellings at once, or an id that is not 1-32 letters and digits: 101.
 *
 * @example
 * import { clientMessageId } from './Params.js'
 * console.log(clientMessageId(new Map([['cliMsgId', 'abc1']])), clientMessageId(new Map([['climsgid', 'a-b']])))
 * // { _tag: 'Right', right: 'abc1' } { _tag: 'Left', left: 'ERR: 101, Invalid or missing parameters' }
 * @category checks
 * @since 0.1.0
 */
export const clientMessageId = (p: ReadonlyMap<string, string>): E.Either<string, string | undefined> => {
  const id = p.get('climsgid') ?? p.get('cliMsgId')
  return (p.has('climsgid') && p.has('cliMsgId')) || (id !== undefined && !CLI_MSG_ID.test(id))
    ? E.left(error('101'))
    : E.right(id)
}

// Each optional parameter with what section 5 allows; anything else is 101.
const checks: ReadonlyArray<readonly [name: string, ok: (value: string) => boolean]> = [
  ['callback', whole(0, 7)],
  ['concat', whole(1, Parts.GATEWAY_MAX_PARTS)],
  ['unicode', bit],
  ['escalate', bit],
  ['mo', bit],
  ['binary', bit],
  ['bypass_dnc_check', bit],
  ['deliv_ack', bit],
  ['queue', whole(1, 3)],
  ['max_credits', (v) => /^[0-9]+(\.[0-9]+)?$/.test(v) && Number(v) > 0],
  ['req_feat', (v) => whole(0, 0xffff)(v) && (Number(v) & ~FEATURE_BITS) === 0],
  ['validity', whole(1, 1440)],
  ['msg_type', (v) => MSG_TYPES.includes(v)],
]

/** Sender id (section 5.2.3): up to 16 digits, or up to 11 letters, digits and spaces. */
// Punctuation passes, as on the live gateway: section 5.2.3 only warns that some networks may not carry it.
const validSender = (from: string): boolean =>
  DIGITS.test(from) ? from.length <= 16 : /^[\x20-\x7e]{1,11}$/.test(from) && /[A-Za-z]/.test(from)

const utcTime = (text: string): number | undefined => {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/.exec(text)
  if (m === null) return undefined
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number]
  const t = Date.UTC(y, mo - 1, d, h, mi, s)
  const back = new Date(t)
  return back.getUTCMonth() === mo - 1 && back.getUTCDate() === d && h < 24 && mi < 60 && s < 60
    ? t
    : undefined
}

/**
 * When delivery starts: `deliv_time` minutes from now (0 to 10,080), or `scheduled_time` as unix seconds or
 * `YYYY-MM-DDTHH:mm:ssZ`. A time in the past, or more than 7 days ahead, means now (section 5.2.16). Both at
 * once, or either unreadable: 120.
 *
 * @example
 * import { releaseTime } from './Params.js'
 * console.log(releaseTime(0)(new Map([['deliv_time', '10']]))) // { _tag: 'Right', right: 600000 }
 * @category checks
 * @since 0.1.0
 */
export const releaseTime =
  (now: number) =>
  (params: ReadonlyMap<string, string>): E.Either<ErrorCodeNumber, number> => {
    const delay = params.get('deliv_time')
    const at = params.get('scheduled_time')
    if (delay !== undefined && at !== undefined) return E.left('120')
    if (delay !== undefined)
      return DIGITS.test(delay) && Number(delay) <= 10_080
        ? E.right(now + Number(delay) * MINUTE)
        : E.left('120')
    if (at === undefined) return E.right(now)
    const t = DIGITS.test(at) ? Number(at) * 1000 : utcTime(at)
    if (t === undefined) return E.left('120')
    return E.right(t <= now || t > now + WEEK ? now : t)
  }

/**
 * Checks the message parameters shared by `sendmsg` and `startbatch`. The first problem found decides the
 * answer, in the order of specification section 5.1.
 *
 * @example
 * import { gateway, normalise } from 'clickatell-fp/simulator'
 * import { messageSpec } from './Params.js'
 * const config = normalise({ accounts: [{ apiId: '1', user: 'u', password: 'p' }] })
 * if (config._tag === 'Right') {
 *   const gw = gateway(config.right)
 *   console.log(messageSpec(gw, gw.store.accounts.get('1')!, new Map([['from', '+44']]))) // { _tag: 'Left', left: 'ERR: 106, Invalid source address' }
 * }
 * @category checks
 * @since 0.1.0
 */
export const messageSpec = (
  gw: Gateway,
  account: AccountRecord,
  p: ReadonlyMap<string, string>,
): E.Either<string, MessageSpec> => {
  const from = p.get('from')
  if (from !== undefined && !validSender(from)) return E.left(error('106'))
  if (from !== undefined && account.senderIds.length > 0 && !account.senderIds.includes(from))
    return E.left(error('123'))
  const cliMsgId = clientMessageId(p)
  if (E.isLeft(cliMsgId)) return cliMsgId
  const invalid = checks.some(([name, ok]) => {
    const value = p.get(name)
    return value !== undefined && !ok(value)
  })
  if (invalid) return E.left(error('101'))
  const udh = p.get('udh') ?? ''
  if (!HEX.test(udh) || udh.length > 280) return E.left(error('102'))
  const release = releaseTime(gw.now())(p)
  if (E.isLeft(release)) return E.left(error(release.left))
  const maxCredits = p.get('max_credits')
  return E.right({
    from: from ?? '',
    callback: Number(p.get('callback') ?? '0'),
    concat: Number(p.get('concat') ?? '1'),
    cliMsgId: cliMsgId.right ?? '',
    unicode: p.get('unicode') === '1',
    binary: p.has('udh') || p.has('data') || p.get('binary') === '1',
    udh,
    maxCredits: maxCredits === undefined ? undefined : Number(maxCredits),
    bypassDnc: p.get('bypass_dnc_check') === '1',
    releaseAt: release.right,
  })
}

const counted = (text: string, count: Parts.PartCount, concat: number): E.Either<string, Content> =>
  count.parts > concat
    ? E.left(error('113'))
    : E.right({ text, encoding: count.encoding, units: count.units, parts: count.parts })

/**
 * Counts decoded text: UCS-2 with `unicode=1`, else GSM-7 when every character is GSM-7 and UCS-2 otherwise.
 * Empty: 107. More parts than `concat`: 113.
 *
 * @example
 * import { measure } from './Params.js'
 * console.log(measure({ unicode: true, concat: 1 }, 'Ω')) // { _tag: 'Right', right: { text: 'Ω', encoding: 'ucs2', units: 1, parts: 1 } }
 * @category checks
 * @since 0.1.0
 */
export const measure = (
  spec: Pick<MessageSpec, 'unicode' | 'concat'>,
  text: string,
): E.Either<string, Content> => {
  if (text === '') return E.left(error('107'))
  const count = spec.unicode ? Parts.countWith({ encoding: 'ucs2' })(text) : Parts.count(text)
  return counted(text, count, spec.concat)
}

/**
 * Decodes and counts a message's content: plain text as the ISO-8859-1 characters it arrived as, UCS-2 hex
 * with `unicode=1` (116 when it is not well-formed), 8-bit data as hex bytes (140 bytes a part, 134 when
 * concatenated, the UDH included). Empty: 107. More parts than `concat`: 113.
 *
 * @example
 * import { content } from './Params.js'
 * const spec = { unicode: false, binary: false, udh: '', concat: 1 }
 * console.log(content(spec, 'x'.repeat(161))) // { _tag: 'Left', left: 'ERR: 113, Max message parts exceeded' }
 * @category checks
 * @since 0.1.0
 */
export const content = (
  spec: Pick<MessageSpec, 'unicode' | 'binary' | 'udh' | 'concat'>,
  text: string,
  data?: string,
): E.Either<string, Content> => {
  if (spec.binary) {
    const hex = data ?? text
    if (!HEX.test(hex)) return E.left(error('101'))
    const bytes = (spec.udh.length + hex.length) / 2
    if (bytes === 0) return E.left(error('107'))
    const parts = bytes <= 140 ? 1 : Math.ceil(bytes / 134)
    return parts > spec.concat
      ? E.left(error('113'))
      : E.right({ text: hex, encoding: '8bit', units: bytes, parts })
  }
  if (!spec.unicode || text === '') return measure(spec, text)
  const decoded = Ucs2.fromHex(text)
  return E.isLeft(decoded) ? E.left(error('116')) : measure(spec, decoded.right)
}
