import { describe, expect, it } from 'vitest'
import { DEMO } from '../../../src/cli/Embedded.js'
import { run } from '../../../src/cli/Program.js'
import { cli, fakeWorld } from '../fakeWorld.js'

const untilWaiting = async (world: ReturnType<typeof fakeWorld>) => {
  for (let i = 0; i < 100 && world.waitingFor() === undefined; i++) await new Promise((r) => setTimeout(r, 1))
}

describe('clickatell simulator', () => {
  it('starts a simulator, prints how to use it, runs until SIGINT or SIGTERM, then closes it: exit 0', async () => {
    const world = fakeWorld()
    const running = run(['simulator', '--port', '4567'], world)
    await untilWaiting(world)
    expect(world.waitingFor()).toEqual(['SIGINT', 'SIGTERM'])
    expect(world.simulators).toEqual({ started: [{ ...DEMO, port: 4567 }], closed: 0 })
    const demo = world.gateways.get('http://127.0.0.1:4567')!.config.demo!
    expect(world.stdoutText()).toBe(
      [
        'Simulator listening on http://127.0.0.1:4567',
        'export CLICKATELL_URL=http://127.0.0.1:4567',
        `export CLICKATELL_API_ID=${demo.apiId} CLICKATELL_USER=${demo.user} CLICKATELL_PASSWORD=${demo.password}`,
        `export CLICKATELL_TOKEN=${demo.restToken}  # for the REST API: clickatell --rest ...`,
        'Press Ctrl+C to stop.',
        '',
      ].join('\n'),
    )
    world.signal('SIGTERM')
    expect(await running).toBe(0)
    expect(world.simulators.closed).toBe(1)
  })

  it('with --json, the URL and the demo account', async () => {
    const world = fakeWorld()
    const running = run(['--json', 'simulator'], world)
    await untilWaiting(world)
    world.signal('SIGINT')
    expect(await running).toBe(0)
    // The embedded simulator's demo account, credits and vouchers.
    expect(world.simulators.started).toEqual([DEMO])
    expect(JSON.parse(world.stdoutText())).toEqual({
      ok: true,
      value: {
        url: 'http://127.0.0.1:40001',
        demo: world.gateways.get('http://127.0.0.1:40001')!.config.demo,
      },
    })
  })

  it('a simulator that cannot start on the port: bad input, one line, exit 2', async () => {
    const r = await cli(['simulator', '--port', '80'], {
      simulatorFails: 'clickatell-fp simulator: port: cannot listen',
    })
    expect([r.code, r.out, r.err]).toEqual([
      2,
      '',
      'error: invalid input: --port: the simulator cannot start: clickatell-fp simulator: port: cannot listen\n',
    ])
  })

  it('--reset removes the embedded simulator state file, says which, and starts nothing', async () => {
    const path = '/home/ann/.local/state/clickatell-fp/simulator.json'
    const r = await cli(['simulator', '--reset'], { env: { HOME: '/home/ann' }, files: { [path]: '{}' } })
    expect([r.code, r.out, r.err]).toEqual([
      0,
      `Cleared the embedded simulator's state (${path}): the next run starts afresh.\n`,
      '',
    ])
    expect(r.world.files.has(path)).toBe(false)
    expect(r.world.simulators.started).toEqual([])
    const json = await cli(['--json', 'simulator', '--reset'], { env: { XDG_STATE_HOME: '/st' } })
    expect(JSON.parse(json.out)).toEqual({ ok: true, value: { reset: '/st/clickatell-fp/simulator.json' } })
    const nowhere = await cli(['simulator', '--reset'], { env: {} })
    expect(nowhere.out).toBe(
      'The embedded simulator keeps no state here (neither HOME nor XDG_STATE_HOME is set).\n',
    )
  })

  it('--reset that cannot remove the file: exit 2', async () => {
    const path = '/home/ann/.local/state/clickatell-fp/simulator.json'
    const r = await cli(['simulator', '--reset'], { env: { HOME: '/home/ann' }, readOnly: [path] })
    expect([r.code, r.err]).toEqual([
      2,
      `error: invalid input: --reset: EACCES: permission denied, unlink '${path}'\n`,
    ])
  })

  it.each(['-1', '65536', '1.5', 'http'])(
    '--port %s is a usage error: exit 2, nothing started',
    async (port) => {
      const r = await cli(['simulator', '--port', port])
      expect(r.code).toBe(2)
      expect(r.err).toMatch(/^error: --port must be/)
      expect(r.world.simulators.started).toEqual([])
    },
  )
})
