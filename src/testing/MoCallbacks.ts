/**
 * Incoming-message callbacks (MO, two-way; docs/gateway.md, 'Callback values' and quirk 22) in the six forms,
 * each with the `MoReport` it carries: `moMsgId` (`momsgid` in SOAP), a `YYYY-MM-DD HH:MM:SS` timestamp in
 * GMT+2, the text in ISO-8859-1 bytes, or in UTF-16BE as raw bytes (a live capture) or UCS-2 hex, and now and
 * then a concatenation header in `udh` (see `Mo.reassemble`).
 *
 * @since 0.1.0
 */
import * as fc from 'fast-check'
import type { CallbackForm, MoReport } from '../core/callback/Report.js'
import { astral, DIGITS, gsmBasic, notGsmBmp, oneOf, plainBasic, stringOf } from './Alphabets.js'
import { type CallbackCase, type CallbackConstraints, callbacks, type Written } from './CallbackRequests.js'
import { hexId, msisdn } from './Identifiers.js'

interface MoDraw {
  readonly apiId: string
  readonly moMsgId: string
  readonly from: string
  readonly to: string
  readonly timestamp: number
  readonly text: string
  readonly charset: 'ISO-8859-1' | 'UTF-16BE' | undefined
  readonly udh: string
  readonly network: string | undefined
  /** UTF-16BE in a form: raw bytes rather than UCS-2 hex. */
  readonly rawBytes: boolean
  /** The timestamp unencoded, as in a capture (`2008-08-06 09:43:50`). */
  readonly rawTime: boolean
}

// Printable ISO-8859-1: what a plain-text MO can carry.
const latin1Char = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...plainBasic.filter((c) => c >= ' ')) },
  { weight: 1, arbitrary: fc.integer({ min: 0xa0, max: 0xff }).map((c) => String.fromCharCode(c)) },
)
const utf16Char = fc.oneof(fc.constantFrom(...gsmBasic.filter((c) => c >= ' ')), notGsmBmp(), astral())

const moDraw = (quirks: boolean): fc.Arbitrary<MoDraw> =>
  fc
    .record(
      {
        apiId: stringOf(oneOf(DIGITS), 4, 7),
        moMsgId: hexId(),
        from: msisdn(),
        to: msisdn(),
        timestamp: fc.integer({ min: 946_684_800, max: 2_145_916_800 }),
        charset: fc.constantFrom('ISO-8859-1' as const, 'UTF-16BE' as const, undefined),
        // A concatenation header now and then (see `Mo`).
        udh: fc.oneof(
          { weight: 3, arbitrary: fc.constant('') },
          { weight: 1, arbitrary: fc.constantFrom('050003CC0201', '050003CC0202', '06080401020303') },
        ),
        network: fc.option(fc.constantFrom('MTS', 'Vodacom', 'O2', 'Telekom'), { nil: undefined }),
        rawBytes: fc.boolean().map((b) => b || !quirks),
        rawTime: fc.boolean().map((b) => quirks && b),
        latin1: stringOf(latin1Char, 1, 160),
        utf16: stringOf(utf16Char, 1, 70),
      },
      { noNullPrototype: true },
    )
    .map(({ latin1, utf16, ...d }) => ({ ...d, text: d.charset === 'UTF-16BE' ? utf16 : latin1 }))

const pad = (n: number, width: number): string => String(n).padStart(width, '0')

