import { fc, test } from '@fast-check/vitest'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { decode } from '../../../src/core/message/Message.js'
import { getbalance, prepare, sendmsg } from '../../../src/core/request/Encode.js'
import { decodeForm } from '../../../src/core/request/Latin1Form.js'
import { fromMessage } from '../../../src/core/request/MessageParams.js'
import { FORM_CONTENT_TYPE, http, root, sendmsgWith } from '../../../src/core/request/Render.js'
import {
  account,
  type Credentials,
  request,
  session,
  type WireRequest,
} from '../../../src/core/request/Wire.js'
import { binaryMessage, credentials, msisdn, numRuns, textMessage } from '../../support/arbitraries.js'

const wire = (r: E.Either<unknown, WireRequest | ReadonlyArray<WireRequest>>): WireRequest => {
  if (E.isLeft(r)) throw new Error('encode failed')
  return Array.isArray(r.right) ? (r.right as ReadonlyArray<WireRequest>)[0]! : (r.right as WireRequest)
}

describe('Render.http', () => {
  const creds = account({ apiId: '1', user: 'me', password: 's3cret pass' })
  const w = wire(sendmsg(creds)({ to: '447901231234', text: 'Grüße 100%' }))

  it('POSTs a form body by default, with the content type the live service needs (quirk 18)', () => {
    expect(http()(w)).toEqual(
      E.right({
        method: 'POST',
        url: 'https://api.clickatell.com/http/sendmsg',
        headers: { 'content-type': FORM_CONTENT_TYPE },
        body: 'api_id=1&user=me&password=s3cret+pass&to=447901231234&text=Gr%FC%DFe+100%25',
      }),
    )
  })

  it('keeps credentials out of the URL of a POST', () => {
    const r = http({ method: 'POST' })(w)
    expect(E.isRight(r) && r.right.url).not.toMatch(/password|s3cret|api_id/)
  })

  it('puts everything in the query with GET', () => {
    expect(
      http({ method: 'GET', baseUrl: 'http://127.0.0.1:8080/' })(wire(getbalance(session('abc'))())),
    ).toEqual(
      E.right({ method: 'GET', url: 'http://127.0.0.1:8080/http/getbalance?session_id=abc', headers: {} }),
    )
  })

  it('refuses a value it cannot write in ISO-8859-1, by name', () => {
    const r = http()(request('sendmsg', [['text', 'Ω']]))
    expect(E.isLeft(r) && r.left.problems[0]!.path).toBe('text')
  })

  it.each([
    ['no scheme', { baseUrl: 'api.clickatell.com' }, 'baseUrl'],
    ['a query', { baseUrl: 'https://api.clickatell.com/?x=1' }, 'baseUrl'],
    ['ftp', { baseUrl: 'ftp://api.clickatell.com' }, 'baseUrl'],
    ['PUT', { method: 'PUT' as never }, 'method'],
  ])('refuses options with %s', (_reason, options, path) => {
    const r = http(options)(w)
    expect(E.isLeft(r) && r.left.problems[0]!.path).toBe(path)
  })

  it('keeps a base path and drops one trailing slash', () => {
    expect(root('https://example.test/gateway/')).toEqual(E.right('https://example.test/gateway'))
  })

  const throwing = new Proxy(
    {},
    {
      get: () => {
        throw new Error('boom')
      },
    },
  )
  it('refuses what is not a WireRequest, and never throws', () => {
    for (const bad of [
      null,
      undefined,
      5,
      {},
      { path: 'x', params: [] },
      { path: '/x', params: 'a=b' },
      { path: '/x', params: [null, ['a']] },
      { path: '/x', params: [throwing] },
      throwing,
    ])
      expect(E.isLeft(http()(bad as never))).toBe(true)
  })

  test.prop([fc.anything()], { numRuns })('never throws on anything', (u) => {
    expect(() => http()(u as never)).not.toThrow()
  })

  const latin1 = fc.string({
    unit: fc.integer({ min: 0, max: 0xff }).map((c) => String.fromCharCode(c)),
    maxLength: 40,
  })
  const ascii = fc.string({
    unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
    maxLength: 40,
  })
  const name = fc.string({ unit: fc.constantFrom(...'abcdefgh_'), minLength: 1, maxLength: 8 })

  test.prop(
    [fc.array(fc.tuple(name, latin1), { maxLength: 10 }), fc.constantFrom('GET' as const, 'POST' as const)],
    {
      numRuns,
    },
  )(
    'the rendered form reads back, with the Latin-1 decoder, to the parameters in order',
    (params, method) => {
      const r = http({ method })(request('sendmsg', params))
      const encoded = E.isRight(r)
        ? method === 'POST'
          ? r.right.body!
          : (r.right.url.split('?')[1] ?? '')
        : 'x=%'
      expect(decodeForm(encoded)).toEqual(E.right(params))
    },
  )

  test.prop([fc.array(fc.tuple(name, ascii), { maxLength: 10 })], { numRuns })(
    'for ASCII values the body is exactly what URLSearchParams writes',
    (params) => {
      const r = http()(request('sendmsg', params))
      expect(E.isRight(r) && r.right.body).toBe(
        new URLSearchParams(params.map(([n, v]) => [n, v])).toString(),
      )
    },
  )
})

