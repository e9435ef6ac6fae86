// The contract every transport keeps, run against a real server on 127.0.0.1 (Stripe's
// createHttpClientTestSuite, ky's test server). A transport of your own passes it too:
//
//   describeTransportContract('myTransport', (options) => myTransport(options))
//
// `makeTransport` gets the body cap to use; a `close` on what it returns is called after the suite.
import { fc } from '@fast-check/vitest'
import type { Either } from 'fp-ts/lib/Either.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TransportError } from '../../src/core/errors.js'
import type { HttpRequest, HttpResponse } from '../../src/core/http.js'
import { withTimeout } from '../../src/transport/middleware.js'
import type { Transport } from '../../src/transport/Transport.js'
import { useLoopback } from '../support/loopbackServer.js'

export type MakeTransport = (options: { readonly maxBodyBytes?: number }) => Transport & {
  readonly close?: () => void
}

const FORM = { 'content-type': 'application/x-www-form-urlencoded' }

const right = (result: Either<TransportError, HttpResponse>): HttpResponse => {
  if (result._tag === 'Left') throw new Error(`expected a response, got ${JSON.stringify(result.left)}`)
  return result.right
}

const left = (result: Either<TransportError, HttpResponse>): TransportError => {
  if (result._tag === 'Right') throw new Error(`expected an error, got status ${result.right.status}`)
  return result.left
}

