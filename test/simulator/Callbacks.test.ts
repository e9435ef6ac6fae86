import { describe, expect, it } from 'vitest'
import { render, type StatusReport, soap, statusesFor, wants, xml } from '../../src/simulator/Callbacks.js'

// The values of the specification's examples (v2.6 section 5.2.5).
const httpExample: StatusReport = {
  apiId: '12345',
  apiMsgId: '996f364775e24b8432f45d77da8eca47',
  cliMsgId: 'abc123',
  timestamp: 1218007814,
  to: '279995631564',
  from: '27833001171',
  status: '003',
  charge: 0.3,
}
const xmlExample: StatusReport = {
  apiId: '12345',
  apiMsgId: '996411ad91fa211e7d17bc873aa4a41d',
  cliMsgId: '',
  timestamp: 1218008129,
  to: '279995631564',
  from: '27833001171',
  status: '004',
  charge: 0.3,
}
const soapExample: StatusReport = {
  apiId: '1234',
  apiMsgId: '2e838df2ee3ea418272ae05aaf84ce5d',
  cliMsgId: 'abc123',
  to: '27999123456',
  from: '27999000224',
  timestamp: 1213690834,
  status: '003',
  charge: 0.3,
}

const dataOf = (query: string): string => new URLSearchParams(query).get('data') ?? ''

describe('callback forms, against the specification examples', () => {
  it('HTTP GET has the fields in the example order, 3-digit status and 6-decimal charge', () => {
    const request = render('http-get', 'https://www.yoururl.com/script.asp')(httpExample)
    expect(request).toEqual({
      method: 'GET',
      url: 'https://www.yoururl.com/script.asp?api_id=12345&apiMsgId=996f364775e24b8432f45d77da8eca47&cliMsgId=abc123&timestamp=1218007814&to=279995631564&from=27833001171&status=003&charge=0.300000',
      headers: {},
      body: undefined,
    })
  })

  it('HTTP POST sends the same fields as a form body', () => {
    const request = render('http-post', 'http://127.0.0.1/cb')(httpExample)
    expect(request.method).toBe('POST')
    expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded')
    expect(request.body).toBe(
      new URL(render('http-get', 'http://127.0.0.1/cb')(httpExample).url).search.slice(1),
    )
  })

  it('XML is the example document, in a parameter called data, without api_id', () => {
    expect(xml(xmlExample)).toBe(
      '<?xml version="1.0"?><callback><apiMsgId>996411ad91fa211e7d17bc873aa4a41d</apiMsgId><cliMsgId></cliMsgId><timestamp>1218008129</timestamp><to>279995631564</to><from>27833001171</from><charge>0.300000</charge><status>004</status></callback>',
    )
    const get = render('xml-get', 'http://127.0.0.1/cb?x=1')(xmlExample)
    expect(get.url.startsWith('http://127.0.0.1/cb?x=1&data=')).toBe(true)
    expect(dataOf(new URL(get.url).search)).toBe(xml(xmlExample))
    expect(dataOf(render('xml-post', 'http://127.0.0.1/cb')(xmlExample).body ?? '')).toBe(xml(xmlExample))
  })

  it('SOAP is the example envelope (lower-case apimsgid/climsgid), in data', () => {
    expect(soap(soapExample)).toBe(
      '<?xml version="1.0" encoding="ISO-8859-1"?><SOAP-ENV:Envelope SOAP-ENV:encodingStyle="http://schemas.xmlsoap.org/soap/encoding/" xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:SOAP-ENC="http://schemas.xmlsoap.org/soap/encoding/" xmlns:tns="mt_callback"><SOAP-ENV:Body><tns:mt_callback xmlns:tns="mt_callback"><api_id xsi:type="xsd:int">1234</api_id><apimsgid xsi:type="xsd:string">2e838df2ee3ea418272ae05aaf84ce5d</apimsgid><climsgid xsi:type="xsd:string">abc123</climsgid><to xsi:type="xsd:string">27999123456</to><from xsi:type="xsd:string">27999000224</from><timestamp xsi:type="xsd:int">1213690834</timestamp><status xsi:type="xsd:int">003</status><charge xsi:type="xsd:float">0.300000</charge></tns:mt_callback></SOAP-ENV:Body></SOAP-ENV:Envelope>',
    )
    expect(dataOf(render('soap-post', 'http://127.0.0.1/cb')(soapExample).body ?? '')).toBe(soap(soapExample))
    expect(dataOf(new URL(render('soap-get', 'http://127.0.0.1/cb')(soapExample).url).search)).toBe(
      soap(soapExample),
    )
  })

  it('adds HTTP Basic credentials when given', () => {
    const request = render('http-get', 'http://127.0.0.1/cb', { username: 'cb', password: 'pä:ss' })(
      httpExample,
    )
    expect(request.headers['authorization']).toBe(`Basic ${Buffer.from('cb:pä:ss').toString('base64')}`)
  })

  it('escapes XML special characters', () => {
    expect(xml({ ...xmlExample, from: 'A&B<C>' })).toContain('<from>A&#38;B&#60;C&#62;</from>')
  })
})

describe('which statuses a callback value asks for (v2.6 table, docs/gateway.md "Callback values")', () => {
  it.each([
    [0, [], 'none'],
    [1, ['003'], 'intermediate'],
    [2, ['004', '005', '007', '009', '010', '012'], 'final'],
    [3, ['003', '004', '005', '007', '009', '010', '012'], 'intermediate and final'],
    [4, ['005', '007', '009', '010', '012'], 'errors'],
    [5, ['003', '005', '007', '009', '010', '012'], 'intermediate and errors'],
    [6, ['004', '005', '007', '009', '010', '012'], 'final and errors'],
    [7, ['003', '004', '005', '007', '009', '010', '012'], 'all three'],
  ] as const)('callback=%i reports %j (%s)', (value, statuses, _reason) => {
    expect([...statusesFor[value]!]).toEqual(statuses)
    expect(wants(value, '002')).toBe(false)
    expect(wants(value, '006')).toBe(false)
  })

  it('an out-of-range value asks for nothing', () => {
    expect(wants(8, '004')).toBe(false)
  })
})
