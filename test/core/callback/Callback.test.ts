import { fc, test } from '@fast-check/vitest'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import * as Callback from '../../../src/core/callback/Callback.js'
import type { CallbackForm, DeliveryReport, MoReport, Report } from '../../../src/core/callback/Report.js'
import { decodeEntities } from '../../../src/core/callback/Xml.js'
import { statusCode, statusCodes } from '../../../src/core/reply/Codes.js'

const numRuns = process.env.CI ? 100 : 500

// Spec v2.6 section 5.2.5, verbatim.
const HTTP_QUERY =
  'api_id=12345&apiMsgId=996f364775e24b8432f45d77da8eca47&cliMsgId=abc123&timestamp=1218007814&to=279995631564&from=27833001171&status=003&charge=0.300000'
const XML_PRETTY = `<?xml version="1.0"?>
<callback>
  <apiMsgId>996411ad91fa211e7d17bc873aa4a41d</apiMsgId>
  <cliMsgId></cliMsgId>
  <timestamp>1218008129</timestamp>
  <to>279995631564</to>
  <from>27833001171</from>
  <charge>0.300000</charge>
  <status>004</status>
</callback>`
const XML_LINE =
  '<?xml version="1.0"?><callback><apiMsgId>996411ad91fa211e7d17bc873aa4a41d</apiMsgId><cliMsgId></cliMsgId><timestamp>1218008129</timestamp><to>279995631564</to><from>27833001171</from><charge>0.300000</charge><status>004</status></callback>'
const SOAP_LINE =
  '<?xml version="1.0" encoding="ISO-8859-1"?><SOAP-ENV:Envelope SOAP-ENV:encodingStyle="http://schemas.xmlsoap.org/soap/encoding/" xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:SOAP-ENC="http://schemas.xmlsoap.org/soap/encoding/" xmlns:tns="mt_callback"><SOAP-ENV:Body><tns:mt_callback xmlns:tns="mt_callback"><api_id xsi:type="xsd:int">1234</api_id><apimsgid xsi:type="xsd:string">2e838df2ee3ea418272ae05aaf84ce5d</apimsgid><climsgid xsi:type="xsd:string">abc123</climsgid><to xsi:type="xsd:string">27999123456</to><from xsi:type="xsd:string">27999000224</from><timestamp xsi:type="xsd:int">1213690834</timestamp><status xsi:type="xsd:int">003</status><charge xsi:type="xsd:float">0.300000</charge></tns:mt_callback></SOAP-ENV:Body></SOAP-ENV:Envelope>'
const SOAP_PRETTY = SOAP_LINE.replace(/></g, '>\n  <')

const httpReport = (form: CallbackForm): DeliveryReport => ({
  _tag: 'DeliveryReport',
  apiId: '12345',
  apiMsgId: '996f364775e24b8432f45d77da8eca47',
  cliMsgId: 'abc123',
  to: '279995631564',
  from: '27833001171',
  timestamp: new Date(1218007814 * 1000),
  status: statusCodes['003'],
  charge: 0.3,
  form,
})
const xmlReport = (form: CallbackForm): DeliveryReport => ({
  _tag: 'DeliveryReport',
  apiMsgId: '996411ad91fa211e7d17bc873aa4a41d',
  to: '279995631564',
  from: '27833001171',
  timestamp: new Date(1218008129 * 1000),
  status: statusCodes['004'],
  charge: 0.3,
  form,
})
const soapReport = (form: CallbackForm): DeliveryReport => ({
  _tag: 'DeliveryReport',
  apiId: '1234',
  apiMsgId: '2e838df2ee3ea418272ae05aaf84ce5d',
  cliMsgId: 'abc123',
  to: '27999123456',
  from: '27999000224',
  timestamp: new Date(1213690834 * 1000),
  status: statusCodes['003'],
  charge: 0.3,
  form,
})
const get = (query: string) => ({ method: 'GET', query, body: '' })
const post = (body: string, contentType = 'application/x-www-form-urlencoded') => ({
  method: 'POST',
  query: '',
  body,
  contentType,
})
const enc = encodeURIComponent

