import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { parse } from '../../src/core/callback/UrlForm.js'
import { read } from '../../src/core/callback/Xml.js'
import {
  type DataStyle,
  dataParameter,
  escapeXml,
  percent,
  soapEnvelope,
  xmlDocument,
} from '../../src/testing/CallbackForms.js'

const styles = [
  { declaration: true, pretty: false, types: true },
  { declaration: false, pretty: true, types: false },
  { declaration: true, pretty: true, types: true },
] as const

describe('callback forms', () => {
  it.each([
    ['abc-._~', '+', 'abc-._~', 'unreserved ASCII as it is'],
    ['a b', '+', 'a+b', 'a space as +'],
    ['a b', '%20', 'a%20b', 'a space as %20'],
    ['é', '+', '%C3%A9', 'text as UTF-8'],
    ['a+b&c=d%', '+', 'a%2Bb%26c%3Dd%25', 'reserved characters'],
  ] as const)('percent(%j, %j) is %j (%s)', (value, space, expected, _reason) => {
    expect(percent(value, space)).toBe(expected)
    expect(parse(`x=${percent(value, space)}`)[0]!.value).toBe(value)
  })

  it('percent-encodes bytes one by one', () => {
    expect(percent(new Uint8Array([0x04, 0x1f, 0x00, 0x20, 0xe4]), '+')).toBe('%04%1F%00+%E4')
  })

  it.each<[string, DataStyle, string, string]>([
    ['<a>x y</a>', 'encoded', 'data=%3Ca%3Ex+y%3C%2Fa%3E', 'URL-encoded'],
    ['<a>x y</a>', 'raw', 'data=<a>x y</a>', 'as the specification prints it (quirk 15)'],
    ['<a>x y</a>', 'spaces', 'data=<a>x%20y</a>', 'only the spaces'],
    ['<a>x y</a>', 'quoted', 'data="<a>x y</a>"', 'in literal quotes (quirk 15)'],
    ['<a>x y</a>', 'quoted-encoded', 'data=%22%3Ca%3Ex%20y%3C%2Fa%3E%22', 'in quotes, encoded'],
    ['<a>5%</a>', 'raw', 'data=%3Ca%3E5%25%3C%2Fa%3E', 'a % in the document: encoded, never raw'],
    ['<a>5%</a>', 'quoted', 'data=%3Ca%3E5%25%3C%2Fa%3E', 'a % in the document: encoded, never quoted'],
    ['<a>&amp;</a>', 'raw', 'data=%3Ca%3E%26amp%3B%3C%2Fa%3E', 'an & would end the value once re-encoded'],
    ['<a>1+1</a>', 'spaces', 'data=%3Ca%3E1%2B1%3C%2Fa%3E', 'a + would read as a space once re-encoded'],
    ['<a>#1</a>', 'raw', 'data=%3Ca%3E%231%3C%2Fa%3E', 'a # would start a fragment'],
  ])('dataParameter(%j, %s) is %j (%s)', (xml, style, expected) => {
    expect(dataParameter(xml, style)).toBe(expected)
  })

  it('escapes the five XML characters', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;')
  })

  it.each(styles.map((s) => [s]))('writes documents the hardened reader reads back, in style %j', (style) => {
    const fields = [
      ['apiMsgId', 'a1', 'string'],
      ['cliMsgId', '', 'string'],
      ['from', 'A & B <3', 'string'],
    ] as const
    const xml = read(xmlDocument(fields, style))
    expect(E.isRight(xml) && [xml.right.root, [...xml.right.fields]]).toEqual([
      'callback',
      [
        ['apimsgid', 'a1'],
        ['climsgid', ''],
        ['from', 'A & B <3'],
      ],
    ])
    const soap = read(soapEnvelope('mo_callback', fields, style))
    expect(E.isRight(soap) && soap.right.root).toBe('mo_callback')
    expect(E.isRight(soap) && soap.right.fields.get('from')).toBe('A & B <3')
  })
})
