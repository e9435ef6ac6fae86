import { fc, test } from '@fast-check/vitest'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { gatewayError, httpStatusError } from '../../../src/core/errors.js'
import type { HttpResponse } from '../../../src/core/http.js'
import { statusCode } from '../../../src/core/reply/Codes.js'
import type { SendOutcome } from '../../../src/core/reply/Replies.js'
import { reply, replyWith } from '../../../src/core/reply/RestParse.js'
import type { RestCommand } from '../../../src/core/request/Command.js'
import * as Rest from '../../../src/core/request/Rest.js'

const numRuns = process.env.CI ? 200 : 1000

const ID = '996f364775e24b8432f45d77da8eca47'
const DOC = 'http://www.clickatell.com/help/apidocs/error/105.htm'
const JSON_TYPE = { 'content-type': 'application/json' }
const XML_TYPE = { 'content-type': 'application/xml' }
const right = <A>(value: A) => ({ _tag: 'Right', right: value })
const gw = (command: RestCommand, code: string, description: string, to?: string) =>
  ({ _tag: 'Left', left: gatewayError(command, code, description, to) }) as const
const status = (code: string) => statusCode(code)
const json = (status: number, body: string): HttpResponse => ({ status, headers: JSON_TYPE, body })
const xml = (status: number, body: string): HttpResponse => ({ status, headers: XML_TYPE, body })

// Real and documented bodies (docs/gateway.md, 'Legacy REST API'; FACTS 2.7; quirks 13 and 19), with the
// reason each is here, then the shapes the sources do not show (marked inferred).
describe('literal answers', () => {
  it.each<[RestCommand, HttpResponse, unknown, string]>([
    [
      'send',
      json(202, `{"data":{"message":[{"accepted":true,"to":"2799900001","apiMessageId":"${ID}"}]}}`),
      right({ outcomes: [{ _tag: 'Accepted', apiMsgId: ID, to: '2799900001' }] }),
      'accepted, 202 (2.7)',
    ],
    [
      'send',
      json(
        400,
        `{"data":{"message":[{"accepted":false,"to":"333","apiMessageId":"","error":{"code":"105","description":"Invalid Destination Address","documentation":"${DOC}"}}]}}`,
      ),
      gw('send', '105', 'Invalid Destination Address', '333'),
      'one recipient refused: HTTP 400, the full envelope, a string code, apiMessageId "" (quirk 19); Left as Parse.sendmsg',
    ],
    [
      'send',
      json(
        202,
        `{"data":{"message":[{"accepted":true,"to":"2799900001","apiMessageId":"${ID}"},{"accepted":false,"to":"333","apiMessageId":"","error":{"code":"105","description":"Invalid Destination Address","documentation":"${DOC}"}}]}}`,
      ),
      right({
        outcomes: [
          { _tag: 'Accepted', apiMsgId: ID, to: '2799900001' },
          { _tag: 'Rejected', error: gatewayError('send', '105', 'Invalid Destination Address', '333') },
        ],
      }),
      'partial success is data, in request order',
    ],
    [
      'send',
      json(401, `{"error":{"code":"001","description":"Authentication failed","documentation":"${DOC}"}}`),
      gw('send', '001', 'Authentication failed'),
      'global error: Left with its code, whatever the status',
    ],
    [
      'balance',
      json(400, '{"error":{"code":165,"description":"Invalid or no version header specified"}}'),
      gw('balance', '165', 'Invalid or no version header specified'),
      'a code as a JSON number (inferred: the documents do not say which)',
    ],
    [
      'status',
      json(400, '{"error":{"code":"1","description":"Auth fail"}}'),
      gw('status', '001', 'Auth fail'),
      'a code without padding is read as the HTTP parser reads it (quirk 8)',
    ],
    [
      'balance',
      json(200, '{"data":{"balance":"36.000"}}'),
      right({ credit: 36, raw: '36.000' }),
      'the balance is a JSON string with three decimals (quirk 13)',
    ],
    [
      'balance',
      json(200, '{"data":{"balance":"-5.500"}}'),
      right({ credit: -5.5, raw: '-5.500' }),
      'a post-paid account below zero, as Parse.getbalance allows',
    ],
    [
      'status',
      json(
        200,
        `{"data":{"charge":0,"messageStatus":"001","description":"Message unknown","apiMessageId":"${ID}","clientMessageId":""}}`,
      ),
      right({ apiMsgId: ID, status: status('001'), charge: 0 }),
      'status and charge as documented (2.7): unknown id gives 001; "" is no client id',
    ],
    [
      'status',
      json(
        200,
        `{"data":{"charge":"0.8","messageStatus":"008","description":"OK","apiMessageId":"${ID}","clientMessageId":"order42"}}`,
      ),
      right({ apiMsgId: ID, status: status('008'), charge: 0.8, cliMsgId: 'order42' }),
      'zero-padded status is decimal (quirk 9); a charge as a string',
    ],
    [
      'stop',
      json(
        200,
        `{"data":{"messageStatus":"006","description":"User cancelled message delivery","apiMessageId":"${ID}"}}`,
      ),
      right({ apiMsgId: ID, status: status('006') }),
      'stop as documented (2.7)',
    ],
    [
      'coverage',
      json(200, '{"data":{"routable":true,"destination":"27999123456","minimumCharge":1}}'),
      right({ routable: true, charge: 1, description: '', destination: '27999123456' }),
      'coverage as documented (2.7)',
    ],
    [
      'coverage',
      json(200, '{"data":{"routable":false,"destination":"999123","minimumCharge":0}}'),
      right({ routable: false, description: '', destination: '999123' }),
      'not routable (inferred): Right, as Parse.routecoverage reads quirk 4',
    ],
    [
      'coverage',
      json(200, '{"data":{"routable":false}}'),
      right({ routable: false, description: '' }),
      'not routable without a charge or destination (inferred)',
    ],
    [
      'send',
      xml(
        202,
        `<?xml version="1.0" encoding="UTF-8"?><response><data><message><accepted>1</accepted><to>2799900001</to><apiMessageId>${ID}</apiMessageId></message></data></response>`,
      ),
      right({ outcomes: [{ _tag: 'Accepted', apiMsgId: ID, to: '2799900001' }] }),
      'XML flavour: accepted is 1 (2.7)',
    ],
    [
      'send',
      xml(
        202,
        `<response>\n  <data>\n    <message><accepted>1</accepted><to>2799900001</to><apiMessageId>${ID}</apiMessageId></message>\n    <message><accepted>0</accepted><to>333</to><apiMessageId></apiMessageId><error><code>105</code><description>Invalid Destination Address</description></error></message>\n  </data>\n</response>\n`,
      ),
      right({
        outcomes: [
          { _tag: 'Accepted', apiMsgId: ID, to: '2799900001' },
          { _tag: 'Rejected', error: gatewayError('send', '105', 'Invalid Destination Address', '333') },
        ],
      }),
      'XML, indented: a repeated <message> is the list (inferred)',
    ],
    [
      'balance',
      xml(
        401,
        '<response><error><code>001</code><description>Q&amp;A &#233;</description></error></response>',
      ),
      gw('balance', '001', 'Q&A é'),
      'XML error; entities decoded by us, never by the parser',
    ],
    [
      'balance',
      { status: 200, headers: {}, body: '<response><data><balance>12345.000</balance></data></response>' },
      right({ credit: 12345, raw: '12345.000' }),
      'XML without a content type: the body says <',
    ],
    [
      'balance',
      json(200, '{"data":{"balance":36},"error":null}'),
      right({ credit: 36, raw: '36' }),
      'error: null is no error; a balance as a number',
    ],
  ])('%s %j -> %j (%s)', (command, response, expected) => {
    expect(reply(command, response)).toEqual(expected)
  })
})

