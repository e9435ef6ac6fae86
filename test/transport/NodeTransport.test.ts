import { Agent } from 'node:http'
import { describe, expect, it, vi } from 'vitest'
import { nodeTransport } from '../../src/transport/NodeTransport.js'
import { useLoopback } from '../support/loopbackServer.js'
import { describeTransportContract } from './contract.js'

describeTransportContract('nodeTransport', (options) => nodeTransport(options))

describe('nodeTransport', () => {
  const server = useLoopback()

  const ping = { method: 'GET', headers: {} } as const

  it('keeps the connection alive: five requests in a row open one connection', async () => {
    const transport = nodeTransport()
    const before = server().connections()
    for (let i = 0; i < 5; i++)
      expect((await transport.send({ ...ping, url: `${server().origin}/status/200` })())._tag).toBe('Right')
    expect(server().connections() - before).toBe(1)
    transport.close()
  })

  it('without keep-alive, each request opens its own connection', async () => {
    const transport = nodeTransport({ keepAlive: false })
    const before = server().connections()
    for (let i = 0; i < 3; i++) await transport.send({ ...ping, url: `${server().origin}/status/200` })()
    expect(server().connections() - before).toBe(3)
    transport.close()
  })

  it('opens at most maxSockets connections for concurrent requests', async () => {
    const transport = nodeTransport({ maxSockets: 2 })
    const before = server().connections()
    const results = await Promise.all(
      Array.from({ length: 12 }, () => transport.send({ ...ping, url: `${server().origin}/delay/5` })()),
    )
    expect(results.every((r) => r._tag === 'Right')).toBe(true)
    expect(server().connections() - before).toBe(2)
    transport.close()
  })

  it('close destroys the sockets it kept open', async () => {
    const transport = nodeTransport()
    await transport.send({ ...ping, url: `${server().origin}/status/200` })()
    expect(server().openConnections()).toBeGreaterThan(0)
    transport.close()
    await vi.waitFor(() => expect(server().openConnections()).toBe(0))
  })

  it('uses an agent it is given, and close leaves it alone', async () => {
    const agent = new Agent({ keepAlive: true })
    const transport = nodeTransport({ agent: { http: agent } })
    await transport.send({ ...ping, url: `${server().origin}/status/200` })()
    transport.close()
    expect(Object.keys(agent.freeSockets).length).toBe(1)
    agent.destroy()
  })

  it.each([
    ['ftp://127.0.0.1/', 'a protocol it does not speak'],
    ['not a url', 'no URL at all'],
  ])('%s is a network failure (%s)', async (url) => {
    const transport = nodeTransport()
    expect(await transport.send({ ...ping, url })()).toMatchObject({
      _tag: 'Left',
      left: { kind: 'network' },
    })
    transport.close()
  })

  it('a header Node refuses is a network failure, not a throw', async () => {
    const transport = nodeTransport()
    const result = await transport.send({
      ...ping,
      url: `${server().origin}/status/200`,
      headers: { 'x-bad': 'line\r\nbreak' },
    })()
    expect(result).toMatchObject({ _tag: 'Left', left: { kind: 'network' } })
    transport.close()
  })
})
