/**
 * The REST dialect's reply bodies as documents, in either flavour (docs/gateway.md, 'Legacy REST API'): JSON,
 * read with `JSON.parse` in a try, or XML (`Accept: application/xml`), read with fast-xml-parser through
 * `Xml.parseWith` (a DTD or entity declaration is refused, entities are never expanded by the parser). A document
 * is the root object, `{ data }` or `{ error }` (the XML's `<response>`), and the few ways of reading a value
 * that differ between the flavours (`Values`); `RestParse` reads the replies through these alone, so both
 * flavours are read by the same code.
 *
 * The XML flavour is documented only by `<response><data><message><accepted>1</accepted>…`; the rest of it
 * (elements named as the JSON keys, `1`/`0` for booleans, a repeated element for a list) is inferred from that
 * line (docs/messages.md).
 *
 * Internal: not exported from the package.
 *
 * @since 0.1.0
 */
import { XMLParser } from 'fast-xml-parser'
import * as E from 'fp-ts/lib/Either.js'
import { decodeEntities, parseWith } from '../callback/Xml.js'

/**
 * The two flavours of the REST API.
 *
 * @category model
 * @since 0.1.0
 */
export type Flavour = 'json' | 'xml'

/**
 * A JSON object or an XML element with children: its fields by name.
 *
 * @category model
 * @since 0.1.0
 */
export type Fields = Readonly<Record<string, unknown>>

/**
 * How a flavour writes values. Each reader answers `undefined` for a value that is not of its kind.
 *
 * @category model
 * @since 0.1.0
 */
export interface Values {
  /** JSON `true` / `false`; XML `1` / `0` (the documented `<accepted>1</accepted>`). */
  readonly bool: (u: unknown) => boolean | undefined
  /** JSON an array; XML an element repeated (an array) or given once (an element with children). */
  readonly list: (u: unknown) => ReadonlyArray<unknown> | undefined
  /** A string; in XML with its character references and predefined entities decoded. */
  readonly text: (u: unknown) => string | undefined
  /** Nothing there: absent, JSON `null`, or an empty XML element. */
  readonly absent: (u: unknown) => boolean
}

/**
 * A reply body read: its root fields and how its values are written.
 *
 * @category model
 * @since 0.1.0
 */
export interface Document {
  readonly root: Fields
  readonly values: Values
}

/**
 * Tells whether a value is an object with fields (not `null`, not an array).
 *
 * @example
 * import { isFields } from './RestDocument.js'
 * console.log(isFields({ a: 1 }), isFields([1]), isFields(null)) // true false false
 * @category utils
 * @since 0.1.0
 */
export const isFields = (u: unknown): u is Fields => typeof u === 'object' && u !== null && !Array.isArray(u)

/**
 * A field of an object, own fields only (`toString` or `__proto__` are nothing the gateway sent).
 *
 * @example
 * import { field } from './RestDocument.js'
 * console.log(field({ data: 1 }, 'data'), field({}, 'toString')) // 1 undefined
 * @category utils
 * @since 0.1.0
 */
export const field = (o: Fields, name: string): unknown => (Object.hasOwn(o, name) ? o[name] : undefined)

const JSON_VALUES: Values = {
  bool: (u) => (typeof u === 'boolean' ? u : undefined),
  list: (u) => (Array.isArray(u) ? u : undefined),
  text: (u) => (typeof u === 'string' ? u : undefined),
  absent: (u) => u === undefined || u === null,
}

const XML_VALUES: Values = {
  bool: (u) => (u === '1' ? true : u === '0' ? false : undefined),
  list: (u) => (Array.isArray(u) ? u : isFields(u) ? [u] : undefined),
  text: (u) => (typeof u === 'string' ? decodeEntities(u) : undefined),
  absent: (u) => u === undefined || u === '',
}

/**
 * The flavour of a reply: the `content-type` header's when it names JSON or XML, else the body's first
 * character (`<` is XML), as a proxy's error page may come without the header.
 *
 * @example
 * import { flavourOf } from './RestDocument.js'
 * console.log(flavourOf({ 'content-type': 'application/xml' }, ''), flavourOf({}, ' <response/>'), flavourOf({}, '{}'))
 * // 'xml' 'xml' 'json'
 * @category decoding
 * @since 0.1.0
 */
export const flavourOf = (headers: unknown, body: string): Flavour => {
  const type = isFields(headers) ? field(headers, 'content-type') : undefined
  const t = typeof type === 'string' ? type.toLowerCase() : ''
  if (t.includes('json')) return 'json'
  if (t.includes('xml')) return 'xml'
  return body.trimStart().startsWith('<') ? 'xml' : 'json'
}

const parser = /* @__PURE__ */ new XMLParser({
  processEntities: false,
  htmlEntities: false,
  ignoreAttributes: true,
  removeNSPrefix: true,
  parseTagValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  maxNestedTags: 16,
})

const parseXml = parseWith(parser)

const readJson = (body: string): E.Either<string, Document> => {
  let root: unknown
  try {
    root = JSON.parse(body)
  } catch {
    return E.left('body is not JSON')
  }
  return isFields(root) ? E.right({ root, values: JSON_VALUES }) : E.left('JSON body is not an object')
}

const readXml = (body: string): E.Either<string, Document> => {
  const doc = parseXml(body)
  if (E.isLeft(doc)) return doc
  const response = isFields(doc.right) ? field(doc.right, 'response') : undefined
  return isFields(response)
    ? E.right({ root: response, values: XML_VALUES })
    : E.left('XML body has no <response> element with children')
}

/**
 * Reads a body in a flavour. `Left` with the reason when it is not JSON or XML, or has no root object
 * (`<response>` in XML).
 *
 * @example
 * import { read } from './RestDocument.js'
 * const r = read('xml')('<response><data><balance>36.000</balance></data></response>')
 * console.log(r._tag === 'Right' && r.right.root) // { data: { balance: '36.000' } }
 * console.log(read('json')('[1]')) // { _tag: 'Left', left: 'JSON body is not an object' }
 * @category decoding
 * @since 0.1.0
 */
export const read =
  (flavour: Flavour) =>
  (body: string): E.Either<string, Document> =>
    flavour === 'json' ? readJson(body) : readXml(body)
