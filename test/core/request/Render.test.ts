import { fc, test } from '@fast-check/vitest'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { account, session } from '../../../src/core/request/Credentials.js'
import { getbalance, sendmsg } from '../../../src/core/request/Encode.js'
import { decodeForm } from '../../../src/core/request/Latin1Form.js'
import { FORM_CONTENT_TYPE, http, root } from '../../../src/core/request/Render.js'
import { request, type WireRequest } from '../../../src/core/request/Wire.js'
import { numRuns } from '../../support/arbitraries.js'

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

  it.each([
    ['http://me:S3cr3t@127.0.0.1/', 'user and password'],
    ['https://me@api.clickatell.com', 'a user alone'],
    ['http://me:S3cr3t@127.0.0.1/?x=1', 'user information and a query'],
    ['http://127.0.0.1:80@evil.test/', 'an @ a reader takes for a host'],
  ])('refuses user information in %s (%s), without repeating it', (baseUrl) => {
    const r = root(baseUrl)
    expect(E.isLeft(r)).toBe(true)
    const message = E.isLeft(r) ? r.left.problems.map((p) => p.message).join(' ') : ''
    expect(message).toMatch(/user information/)
    expect(message).not.toMatch(/S3cr3t|me@|evil/)
  })

  it('never quotes a malformed value with an @ in it', () => {
    const r = root('me:S3cr3t@host')
    expect(E.isLeft(r) && r.left.problems[0]!.message).not.toMatch(/S3cr3t/)
  })

  it('keeps a base path and drops one trailing slash', () => {
    expect(root('https://example.test/gateway/')).toEqual(E.right('https://example.test/gateway'))
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