export const describeTransportContract = (name: string, makeTransport: MakeTransport): void => {
  describe(`${name} keeps the transport contract`, () => {
    const server = useLoopback()
    const made: Array<{ readonly close?: () => void }> = []
    const make = (options: { readonly maxBodyBytes?: number } = {}): Transport => {
      const transport = makeTransport(options)
      made.push(transport)
      return transport
    }
    let transport: Transport
    const send = (request: Omit<HttpRequest, 'url'> & { readonly path: string }) => {
      const { path, ...rest } = request
      return transport.send({ ...rest, url: `${server().origin}${path}` })()
    }
    const get = (path: string, signal?: AbortSignal) =>
      send(
        signal === undefined
          ? { method: 'GET', path, headers: {} }
          : { method: 'GET', path, headers: {}, signal },
      )

    beforeAll(() => {
      transport = make()
    })
    afterAll(() => {
      for (const t of made) t.close?.()
    })

    describe('passes the status through and does not judge it', () => {
      it.each([
        [200, 'the gateway answers everything, errors too, with 200'],
        [201, 'another success'],
        [301, 'a redirect without a Location is just a status'],
        [400, 'the legacy REST API answers a refused recipient with 400'],
        [404, 'a wrong path'],
        [500, 'a broken gateway is still an answer'],
        [503, 'busy'],
        [599, 'a status nobody registered'],
      ])('%i (%s)', async (status) => {
        const response = right(await get(`/status/${status}`))
        expect(response.status).toBe(status)
        expect(response.body).toBe(`status ${status}`)
      })

      it('a 204 has an empty body', async () => {
        expect(right(await get('/status/204'))).toMatchObject({ status: 204, body: '' })
      })
    })

    it('lower-cases header names into a plain record', async () => {
      const response = right(await get('/status/200'))
      expect(response.headers['x-mixed-case']).toBe('Yes')
      expect(response.headers['content-type']).toBe('text/html')
      for (const key of Object.keys(response.headers)) expect(key).toBe(key.toLowerCase())
    })

    describe('sends the request byte for byte', () => {
      it.each([
        ['user=u&password=p&api_id=1&to=27999000001&text=%E4%F6%FC%80', 'ISO-8859-1 text, percent-encoded'],
        ['session_id=abc&to=27999000001&unicode=1&text=03A903A80398', 'UCS-2 hex'],
        ['text=a+b%2Bc%26d%3D', 'plus, escaped plus, escaped separators'],
        ['', 'an empty body'],
      ])('POST %s (%s)', async (body) => {
        const before = server().received.length
        right(await send({ method: 'POST', path: '/echo', headers: FORM, body }))
        const got = server().received[before]!
        expect(got.method).toBe('POST')
        expect(got.body.toString('latin1')).toBe(body)
        expect(got.headers['content-type']).toBe(FORM['content-type'])
        expect(got.headers['content-length']).toBe(String(body.length))
      })

      it('GET keeps the query as written', async () => {
        const path = '/echo?user=u&text=%E4%F6%FC%80&to=27999000001,27999000002&x=a+b'
        const before = server().received.length
        right(await get(path))
        expect(server().received[before]).toMatchObject({ method: 'GET', url: path })
      })

      it('any form body the core can write arrives as written', async () => {
        // Percent escapes of every byte, unreserved characters, `+`, `&` and `=`: the alphabet of a form body.
        const piece = fc.oneof(
          fc.integer({ min: 0, max: 255 }).map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`),
          fc.constantFrom(...'AZaz09-._~+&='.split('')),
          fc.string({ unit: fc.constantFrom(...'abcXYZ019'.split('')), maxLength: 8 }),
        )
        await fc.assert(
          fc.asyncProperty(fc.array(piece, { maxLength: 40 }), async (pieces) => {
            const body = pieces.join('')
            const before = server().received.length
            right(await send({ method: 'POST', path: '/echo', headers: FORM, body }))
            expect(server().received[before]!.body.toString('latin1')).toBe(body)
          }),
          { numRuns: 25 },
        )
      })
    })

    describe('decodes the body by its charset', () => {
      it.each([
        ['4f4b3a20', 'text/html', 'OK: ', 'ASCII, no charset'],
        [
          '49443a20c3a4e282ac0a',
          'text/html; charset=UTF-8',
          'ID: ä€\n',
          'UTF-8, as the gateway declared it in 2020',
        ],
        ['e4', 'text/plain; charset=iso-8859-1', 'ä', 'ISO-8859-1'],
        ['4f4b', 'text/plain; charset=no-such-charset', 'OK', 'an unknown charset reads as UTF-8'],
      ])('%s as %s', async (hex, type, expected) => {
        const response = right(await get(`/raw?hex=${hex}&type=${encodeURIComponent(type)}`))
        expect(response.body).toBe(expected)
      })
    })

    describe('fails with kind network', () => {
      it('when the connection is refused', async () => {
        const result = await transport.send({
          method: 'GET',
          url: `http://127.0.0.1:${server().closedPort}/`,
          headers: {},
        })()
        expect(left(result).kind).toBe('network')
      })

      it('when the server resets the connection before answering', async () => {
        expect(left(await get('/reset')).kind).toBe('network')
      })

      it('when the server resets the connection in the middle of the body', async () => {
        expect(left(await get('/reset-mid-body')).kind).toBe('network')
      })
    })

    describe('times out and aborts', () => {
      it('withTimeout gives kind timeout', async () => {
        const result = await withTimeout(50)(transport).send({
          method: 'GET',
          url: `${server().origin}/delay/30000`,
          headers: {},
        })()
        expect(left(result)).toMatchObject({ kind: 'timeout', message: 'no response in 50 ms' })
      })

      it('a signal from AbortSignal.timeout gives kind timeout', async () => {
        expect(left(await get('/delay/30000', AbortSignal.timeout(50))).kind).toBe('timeout')
      })

      it("the caller's abort during the wait gives kind aborted", async () => {
        const controller = new AbortController()
        const pending = get('/delay/30000', controller.signal)
        setTimeout(() => controller.abort(), 20)
        expect(left(await pending).kind).toBe('aborted')
      })

      it("the caller's abort in the middle of the body gives kind aborted", async () => {
        const controller = new AbortController()
        const pending = get('/stall-body', controller.signal)
        setTimeout(() => controller.abort(), 50)
        expect(left(await pending).kind).toBe('aborted')
      })

      it('a signal aborted before the send gives kind aborted and sends nothing', async () => {
        const before = server().received.length
        expect(left(await get('/echo', AbortSignal.abort())).kind).toBe('aborted')
        expect(server().received.length).toBe(before)
      })
    })

    describe('caps the body', () => {
      it.each<[string, number | 'too-large', string]>([
        ['/bytes/1024', 1024, 'exactly the cap, declared'],
        ['/bytes/1024?chunked', 1024, 'exactly the cap, chunked'],
        ['/bytes/0', 0, 'nothing'],
        ['/bytes/1025', 'too-large', 'one byte over, refused from the declared length'],
        ['/bytes/1025?chunked', 'too-large', 'one byte over, found while reading'],
        ['/bytes/100000?chunked', 'too-large', 'far over, several chunks'],
      ])('%s with a cap of 1024 -> %s (%s)', async (path, expected) => {
        const capped = make({ maxBodyBytes: 1024 })
        const result = await capped.send({ method: 'GET', url: `${server().origin}${path}`, headers: {} })()
        if (expected === 'too-large') expect(left(result).kind).toBe('too-large')
        else expect(right(result).body.length).toBe(expected)
      })

      it('the default cap is 1 MiB', async () => {
        expect(right(await get('/bytes/1048576?chunked')).body.length).toBe(1_048_576)
        expect(left(await get('/bytes/1048577?chunked')).kind).toBe('too-large')
      })

      it('the transport still works after refusing a body', async () => {
        right(await get('/status/200'))
      })
    })

    describe('does not follow redirects', () => {
      it.each([
        [302, 'a browser would turn the POST into a GET'],
        [307, 'a follower would send the POST body, credentials and all, again'],
        [308, 'the permanent kind of 307'],
      ])(
        '%i to another host comes back as it is, and the other host receives nothing (%s)',
        async (status) => {
          const response = right(
            await send({
              method: 'POST',
              path: `/redirect/${status}`,
              headers: FORM,
              body: 'user=u&password=secret',
            }),
          )
          expect(response.status).toBe(status)
          expect(response.headers['location']).toBe(`${server().otherOrigin}/echo`)
          expect(server().otherReceived).toEqual([])
        },
      )
    })
  })
}
