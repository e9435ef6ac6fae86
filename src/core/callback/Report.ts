/**
 * What the gateway posts to a callback URL: delivery reports for messages sent (MT, specification v2.6
 * section 5.2.5) and incoming messages (MO, two-way; docs/gateway.md, 'Callback values' and quirk 22), with
 * io-ts codecs for their fields: statuses typed, unix seconds and the MO `YYYY-MM-DD HH:MM:SS` (GMT+2) as
 * `Date`, charges as numbers. Each codec decodes the field's text and encodes a value back to the text the
 * gateway writes.
 *
 * @since 0.1.0
 */
import * as t from 'io-ts'
import { type StatusCode, statusValue, type UnknownStatusCode } from '../reply/Codes.js'
import { amount, clientIdValue, idValue, isWord, wordValue } from '../reply/Grammar.js'

/**
 * The six ways the gateway delivers a callback (spec v2.6 section 5.2.5).
 *
 * @category model
 * @since 0.1.0
 */
export type CallbackForm = 'http-get' | 'http-post' | 'xml-get' | 'xml-post' | 'soap-get' | 'soap-post'

// Keys the compiler checks against `CallbackForm`: a form added to the type and not here fails to build.
const FORMS: { readonly [K in CallbackForm]-?: true } = {
  'http-get': true,
  'http-post': true,
  'xml-get': true,
  'xml-post': true,
  'soap-get': true,
  'soap-post': true,
}

/**
 * The six callback forms, in the order of spec v2.6 section 5.2.5 (HTTP, XML, SOAP; GET before POST).
 *
 * @example
 * import * as Report from './Report.js'
 * console.log(Report.callbackForms.join(' ')) // 'http-get http-post xml-get xml-post soap-get soap-post'
 * @category data
 * @since 0.1.0
 */
export const callbackForms: ReadonlyArray<CallbackForm> = Object.keys(FORMS) as ReadonlyArray<CallbackForm>

/**
 * The status of a message sent (MT), as the gateway reports it.
 *
 * @category model
 * @since 0.1.0
 */
export interface DeliveryReport {
  readonly _tag: 'DeliveryReport'
  /** `api_id`: absent from the XML form (quirk 16). */
  readonly apiId?: string
  readonly apiMsgId: string
  /** Absent when the gateway sent it empty (it does when none was set, quirk 16). */
  readonly cliMsgId?: string
  readonly to: string
  /** Absent when the gateway sent it empty (quirk 16). */
  readonly from?: string
  readonly timestamp: Date
  readonly status: StatusCode | UnknownStatusCode
  readonly charge: number
  readonly form: CallbackForm
}

/**
 * An incoming message (MO, two-way messaging): one SMS, or one part of a long one (see `Mo`).
 *
 * @category model
 * @since 0.1.0
 */
export interface MoReport {
  readonly _tag: 'MoReport'
  readonly apiId?: string
  readonly moMsgId: string
  /** The sender's number. */
  readonly from: string
  /** The number the message was sent to (yours). */
  readonly to: string
  /** Sent as `YYYY-MM-DD HH:MM:SS` in GMT+2 (quirk 22). */
  readonly timestamp: Date
  /** Decoded: UTF-16BE (hex or raw bytes) when `charset` says so, ISO-8859-1 otherwise. */
  readonly text: string
  readonly charset?: string
  /** The user data header as hex, when the gateway sent one. */
  readonly udh?: string
  readonly network?: string
  readonly form: CallbackForm
}

/**
 * Anything the gateway posts to a callback URL.
 *
 * @category model
 * @since 0.1.0
 */
export type Report = DeliveryReport | MoReport

const missing = (u: unknown, c: t.Context) => t.failure<never>(u, c, 'missing')

const field = <A>(
  name: string,
  is: (u: unknown) => u is A,
  decode: (s: string) => A | undefined,
  encode: (a: A) => string,
  expected: string,
) =>
  new t.Type<A, string, unknown>(
    name,
    is,
    (u, c) => {
      if (u === undefined) return missing(u, c)
      const a = typeof u === 'string' ? decode(u) : undefined
      return a === undefined ? t.failure(u, c, `expected ${expected}`) : t.success(a)
    },
    encode,
  )

const isDate = (u: unknown): u is Date => u instanceof Date && !Number.isNaN(u.getTime())

const fromUnix = (s: string): Date | undefined =>
  /^[0-9]{1,12}$/.test(s) ? new Date(Number(s) * 1000) : undefined

