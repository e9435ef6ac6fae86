/**
 * Callbacks: the requests the gateway makes to your URL with delivery reports (MT) and incoming messages
 * (MO), read from and written to `{ method, query, body, contentType }` in all six documented forms
 * (specification v2.6 section 5.2.5): HTTP GET, HTTP POST, XML GET, XML POST, SOAP GET, SOAP POST.
 *
 * Survives the documented examples as printed: XML and SOAP in `data` not URL-encoded, the SOAP example's
 * literal double quotes around `data` (docs/gateway.md, quirk 15), empty `from` and `cliMsgId` and no
 * `api_id` in XML (quirk 16), and SOAP's lower-case `apimsgid` (quirk 17). XML is read with DTDs and entities
 * refused (see `CallbackXml`), and the request is capped in size.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import { pipe } from 'fp-ts/lib/function.js'
import { type MalformedResponse, malformedResponse } from '../errors.js'
import { decode as decodeText, encodeText, encodeBytes as encodeTextBytes } from './MoText.js'
import {
  type CallbackForm,
  Charge,
  DeliveryFields,
  type DeliveryReport,
  describe,
  Gmt2Time,
  MoFields,
  type MoReport,
  type Report,
  UnixTime,
} from './Report.js'
import { text as bytesText, parse as parseForm, percentBytes, stringify } from './UrlForm.js'
import { type Root, read as readXml, writeSoap, writeXml, type XmlField } from './Xml.js'

/**
 * A callback request as the server received it: the method, the raw query string without `?`, the raw body
 * text and the `Content-Type` header.
 *
 * @category model
 * @since 0.1.0
 */
export interface CallbackRequest {
  readonly method: string
  readonly query: string
  readonly body: string
  readonly contentType?: string
}

/**
 * Options of `parseWith`.
 *
 * @category model
 * @since 0.1.0
 */
export interface ParseOptions {
  /** Longest query plus body read, in characters; 64 KiB by default. A real callback is under 2 KiB. */
  readonly maxChars?: number
}

/**
 * The default cap on a callback's query plus body: 65,536 characters.
 *
 * @example
 * import { Callback } from 'clickatell-fp'
 * console.log(Callback.MAX_CHARS) // 65536
 * @category data
 * @since 0.1.0
 */
export const MAX_CHARS = 65_536

const FORM_URLENCODED = 'application/x-www-form-urlencoded'

const failure = (reason: string, body: string): E.Either<MalformedResponse, never> =>
  E.left(malformedResponse('callback', reason, body))

// The `data` parameter, as documented (URL-encoded) or as printed in the spec's examples (quirk 15): raw XML
// after `data=`, possibly inside literal double quotes. Raw XML runs to its last `>`.
const dataParam = (source: string): string | undefined => {
  const amp = source.indexOf('&data=')
  const at = source.startsWith('data=') ? 5 : amp < 0 ? -1 : amp + 6
  if (at < 0) return undefined
  const rest = source.slice(at)
  const quoted = rest.startsWith('"') || rest.startsWith('%22')
  const start = rest.startsWith('%22') ? 3 : quoted ? 1 : 0
  const raw = rest.charCodeAt(start) === 60 /* < */
  const end = raw ? rest.lastIndexOf('>') + 1 : rest.indexOf('&') < 0 ? rest.length : rest.indexOf('&')
  const value = bytesText(percentBytes(rest.slice(raw ? start : 0, end), !raw)).trim()
  return !raw && value.startsWith('"') && value.endsWith('"') && value.length > 1 ? value.slice(1, -1) : value
}

// Where the fields are: the body of a POST (the query when the body is blank), the query of a GET.
const sourceOf = (
  method: string,
  query: string,
  body: string,
): { source: string; post: boolean } | undefined => {
  const m = method.toUpperCase()
  if (m === 'GET') return { source: query, post: false }
  if (m === 'POST') return { source: body.trim() === '' ? query : body, post: true }
  return undefined
}

interface Fields {
  readonly values: ReadonlyMap<string, string>
  readonly text?: Uint8Array
}

const KNOWN = [
  'api_id',
  'apimsgid',
  'climsgid',
  'momsgid',
  'to',
  'from',
  'timestamp',
  'status',
  'charge',
  'charset',
  'udh',
  'network',
]

const record = (values: ReadonlyMap<string, string>): Readonly<Record<string, string>> =>
  Object.fromEntries(KNOWN.flatMap((k) => (values.has(k) ? [[k, values.get(k)!.trim()]] : [])))

const delivery = (f: Fields, form: CallbackForm, body: string): E.Either<MalformedResponse, DeliveryReport> =>
  pipe(
    DeliveryFields.decode(record(f.values)),
    E.mapLeft((errors) => malformedResponse('callback', `delivery report: ${describe(errors)}`, body)),
    E.map((d) => ({
      _tag: 'DeliveryReport' as const,
      ...(d.api_id === undefined ? {} : { apiId: d.api_id }),
      apiMsgId: d.apimsgid,
      ...(d.climsgid === undefined ? {} : { cliMsgId: d.climsgid }),
      to: d.to,
      ...(d.from === undefined ? {} : { from: d.from }),
      timestamp: d.timestamp,
      status: d.status,
      charge: d.charge,
      form,
    })),
  )

