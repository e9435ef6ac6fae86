/**
 * Writers for the bytes of a callback request in the six forms of specification v2.6 section 5.2.5, with the
 * variations real requests show: form values percent-encoded with `+` or `%20` for a space, XML with or
 * without its declaration and line breaks, SOAP with or without `xsi:type`, and the `data` parameter
 * URL-encoded, not encoded at all, or wrapped in literal double quotes as the specification prints it
 * (docs/gateway.md, quirk 15). Written here rather than with `Callback.render`, so tests of the parser do not
 * check it against itself.
 *
 * @since 0.1.0
 */

/**
 * A field of a callback: its name, its text, and its `xsi:type` in the SOAP form.
 *
 * @category model
 * @since 0.1.0
 */
export type Field = readonly [name: string, value: string, soapType: 'int' | 'string' | 'float']

/**
 * How an XML or SOAP document is laid out.
 *
 * @category model
 * @since 0.1.0
 */
export interface XmlStyle {
  /** `<?xml version="1.0"?>` first. */
  readonly declaration: boolean
  /** A line break and two spaces before each element. */
  readonly pretty: boolean
  /** SOAP only: `xsi:type` attributes on the fields. */
  readonly types: boolean
}

/**
 * How the `data` parameter carries a document: `encoded` (every reserved byte `%XX`, spaces `+`), `raw` (as
 * printed in the specification), `spaces` (only spaces as `%20`), `quoted` (raw inside literal double quotes,
 * the v2.6 SOAP example) or `quoted-encoded` (the same, URL-encoded).
 *
 * @category model
 * @since 0.1.0
 */
export type DataStyle = 'encoded' | 'raw' | 'spaces' | 'quoted' | 'quoted-encoded'

const XML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
}

/**
 * Text as XML character data.
 *
 * @example
 * import { escapeXml } from './CallbackForms.js'
 * console.log(escapeXml('a < b & "c"')) // 'a &lt; b &amp; &quot;c&quot;'
 * @category xml
 * @since 0.1.0
 */
export const escapeXml = (text: string): string => text.replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!)

const element =
  (style: XmlStyle, soap: boolean) =>
  (field: Field): string => {
    const [name, value, type] = field
    const attributes = soap && style.types ? ` xsi:type="xsd:${type}"` : ''
    return `${style.pretty ? '\n  ' : ''}<${name}${attributes}>${escapeXml(value)}</${name}>`
  }

/**
 * The XML form's document: `<callback>` and one element per field.
 *
 * @example
 * import { xmlDocument } from './CallbackForms.js'
 * const style = { declaration: true, pretty: false, types: false }
 * console.log(xmlDocument([['to', '279', 'string']], style)) // '<?xml version="1.0"?><callback><to>279</to></callback>'
 * @category xml
 * @since 0.1.0
 */
export const xmlDocument = (fields: ReadonlyArray<Field>, style: XmlStyle): string =>
  `${style.declaration ? `<?xml version="1.0"?>${style.pretty ? '\n' : ''}` : ''}<callback>${fields
    .map(element(style, false))
    .join('')}${style.pretty ? '\n' : ''}</callback>`

/**
 * The SOAP form's envelope around `tns:mt_callback` (namespace `mt_callback`) or `tns:mo_callback` (namespace
 * `clickatell_mo`, docs/gateway.md, 'Callback values').
 *
 * @example
 * import { soapEnvelope } from './CallbackForms.js'
 * const style = { declaration: false, pretty: false, types: true }
 * console.log(soapEnvelope('mt_callback', [['to', '279', 'string']], style).includes('<to xsi:type="xsd:string">279</to>')) // true
 * @category xml
 * @since 0.1.0
 */
export const soapEnvelope = (
  root: 'mt_callback' | 'mo_callback',
  fields: ReadonlyArray<Field>,
  style: XmlStyle,
): string => {
  const ns = root === 'mt_callback' ? 'mt_callback' : 'clickatell_mo'
  const br = style.pretty ? '\n' : ''
  return (
    `${style.declaration ? `<?xml version="1.0" encoding="ISO-8859-1"?>${br}` : ''}` +
    '<SOAP-ENV:Envelope SOAP-ENV:encodingStyle="http://schemas.xmlsoap.org/soap/encoding/" ' +
    'xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsd="http://www.w3.org/2001/XMLSchema" ' +
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:SOAP-ENC="http://schemas.xmlsoap.org/soap/encoding/" ' +
    `xmlns:tns="${ns}">${br}<SOAP-ENV:Body>${br}<tns:${root} xmlns:tns="${ns}">` +
    `${fields.map(element(style, true)).join('')}${br}</tns:${root}>${br}</SOAP-ENV:Body>${br}</SOAP-ENV:Envelope>`
  )
}

const HEX_DIGITS = '0123456789ABCDEF'
const utf8 = new TextEncoder()

const unreserved = (b: number): boolean =>
  (b >= 0x30 && b <= 0x39) ||
  (b >= 0x41 && b <= 0x5a) ||
  (b >= 0x61 && b <= 0x7a) ||
  '-._~'.includes(String.fromCharCode(b))

/**
 * Bytes percent-encoded for a query or form: unreserved ASCII as it is, a space as `space`, every other byte
 * `%XX`. A string is written as its UTF-8 bytes.
 *
 * @example
 * import { percent } from './CallbackForms.js'
 * console.log(percent('a b:é', '+'), percent(new Uint8Array([4, 31, 32]), '%20')) // 'a+b%3A%C3%A9' '%04%1F%20'
 * @category forms
 * @since 0.1.0
 */
export const percent = (value: string | Uint8Array, space: '+' | '%20'): string => {
  const bytes = typeof value === 'string' ? utf8.encode(value) : value
  let out = ''
  for (const b of bytes)
    out += unreserved(b)
      ? String.fromCharCode(b)
      : b === 0x20
        ? space
        : `%${HEX_DIGITS[b >> 4]}${HEX_DIGITS[b & 15]}`
  return out
}

/**
 * The `data=` parameter carrying a document in a style. `raw`, `spaces` and `quoted` need a document without
 * `%`, `&`, `+` and `#`, as the specification's examples are: once a client or proxy percent-encodes the rest
 * of such a query (as `fetch` and every URL parser do), `%XX` reads as an escape, `&` ends the value, `+` reads
 * as a space and `#` starts a fragment. With one of them, they fall back to `encoded`.
 *
 * @example
 * import { dataParameter } from './CallbackForms.js'
 * console.log(dataParameter('<a>x y</a>', 'quoted'), dataParameter('<a>x y</a>', 'spaces')) // 'data="<a>x y</a>"' 'data=<a>x%20y</a>'
 * @category forms
 * @since 0.1.0
 */
export const dataParameter = (xml: string, style: DataStyle): string => {
  const safe = !/[%&+#]/.test(xml)
  switch (safe ? style : 'encoded') {
    case 'raw':
      return `data=${xml}`
    case 'spaces':
      return `data=${xml.replace(/ /g, '%20')}`
    case 'quoted':
      return `data="${xml}"`
    case 'quoted-encoded':
      return `data=${percent(`"${xml}"`, '%20')}`
    default:
      return `data=${percent(xml, '+')}`
  }
}