const malformedOf = (command: RestCommand, response: HttpResponse) => {
  const r = reply(command, response)
  return E.isLeft(r) && r.left._tag === 'MalformedResponse'
    ? r.left.reason
    : `not malformed: ${JSON.stringify(r)}`
}

describe('strict: what is refused', () => {
  const accepted = (entry: string) => json(202, `{"data":{"message":[${entry}]}}`)
  it.each<[RestCommand, HttpResponse, string]>([
    ['balance', json(200, 'Credit: 36.000'), 'an HTTP API body, not JSON'],
    ['balance', json(200, '[1]'), 'JSON that is not an object'],
    ['balance', json(200, '{}'), 'neither data nor error'],
    ['send', accepted(`{"accepted":true,"to":"2799900001","apiMessageId":""}`), 'accepted without an id'],
    [
      'send',
      accepted(`{"accepted":true,"to":"2799900001","apiMessageId":"ab-cd"}`),
      'an id outside the alphabet',
    ],
    [
      'send',
      accepted(`{"accepted":true,"to":"2799900001","apiMessageId":"${'a'.repeat(65)}"}`),
      'an id over 64',
    ],
    [
      'send',
      accepted(`{"accepted":"true","to":"2799900001","apiMessageId":"${ID}"}`),
      'accepted as a string',
    ],
    ['send', accepted(`{"accepted":1,"to":"2799900001","apiMessageId":"${ID}"}`), 'accepted as 1 in JSON'],
    ['send', accepted(`{"accepted":true,"to":"27 99","apiMessageId":"${ID}"}`), 'a to of two words'],
    ['send', accepted(`{"accepted":true,"apiMessageId":"${ID}"}`), 'no to'],
    [
      'send',
      accepted(`{"accepted":true,"to":"1","apiMessageId":"${ID}","error":{"code":"105","description":"x"}}`),
      'accepted with an error',
    ],
    ['send', accepted(`{"accepted":false,"to":"333","apiMessageId":""}`), 'refused without an error'],
    [
      'send',
      accepted(
        `{"accepted":false,"to":"333","apiMessageId":"${ID}","error":{"code":"105","description":"x"}}`,
      ),
      'refused with an id',
    ],
    [
      'send',
      accepted(`{"accepted":false,"to":"333","apiMessageId":"","error":{"code":"1O5","description":"x"}}`),
      'a code with a letter O',
    ],
    [
      'send',
      accepted(`{"accepted":false,"to":"333","error":{"code":"105"}}`),
      'an error without description',
    ],
    ['send', json(202, '{"data":{"message":[]}}'), 'no messages'],
    [
      'send',
      json(202, `{"data":{"message":{"accepted":true,"to":"1","apiMessageId":"${ID}"}}}`),
      'JSON message not a list',
    ],
    ['balance', json(200, '{"data":{"balance":"36,000"}}'), 'a decimal comma'],
    ['balance', json(200, '{"data":{"balance":"1e3"}}'), 'an exponent'],
    ['balance', json(200, '{"data":{"balance":"0.300 000"}}'), 'the spec line-wrap artefact (quirk 14)'],
    [
      'status',
      json(200, `{"data":{"charge":0,"messageStatus":"4a","apiMessageId":"${ID}"}}`),
      'a status with a letter',
    ],
    [
      'status',
      json(200, `{"data":{"messageStatus":"004","apiMessageId":"${ID}"}}`),
      'status without its charge',
    ],
    [
      'status',
      json(200, `{"data":{"charge":-1,"messageStatus":"004","apiMessageId":"${ID}"}}`),
      'a negative charge',
    ],
    [
      'status',
      json(200, `{"data":{"charge":0,"messageStatus":"004","apiMessageId":"${ID}","clientMessageId":"a b"}}`),
      'a client id with a space',
    ],
    ['stop', json(200, '{"data":{"messageStatus":"006"}}'), 'stop without its id'],
    ['coverage', json(200, '{"data":{"routable":true,"destination":"1"}}'), 'routable without a charge'],
    ['coverage', json(200, '{"data":{"routable":"yes","minimumCharge":1}}'), 'routable not a boolean'],
    [
      'send',
      xml(202, '<!DOCTYPE r [<!ENTITY x "y">]><response><data/></response>'),
      'a DTD (XXE) is refused',
    ],
    ['send', xml(202, '<reply><data><message/></data></reply>'), 'XML without <response>'],
    [
      'send',
      xml(202, '<response><data><message><accepted>true</accepted></message></data></response>'),
      'XML accepted as true',
    ],
    ['balance', xml(200, '<response><data><balance>1</data></response>'), 'XML not well formed'],
  ])('%s: %j (%s)', (command, response) => {
    expect(malformedOf(command, response)).not.toMatch(/^not malformed/)
  })

  it.each<[RestCommand, HttpResponse, string]>([
    ['send', json(500, '<html><body><h1>500</h1></body></html>'), 'an error page'],
    ['balance', json(503, ''), 'an empty 503'],
    [
      'send',
      json(400, `{"data":{"message":[{"accepted":true,"to":"2799900001","apiMessageId":"${ID}"}]}}`),
      'a 400 that refused nothing',
    ],
    ['balance', json(400, '{"data":{"balance":"36.000"}}'), 'a 400 with data is an answer only for a send'],
    ['send', json(401, '{"error":{"code":"x"}}'), 'an unreadable error on a failure status'],
  ])('%s: %j is HttpStatusError (%s)', (command, response) => {
    expect(reply(command, response)).toEqual(E.left(httpStatusError(response.status, response.body)))
  })

  it('a 404 with a REST error is the gateway error', () => {
    expect(
      reply('status', json(404, '{"error":{"code":"161","description":"Resource does not exist"}}')),
    ).toEqual(gw('status', '161', 'Resource does not exist'))
  })

  it('refuses a body over the cap, and a name that is no REST command', () => {
    expect(replyWith({ maxBodyChars: 5 })('balance', json(200, '{"data":{"balance":"1"}}'))._tag).toBe('Left')
    expect(malformedOf('getbalance' as never, json(200, '{"data":{"balance":"1"}}'))).toBe(
      'not a command of the REST dialect',
    )
  })

  it('is the same function from the root namespace', () => {
    expect(Rest.reply).toBe(reply)
  })
})

