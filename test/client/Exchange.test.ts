// One exchange: the request rendered as the settings say, the answer parsed, and every way a transport can fail
// turned into a value. A stub transport, no socket.
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { make } from '../../src/client/Exchange.js'
import type { HttpRequest, HttpResponse } from '../../src/core/http.js'
import { request } from '../../src/core/request/Wire.js'
import type { Transport } from '../../src/transport/Transport.js'

const balance = request('getbalance', [['session_id', 'abc']])

const setup = (
  answer: (r: HttpRequest) => Promise<E.Either<never, HttpResponse>> | never,
  method: 'GET' | 'POST' = 'POST',
) => {
  const seen: HttpRequest[] = []
  const transport: Transport = {
    send: (r) => () => {
      seen.push(r)
      return answer(r)
    },
  }
  return { exchange: make({ transport, baseUrl: 'http://127.0.0.1:1', method, maxBodyChars: 64 }), seen }
}

const ok =
  (body: string, status = 200) =>
  async () =>
    E.right({ status, headers: {}, body })

describe('Exchange', () => {
  it('renders the request as the settings say and parses the answer of its command', async () => {
    const { exchange, seen } = setup(ok('Credit: 12.000'))
    expect(await exchange('getbalance', balance)).toEqual(E.right({ credit: 12, raw: '12.000' }))
    expect(seen).toEqual([
      {
        method: 'POST',
        url: 'http://127.0.0.1:1/http/getbalance',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'session_id=abc',
      },
    ])
  })

  it('with GET, the parameters go in the query', async () => {
    const { exchange, seen } = setup(ok('Credit: 1'), 'GET')
    await exchange('getbalance', balance)
    expect(seen[0]!.url).toBe('http://127.0.0.1:1/http/getbalance?session_id=abc')
  })

  it('passes the signal on with the request, and only when there is one', async () => {
    const { exchange, seen } = setup(ok('Credit: 1'))
    const controller = new AbortController()
    await exchange('getbalance', balance, controller.signal)
    await exchange('getbalance', balance)
    expect(seen[0]!.signal).toBe(controller.signal)
    expect('signal' in seen[1]!).toBe(false)
  })

  it.each([
    ['a gateway error', ok('ERR: 001, Authentication failed'), { _tag: 'GatewayError', code: '001' }],
    ['a status other than 2xx', ok('busy', 503), { _tag: 'HttpStatusError', status: 503 }],
    ['a body over the cap', ok('x'.repeat(65)), { _tag: 'MalformedResponse' }],
    ['a garbled body', ok('<html>'), { _tag: 'MalformedResponse' }],
  ])('%s is a Left', async (_reason, answer, left) => {
    const { exchange } = setup(answer)
    expect(await exchange('getbalance', balance)).toMatchObject({ _tag: 'Left', left })
  })

  it('a transport that throws or rejects, against its contract, is a TransportError like a lost answer', async () => {
    const throwing = setup(() => {
      throw new Error('bug')
    })
    const rejecting = setup(() => Promise.reject(new Error('bug')))
    for (const { exchange } of [throwing, rejecting])
      expect(await exchange('getbalance', balance)).toMatchObject({
        _tag: 'Left',
        left: { _tag: 'TransportError', kind: 'network' },
      })
  })

  it('a request that cannot be written (a character outside ISO-8859-1) is refused before the transport', async () => {
    const { exchange, seen } = setup(ok('OK: '))
    const r = await exchange('ping', request('ping', [['session_id', 'a€']]))
    expect(r).toMatchObject({ _tag: 'Left', left: { _tag: 'InvalidInput' } })
    expect(seen).toHaveLength(0)
  })
})
