import * as http from 'node:http'
import { describe, expect, it, vi } from 'vitest'
import { commandPaths, gateway, handle, normalise, start, startSimulator } from '../../src/simulator/index.js'
import { boot, CRED } from './harness.js'

describe('paths', () => {
  it.each([
    ['/http/auth', 'OK: '],
    ['/http/auth.php', 'OK: '],
    ['/http/ping', 'OK: '],
    ['/http/ping.php', 'OK: '],
    ['/http/getbalance', 'Credit: 100.000'],
    ['/http/getbalance.php', 'Credit: 100.000'],
    ['/utils/routeCoverage', 'ERR: 101'],
    ['/utils/routecoverage', 'ERR: 101'],
    ['/utils/routeCoverage.php', 'ERR: 101'],
    ['/http/routeCoverage.php', 'ERR: 101'],
    ['/http/querymsg.php', 'ERR: 109'],
    ['/http/delmsg.php', 'ERR: 109'],
    ['/http/getmsgcharge.php', 'ERR: 109'],
    ['/http/sendmsg.php', 'ERR: 101'],
    ['/http/token_pay.php', 'ERR: 101'],
    ['/http_batch/startbatch', 'ERR: 202'],
    ['/http_batch/senditem', 'ERR: 201'],
    ['/http_batch/quicksend', 'ERR: 201'],
    ['/http_batch/endbatch', 'ERR: 201'],
  ])('%s answers as its command (%s...)', async (path, start) => {
    const { get } = await boot()
    const answer = await get(path, CRED)
    expect(answer.status).toBe(200)
    expect(answer.contentType).toBe('text/html; charset=UTF-8')
    expect(answer.body.startsWith(start)).toBe(true)
  })

  it('serves every command of the specification', () => {
    expect(new Set(commandPaths.values()).size).toBe(13)
  })

  it.each([
    ['/http/SENDMSG', 'paths are case-sensitive'],
    ['/utills/routecoverage', 'the v2.6 typo'],
    ['/http_batch/startbatch.php', 'batch commands have no .php spelling'],
    ['/', 'the root'],
  ])('%s is 404 (%s)', async (path) => {
    const { get, sim } = await boot()
    expect((await get(path, CRED)).status).toBe(404)
    expect(sim.state.unknownRequests).toBe(1)
  })

  it('answers other methods with 405', async () => {
    const { sim } = await boot()
    expect((await fetch(`${sim.url}/http/ping?${CRED}`, { method: 'PUT' })).status).toBe(405)
  })

  it('counts requests per command', async () => {
    const { call, sim } = await boot()
    await call('/http/ping')
    await call('/http/ping')
    await call('/http/sendmsg', 'to=447700900001&text=x')
    expect(sim.state.requests).toMatchObject({ ping: 2, sendmsg: 1, auth: 0 })
  })
})

describe('connections', () => {
  it('keeps connections alive between requests', async () => {
    const { sim } = await boot()
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 })
    const once = () =>
      new Promise<boolean>((resolve, reject) => {
        const req = http.get(`${sim.url}/http/ping?${CRED}`, { agent }, (res) => {
          res.resume()
          res.on('end', () => resolve(req.reusedSocket))
        })
        req.on('error', reject)
      })
    expect(await once()).toBe(false)
    expect(await once()).toBe(true)
    agent.destroy()
  })
})

describe('starting', () => {
  it('makes a demo account with seeded credentials when none are given', async () => {
    const a = await startSimulator({ seed: 5 })
    const b = await startSimulator({ seed: 5 })
    try {
      expect(a.demo).toEqual(b.demo)
      expect(a.demo).toMatchObject({ user: 'demo', apiId: expect.stringMatching(/^[0-9]{7}$/) })
      const { apiId, user, password } = a.demo!
      const body = await (
        await fetch(`${a.url}/http/getbalance?api_id=${apiId}&user=${user}&password=${password}`)
      ).text()
      expect(body).toBe('Credit: 100.000')
    } finally {
      await a.close()
      await b.close()
    }
  })

  it('reports every problem with the options, without throwing', async () => {
    const result = await start({
      port: -1,
      accounts: [{ apiId: '', user: 'u', password: 'p', credits: -5 }],
    })()
    expect(result).toEqual({
      _tag: 'Left',
      left: {
        _tag: 'InvalidInput',
        problems: [
          { path: 'accounts.0.apiId', message: 'must be a non-empty string' },
          { path: 'accounts.0.credits', message: 'must be a number >= 0' },
          { path: 'port', message: 'must be a port number from 0 to 65535' },
        ],
      },
    })
    await expect(startSimulator({ seed: Number.NaN })).rejects.toThrow(/seed: must be a number/)
  })

  it('reports a port in use', async () => {
    const first = await startSimulator()
    try {
      const second = await start({ port: first.port })()
      expect(second._tag).toBe('Left')
    } finally {
      await first.close()
    }
  })

  it('on the wall clock, moves statuses on a timer (after a POST too)', async () => {
    const sim = await startSimulator({
      accounts: [{ apiId: '1', user: 'u', password: 'p' }],
      delivery: { gatewayMs: 5, handsetMs: 10 },
    })
    try {
      await fetch(`${sim.url}/http/sendmsg`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'api_id=1&user=u&password=p&to=447700900001&text=x',
      })
      await vi.waitFor(() => expect(sim.state.messages[0]?.status).toBe('004'), { timeout: 5_000 })
    } finally {
      await sim.close()
    }
  })

  it('answers in process too, without a server', () => {
    const config = normalise({ accounts: [{ apiId: '1', user: 'u', password: 'p' }] })
    if (config._tag === 'Left') throw new Error('bad config')
    const gw = gateway(config.right)
    const params = new Map([
      ['api_id', '1'],
      ['user', 'u'],
      ['password', 'p'],
    ])
    expect(
      handle(gw, {
        command: 'getbalance',
        method: 'GET',
        params,
        duplicates: [],
        ip: '127.0.0.1',
        formEncoded: true,
      }),
    ).toBe('Credit: 100.000')
  })
})