// A send's outcomes written as the live service writes them, in both flavours.
type Entry =
  | { readonly ok: true; readonly to: string; readonly id: string }
  | { readonly ok: false; readonly to: string; readonly code: string; readonly description: string }

const entryJson = (e: Entry) =>
  e.ok
    ? { accepted: true, to: e.to, apiMessageId: e.id }
    : { accepted: false, to: e.to, apiMessageId: '', error: { code: e.code, description: e.description } }
const xmlText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
const entryXml = (e: Entry) =>
  e.ok
    ? `<message><accepted>1</accepted><to>${e.to}</to><apiMessageId>${e.id}</apiMessageId></message>`
    : `<message><accepted>0</accepted><to>${e.to}</to><apiMessageId></apiMessageId><error><code>${e.code}</code><description>${xmlText(e.description)}</description></error></message>`

const alnum = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789')
const entry: fc.Arbitrary<Entry> = fc.oneof(
  fc.record({
    ok: fc.constant(true as const),
    to: fc.stringMatching(/^[0-9]{3,15}$/),
    id: fc.string({ unit: alnum, minLength: 1, maxLength: 64 }),
  }),
  fc.record({
    ok: fc.constant(false as const),
    to: fc.stringMatching(/^[0-9]{3,15}$/),
    code: fc.stringMatching(/^[0-9]{3}$/),
    // Descriptions as XML text keeps them: no surrounding blanks, no control characters.
    description: fc.stringMatching(/^[A-Za-z0-9&<>'".,-](?:[A-Za-z0-9&<>'" .,-]*[A-Za-z0-9&<>'".,-])?$/),
  }),
)
const outcomeOf = (e: Entry): SendOutcome =>
  e.ok
    ? { _tag: 'Accepted', apiMsgId: e.id, to: e.to }
    : { _tag: 'Rejected', error: gatewayError('send', e.code, e.description, e.to) }