// Quirk 22: MO timestamps are `YYYY-MM-DD HH:MM:SS` in GMT+2.
const gmt2 = (seconds: number): string => {
  const d = new Date((seconds + 7200) * 1000)
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)} ${pad(d.getUTCHours(), 2)}:${pad(d.getUTCMinutes(), 2)}:${pad(d.getUTCSeconds(), 2)}`
}

const HEX = /^(?:[0-9A-Fa-f]{4})*$/

const ucs2Hex = (text: string): string => {
  let out = ''
  for (let i = 0; i < text.length; i++) out += text.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0')
  return out
}

const utf16Bytes = (text: string): Uint8Array => {
  const out = new Uint8Array(text.length * 2)
  for (let i = 0; i < text.length; i++) {
    out[2 * i] = text.charCodeAt(i) >> 8
    out[2 * i + 1] = text.charCodeAt(i) & 0xff
  }
  return out
}

const latin1Bytes = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0))

// A UTF-16BE text in a form: raw big-endian bytes (a live capture), or hex when those bytes would read as hex.
const formText = (d: MoDraw): string | Uint8Array => {
  if (d.charset !== 'UTF-16BE') return latin1Bytes(d.text)
  const bytes = utf16Bytes(d.text)
  const looksHex = HEX.test(String.fromCharCode(...bytes))
  return d.rawBytes && !looksHex ? bytes : ucs2Hex(d.text)
}

const moReport = (d: MoDraw, form: CallbackForm): MoReport => ({
  _tag: 'MoReport',
  ...(form.startsWith('xml') ? {} : { apiId: d.apiId }),
  moMsgId: d.moMsgId,
  from: d.from,
  to: d.to,
  timestamp: new Date(d.timestamp * 1000),
  text: d.text,
  ...(d.charset === undefined ? {} : { charset: d.charset }),
  ...(d.udh === '' ? {} : { udh: d.udh }),
  ...(d.network === undefined ? {} : { network: d.network }),
  form,
})

// The order of a live capture (kolypto/py-smsframework-clickatell): api_id, from, to, timestamp, text,
// charset, udh, moMsgId; then network when known. The XML form has no api_id (quirk 16).
const written = (d: MoDraw): Written => {
  const time = gmt2(d.timestamp)
  return {
    root: 'mo_callback',
    pairs: [
      ['api_id', d.apiId],
      ['from', d.from],
      ['to', d.to],
      ['timestamp', time, d.rawTime],
      ['text', formText(d)],
      ...(d.charset === undefined ? [] : [['charset', d.charset] as const]),
      ['udh', d.udh],
      ['moMsgId', d.moMsgId],
      ...(d.network === undefined ? [] : [['network', d.network] as const]),
    ],
    fields: (soap) => [
      ...(soap ? [['api_id', d.apiId, 'int'] as const] : []),
      ['from', d.from, 'string'],
      ['to', d.to, 'string'],
      ['timestamp', time, 'string'],
      ['text', d.charset === 'UTF-16BE' ? ucs2Hex(d.text) : d.text, 'string'],
      ...(d.charset === undefined ? [] : [['charset', d.charset, 'string'] as const]),
      ['udh', d.udh, 'string'],
      [soap ? 'momsgid' : 'moMsgId', d.moMsgId, 'string'],
      ...(d.network === undefined ? [] : [['network', d.network, 'string'] as const]),
    ],
  }
}

/**
 * Incoming-message callbacks (MO, two-way) in all six forms, with the `MoReport` each carries:
 * `Callback.parse(request)` gives `Right(report)`. Texts in ISO-8859-1, or in UTF-16BE as raw bytes or UCS-2 hex
 * (quirk 22); timestamps in GMT+2; a concatenation header in `udh` now and then (see `Mo.reassemble`).
 *
 * @example
 * import * as fc from 'fast-check'
 * import { Callback } from 'clickatell-fp'
 * import { moCallback } from 'clickatell-fp/testing'
 * fc.assert(
 *   fc.property(moCallback(), ({ request, report }) => {
 *     const r = Callback.parse(request)
 *     return r._tag === 'Right' && r.right._tag === 'MoReport' && r.right.text === report.text
 *   }),
 * )
 * @category callbacks
 * @since 0.1.0
 */
export const moCallback: (constraints?: CallbackConstraints) => fc.Arbitrary<CallbackCase<MoReport>> =
  callbacks(moDraw, written, moReport)