describe('Render.sendmsgWith', () => {
  // Credentials as callers might pass them: plain, with characters to escape or not writable at all, changed in
  // place after use (the same object with another session id), or not credentials.
  const anyCredentials = fc.oneof(
    credentials(),
    fc.record({ _tag: fc.constant('Session' as const), sessionId: fc.string({ maxLength: 6 }) }),
    fc.record({
      _tag: fc.constant('Account' as const),
      apiId: fc.string({ maxLength: 4 }),
      user: fc.string({ maxLength: 4 }),
      password: fc.oneof(fc.string({ maxLength: 6 }), fc.constant('pässwörd €')),
    }),
    fc.constant({ _tag: 'Session', sessionId: 7 } as unknown as Credentials),
    fc.constant(null as unknown as Credentials),
  )
  const anyNumber = fc.oneof(msisdn(), fc.string({ maxLength: 8 }))
  const anyId = fc.oneof(
    fc.string({ unit: fc.constantFrom(...'abcXYZ019'), minLength: 1, maxLength: 32 }),
    fc.string({ maxLength: 40 }),
  )
  const call = fc.record({ credentials: anyCredentials, to: anyNumber, id: anyId, mutate: fc.boolean() })

  test.prop(
    [
      fc.oneof(textMessage({ maxRecipients: 1 }), binaryMessage()),
      fc.constantFrom('GET' as const, 'POST' as const),
      fc.array(call, { minLength: 1, maxLength: 6 }),
    ],
    { numRuns },
  )(
    'answers what http(Encode.prepare(...)) answers, byte for byte and error for error',
    (m, method, calls) => {
      const s = E.flatMap(fromMessage)(decode(m))
      if (E.isLeft(s)) return
      const options = { method, baseUrl: 'http://127.0.0.1:9/gw' }
      const fast = sendmsgWith(options)(s.right)
      const general = prepare(s.right)
      const render = http(options)
      for (const c of calls) {
        const expected = E.flatMap(render)(general(c.credentials, c.to, c.id))
        expect(fast(c.credentials, c.to, c.id)).toEqual(expected)
        // The same object changed in place must be written anew, not answered from what was kept.
        if (
          c.mutate &&
          c.credentials !== null &&
          typeof c.credentials === 'object' &&
          c.credentials._tag === 'Session'
        ) {
          const changed = c.credentials as { sessionId: unknown }
          changed.sessionId = `${String(changed.sessionId)}x`
          expect(fast(c.credentials, c.to, c.id)).toEqual(
            E.flatMap(render)(general(c.credentials, c.to, c.id)),
          )
        }
      }
    },
  )

  it('refuses what is not a Submission, and a bad base URL, without throwing', () => {
    expect(E.isLeft(sendmsgWith()(null as never)(session('abc'), '447900000001', 'c1'))).toBe(true)
    expect(
      E.isLeft(sendmsgWith({ baseUrl: 'ftp://x' })({} as never)(session('abc'), '447900000001', 'c1')),
    ).toBe(true)
  })
})