describe('laws', () => {
  test.prop([fc.array(entry, { minLength: 1, maxLength: 20 })], { numRuns })(
    'a send reads back its outcomes, in order, from JSON and XML alike',
    (entries) => {
      const fromJson = reply('send', json(202, JSON.stringify({ data: { message: entries.map(entryJson) } })))
      const fromXml = reply(
        'send',
        xml(202, `<response><data>${entries.map(entryXml).join('')}</data></response>`),
      )
      const outcomes = entries.map(outcomeOf)
      const expected =
        outcomes.length === 1 && outcomes[0]!._tag === 'Rejected'
          ? E.left(outcomes[0]!.error)
          : E.right({ outcomes })
      expect(fromJson).toEqual(expected)
      expect(fromXml).toEqual(expected)
    },
  )

  test.prop([fc.integer({ min: 0, max: 10_000_000 })], { numRuns })(
    'a balance reads back its digits',
    (milli) => {
      const raw = (milli / 1000).toFixed(3)
      expect(reply('balance', json(200, `{"data":{"balance":"${raw}"}}`))).toEqual(
        E.right({ credit: Number(raw), raw }),
      )
    },
  )

  const command = fc.constantFrom<RestCommand>('send', 'status', 'stop', 'balance', 'coverage')
  const bodies = fc.oneof(
    fc.string(),
    fc.json(),
    fc.jsonValue().map((v) => JSON.stringify({ data: v })),
    fc.jsonValue().map((v) => JSON.stringify({ data: { message: [v] } })),
    fc.jsonValue().map((v) => JSON.stringify({ error: v })),
    fc.string().map((s) => `<response><data>${s}</data></response>`),
    fc.anything(),
  )
  test.prop(
    [
      command,
      fc.record({
        status: fc.oneof(fc.integer({ min: 100, max: 599 }), fc.anything()),
        headers: fc.oneof(fc.constant(JSON_TYPE), fc.constant(XML_TYPE), fc.anything()),
        body: bodies,
      }),
    ],
    { numRuns },
  )('never throws, on any status, headers and body', (c, response) => {
    const r = reply(c, response as HttpResponse)
    expect(r._tag === 'Left' || r._tag === 'Right').toBe(true)
    if (E.isLeft(r)) expect(['GatewayError', 'MalformedResponse', 'HttpStatusError']).toContain(r.left._tag)
  })

  test.prop([command, fc.anything()], { numRuns })('never throws on anything at all', (c, response) => {
    expect(() => reply(c, response as HttpResponse)).not.toThrow()
  })
})
