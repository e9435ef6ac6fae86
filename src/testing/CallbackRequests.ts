/**
 * What every callback arbitrary shares: the case it yields (`request` and `report`), its constraints, and how
 * one request is written, drawn once per request (see `CallbackForms` for the bytes). The variations, unless
 * `quirks: false`: the XML and SOAP `data` not URL-encoded, only its spaces encoded, or in literal double
 * quotes (docs/gateway.md, quirk 15); empty fields written empty or left out (quirk 16); the fields in
 * another order; the callback URL's own parameters before them; `+` or `%20` for a space; XML with or without
 * its declaration, line breaks and `xsi:type`; a `charset` on the form's content type.
 *
 * @since 0.1.0
 */
import * as fc from 'fast-check'
import type { CallbackRequest } from '../core/callback/Callback.js'
import { type CallbackForm, callbackForms } from '../core/callback/Report.js'
import {
  type DataStyle,
  dataParameter,
  type Field,
  percent,
  soapEnvelope,
  type XmlStyle,
  xmlDocument,
} from './CallbackForms.js'

/**
 * A callback request and the report it carries: `Callback.parse(request)` gives `Right(report)`. `query` is the
 * raw query string without `?`; `contentType` is `''` for a GET.
 *
 * @category model
 * @since 0.1.0
 */
export interface CallbackCase<R> {
  readonly request: Required<CallbackRequest>
  readonly report: R
}

/**
 * Constraints of `deliveryCallback` and `moCallback`.
 *
 * @category model
 * @since 0.1.0
 */
export interface CallbackConstraints {
  /** The form; default any of the six. */
  readonly form?: CallbackForm
  /** Draw the variations real requests show; default true. `false`: the documented shape, URL-encoded. */
  readonly quirks?: boolean
}

/**
 * The six forms of a callback (specification v2.6 section 5.2.5): `Report.callbackForms`.
 *
 * @example
 * import { FORMS } from './CallbackRequests.js'
 * console.log(FORMS.length) // 6
 * @category data
 * @since 0.1.0
 */
export const FORMS: ReadonlyArray<CallbackForm> = callbackForms
const FORM_URLENCODED = 'application/x-www-form-urlencoded'

/**
 * The form asked for, or any of the six.
 *
 * @example
 * import * as fc from 'fast-check'
 * import { formsOf } from './CallbackRequests.js'
 * console.log(fc.sample(formsOf('xml-get'), 3)) // ['xml-get', 'xml-get', 'xml-get']
 * @category requests
 * @since 0.1.0
 */
export const formsOf = (form: CallbackForm | undefined): fc.Arbitrary<CallbackForm> =>
  form !== undefined && FORMS.includes(form) ? fc.constant(form) : fc.constantFrom(...FORMS)

/**
 * How one request is written.
 *
 * @category model
 * @since 0.1.0
 */
export interface Style {
  readonly xml: XmlStyle
  readonly data: DataStyle
  readonly space: '+' | '%20'
  /** Leave out an empty field rather than write it empty. */
  readonly omitEmpty: boolean
  /** Sort keys for the fields of a form, or none to keep the documented order. */
  readonly shuffle: ReadonlyArray<number>
  /** `name=value` parameters of the callback URL itself, which the gateway keeps in front. */
  readonly extra: ReadonlyArray<string>
  readonly contentType: string
}

/**
 * A style: the documented one without quirks, else any mix of the variations.
 *
 * @example
 * import * as fc from 'fast-check'
 * import { style } from './CallbackRequests.js'
 * console.log(fc.sample(style(false), 1)[0]!.data) // 'encoded'
 * @category requests
 * @since 0.1.0
 */
export const style = (quirks: boolean): fc.Arbitrary<Style> =>
  quirks
    ? fc.record(
        {
          xml: fc.record({ declaration: fc.boolean(), pretty: fc.boolean(), types: fc.boolean() }),
          data: fc.constantFrom<DataStyle>('encoded', 'raw', 'spaces', 'quoted', 'quoted-encoded'),
          space: fc.constantFrom('+' as const, '%20' as const),
          omitEmpty: fc.boolean(),
          shuffle: fc.oneof(fc.constant([]), fc.array(fc.nat(), { minLength: 12, maxLength: 12 })),
          extra: fc.subarray(['key=s3cret', 'tenant=42', 'source=clickatell']),
          contentType: fc.constantFrom(FORM_URLENCODED, `${FORM_URLENCODED}; charset=UTF-8`),
        },
        { noNullPrototype: true },
      )
    : fc.constant({
        xml: { declaration: true, pretty: false, types: true },
        data: 'encoded',
        space: '+',
        omitEmpty: false,
        shuffle: [],
        extra: [],
        contentType: FORM_URLENCODED,
      })

/**
 * A field of a form: name, value (text, written as UTF-8, or bytes), and whether to write it unencoded as a
 * capture shows it (`timestamp=2008-08-06 09:43:50`).
 *
 * @category model
 * @since 0.1.0
 */
export type Pair = readonly [name: string, value: string | Uint8Array, raw?: boolean]

/**
 * A query string or form body in a style.
 *
 * @example
 * import * as fc from 'fast-check'
 * import { formOf, style } from './CallbackRequests.js'
 * console.log(formOf([['to', '279'], ['from', 'Acme Ltd']], fc.sample(style(false), 1)[0]!)) // 'to=279&from=Acme+Ltd'
 * @category requests
 * @since 0.1.0
 */
