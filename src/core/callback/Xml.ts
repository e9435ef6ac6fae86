/**
 * The XML and SOAP bodies of callbacks (specification v2.6 section 5.2.5), read safely and written in the
 * documented shapes.
 *
 * Reading is fast-xml-parser with entity processing off, after refusing any body that declares a DTD or an
 * entity: an XXE or billion-laughs payload is refused before parsing and nothing is ever fetched or expanded.
 * The five predefined entities and numeric character references are decoded here, in one linear pass.
 *
 * @since 0.1.0
 */

import { XMLParser, XMLValidator } from 'fast-xml-parser'
import * as E from 'fp-ts/lib/Either.js'

/**
 * Which element held the fields: `<callback>` (XML form, MT and MO), `tns:mt_callback` or `tns:mo_callback`
 * (SOAP form).
 *
 * @category model
 * @since 0.1.0
 */
export type Root = 'callback' | 'mt_callback' | 'mo_callback'

/**
 * The fields of a callback element: lower-cased names to text.
 *
 * @category model
 * @since 0.1.0
 */
export interface XmlCallback {
  readonly root: Root
  readonly fields: ReadonlyMap<string, string>
}

const parser = new XMLParser({
  processEntities: false,
  htmlEntities: false,
  ignoreAttributes: true,
  removeNSPrefix: true,
  parseTagValue: false,
  trimValues: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  maxNestedTags: 16,
})

// Declarations that can define entities or fetch external resources. Nothing the gateway sends has them.
const DECLARATION = /<!\s*(?:doctype|entity|element|attlist|notation)/i

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

/**
 * Decodes the five predefined XML entities and numeric character references; anything else is left as it is.
 *
 * @example
 * import * as CallbackXml from './Xml.js'
 * console.log(CallbackXml.decodeEntities('a &amp; b &#233;&#x41;&bogus;')) // 'a & b éA&bogus;'
 * @category decoding
 * @since 0.1.0
 */
export const decodeEntities = (text: string): string => {
  let amp = text.indexOf('&')
  if (amp < 0) return text
  let out = ''
  let from = 0
  while (amp >= 0) {
    const semi = text.indexOf(';', amp)
    // Entity names are short: a far-away `;` belongs to something else.
    if (semi < 0 || semi - amp > 10) break
    const name = text.slice(amp + 1, semi)
    const code = /^#[0-9]{1,7}$/.test(name)
      ? Number(name.slice(1))
      : /^#x[0-9a-fA-F]{1,6}$/.test(name)
        ? Number.parseInt(name.slice(2), 16)
        : -1
    const replacement =
      code >= 0 && code <= 0x10ffff
        ? String.fromCodePoint(code)
        : Object.hasOwn(ENTITIES, name)
          ? ENTITIES[name]
          : undefined
    if (replacement !== undefined) {
      out += text.slice(from, amp) + replacement
      from = semi + 1
    }
    amp = text.indexOf('&', replacement === undefined ? amp + 1 : semi + 1)
  }
  return out + text.slice(from)
}

const isObject = (u: unknown): u is Readonly<Record<string, unknown>> =>
  typeof u === 'object' && u !== null && !Array.isArray(u)

const ROOTS: ReadonlyArray<Root> = ['callback', 'mt_callback', 'mo_callback']

// `<callback>` at the top, or `Envelope > Body > mt_callback | mo_callback` (namespace prefixes removed).
const findRoot = (doc: Readonly<Record<string, unknown>>): { root: Root; element: unknown } | undefined => {
  const body = isObject(doc['Envelope']) ? doc['Envelope']['Body'] : undefined
  for (const scope of [doc, isObject(body) ? body : {}])
    for (const root of ROOTS) if (Object.hasOwn(scope, root)) return { root, element: scope[root] }
  return undefined
}

/**
 * Parses XML text with a fast-xml-parser instance, safely: `Left` with the reason for a DTD or entity
 * declaration (refused before parsing), XML that is not well formed, or a parser that throws. Callbacks and the
 * REST dialect's XML replies are read through it; their parsers differ only in options.
 *
 * @example
 * import { XMLParser } from 'fast-xml-parser'
 * import * as CallbackXml from './Xml.js'
 * const parse = CallbackXml.parseWith(new XMLParser())
 * console.log(parse('<a><b>1</b></a>'), parse('<!DOCTYPE x><a/>')._tag) // { _tag: 'Right', right: { a: { b: 1 } } } 'Left'
 * @category decoding
 * @since 0.1.0
 */
