import { fc, test } from '@fast-check/vitest'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { ApiMessageId, ClientMessageId } from '../../../src/core/message/IdCodecs.js'
import { decode } from '../../../src/core/message/Message.js'
import { Msisdn, Prefix } from '../../../src/core/message/Msisdn.js'
import { fromMessage } from '../../../src/core/request/MessageParams.js'
import * as RestRequests from '../../../src/core/request/RestRequests.js'
import { numRuns } from '../../support/arbitraries.js'

const right = <A>(r: E.Either<unknown, A>): A => {
  if (E.isLeft(r)) throw new Error(JSON.stringify(r.left))
  return r.right
}
const at = right(RestRequests.endpoint({ baseUrl: 'http://127.0.0.1:9' })('tok3n'))

describe('RestToken', () => {
  it.each<[unknown, boolean, string]>([
    ['tok3n', true, 'letters and digits'],
    ['a.b-c_d~e+f/g=', true, 'visible ASCII punctuation, as in base64 or JWT tokens'],
    ['', false, 'empty'],
    ['a b', false, 'a space would split the header value'],
    ['a\r\nX-Evil: 1', false, 'a line break would start another header'],
    ['tökén', false, 'not ASCII'],
    [42, false, 'not a string'],
  ])('%j is %s (%s)', (token, ok, _reason) => {
    expect(RestRequests.RestToken.is(token)).toBe(ok)
    expect(E.isRight(RestRequests.decodeToken(token))).toBe(ok)
  })

  test.prop([fc.string({ unit: 'binary' })], { numRuns })(
    'a token passes exactly when a header could carry it',
    (s) => {
      expect(RestRequests.RestToken.is(s)).toBe(/^[\x21-\x7e]+$/.test(s))
    },
  )
})

describe('the typed builders', () => {
  it('send: the JSON as given, POSTed', () => {
    expect(RestRequests.sendRequest(at)({ text: 'Hi', to: ['2799900001'] })).toEqual({
      method: 'POST',
      url: 'http://127.0.0.1:9/rest/message',
      headers: RestRequests.headers(at.token),
      body: '{"text":"Hi","to":["2799900001"]}',
    })
  })

  it('prepareSend: the plan once, then one recipient and one client message id per request', () => {
    const s = right(
      E.flatMap(fromMessage)(decode({ to: ['2799900001', '2799900002'], text: 'Hi', clientMessageId: 'x' })),
    )
    const make = right(RestRequests.prepareSend(s))
    const r = make(at, right(Msisdn.decode('2799900003')), right(ClientMessageId.decode('c1')))
    expect(JSON.parse(r.body!)).toEqual({ text: 'Hi', to: ['2799900003'], clientMessageId: 'c1' })
  })

  it('prepareSend refuses a delivery delay, which REST cannot say', () => {
    const s = right(E.flatMap(fromMessage)(decode({ to: '2799900001', text: 'Hi', deliverAfterMinutes: 5 })))
    expect(E.isLeft(RestRequests.prepareSend(s))).toBe(true)
  })

  it('status, stop, balance and coverage: paths from the decoded values', () => {
    const id = right(ApiMessageId.decode('a1b2'))
    expect(RestRequests.statusRequest(at)({ apiMsgId: id }).url).toBe('http://127.0.0.1:9/rest/message/a1b2')
    expect(RestRequests.statusRequest(at)({ clientMessageId: right(ClientMessageId.decode('c1')) }).url).toBe(
      'http://127.0.0.1:9/rest/message?clientMessageId=c1',
    )
    expect(RestRequests.stopRequest(at)(id).method).toBe('DELETE')
    expect(RestRequests.balanceRequest(at)().url).toBe('http://127.0.0.1:9/rest/account/balance')
    expect(RestRequests.coverageRequest(at)(right(Prefix.decode('27'))).url).toBe(
      'http://127.0.0.1:9/rest/coverage/27',
    )
  })

  it('endpoint lists the problems of the base URL and the token', () => {
    const r = RestRequests.endpoint({ baseUrl: 'x' })(undefined)
    expect(E.isLeft(r) && r.left.problems.map((p) => p.path)).toEqual(['baseUrl', 'token'])
  })
})