export const formOf = (pairs: ReadonlyArray<Pair>, s: Style): string => {
  const kept = pairs.filter(([, v]) => !(s.omitEmpty && v === ''))
  const order = kept.map((p, i) => ({ p, key: s.shuffle[i] ?? i }))
  if (s.shuffle.length > 0) order.sort((a, b) => a.key - b.key)
  const fields = order.map(({ p: [n, v, raw] }) =>
    raw === true && typeof v === 'string' ? `${n}=${v}` : `${n}=${percent(v, s.space)}`,
  )
  return [...s.extra, ...fields].join('&')
}

/**
 * The `data` parameter of the XML and SOAP forms, after the callback URL's own parameters. A POST body is
 * always URL-encoded; only the GET examples are printed unencoded, and only the SOAP one in quotes.
 *
 * @example
 * import * as fc from 'fast-check'
 * import { dataOf, style } from './CallbackRequests.js'
 * console.log(dataOf('xml-post', '<a/>', fc.sample(style(false), 1)[0]!)) // 'data=%3Ca%2F%3E'
 * @category requests
 * @since 0.1.0
 */
export const dataOf = (form: CallbackForm, xml: string, s: Style): string => {
  const quoted = s.data === 'quoted' || s.data === 'quoted-encoded'
  const how: DataStyle = form.endsWith('post') ? 'encoded' : quoted && form.startsWith('xml') ? 'raw' : s.data
  return [...s.extra, dataParameter(xml, how)].join('&')
}

/**
 * The request: a POST carries the payload as its body, a GET as its query.
 *
 * @example
 * import * as fc from 'fast-check'
 * import { requestOf, style } from './CallbackRequests.js'
 * console.log(requestOf('http-get', 'to=279', fc.sample(style(false), 1)[0]!))
 * // { method: 'GET', query: 'to=279', body: '', contentType: '' }
 * @category requests
 * @since 0.1.0
 */
export const requestOf = (form: CallbackForm, payload: string, s: Style): Required<CallbackRequest> =>
  form.endsWith('post')
    ? { method: 'POST', query: '', body: payload, contentType: s.contentType }
    : { method: 'GET', query: payload, body: '', contentType: '' }

/**
 * What a report is written as: the fields of the HTTP forms, and those of the XML or SOAP document (SOAP
 * names some in lower case and adds `api_id`), each in the documented order.
 *
 * @category model
 * @since 0.1.0
 */
export interface Written {
  readonly pairs: ReadonlyArray<Pair>
  readonly fields: (soap: boolean) => ReadonlyArray<Field>
  readonly root: 'mt_callback' | 'mo_callback'
}

/**
 * The request of a report in a form and a style: a form of pairs, or a document in `data` (empty fields left
 * out when the style says so).
 *
 * @example
 * import * as fc from 'fast-check'
 * import { requestFor, style } from './CallbackRequests.js'
 * const written = { pairs: [['to', '279']] as const, fields: () => [['to', '279', 'string']] as const, root: 'mt_callback' as const }
 * console.log(requestFor('xml-get', fc.sample(style(false), 1)[0]!, written).query)
 * // 'data=%3C%3Fxml+version%3D%221.0%22%3F%3E%3Ccallback%3E%3Cto%3E279%3C%2Fto%3E%3C%2Fcallback%3E'
 * @category requests
 * @since 0.1.0
 */
export const requestFor = (form: CallbackForm, s: Style, written: Written): Required<CallbackRequest> => {
  if (form.startsWith('http')) return requestOf(form, formOf(written.pairs, s), s)
  const soap = form.startsWith('soap')
  const kept = written.fields(soap).filter((f) => !(s.omitEmpty && f[1] === ''))
  const xml = soap ? soapEnvelope(written.root, kept, s.xml) : xmlDocument(kept, s.xml)
  return requestOf(form, dataOf(form, xml, s), s)
}

/**
 * A callback arbitrary from a drawn record: the form asked for (or any), the record, a style, and from them
 * the request and the report.
 *
 * @example
 * import * as fc from 'fast-check'
 * import { callbacks } from './CallbackRequests.js'
 * const arbitrary = callbacks(
 *   () => fc.constant('279'),
 *   (to) => ({ pairs: [['to', to]], fields: () => [['to', to, 'string']], root: 'mt_callback' }),
 *   (to, form) => ({ to, form }),
 * )
 * console.log(fc.sample(arbitrary({ form: 'http-get', quirks: false }), 1)[0]!.request.query) // 'to=279'
 * @category requests
 * @since 0.1.0
 */
export const callbacks =
  <D, R>(
    draw: (quirks: boolean) => fc.Arbitrary<D>,
    write: (d: D) => Written,
    report: (d: D, form: CallbackForm) => R,
  ) =>
  (constraints: CallbackConstraints = {}): fc.Arbitrary<CallbackCase<R>> => {
    const quirks = constraints.quirks !== false
    return fc
      .tuple(formsOf(constraints.form), draw(quirks), style(quirks))
      .map(([form, d, s]) => ({ request: requestFor(form, s, write(d)), report: report(d, form) }))
  }
