/**
 * Delivery-status callbacks as specification v2.6 section 5.2.5 writes them, in its six forms: HTTP GET and
 * POST with the fields as parameters, XML and SOAP (GET or POST) with the document in a parameter called
 * `data`. Field order follows the specification's examples; `charge` has six decimals, `status` three digits;
 * SOAP lower-cases `apimsgid`/`climsgid`; the XML form has no `api_id` (docs/gateway.md, 'Callback values',
 * quirks 16 and 17). Unlike the specification's GET examples (quirk 15) every value is URL-encoded, as HTTP
 * requires.
 *
 * Which statuses a `callback` value asks for is the v2.6 table (docs/gateway.md, 'Callback values'), the
 * library's own: a constant, not request decoding.
 *
 * @since 0.1.0
 */
import { statusTable } from '../core/callback/CallbackValue.js'
import type { StatusCodeNumber } from '../core/reply/Codes.js'
import type { CallbackForm } from './Options.js'

/**
 * What a status callback reports.
 *
 * @category model
 * @since 0.1.0
 */
export interface StatusReport {
  readonly apiId: string
  readonly apiMsgId: string
  /** `''` when the message had none. */
  readonly cliMsgId: string
  readonly to: string
  /** `''` when the message had none. */
  readonly from: string
  /** Unix seconds. */
  readonly timestamp: number
  readonly status: StatusCodeNumber
  /** Credits. */
  readonly charge: number
}

/**
 * A callback as an HTTP request.
 *
 * @category model
 * @since 0.1.0
 */
export interface CallbackRequest {
  readonly method: 'GET' | 'POST'
  readonly url: string
  readonly headers: Readonly<Record<string, string>>
  readonly body: string | undefined
}

/**
 * The statuses each `callback` value (0 to 7) asks for, specification v2.6 section 5.2.5: the library's
 * `Callback.statusTable` as sets, index i for value i (integer keys enumerate in ascending order).
 *
 * @example
 * import { Callbacks } from 'clickatell-fp/simulator'
 * console.log([...Callbacks.statusesFor[5]!]) // ['003', '005', '007', '009', '010', '012']
 * @category data
 * @since 0.1.0
 */
export const statusesFor: ReadonlyArray<ReadonlySet<StatusCodeNumber>> = Object.values(statusTable).map(
  (list) => new Set(list),
)

/**
 * Tells whether a message sent with `callback` reports `status`.
 *
 * @example
 * import { Callbacks } from 'clickatell-fp/simulator'
 * console.log(Callbacks.wants(1, '003'), Callbacks.wants(1, '004')) // true false
 * @category data
 * @since 0.1.0
 */
export const wants = (callback: number, status: StatusCodeNumber): boolean =>
  statusesFor[callback]?.has(status) ?? false