/**
 * Unix seconds (`1218007814`) as a `Date`; MT callbacks' `timestamp`.
 *
 * @example
 * import * as Report from './Report.js'
 * import * as E from 'fp-ts/Either'
 * const d = Report.UnixTime.decode('1218007814')
 * console.log(E.isRight(d) && d.right.toISOString()) // '2008-08-06T07:30:14.000Z'
 * @category codecs
 * @since 0.1.0
 */
export const UnixTime = field<Date>(
  'UnixTime',
  isDate,
  fromUnix,
  (d) => String(Math.floor(d.getTime() / 1000)),
  'unix seconds',
)

const GMT2 = 2 * 3600 * 1000
const MO_TIME = /^([0-9]{4})-([0-9]{2})-([0-9]{2})[ T]([0-9]{2}):([0-9]{2}):([0-9]{2})$/
const pad = (n: number, width: number): string => String(n).padStart(width, '0')

const fromGmt2 = (s: string): Date | undefined => {
  const m = MO_TIME.exec(s)
  if (m === null) return fromUnix(s)
  const [y, mo, d, h, mi, se] = m.slice(1).map(Number) as [number, number, number, number, number, number]
  const date = new Date(0)
  date.setUTCFullYear(y, mo - 1, d)
  date.setUTCHours(h, mi, se, 0)
  // A day or time out of range (`02-30`, `24:00:00`) rolls over: refuse it rather than move the date.
  const same =
    date.getUTCFullYear() === y &&
    date.getUTCMonth() === mo - 1 &&
    date.getUTCDate() === d &&
    date.getUTCHours() === h &&
    date.getUTCMinutes() === mi
  return same && se < 60 ? new Date(date.getTime() - GMT2) : undefined
}

