import { describe, expect, it } from 'vitest'
import { fetchTransport } from '../../src/transport/FetchTransport.js'
import { useLoopback } from '../support/loopbackServer.js'
import { describeTransportContract } from './contract.js'

describeTransportContract('fetchTransport', (options) => fetchTransport(options))

describe('fetchTransport', () => {
  const server = useLoopback()

  it('uses the fetch it is given, with the request as it is', async () => {
    const seen: Array<[string, RequestInit | undefined]> = []
    const transport = fetchTransport({
      fetch: async (input, init) => {
        seen.push([String(input), init])
        return new Response('OK: ', { status: 200 })
      },
    })
    const signal = new AbortController().signal
    const result = await transport.send({
      method: 'POST',
      url: 'https://api.clickatell.com/http/ping',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'session_id=x',
      signal,
    })()
    expect(result).toEqual({
      _tag: 'Right',
      right: { status: 200, headers: expect.any(Object), body: 'OK: ' },
    })
    expect(seen).toEqual([
      [
        'https://api.clickatell.com/http/ping',
        {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: 'session_id=x',
          signal,
          redirect: 'manual',
        },
      ],
    ])
  })

  it('a fetch that throws synchronously is a network failure, not a throw', async () => {
    const transport = fetchTransport({
      fetch: () => {
        throw new TypeError('password=hunter2 is not allowed here')
      },
    })
    const result = await transport.send({ method: 'GET', url: 'https://example.test/', headers: {} })()
    expect(result).toMatchObject({
      _tag: 'Left',
      left: { kind: 'network', message: 'password=[redacted] is not allowed here' },
    })
  })

  it("redirect: 'error' makes a redirect a network failure and sends nothing to the other host", async () => {
    const transport = fetchTransport({ redirect: 'error' })
    const result = await transport.send({
      method: 'POST',
      url: `${server().origin}/redirect/307`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'password=secret',
    })()
    expect(result).toMatchObject({ _tag: 'Left', left: { kind: 'network' } })
    expect(server().otherReceived).toEqual([])
  })

  it("an invalid redirect option falls back to 'manual', never 'follow'", async () => {
    const transport = fetchTransport({ redirect: 'follow' as 'manual' })
    const result = await transport.send({
      method: 'GET',
      url: `${server().origin}/redirect/302`,
      headers: {},
    })()
    expect(result).toMatchObject({ _tag: 'Right', right: { status: 302 } })
    expect(server().otherReceived).toEqual([])
  })
})
