// `clickatell campaign`, the built CLI run as processes against a real redis-server and the simulator: start
// prints the campaign id, a worker process sends the rows until SIGTERM and exits 0, status prints the counts,
// pause, resume and cancel steer; bad rows, unknown ids and an unreachable Redis are refused with their codes.
import { spawn } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Simulator, startSimulator } from '../../src/simulator/index.js'
import { type RedisServer, startRedis } from '../queue/redis.js'
import { binIn, buildBin, type Run, runner } from './binary.js'

// Bundled into a folder of this test's own, as test/cli/cli.test.ts does, so no test races another's build.
const BUILD = 'campaign-cli-build'
const BIN = binIn(BUILD)
const account = { apiId: '1001', user: 'alice', password: 'pa55-word-Xq' }
const dir = mkdtempSync(join(tmpdir(), 'clickatell-campaign-'))

let redis: RedisServer
let sim: Simulator

beforeAll(async () => {
  await buildBin(BUILD)
  redis = await startRedis()
  sim = await startSimulator({ accounts: [{ ...account, credits: 5000 }] })
}, 180_000)

afterAll(async () => {
  await sim?.close()
  await redis?.stop()
})

const gateway = () => ({
  CLICKATELL_URL: sim.url,
  CLICKATELL_API_ID: account.apiId,
  CLICKATELL_USER: account.user,
  CLICKATELL_PASSWORD: account.password,
})

const cli = runner(BIN, { HOME: dir, XDG_STATE_HOME: dir })

const json = (r: Run) =>
  JSON.parse(r.stdout) as { ok: boolean; value: Record<string, unknown>; error?: unknown }

const csv = (name: string, rows: ReadonlyArray<string>): string => {
  const path = join(dir, name)
  writeFileSync(path, ['number,name', ...rows].join('\n'))
  return path
}

const people = (n: number, from = 0) =>
  Array.from({ length: n }, (_, i) => `4477009${String(from + i).padStart(5, '0')},Person ${from + i}`)

const statusOf = async (id: string) =>
  json(await cli(['--json', 'campaign', 'status', id, '--redis', redis.url])).value

const start = async (file: string) => {
  const r = await cli([
    '--json',
    'campaign',
    'start',
    '--redis',
    redis.url,
    '--csv',
    file,
    '--template',
    'Hi #name#',
  ])
  expect(r.code, r.stderr).toBe(0)
  return String(json(r).value.campaignId)
}

describe('clickatell campaign', () => {
  it('start prints the id; a worker sends every row until SIGTERM, then exits 0; status counts them', async () => {
    const r = await cli([
      '--json',
      'campaign',
      'start',
      '--redis',
      redis.url,
      '--csv',
      csv('may.csv', people(20)),
      '--template',
      'Hi #name#, see you',
      '--name',
      'May',
    ])
    expect(r.code, r.stderr).toBe(0)
    const { ok, value } = json(r)
    expect(ok).toBe(true)
    expect(value.campaignId).toMatch(/^c[0-9a-f]{16}$/)
    const id = String(value.campaignId)
    expect(await statusOf(id)).toMatchObject({ name: 'May', total: 20, accepted: 0, pending: 20 })

    const worker = spawn(
      process.execPath,
      [BIN, '--json', 'campaign', 'worker', '--redis', redis.url, '--concurrency', '4'],
      {
        env: { PATH: process.env.PATH ?? '', HOME: dir, XDG_STATE_HOME: dir, ...gateway() },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    )
    let out = ''
    worker.stdout.on('data', (d: Buffer) => {
      out += d.toString()
    })
    const exited = new Promise<number | null>((resolve) => worker.once('exit', (code) => resolve(code)))
    const until = Date.now() + 30_000
    while ((await statusOf(id)).pending !== 0 && Date.now() < until)
      await new Promise((r) => setTimeout(r, 200))
    worker.kill('SIGTERM')
    expect(await exited).toBe(0)
    expect(JSON.parse(out)).toMatchObject({ ok: true, value: { signal: 'SIGTERM' } })
    expect(await statusOf(id)).toMatchObject({ total: 20, accepted: 20, rejected: 0, unknown: 0, pending: 0 })
    const sent = sim.state.messages.filter((m) => m.cliMsgId.startsWith(`${id}r`))
    expect(sent.map((m) => m.text).sort()).toContain('Hi Person 7, see you')
    expect(sent).toHaveLength(20)
  }, 60_000)

  it('pause, resume and cancel print the status; a cancelled campaign cannot be resumed', async () => {
    const id = await start(csv('june.csv', people(5, 100)))
    const steer = (how: string) => cli(['--json', 'campaign', how, id, '--redis', redis.url])
    expect(json(await steer('pause')).value).toMatchObject({ state: 'paused', pending: 5 })
    expect(json(await steer('resume')).value).toMatchObject({ state: 'running' })
    expect(json(await steer('cancel')).value).toMatchObject({ state: 'cancelled' })
    const again = await steer('resume')
    expect(again.code).toBe(2)
    expect(json(again).ok).toBe(false)
  }, 30_000)

  it('a row that cannot go: exit 2 with its line, nothing queued', async () => {
    const r = await cli([
      '--json',
      'campaign',
      'start',
      '--redis',
      redis.url,
      '--csv',
      csv('bad.csv', [...people(2, 200), 'not-a-number,Nobody']),
      '--template',
      'Hi #name#',
    ])
    expect(r.code).toBe(2)
    expect(JSON.stringify(json(r).error)).toContain('line 4')
  }, 30_000)

  it('an unknown campaign is exit 2; an unreachable Redis exit 1', async () => {
    expect((await cli(['campaign', 'status', 'cnosuch', '--redis', redis.url])).code).toBe(2)
    const r = await cli(['campaign', 'status', 'cnosuch', '--redis', 'redis://127.0.0.1:1'])
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('Redis')
  }, 30_000)
})