// kolypto/py-smsframework-clickatell tests: three MO callbacks, two captured from the live service.
const MO_ARTIFICIAL =
  'api_id=100&moMsgId=1&from=123&to=456&timestamp=2008-08-06 09:43:50&charset=ISO-8859-1&text=hello there&udh='
const MO_LATIN =
  'api_id=3460000&from=380660000000&to=491700000000&timestamp=2014-01-29+02%3A08%3A30&text=Hi%2C+man&charset=ISO-8859-1&udh=&moMsgId=c6b1e0eb9d6b8d549621235aaf089a26'
const MO_UNICODE =
  'api_id=3460000&from=380660000000&to=491700000000&timestamp=2014-01-29+02%3A05%3A46&text=%04%1F%04%40%048%042%045%04B%00%2C%00+%046%04%3E%04%3F%040%00!&charset=UTF-16BE&udh=&moMsgId=1de97e5e15f76bb1e374f1ea3d33bf65'

const mo = (fields: Partial<MoReport>): MoReport => ({
  _tag: 'MoReport',
  moMsgId: 'm',
  from: '380',
  to: '491',
  timestamp: new Date(0),
  text: '',
  form: 'http-get',
  ...fields,
})

describe('literal callbacks', () => {
  it.each<[string, Callback.CallbackRequest, Report]>([
    ['HTTP GET, spec example', get(HTTP_QUERY), httpReport('http-get')],
    ['HTTP POST, spec fields in a form body', post(HTTP_QUERY), httpReport('http-post')],
    [
      'HTTP POST with the fields in the query and an empty body',
      { method: 'POST', query: HTTP_QUERY, body: '' },
      httpReport('http-post'),
    ],
    [
      'HTTP GET with user parameters of the callback URL around',
      get(`token=x&${HTTP_QUERY}&z=1`),
      httpReport('http-get'),
    ],
    ['XML GET, spec example not URL-encoded (quirk 15)', get(`data=${XML_LINE}`), xmlReport('xml-get')],
    ['XML GET, URL-encoded', get(`data=${enc(XML_LINE)}`), xmlReport('xml-get')],
    [
      'XML GET, spaces encoded but not the rest',
      get(`data=${XML_LINE.replace(/ /g, '%20')}`),
      xmlReport('xml-get'),
    ],
    ['XML POST, form body', post(`data=${enc(XML_PRETTY)}`), xmlReport('xml-post')],
    ['XML POST, raw pretty-printed body', post(XML_PRETTY, 'text/xml'), xmlReport('xml-post')],
    [
      'SOAP GET, v2.6 example in literal double quotes (quirk 15)',
      get(`data="${SOAP_LINE}"`),
      soapReport('soap-get'),
    ],
    ['SOAP GET, quotes URL-encoded', get(`data=${enc(`"${SOAP_LINE}"`)}`), soapReport('soap-get')],
    ['SOAP POST, form body', post(`data=${enc(SOAP_PRETTY)}`), soapReport('soap-post')],
    ['SOAP POST, raw body', post(SOAP_PRETTY, 'text/xml'), soapReport('soap-post')],
    [
      'empty from (rapidsms test_missing_from, quirk 16)',
      get('apiMsgId=a1&cliMsgId=&timestamp=1218007814&to=279&from=&status=004&charge=0'),
      {
        _tag: 'DeliveryReport',
        apiMsgId: 'a1',
        to: '279',
        timestamp: new Date(1218007814000),
        status: statusCodes['004'],
        charge: 0,
        form: 'http-get',
      },
    ],
    [
      'unpadded status, unknown status kept',
      get('apiMsgId=a1&timestamp=0&to=279&status=99&charge=1'),
      {
        _tag: 'DeliveryReport',
        apiMsgId: 'a1',
        to: '279',
        timestamp: new Date(0),
        status: statusCode('99'),
        charge: 1,
        form: 'http-get',
      },
    ],
    [
      'MO, artificial, raw spaces (kolypto)',
      get(MO_ARTIFICIAL),
      mo({
        apiId: '100',
        moMsgId: '1',
        from: '123',
        to: '456',
        timestamp: new Date('2008-08-06T07:43:50Z'),
        text: 'hello there',
        charset: 'ISO-8859-1',
      }),
    ],
    [
      'MO, live ISO-8859-1 capture (kolypto)',
      get(MO_LATIN),
      mo({
        apiId: '3460000',
        moMsgId: 'c6b1e0eb9d6b8d549621235aaf089a26',
        from: '380660000000',
        to: '491700000000',
        timestamp: new Date('2014-01-29T00:08:30Z'),
        text: 'Hi, man',
        charset: 'ISO-8859-1',
      }),
    ],
    [
      'MO, live UTF-16BE capture as raw bytes (kolypto, quirk 22)',
      get(MO_UNICODE),
      mo({
        apiId: '3460000',
        moMsgId: '1de97e5e15f76bb1e374f1ea3d33bf65',
        from: '380660000000',
        to: '491700000000',
        timestamp: new Date('2014-01-29T00:05:46Z'),
        text: 'Привет, жопа!',
        charset: 'UTF-16BE',
      }),
    ],
    [
      'MO, UTF-16BE as UCS-2 hex, POST',
      post(
        'moMsgId=m&from=380&to=491&timestamp=2014-01-29+02%3A05%3A46&charset=UTF-16BE&text=041F04400438&network=MTS',
      ),
      mo({
        timestamp: new Date('2014-01-29T00:05:46Z'),
        text: 'При',
        charset: 'UTF-16BE',
        network: 'MTS',
        form: 'http-post',
      }),
    ],
    [
      'MO, ISO-8859-1 byte percent-encoded',
      get(
        'moMsgId=m&from=380&to=491&timestamp=1970-01-01+02:00:00&charset=ISO-8859-1&text=H%E4&udh=050003CC0201',
      ),
      mo({ text: 'Hä', charset: 'ISO-8859-1', udh: '050003CC0201' }),
    ],
    [
      'MO, XML <callback> with <moMsgId>',
      get(
        `data=${enc('<callback><moMsgId>m</moMsgId><from>380</from><to>491</to><timestamp>1970-01-01 02:00:00</timestamp><text>a &amp; b &lt;3</text></callback>')}`,
      ),
      mo({ text: 'a & b <3', form: 'xml-get' }),
    ],
    [
      'MO, SOAP tns:mo_callback',
      post(
        `data=${enc('<SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/"><SOAP-ENV:Body><tns:mo_callback xmlns:tns="clickatell_mo"><api_id>7</api_id><momsgid>m</momsgid><from>380</from><to>491</to><timestamp>1970-01-01 02:00:00</timestamp><charset>UTF-16BE</charset><text>00480069</text></tns:mo_callback></SOAP-ENV:Body></SOAP-ENV:Envelope>')}`,
      ),
      mo({ apiId: '7', text: 'Hi', charset: 'UTF-16BE', form: 'soap-post' }),
    ],
  ])('%s', (_reason, request, expected) => {
    expect(Callback.parse(request)).toStrictEqual({ _tag: 'Right', right: expected })
  })

  const passwd = 'root:x:0:0'
  it.each<[string, Callback.CallbackRequest]>([
    ['no apiMsgId', get('timestamp=1&to=2&status=003&charge=0')],
    ['timestamp not unix seconds', get('apiMsgId=a&timestamp=2008-08-06&to=2&status=003&charge=0')],
    ['status not a number', get('apiMsgId=a&timestamp=1&to=2&status=ok&charge=0')],
    [
      'charge with the PDF line wrap (quirk 14)',
      get('apiMsgId=a&timestamp=1&to=2&status=003&charge=0.300%20000'),
    ],
    ['no charge: never invent one', get('apiMsgId=a&timestamp=1&to=2&status=003')],
    [
      'moMsgId with a status is a delivery report without apiMsgId (quirk 22)',
      get('moMsgId=1&from=1&to=2&status=2&charge=0.32'),
    ],
    ['MO timestamp out of range', get('moMsgId=m&from=1&to=2&timestamp=2014-02-30 10:00:00&text=x')],
    [
      'MO UTF-16BE text of an odd number of bytes',
      get('moMsgId=m&from=1&to=2&timestamp=1&charset=UTF-16BE&text=%04'),
    ],
    ['empty request', get('')],
    ['junk', post('hello world', 'text/plain')],
    ['XML not well formed', post('<callback><to>1</callback>', 'text/xml')],
    ['XML without a callback element', post('<other><to>1</to></other>', 'text/xml')],
    ['XML field repeated', post(XML_LINE.replace('<to>', '<to>1</to><to>'), 'text/xml')],
    ['XML tag named __proto__', post('<callback><__proto__>1</__proto__></callback>', 'text/xml')],
    ['XML nested too deep', post(`${'<a>'.repeat(5000)}${'</a>'.repeat(5000)}`, 'text/xml')],
    ['method PUT', { method: 'PUT', query: HTTP_QUERY, body: '' }],
    ['over the size cap', get(`${HTTP_QUERY}&pad=${'x'.repeat(Callback.MAX_CHARS)}`)],
    [
      'XXE: external entity',
      post(
        `<?xml version="1.0"?><!DOCTYPE callback [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><callback><apiMsgId>&xxe;</apiMsgId></callback>`,
        'text/xml',
      ),
    ],
    [
      'XXE in the data parameter, URL-encoded',
      get(
        `data=${enc('<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><callback><to>&xxe;</to></callback>')}`,
      ),
    ],
    [
      'billion laughs',
      post(
        `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`).join('')}]><callback><to>&lol9;</to></callback>`,
        'text/xml',
      ),
    ],
    ['declaration in lower case and odd spacing', post('<! doctype x><callback/>', 'text/xml')],
  ])('refuses %s', (_reason, request) => {
    const r = Callback.parse(request)
    expect(E.isLeft(r) && r.left).toMatchObject({ _tag: 'MalformedResponse', command: 'callback' })
    expect(JSON.stringify(r)).not.toContain(passwd)
  })

  it('never reads a file: the entity reference stays text if a DTD is not there to define it', () => {
    const r = Callback.parse(post(XML_LINE.replace('27833001171', '&xxe;'), 'text/xml'))
    expect(E.isRight(r) && r.right._tag === 'DeliveryReport' && r.right.from).toBe('&xxe;')
  })
})

describe('entities', () => {
  it.each([
    ['a &amp; b', 'a & b', 'predefined'],
    ['&lt;&gt;&quot;&apos;', '<>"\'', 'all five'],
    ['&#233;&#xE9;', 'éé', 'numeric'],
    ['&unknown; & &#xZZ;', '&unknown; & &#xZZ;', 'left as they are'],
    ['&#x110000;', '&#x110000;', 'beyond Unicode'],
  ])('%j -> %j (%s)', (text, expected) => {
    expect(decodeEntities(text)).toBe(expected)
  })
})

describe('callback values', () => {
  it.each([
    [0, [], 'none'],
    [1, ['003'], 'intermediate'],
    [2, ['004', '005', '007', '009', '010', '012'], 'final'],
    [3, ['003', '004', '005', '007', '009', '010', '012'], 'intermediate and final'],
    [4, ['005', '007', '009', '010', '012'], 'errors'],
    [5, ['003', '005', '007', '009', '010', '012'], 'intermediate and errors'],
    [6, ['004', '005', '007', '009', '010', '012'], 'final and errors'],
    [7, ['003', '004', '005', '007', '009', '010', '012'], 'all'],
  ])('callback=%i delivers %j (%s)', (value, statuses) => {
    expect(Callback.statusesFor(value)).toStrictEqual({ _tag: 'Right', right: statuses })
    for (const code of Object.keys(statusCodes))
      expect(Callback.delivers(value, code)).toBe(statuses.includes(code))
  })

  it.each([[-1], [8], [1.5], [Number.NaN]])('refuses %j', (value) => {
    expect(Callback.statusesFor(value)).toMatchObject({ _tag: 'Left', left: { _tag: 'InvalidInput' } })
    expect(Callback.delivers(value, '004')).toBe(false)
  })

  it('reads statuses as the gateway writes them', () => {
    expect(Callback.delivers(2, '4')).toBe(true)
    expect(Callback.delivers(2, ' 004')).toBe(true)
  })
})

// Arbitraries of reports the gateway could send (see Callback.render).
const plainWord = fc
  .string({ unit: 'grapheme', minLength: 1, maxLength: 24 })
  .filter((w) => /^[^\s\u0000-\u001f\u007f-\u009f\uFEFF]+$/u.test(w))
// The gateway's ids and a client message id: the rules of docs/errors.md, "Identifiers".
const gatewayId = fc.stringMatching(/^[A-Za-z0-9]{1,64}$/)
const clientId = fc.stringMatching(/^[A-Za-z0-9]{1,32}$/)
const optional = <A>(a: fc.Arbitrary<A>) => fc.option(a, { nil: undefined })
const omitUndefined = <B>(a: object): B =>
  Object.fromEntries(Object.entries(a).filter(([, v]) => v !== undefined)) as B
const forms: ReadonlyArray<CallbackForm> = [
  'http-get',
  'http-post',
  'xml-get',
  'xml-post',
  'soap-get',
  'soap-post',
]
const seconds = (max: number) => fc.integer({ min: 0, max }).map((s) => new Date(s * 1000))

const deliveryReport = (form: CallbackForm): fc.Arbitrary<DeliveryReport> =>
  fc
    .record({
      apiId: optional(plainWord),
      apiMsgId: gatewayId,
      cliMsgId: optional(clientId),
      to: plainWord,
      from: optional(plainWord),
      timestamp: seconds(2 ** 33),
      status: fc.oneof(
        fc.constantFrom(...Object.values(statusCodes)),
        fc.stringMatching(/^[0-9]{3}$/).map(statusCode),
      ),
      charge: fc.oneof(
        fc.integer({ min: 0, max: 10 ** 12 }).map((n) => n / 10 ** 6),
        fc.integer({ min: 0, max: 10 ** 6 }),
      ),
    })
    .map((r) => omitUndefined<DeliveryReport>({ _tag: 'DeliveryReport', ...r, form }))

// XML 1.0 characters, without CR (XML normalises line ends) and without C1 controls.
const xmlText = fc
  .string({ unit: 'grapheme', maxLength: 60 })
  .filter((t) => /^[\t\n\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]*$/u.test(t))
const latin1Text = fc.string({
  unit: fc.integer({ min: 0, max: 0xff }).map((c) => String.fromCharCode(c)),
  maxLength: 60,
})
const codeUnits = fc.string({ unit: 'binary', maxLength: 60 })

const graphemeText = fc.string({ unit: 'grapheme', maxLength: 60 })
const udh = fc.stringMatching(/^([0-9A-F]{2}){1,12}$/)

// The text a charset can carry in a form: any code units as UTF-16 (raw bytes or hex), XML characters in XML,
// bytes 0-255 as ISO-8859-1, well-formed text as UTF-8.
const moText = (form: CallbackForm, charset: string | undefined): fc.Arbitrary<string> =>
  charset === 'UTF-16BE'
    ? codeUnits
    : !form.startsWith('http')
      ? xmlText
      : charset === 'UTF-8'
        ? graphemeText
        : latin1Text

const moReport = (form: CallbackForm): fc.Arbitrary<MoReport> =>
  fc
    .record({
      apiId: optional(plainWord),
      moMsgId: gatewayId,
      from: plainWord,
      to: plainWord,
      timestamp: seconds(253402300799 - 7200),
      charset: fc.constantFrom<string | undefined>(undefined, 'ISO-8859-1', 'UTF-16BE', 'UTF-8'),
      udh: optional(udh),
      network: optional(plainWord),
    })
    .chain((r) => moText(form, r.charset).map((text) => ({ ...r, text })))
    .map((r) => omitUndefined<MoReport>({ _tag: 'MoReport', ...r, form }))

// The XML form has no api_id (quirk 16).
const expected = (r: Report): Report => {
  if (!r.form.startsWith('xml')) return r
  const { apiId: _, ...rest } = r
  return rest as Report
}

describe('laws', () => {
  for (const form of forms) {
    test.prop([deliveryReport(form)], { numRuns })(
      `delivery report, ${form}: parse(render(r)) equals r`,
      (r) => {
        expect(Callback.parse(Callback.render(r, form))).toStrictEqual({ _tag: 'Right', right: expected(r) })
      },
    )
    test.prop([moReport(form)], { numRuns })(`incoming message, ${form}: parse(render(r)) equals r`, (r) => {
      expect(Callback.parse(Callback.render(r, form))).toStrictEqual({ _tag: 'Right', right: expected(r) })
    })
  }

  test.prop(
    [
      fc.record({
        method: fc.oneof(fc.constantFrom('GET', 'POST', 'get', 'PUT'), fc.string({ unit: 'binary' })),
        query: fc.string({ unit: 'binary', maxLength: 300 }),
        body: fc.string({ unit: 'binary', maxLength: 300 }),
        contentType: fc.constantFrom('text/xml', 'application/x-www-form-urlencoded', ''),
      }),
    ],
    { numRuns: numRuns * 2 },
  )('parse never throws on any request', (request) => {
    const r = Callback.parse(request)
    expect(r._tag === 'Left' || r._tag === 'Right').toBe(true)
  })

  // Requests made of the grammar's own pieces reach the XML and form branches.
  const piece = fc.constantFrom(
    'data=',
    '<',
    '>',
    '</',
    '/>',
    'callback',
    'mt_callback',
    'mo_callback',
    'apiMsgId',
    'moMsgId',
    'to',
    'from',
    'status',
    'charge',
    'timestamp',
    '=',
    '&',
    '"',
    '%22',
    '%3C',
    '%',
    '+',
    '&amp;',
    '&#',
    ';',
    '<!',
    'DOCTYPE',
    '004',
    '0.3',
    '1218007814',
    'Envelope',
    'Body',
    ':',
    '?xml',
    ' ',
    '\n',
  )
  test.prop([fc.constantFrom('GET', 'POST'), fc.array(piece, { maxLength: 60 }).map((ps) => ps.join(''))], {
    numRuns: numRuns * 2,
  })('parse never throws on requests built from callback pieces', (method, text) => {
    const r = Callback.parse({ method, query: text, body: method === 'POST' ? text : '' })
    expect(r._tag === 'Left' || r._tag === 'Right').toBe(true)
  })

  it('survives bodies at and over the cap', () => {
    const big = `data=${'<a>'.repeat(Callback.MAX_CHARS / 3 - 2)}`
    for (const request of [
      get(big),
      post(big, 'text/xml'),
      post('<'.repeat(Callback.MAX_CHARS)),
      post('&'.repeat(4_000_000)),
    ])
      expect(E.isLeft(Callback.parse(request))).toBe(true)
  })
})