const incoming = (f: Fields, form: CallbackForm, body: string): E.Either<MalformedResponse, MoReport> =>
  pipe(
    MoFields.decode(record(f.values)),
    E.mapLeft((errors) => malformedResponse('callback', `incoming message: ${describe(errors)}`, body)),
    E.chain((m) => {
      const text = decodeText(m.charset, f.values.get('text') ?? '', f.text)
      if (text === undefined) return failure(`incoming message: text is not ${m.charset}`, body)
      return E.right({
        _tag: 'MoReport' as const,
        ...(m.api_id === undefined ? {} : { apiId: m.api_id }),
        moMsgId: m.momsgid,
        from: m.from,
        to: m.to,
        timestamp: m.timestamp,
        text,
        ...(m.charset === undefined ? {} : { charset: m.charset }),
        ...(m.udh === undefined ? {} : { udh: m.udh }),
        ...(m.network === undefined ? {} : { network: m.network }),
        form,
      })
    }),
  )

// MO when the SOAP root says so, or when the fields have `moMsgId` and no `status` (quirk 22).
const isIncoming = (f: Fields, root: Root | undefined): boolean =>
  root === 'mo_callback' || (root !== 'mt_callback' && f.values.has('momsgid') && !f.values.has('status'))

// The HTTP forms: query or form pairs, names in any case; `text` keeps its bytes. A name given twice with two
// values is refused: taking either would be guessing which one the gateway meant (the same value twice is fine).
const fromForm = (source: string, post: boolean): E.Either<MalformedResponse, Report> => {
  const values = new Map<string, string>()
  let text: Uint8Array | undefined
  for (const p of parseForm(source)) {
    const name = p.name.toLowerCase()
    const before = values.get(name)
    if (before !== undefined && before !== p.value)
      return failure(`${JSON.stringify(p.name.slice(0, 20))} is given twice, with different values`, source)
    if (before !== undefined) continue
    values.set(name, p.value)
    if (name === 'text') text = p.bytes
  }
  const f: Fields = text === undefined ? { values } : { values, text }
  const form = post ? 'http-post' : 'http-get'
  return isIncoming(f, undefined) ? incoming(f, form, source) : delivery(f, form, source)
}

// The XML and SOAP forms: the root element names the form.
const fromXml = (xml: string, post: boolean): E.Either<MalformedResponse, Report> =>
  pipe(
    readXml(xml),
    E.mapLeft((reason) => malformedResponse('callback', reason, '')),
    E.chain(({ root, fields }): E.Either<MalformedResponse, Report> => {
      const kind = root === 'callback' ? 'xml' : 'soap'
      const form: CallbackForm = `${kind}-${post ? 'post' : 'get'}`
      const f: Fields = { values: fields }
      return isIncoming(f, root) ? incoming(f, form, xml) : delivery(f, form, xml)
    }),
  )

/**
 * Reads a callback request with a size cap. `MalformedResponse` (command `'callback'`) with the reason for
 * anything that is not a complete report. The request comes from outside: every field of it is checked.
 *
 * @example
 * import { Callback } from 'clickatell-fp'
 * const r = Callback.parseWith({ maxChars: 100 })({ method: 'GET', query: 'x='.repeat(100), body: '' })
 * console.log(r._tag) // 'Left'
 * @category parsing
 * @since 0.1.0
 */
export const parseWith = (options: ParseOptions) => {
  const cap = options.maxChars
  const max = cap !== undefined && cap >= 0 ? cap : MAX_CHARS
  return (request: CallbackRequest): E.Either<MalformedResponse, Report> => {
    if (typeof request !== 'object' || request === null || typeof request.method !== 'string')
      return failure('not a request', '')
    const query = typeof request.query === 'string' ? request.query : ''
    const body = typeof request.body === 'string' ? request.body : ''
    if (query.length + body.length > max)
      return failure(`callback of ${query.length + body.length} characters is over the cap of ${max}`, '')
    const where = sourceOf(request.method, query, body)
    if (where === undefined) return failure(`method ${request.method.slice(0, 20)} is not GET or POST`, '')
    const trimmed = where.source.trim()
    const xml = trimmed.startsWith('<') ? trimmed : dataParam(where.source)
    return xml === undefined ? fromForm(where.source, where.post) : fromXml(xml, where.post)
  }
}

/**
 * Reads a callback request (capped at 64 KiB) into a `DeliveryReport` or `MoReport`.
 *
 * @example
 * import { Callback } from 'clickatell-fp'
 * const r = Callback.parse({
 *   method: 'GET',
 *   query: 'api_id=12345&apiMsgId=996f364775e24b8432f45d77da8eca47&cliMsgId=abc123&timestamp=1218007814&to=279995631564&from=27833001171&status=003&charge=0.300000',
 *   body: '',
 * })
 * console.log(r._tag === 'Right' && r.right._tag === 'DeliveryReport' && r.right.status.description) // 'Delivered to gateway'
 * @category parsing
 * @since 0.1.0
 */