export const parseWith =
  (xmlParser: XMLParser) =>
  (xml: string): E.Either<string, unknown> => {
    if (DECLARATION.test(xml)) return E.left('XML with a DTD or entity declaration is refused')
    try {
      const valid = XMLValidator.validate(xml)
      if (valid !== true) return E.left(`XML is not well formed: ${valid.err.msg}`)
      return E.right(xmlParser.parse(xml) as unknown)
    } catch (e) {
      return E.left(`XML could not be read: ${e instanceof Error ? e.message : 'unknown error'}`)
    }
  }

/**
 * Reads a callback's XML or SOAP text. `Left` with the reason for a DTD or entity declaration, XML that is not
 * well formed, no callback element, or a field that is repeated or has child elements.
 *
 * @example
 * import * as CallbackXml from './Xml.js'
 * const r = CallbackXml.read('<callback><apiMsgId>a1</apiMsgId><cliMsgId></cliMsgId></callback>')
 * console.log(r._tag === 'Right' && [...r.right.fields]) // [['apimsgid', 'a1'], ['climsgid', '']]
 * @category decoding
 * @since 0.1.0
 */
export const read = (xml: string): E.Either<string, XmlCallback> => {
  const parsed = parseWith(parser)(xml)
  if (E.isLeft(parsed)) return parsed
  const doc = parsed.right
  const found = isObject(doc) ? findRoot(doc) : undefined
  if (found === undefined) return E.left('no <callback>, mt_callback or mo_callback element')
  if (!isObject(found.element)) return E.left(`<${found.root}> holds no fields`)
  const fields = new Map<string, string>()
  for (const [name, value] of Object.entries(found.element)) {
    if (name === '#text') continue
    if (typeof value !== 'string') return E.left(`<${name}> is repeated or has child elements`)
    fields.set(name.toLowerCase(), decodeEntities(value))
  }
  return E.right({ root: found.root, fields })
}

const escapeXml = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (c) => `&${c === '&' ? 'amp' : c === '<' ? 'lt' : c === '>' ? 'gt' : c === '"' ? 'quot' : 'apos'};`,
  )

/**
 * A field of a written callback: its element name, its text, and its `xsi:type` in the SOAP form.
 *
 * @category model
 * @since 0.1.0
 */
export type XmlField = readonly [name: string, value: string, soapType: 'int' | 'string' | 'float']

/**
 * The XML form's body (spec v2.6 section 5.2.5): `<?xml version="1.0"?><callback>…</callback>`.
 *
 * @example
 * import * as CallbackXml from './Xml.js'
 * console.log(CallbackXml.writeXml([['to', '279', 'string']])) // '<?xml version="1.0"?><callback><to>279</to></callback>'
 * @category encoding
 * @since 0.1.0
 */
export const writeXml = (fields: ReadonlyArray<XmlField>): string =>
  `<?xml version="1.0"?><callback>${fields.map(([n, v]) => `<${n}>${escapeXml(v)}</${n}>`).join('')}</callback>`

/**
 * The SOAP form's envelope (spec v2.6 section 5.2.5), for `mt_callback` or `mo_callback` (namespace
 * `clickatell_mo`, docs/gateway.md, 'Callback values').
 *
 * @example
 * import * as CallbackXml from './Xml.js'
 * console.log(CallbackXml.writeSoap('mt_callback', [['to', '279', 'string']]).includes('<to xsi:type="xsd:string">279</to>')) // true
 * @category encoding
 * @since 0.1.0
 */
export const writeSoap = (root: 'mt_callback' | 'mo_callback', fields: ReadonlyArray<XmlField>): string => {
  const ns = root === 'mt_callback' ? 'mt_callback' : 'clickatell_mo'
  const body = fields.map(([n, v, type]) => `<${n} xsi:type="xsd:${type}">${escapeXml(v)}</${n}>`).join('')
  return (
    '<?xml version="1.0" encoding="ISO-8859-1"?><SOAP-ENV:Envelope SOAP-ENV:encodingStyle="http://schemas.xmlsoap.org/soap/encoding/" ' +
    'xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsd="http://www.w3.org/2001/XMLSchema" ' +
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:SOAP-ENC="http://schemas.xmlsoap.org/soap/encoding/" ' +
    `xmlns:tns="${ns}"><SOAP-ENV:Body><tns:${root} xmlns:tns="${ns}">${body}</tns:${root}></SOAP-ENV:Body></SOAP-ENV:Envelope>`
  )
}
