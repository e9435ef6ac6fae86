import ky from 'ky'
import { describe, expect, it } from 'vitest'
import { kyTransport } from '../../src/transport/KyTransport.js'
import { useLoopback } from '../support/loopbackServer.js'
import { describeTransportContract } from './contract.js'

describeTransportContract('kyTransport', (options) => kyTransport(options))

describe('kyTransport', () => {
  const server = useLoopback()

  // An instance configured the opposite way: its policies must not leak into the transport.
  const eager = ky.create({ retry: { limit: 5, delay: () => 0 }, timeout: 10, throwHttpErrors: true })

  it('switches off the retries of the instance it is given', async () => {
    const before = server().received.length
    const result = await kyTransport({ ky: eager }).send({
      method: 'GET',
      url: `${server().origin}/status/503`,
      headers: {},
    })()
    expect(result).toMatchObject({ _tag: 'Right', right: { status: 503 } })
    expect(server().received.length - before).toBe(1)
  })

  it('switches off the time-out of the instance it is given', async () => {
    const result = await kyTransport({ ky: eager }).send({
      method: 'GET',
      url: `${server().origin}/delay/100`,
      headers: {},
    })()
    expect(result).toMatchObject({ _tag: 'Right', right: { status: 200, body: 'late' } })
  })

  it('clears a prefixUrl: requests carry absolute URLs', async () => {
    const result = await kyTransport({ ky: ky.create({ prefixUrl: 'https://example.test/api' }) }).send({
      method: 'GET',
      url: `${server().origin}/status/200`,
      headers: {},
    })()
    expect(result).toMatchObject({ _tag: 'Right', right: { status: 200 } })
  })

  it('a hook that throws is a network failure, not a throw', async () => {
    const hooked = ky.create({
      hooks: {
        beforeRequest: [
          () => {
            throw new Error('hook failed')
          },
        ],
      },
    })
    const result = await kyTransport({ ky: hooked }).send({
      method: 'GET',
      url: `${server().origin}/status/200`,
      headers: {},
    })()
    expect(result).toMatchObject({ _tag: 'Left', left: { kind: 'network', message: 'hook failed' } })
  })
})