export const parse: (request: CallbackRequest) => E.Either<MalformedResponse, Report> = parseWith({})

// Spec v2.6 section 5.2.5's order for each form; empty `cliMsgId` and `from` are written, as the gateway does.
const deliveryPairs = (r: DeliveryReport): ReadonlyArray<readonly [string, string]> => [
  ...(r.apiId === undefined ? [] : [['api_id', r.apiId] as const]),
  ['apiMsgId', r.apiMsgId],
  ['cliMsgId', r.cliMsgId ?? ''],
  ['timestamp', UnixTime.encode(r.timestamp)],
  ['to', r.to],
  ['from', r.from ?? ''],
  ['status', r.status.code],
  ['charge', Charge.encode(r.charge)],
]

const deliveryXml = (r: DeliveryReport): ReadonlyArray<XmlField> => [
  ['apiMsgId', r.apiMsgId, 'string'],
  ['cliMsgId', r.cliMsgId ?? '', 'string'],
  ['timestamp', UnixTime.encode(r.timestamp), 'int'],
  ['to', r.to, 'string'],
  ['from', r.from ?? '', 'string'],
  ['charge', Charge.encode(r.charge), 'float'],
  ['status', r.status.code, 'int'],
]

const deliverySoap = (r: DeliveryReport): ReadonlyArray<XmlField> => [
  ...(r.apiId === undefined ? [] : [['api_id', r.apiId, 'int'] as const]),
  ['apimsgid', r.apiMsgId, 'string'],
  ['climsgid', r.cliMsgId ?? '', 'string'],
  ['to', r.to, 'string'],
  ['from', r.from ?? '', 'string'],
  ['timestamp', UnixTime.encode(r.timestamp), 'int'],
  ['status', r.status.code, 'int'],
  ['charge', Charge.encode(r.charge), 'float'],
]

// The order of a real capture (kolypto/py-smsframework-clickatell tests): api_id, from, to, timestamp, text,
// charset, udh, moMsgId; then network when known.
const moFields = (r: MoReport, text: string, lower: boolean): ReadonlyArray<XmlField> => [
  ...(r.apiId === undefined ? [] : [['api_id', r.apiId, 'int'] as const]),
  ['from', r.from, 'string'],
  ['to', r.to, 'string'],
  ['timestamp', Gmt2Time.encode(r.timestamp), 'string'],
  ['text', text, 'string'],
  ...(r.charset === undefined ? [] : [['charset', r.charset, 'string'] as const]),
  ['udh', r.udh ?? '', 'string'],
  [lower ? 'momsgid' : 'moMsgId', r.moMsgId, 'string'],
  ...(r.network === undefined ? [] : [['network', r.network, 'string'] as const]),
]

const xmlOf = (report: Report, soap: boolean): string => {
  if (report._tag === 'DeliveryReport')
    return soap ? writeSoap('mt_callback', deliverySoap(report)) : writeXml(deliveryXml(report))
  // The XML form carries no api_id (quirk 16).
  const fields = moFields(report, encodeText(report.charset, report.text), soap)
  return soap ? writeSoap('mo_callback', fields) : writeXml(fields.filter(([n]) => n !== 'api_id'))
}

const httpPairs = (report: Report): ReadonlyArray<readonly [string, string | Uint8Array]> =>
  report._tag === 'DeliveryReport'
    ? deliveryPairs(report)
    : moFields(report, '', false).map(
        ([n, v]) => [n, n === 'text' ? encodeTextBytes(report.charset, report.text) : v] as const,
      )

/**
 * The request the gateway makes for a report in a form: what the simulator sends, and what `parse` reads back
 * (`parse(render(r, r.form))` gives `r`; the XML form has no `api_id`). Values are URL-encoded, as a real HTTP
 * client must send them.
 *
 * @example
 * import { Callback, Codes } from 'clickatell-fp'
 * const request = Callback.render(
 *   { _tag: 'DeliveryReport', apiMsgId: 'a1', to: '279', timestamp: new Date(1218007814000), status: Codes.statusCodes['004'], charge: 0.3, form: 'http-get' },
 *   'http-get',
 * )
 * console.log(request.query) // 'apiMsgId=a1&cliMsgId=&timestamp=1218007814&to=279&from=&status=004&charge=0.300000'
 * @category rendering
 * @since 0.1.0
 */
export const render = (report: Report, form: CallbackForm): Required<CallbackRequest> => {
  const post = form.endsWith('post')
  const payload = form.startsWith('http')
    ? stringify(httpPairs(report))
    : stringify([['data', xmlOf(report, form.startsWith('soap'))]])
  return post
    ? { method: 'POST', query: '', body: payload, contentType: FORM_URLENCODED }
    : { method: 'GET', query: payload, body: '', contentType: '' }
}

export { type CallbackValue, delivers, statusesFor, statusTable } from './CallbackValue.js'