const escapeXml = (text: string): string => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`)

const form = (pairs: ReadonlyArray<readonly [string, string]>): string =>
  pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')

const fields = (r: StatusReport): ReadonlyArray<readonly [string, string]> => [
  ['api_id', r.apiId],
  ['apiMsgId', r.apiMsgId],
  ['cliMsgId', r.cliMsgId],
  ['timestamp', String(r.timestamp)],
  ['to', r.to],
  ['from', r.from],
  ['status', r.status],
  ['charge', r.charge.toFixed(6)],
]

/**
 * The XML document of the XML forms (no `api_id`).
 *
 * @example
 * import { Callbacks } from 'clickatell-fp/simulator'
 * const xml = Callbacks.xml({ apiId: '1', apiMsgId: 'a', cliMsgId: '', to: '27999', from: '', timestamp: 1, status: '004', charge: 0.3 })
 * console.log(xml.includes('<cliMsgId></cliMsgId>'), xml.includes('<charge>0.300000</charge>')) // true true
 * @category rendering
 * @since 0.1.0
 */
export const xml = (r: StatusReport): string =>
  `<?xml version="1.0"?><callback><apiMsgId>${escapeXml(r.apiMsgId)}</apiMsgId><cliMsgId>${escapeXml(r.cliMsgId)}</cliMsgId><timestamp>${r.timestamp}</timestamp><to>${escapeXml(r.to)}</to><from>${escapeXml(r.from)}</from><charge>${r.charge.toFixed(6)}</charge><status>${r.status}</status></callback>`

/**
 * The SOAP envelope of the SOAP forms, as the specification's example writes it.
 *
 * @example
 * import { Callbacks } from 'clickatell-fp/simulator'
 * const soap = Callbacks.soap({ apiId: '1234', apiMsgId: 'a', cliMsgId: 'abc123', to: '27999', from: '', timestamp: 1, status: '003', charge: 0.3 })
 * console.log(soap.includes('<climsgid xsi:type="xsd:string">abc123</climsgid>')) // true
 * @category rendering
 * @since 0.1.0
 */
export const soap = (r: StatusReport): string =>
  '<?xml version="1.0" encoding="ISO-8859-1"?><SOAP-ENV:Envelope SOAP-ENV:encodingStyle="http://schemas.xmlsoap.org/soap/encoding/" xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:SOAP-ENC="http://schemas.xmlsoap.org/soap/encoding/" xmlns:tns="mt_callback"><SOAP-ENV:Body><tns:mt_callback xmlns:tns="mt_callback">' +
  `<api_id xsi:type="xsd:int">${escapeXml(r.apiId)}</api_id>` +
  `<apimsgid xsi:type="xsd:string">${escapeXml(r.apiMsgId)}</apimsgid>` +
  `<climsgid xsi:type="xsd:string">${escapeXml(r.cliMsgId)}</climsgid>` +
  `<to xsi:type="xsd:string">${escapeXml(r.to)}</to>` +
  `<from xsi:type="xsd:string">${escapeXml(r.from)}</from>` +
  `<timestamp xsi:type="xsd:int">${r.timestamp}</timestamp>` +
  `<status xsi:type="xsd:int">${r.status}</status>` +
  `<charge xsi:type="xsd:float">${r.charge.toFixed(6)}</charge>` +
  '</tns:mt_callback></SOAP-ENV:Body></SOAP-ENV:Envelope>'

const withQuery = (url: string, query: string): string => `${url}${url.includes('?') ? '&' : '?'}${query}`

/**
 * A report as the HTTP request of a callback form, with HTTP Basic credentials when given.
 *
 * @example
 * import { Callbacks } from 'clickatell-fp/simulator'
 * const report = { apiId: '12345', apiMsgId: '996f', cliMsgId: 'abc123', to: '279995631564', from: '27833001171', timestamp: 1218007814, status: '003' as const, charge: 0.3 }
 * console.log(Callbacks.render('http-get', 'http://127.0.0.1:8080/cb')(report).url)
 * // 'http://127.0.0.1:8080/cb?api_id=12345&apiMsgId=996f&cliMsgId=abc123&timestamp=1218007814&to=279995631564&from=27833001171&status=003&charge=0.300000'
 * @category rendering
 * @since 0.1.0
 */
export const render =
  (kind: CallbackForm, url: string, auth?: { readonly username: string; readonly password: string }) =>
  (report: StatusReport): CallbackRequest => {
    const query =
      kind === 'http-get' || kind === 'http-post'
        ? form(fields(report))
        : form([['data', kind.startsWith('xml') ? xml(report) : soap(report)]])
    const authorization =
      auth === undefined
        ? {}
        : { authorization: `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}` }
    return kind.endsWith('-get')
      ? { method: 'GET', url: withQuery(url, query), headers: authorization, body: undefined }
      : {
          method: 'POST',
          url,
          headers: { ...authorization, 'content-type': 'application/x-www-form-urlencoded' },
          body: query,
        }
  }
