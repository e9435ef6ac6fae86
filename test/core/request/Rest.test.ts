import { test } from '@fast-check/vitest'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { request as redact } from '../../../src/core/request/Redact.js'
import * as Rest from '../../../src/core/request/Rest.js'
import { send, sendWith } from '../../../src/core/request/Rest.js'
import { planWith } from '../../../src/core/text/Charset.js'
import { fromHex } from '../../../src/core/text/Ucs2.js'
import { numRuns, textMessage } from '../../support/arbitraries.js'

describe('Rest.send', () => {
  it('POSTs JSON to /rest/message with the version, bearer token and JSON headers', () => {
    expect(send('tok3n')({ to: '2799900001', text: 'Hello' })).toEqual(
      E.right({
        method: 'POST',
        url: 'https://api.clickatell.com/rest/message',
        headers: {
          'x-version': '1',
          authorization: 'Bearer tok3n',
          'content-type': 'application/json',
          accept: 'application/json',
        },
        body: '{"text":"Hello","to":["2799900001"]}',
      }),
    )
  })

  it('uses the REST names for every option', () => {
    const r = send('t')({
      to: ['2799900001', '2799900002'],
      text: 'x'.repeat(200),
      from: 'Acme',
      clientMessageId: 'abc123',
      maxParts: 3,
      queue: 1,
      callback: 7,
      escalate: true,
      maxCredits: 2.5,
      messageType: 'SMS_FLASH',
      replyable: false,
      deliverAt: new Date('2015-06-30T14:00:00Z'),
      validityMinutes: 25,
      bypassDoNotContact: true,
    })
    expect(E.isRight(r) && JSON.parse(r.right.body!)).toEqual({
      text: 'x'.repeat(200),
      to: ['2799900001', '2799900002'],
      from: 'Acme',
      clientMessageId: 'abc123',
      maxMessageParts: 2,
      userPriorityQueue: 1,
      callback: 7,
      escalate: 1,
      maxCredits: 2.5,
      type: 'SMS_FLASH',
      mo: 0,
      requiredFeatures: 16 + 512 + 8192 + 16384,
      scheduledDeliveryTime: '2015-06-30T14:00:00Z',
      validityPeriod: 25,
      bypassDNCCheck: 1,
    })
  })

  it('sends binary content as hex text with binary: 1', () => {
    const r = send('t')({ to: '2799900001', udh: '06050415810000', data: '024A3A' })
    expect(E.isRight(r) && JSON.parse(r.right.body!)).toEqual({
      text: '024A3A',
      to: ['2799900001'],
      udh: '06050415810000',
      binary: 1,
      requiredFeatures: 6,
    })
  })

  it.each([
    ['a delivery delay, which REST cannot say', 't', { deliverAfterMinutes: 5 }, 'deliverAfterMinutes'],
    ['a token with a line break (header injection)', 't\r\nX-Evil: 1', {}, 'token'],
    ['an empty token', '', {}, 'token'],
  ])('refuses %s', (_reason, token, extra, path) => {
    const r = send(token)({ to: '2799900001', text: 'x', ...extra })
    expect(E.isLeft(r) && r.left._tag === 'InvalidInput' && r.left.problems[0]!.path).toBe(path)
  })

  it('lists problems of the options, the token and the message together', () => {
    const r = sendWith({ baseUrl: 'nope' })('')({ to: '+1', text: '' })
    expect(E.isLeft(r) && r.left._tag === 'InvalidInput' && r.left.problems.map((p) => p.path)).toEqual([
      'baseUrl',
      'token',
      'to',
      'text',
    ])
  })

  test.prop([textMessage()], { numRuns })('every generated message, without a delay, reads back', (m) => {
    const { deliverAfterMinutes: _, ...message } = m
    const r = send('t')(message)
    expect(r._tag).toBe('Right')
    if (E.isLeft(r)) return
    const json = JSON.parse(r.right.body!)
    expect(json.to).toEqual(typeof m.to === 'string' ? [m.to] : m.to)
    const ucs2 =
      planWith(m.encoding === undefined ? {} : { encoding: m.encoding })(m.text).encoding === 'ucs2'
    expect(json.unicode).toBe(ucs2 ? 1 : undefined)
    expect(ucs2 ? fromHex(json.text) : E.right(json.text)).toEqual(E.right(m.text))
  })
})

const HEADERS = {
  'x-version': '1',
  authorization: 'Bearer tok3n',
  'content-type': 'application/json',
  accept: 'application/json',
}
const ID = '996f364775e24b8432f45d77da8eca47'
const pathsOf = (
  r: E.Either<{ readonly _tag: string; readonly problems?: ReadonlyArray<{ path: string }> }, unknown>,
) => (E.isLeft(r) ? (r.left.problems ?? []).map((p) => p.path) : [])

describe('the other REST requests', () => {
  it.each([
    ['status by apiMsgId', Rest.status('tok3n')({ apiMsgId: ID }), 'GET', `/rest/message/${ID}`],
    [
      'status by clientMessageId',
      Rest.status('tok3n')({ clientMessageId: 'order42' }),
      'GET',
      '/rest/message?clientMessageId=order42',
    ],
    ['stop', Rest.stop('tok3n')({ apiMsgId: ID }), 'DELETE', `/rest/message/${ID}`],
    ['balance', Rest.balance('tok3n')(), 'GET', '/rest/account/balance'],
    ['coverage', Rest.coverage('tok3n')({ msisdn: '27999123456' }), 'GET', '/rest/coverage/27999123456'],
  ])('%s: the method, the path and the four headers, no body', (_reason, r, method, path) => {
    expect(r).toEqual(E.right({ method, url: `https://api.clickatell.com${path}`, headers: HEADERS }))
  })

  it('goes to another base URL, without doubling its trailing slash', () => {
    const r = Rest.balanceWith({ baseUrl: 'http://127.0.0.1:8080/' })('tok3n')()
    expect(E.isRight(r) && r.right.url).toBe('http://127.0.0.1:8080/rest/account/balance')
  })

  it.each([
    ['an id with punctuation', () => Rest.status('t')({ apiMsgId: 'a/../b' }), ['apiMsgId']],
    ['no id at all', () => Rest.status('t')({} as never), ['']],
    ['both ids', () => Rest.status('t')({ apiMsgId: 'a', clientMessageId: 'b' } as never), ['']],
    [
      'a stop by client id, which REST cannot say',
      () => Rest.stop('t')({ clientMessageId: 'c1' }),
      ['clientMessageId'],
    ],
    ['a number with a plus', () => Rest.coverage('t')({ msisdn: '+27999' }), ['msisdn']],
    ['a number with a path in it', () => Rest.coverage('t')({ msisdn: '27/../x' }), ['msisdn']],
    ['an empty token', () => Rest.balance('')(), ['token']],
    ['a token with a space', () => Rest.balance('a b')(), ['token']],
    [
      'everything at once, in order: base URL, token, input',
      () => Rest.statusWith({ baseUrl: 'ftp://x' })('')({ apiMsgId: '' }),
      ['baseUrl', 'token', 'apiMsgId'],
    ],
  ])('refuses %s', (_reason, make, paths) => {
    expect(pathsOf(make())).toEqual(paths)
  })

  it('a request fit for a log keeps no token (Redact.request)', () => {
    const r = Rest.balance('s3cretTok3n')()
    expect(E.isRight(r) && JSON.stringify(redact(r.right))).not.toContain('s3cretTok3n')
  })

  it('never quotes the token in a problem', () => {
    const r = Rest.balance('secret token')()
    expect(E.isLeft(r) && JSON.stringify(r.left)).not.toContain('secret')
  })
})
