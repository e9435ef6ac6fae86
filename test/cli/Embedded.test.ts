// The embedded simulator's state between runs, in worlds held in memory that share their files (as two runs of
// `clickatell` share a disk).
import { describe, expect, it } from 'vitest'
import { DEMO, statePath } from '../../src/cli/Embedded.js'
import { run } from '../../src/cli/Program.js'
import { fakeWorld } from './fakeWorld.js'

const HOME = '/home/ann'
const STATE = '/home/ann/.local/state/clickatell-fp/simulator.json'

/** Runs the program in a fresh world over these files; each run is a new process (and simulator seed 1). */
const runIn = async (files: Map<string, string>, args: ReadonlyArray<string>, env = { HOME }) => {
  const world = fakeWorld({ env, files: Object.fromEntries(files) })
  const code = await run(args, world)
  files.clear()
  for (const [k, v] of world.files) files.set(k, v)
  return { code, out: world.stdoutText(), err: world.stderrText(), world }
}

describe('statePath', () => {
  it.each([
    [{ HOME }, STATE],
    [{ HOME: '/home/ann/' }, STATE],
    [{ HOME, XDG_STATE_HOME: '/var/state' }, '/var/state/clickatell-fp/simulator.json'],
    // A relative XDG_STATE_HOME is to be ignored (XDG Base Directory specification).
    [{ HOME, XDG_STATE_HOME: 'rel' }, STATE],
    [{ XDG_STATE_HOME: '/var/state/' }, '/var/state/clickatell-fp/simulator.json'],
    [{ HOME: '' }, undefined],
    [{}, undefined],
  ])('%j: %s', (env, path) => {
    expect(statePath(env)).toBe(path)
  })
})

describe('the embedded simulator between runs', () => {
  it('a message sent by one run is known to the next: status, charge, cancel, by id and client id', async () => {
    const files = new Map<string, string>()
    const sent = await runIn(files, [
      '--json',
      'send',
      '--to',
      '447900000001',
      '--text',
      'Hi',
      '--client-id',
      'o1',
    ])
    expect(sent.code).toBe(0)
    expect(files.has(STATE)).toBe(true)
    const id: string = JSON.parse(sent.out).value.outcomes[0].apiMsgId
    const status = await runIn(files, ['status', id])
    expect([status.code, status.out]).toEqual([0, `${id}  status 002 Message queued\n`])
    const byClient = await runIn(files, ['charge', '--client-id', 'o1'])
    expect(byClient.out).toBe(`${id}  status 002 Message queued  charge 1\n`)
    expect((await runIn(files, ['cancel', id])).out).toBe(
      `${id}  status 006 User cancelled message delivery\n`,
    )
    expect((await runIn(files, ['balance'])).out).toBe('Credit 100000.000\n')
  })

  it('every run hands out new ids', async () => {
    const files = new Map<string, string>()
    const ids = []
    for (let i = 0; i < 3; i++) {
      const r = await runIn(files, ['--json', 'send', '--to', '447900000001', '--text', 'Hi'])
      ids.push(JSON.parse(r.out).value.outcomes[0].apiMsgId)
    }
    expect(new Set(ids).size).toBe(3)
  })

  it('credits and spent vouchers are kept; --reset brings back the start', async () => {
    const files = new Map<string, string>()
    expect((await runIn(files, ['voucher', '1234567890123456'])).out).toBe('OK 605\n')
    expect((await runIn(files, ['balance'])).out).toBe(`Credit ${DEMO.demoCredits + 500}.000\n`)
    const again = await runIn(files, ['voucher', '1234567890123456'])
    expect(again.code).toBe(1)
    expect((await runIn(files, ['simulator', '--reset'])).code).toBe(0)
    expect(files.has(STATE)).toBe(false)
    expect((await runIn(files, ['voucher', '1234567890123456'])).code).toBe(0)
  })

  it('a run that sends nothing leaves the state as it was', async () => {
    const files = new Map<string, string>()
    await runIn(files, ['send', '--to', '447900000001', '--text', 'Hi'])
    const before = files.get(STATE)
    expect((await runIn(files, ['send', '--to', 'abc', '--text', 'Hi'])).code).toBe(2)
    expect(files.get(STATE)).toBe(before)
  })

  it('a state file that is not one: a fresh start, said in the one line', async () => {
    const files = new Map([[STATE, '{"version": 7}']])
    const r = await runIn(files, ['balance'])
    expect(r.code).toBe(0)
    expect(r.err).toContain(`its state in ${STATE} (its old state could not be read: started afresh)`)
    expect(JSON.parse(files.get(STATE)!)).toMatchObject({ version: 1 })
    const notJson = new Map([[STATE, 'garbage']])
    const fresh = await runIn(notJson, ['balance'])
    expect(fresh.code).toBe(0)
    expect(fresh.err).toContain('(its old state could not be read: started afresh)')
  })

  it('a state that cannot be written: the run succeeds with a warning', async () => {
    const world = fakeWorld({ env: { HOME }, readOnly: [STATE] })
    expect(await run(['balance'], world)).toBe(0)
    expect(world.stderrText()).toContain(
      `warning: the embedded simulator's state was not kept: EACCES: permission denied, open '${STATE}'`,
    )
  })
})