const toGmt2 = (date: Date): string => {
  const d = new Date(date.getTime() + GMT2)
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)} ${pad(d.getUTCHours(), 2)}:${pad(d.getUTCMinutes(), 2)}:${pad(d.getUTCSeconds(), 2)}`
}

/**
 * MO callbacks' `timestamp`: `YYYY-MM-DD HH:MM:SS` in GMT+2 (quirk 22) as a `Date`. Unix seconds are accepted
 * too; encoding writes the GMT+2 form.
 *
 * @example
 * import * as Report from './Report.js'
 * import * as E from 'fp-ts/Either'
 * const d = Report.Gmt2Time.decode('2014-01-29 02:08:30')
 * console.log(E.isRight(d) && d.right.toISOString()) // '2014-01-29T00:08:30.000Z'
 * @category codecs
 * @since 0.1.0
 */
export const Gmt2Time = field<Date>('Gmt2Time', isDate, fromGmt2, toGmt2, 'YYYY-MM-DD HH:MM:SS (GMT+2)')

/**
 * A charge as the callbacks write it (`0.300000`, six decimals) or as other answers do (`0`, `0.33`). Refuses
 * `0.300 000` (quirk 14) and anything but plain decimal digits.
 *
 * @example
 * import * as Report from './Report.js'
 * console.log(Report.Charge.decode('0.300000')) // { _tag: 'Right', right: 0.3 }
 * console.log(Report.Charge.encode(0.3)) // '0.300000'
 * @category codecs
 * @since 0.1.0
 */
export const Charge = field<number>(
  'Charge',
  (u): u is number => typeof u === 'number' && Number.isFinite(u) && u >= 0,
  (s) => amount(s),
  (n) => {
    // Six decimals as the gateway writes them, unless that would change the value.
    const fixed = n.toFixed(6)
    return Number(fixed) === n ? fixed : String(n)
  },
  'a decimal amount',
)

/**
 * A message status (`003`, zero-padded decimal, quirk 9) as its registry entry; unlisted codes are kept as
 * `UnknownStatusCode`.
 *
 * @example
 * import * as Report from './Report.js'
 * import * as E from 'fp-ts/Either'
 * const s = Report.Status.decode('004')
 * console.log(E.isRight(s) && s.right.description) // 'Received by recipient'
 * @category codecs
 * @since 0.1.0
 */
export const Status = field<StatusCode | UnknownStatusCode>(
  'Status',
  (u): u is StatusCode | UnknownStatusCode =>
    typeof u === 'object' && u !== null && 'code' in u && 'known' in u,
  statusValue,
  (s) => s.code,
  'a status code',
)

/**
 * An id or number: one word, not empty.
 *
 * @example
 * import * as Report from './Report.js'
 * console.log(Report.Word.decode('279995631564')._tag, Report.Word.decode('')._tag) // 'Right' 'Left'
 * @category codecs
 * @since 0.1.0
 */
export const Word = field<string>(
  'Word',
  (u): u is string => typeof u === 'string' && isWord(u),
  wordValue,
  (s) => s,
  'a non-empty word',
)

/**
 * An id the gateway issued (`apiMsgId`, `moMsgId`): 1 to 64 ASCII letters and digits (docs/errors.md,
 * "Identifiers"). `<script>` is refused, not passed on.
 *
 * @example
 * import * as Report from './Report.js'
 * console.log(Report.GatewayId.decode('996f364775e24b8432f45d77da8eca47')._tag, Report.GatewayId.decode('<script>')._tag)
 * // 'Right' 'Left'
 * @category codecs
 * @since 0.1.0
 */
export const GatewayId = field<string>(
  'GatewayId',
  (u): u is string => typeof u === 'string' && idValue(u) !== undefined,
  idValue,
  (s) => s,
  '1 to 64 letters and digits',
)

/**
 * A client message id (`cliMsgId`), which the gateway may send empty or leave out: absent then; otherwise 1 to 32
 * ASCII letters and digits, the rule it was sent under.
 *
 * @example
 * import * as Report from './Report.js'
 * console.log(Report.OptionalClientId.decode('')._tag, Report.OptionalClientId.decode('abc123')._tag, Report.OptionalClientId.decode('a b')._tag)
 * // 'Right' 'Right' 'Left'
 * @category codecs
 * @since 0.1.0
 */
export const OptionalClientId = new t.Type<string | undefined, string, unknown>(
  'OptionalClientId',
  (u): u is string | undefined =>
    u === undefined || (typeof u === 'string' && clientIdValue(u) !== undefined),
  (u, c) =>
    u === undefined || u === ''
      ? t.success(undefined)
      : typeof u === 'string' && clientIdValue(u) !== undefined
        ? t.success(u)
        : t.failure(u, c, 'expected 1 to 32 letters and digits'),
  (s) => s ?? '',
)

/**
 * A field the gateway may send empty or leave out (`cliMsgId`, `from`, `api_id`, `udh`): empty is absent.
 *
 * @example
 * import * as Report from './Report.js'
 * console.log(Report.Optional.decode('')) // { _tag: 'Right', right: undefined }
 * @category codecs
 * @since 0.1.0
 */
export const Optional = new t.Type<string | undefined, string, unknown>(
  'Optional',
  (u): u is string | undefined => u === undefined || typeof u === 'string',
  (u, c) =>
    u === undefined || u === ''
      ? t.success(undefined)
      : typeof u === 'string'
        ? t.success(u)
        : t.failure(u, c),
  (s) => s ?? '',
)

/**
 * The fields of a delivery report, by their lower-cased names (`apimsgid` is `apiMsgId` in the HTTP and XML
 * forms, `apimsgid` in SOAP, quirk 17).
 *
 * @example
 * import * as Report from './Report.js'
 * const r = Report.DeliveryFields.decode({ apimsgid: 'a', to: '27', timestamp: '1218007814', status: '003', charge: '0.3' })
 * console.log(r._tag) // 'Right'
 * @category codecs
 * @since 0.1.0
 */
export const DeliveryFields = t.intersection([
  t.type({ apimsgid: GatewayId, to: Word, timestamp: UnixTime, status: Status, charge: Charge }),
  t.partial({ api_id: Optional, climsgid: OptionalClientId, from: Optional }),
])

/**
 * The fields of an incoming message other than its text, by their lower-cased names.
 *
 * @example
 * import * as Report from './Report.js'
 * const r = Report.MoFields.decode({ momsgid: 'm', from: '380', to: '491', timestamp: '2014-01-29 02:08:30' })
 * console.log(r._tag) // 'Right'
 * @category codecs
 * @since 0.1.0
 */
export const MoFields = t.intersection([
  t.type({ momsgid: GatewayId, from: Word, to: Word, timestamp: Gmt2Time }),
  t.partial({ api_id: Optional, charset: Optional, udh: Optional, network: Optional }),
])

/**
 * io-ts errors as one line: each failing field and why (`timestamp: expected unix seconds`).
 *
 * @example
 * import * as Report from './Report.js'
 * import * as E from 'fp-ts/Either'
 * const r = Report.DeliveryFields.decode({})
 * console.log(E.isLeft(r) && Report.describe(r.left))
 * // 'apimsgid: missing; to: missing; timestamp: missing; status: missing; charge: missing'
 * @category utils
 * @since 0.1.0
 */
export const describe = (errors: t.Errors): string =>
  [
    ...new Set(errors.map((e) => `${e.context[e.context.length - 1]?.key ?? ''}: ${e.message ?? 'invalid'}`)),
  ].join('; ')
