// The built CLI, run as a process, against the gateway simulator (embedded, and started here on 127.0.0.1).
import { execFile, execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Simulator, startSimulator } from '../../src/simulator/index.js'

const ROOT = join(import.meta.dirname, '..', '..')
// The bin as `npm run build` compiles it (dist/cli/ is tsc's output too), compiled into a folder of this test's
// own so it never races test/package.test.ts, which may rebuild dist/.
const OUT = join(ROOT, 'test-results', 'cli-build')
const BIN = join(OUT, 'cli', 'main.js')
const PASSWORD = 'pa55-word-Xq'

interface Run {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
}

const cli = (args: ReadonlyArray<string>, env: Record<string, string> = {}, input?: string): Promise<Run> =>
  new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [BIN, ...args],
      { env: { PATH: process.env.PATH ?? '', ...env }, timeout: 60_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) =>
        resolve({
          code: error ? ((error as { code?: number }).code ?? 1) : 0,
          stdout: String(stdout),
          stderr: String(stderr),
        }),
    )
    if (input !== undefined) child.stdin?.end(input)
    else child.stdin?.end()
  })

let sim: Simulator
let target: Record<string, string>
const dir = mkdtempSync(join(tmpdir(), 'clickatell-cli-'))

beforeAll(async () => {
  const noMaps = ['--declaration', 'false', '--declarationMap', 'false', '--sourceMap', 'false']
  execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json', '--outDir', OUT, ...noMaps], {
    cwd: ROOT,
    stdio: 'pipe',
  })
  sim = await startSimulator({
    accounts: [{ apiId: '1001', user: 'alice', password: PASSWORD, credits: 5000 }],
  })
  target = {
    CLICKATELL_URL: sim.url,
    CLICKATELL_API_ID: '1001',
    CLICKATELL_USER: 'alice',
    CLICKATELL_PASSWORD: PASSWORD,
  }
}, 180_000)

afterAll(async () => {
  await sim?.close()
})

describe('clickatell preview', () => {
  it('reports encoding, parts, offenders, a cheaper text and the cost as JSON', async () => {
    const text = `We’re open ${'x'.repeat(140)}`
    const r = await cli(['--json', 'preview', text, '--charge', '0.8'])
    expect(r.code).toBe(0)
    const doc = JSON.parse(r.stdout)
    expect(doc).toMatchObject({
      encoding: 'ucs2',
      reason: 'not-gsm',
      units: 151,
      parts: 3,
      perPart: 67,
      offenders: [{ position: 2, char: '’', codePoint: 'U+2019', replacement: "'", kind: 'typographic' }],
      suggestion: { encoding: 'gsm7', parts: 1, savedParts: 2, lossy: false },
      reqFeat: { mask: 16392, features: ['UCS2', 'CONCAT'] },
      cost: { perPart: 0.8, total: 2.4 },
    })
  })

  it('reads the text from standard input and prints readable lines', async () => {
    const r = await cli(['preview'], {}, 'Hello [world]\n')
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('GSM-7')
    expect(r.stdout).toContain('15 septets in 1 part of 160; 145 left')
    expect(r.stdout).not.toMatch(/\u001b\[/) // no colour when not on a terminal
  })

  it('exits 2 when the text needs more parts than --max-parts', async () => {
    const r = await cli(['preview', 'x'.repeat(400), '--max-parts', '2'])
    expect(r.code).toBe(2)
    expect(r.stdout).toContain('needs 3 parts, but at most 2')
  })

  it('asks the gateway for the charge per part with --coverage', async () => {
    const r = await cli(['--json', 'preview', 'Hi', '--coverage', '447900000001'], target)
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout).cost).toMatchObject({ source: 'gateway' })
  })
})

describe('clickatell send and friends', () => {
  it('works on a fresh machine against the embedded simulator, and says so in one line', async () => {
    const r = await cli(['send', '--to', '447900000001', '--text', 'Hello'])
    expect(r.code).toBe(0)
    expect(r.stderr.trim().split('\n')).toHaveLength(1)
    expect(r.stderr).toContain('embedded simulator')
    expect(r.stdout).toMatch(/accepted 447900000001 {2}apiMsgId [0-9a-f]{32}/)
  })

  it('sends to several recipients through a configured gateway, one outcome each', async () => {
    const before = sim.state.messages.length
    const r = await cli(
      ['--json', 'send', '--to', '447900000001,447900000002', '--text', 'Grüße', '--from', 'Acme'],
      target,
    )
    expect(r.code).toBe(0)
    const doc = JSON.parse(r.stdout)
    expect(doc.outcomes.map((o: { _tag: string; to: string }) => [o._tag, o.to])).toEqual([
      ['Accepted', '447900000001'],
      ['Accepted', '447900000002'],
    ])
    const stored = sim.state.messages.slice(before)
    expect(stored.map((m) => m.text)).toEqual(['Grüße', 'Grüße'])
    expect(r.stderr).toBe('')
  })

  it('then status, charge, cancel by id and by client id', async () => {
    const sent = JSON.parse(
      (
        await cli(
          [
            '--json',
            'send',
            '--to',
            '447900000003',
            '--text',
            'x',
            '--client-id',
            'order42',
            '--deliver-after',
            '60',
          ],
          target,
        )
      ).stdout,
    )
    const id = sent.outcomes[0].apiMsgId
    const status = await cli(['--json', 'status', id], target)
    expect(status.code).toBe(0)
    expect(JSON.parse(status.stdout)).toMatchObject({ apiMsgId: id, status: { code: '011' } })
    const byClient = await cli(['--json', 'charge', '--client-id', 'order42'], target)
    expect(JSON.parse(byClient.stdout)).toMatchObject({ apiMsgId: id })
    const cancel = await cli(['--json', 'cancel', id], target)
    expect(JSON.parse(cancel.stdout)).toMatchObject({ status: { code: '006' } })
  })

  it('balance, coverage, voucher', async () => {
    expect(JSON.parse((await cli(['--json', 'balance'], target)).stdout).credit).toBeGreaterThan(0)
    expect(JSON.parse((await cli(['--json', 'coverage', '447900000001'], target)).stdout)).toMatchObject({
      routable: true,
    })
    const v = await cli(['voucher', '12'], target)
    expect(v.code).not.toBe(0)
  })

  it('bad input exits 2 with a one-line reason, before anything is sent', async () => {
    const before = sim.state.messages.length
    const r = await cli(['send', '--to', 'abc', '--text', 'hi'], target)
    expect(r.code).toBe(2)
    expect(r.stderr.trim().split('\n')).toHaveLength(1)
    expect(r.stderr).toMatch(/^error: /)
    expect(sim.state.messages.length).toBe(before)
  })

  it('a refused account exits 1 and never prints the password', async () => {
    const r = await cli(['--json', 'balance', '--password', 'WRONG-secret-77'], {
      ...target,
      CLICKATELL_PASSWORD: 'x',
    })
    expect(r.code).toBe(1)
    expect(r.stdout + r.stderr).not.toContain('WRONG-secret-77')
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, error: { _tag: 'GatewayError', code: '001' } })
  })

  it('a URL without credentials is bad input naming what is missing', async () => {
    const r = await cli(['balance'], { CLICKATELL_URL: sim.url })
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('CLICKATELL_API_ID')
  })

  it('usage errors exit 2, --help exits 0', async () => {
    expect((await cli(['send', '--bogus'])).code).toBe(2)
    const help = await cli(['--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toContain('preview')
  })
})

describe('clickatell bulk', () => {
  const rows = (n: number, bad: ReadonlySet<number> = new Set()) =>
    [
      'name,number,time',
      ...Array.from(
        { length: n },
        (_, i) => `Person ${i},${bad.has(i) ? 'not-a-number' : String(447800000000 + i)},${10 + (i % 8)}:30`,
      ),
    ].join('\n')
  // `clickatell --json bulk --csv <csv> --template <template> ...more`
  const bulk = (csv: string, template: string, ...more: ReadonlyArray<string>) =>
    cli(['--json', 'bulk', '--csv', csv, '--template', template, ...more], target)

  it('previews a 1,000-row CSV with --dry-run and sends nothing', async () => {
    const csv = join(dir, 'dry.csv')
    writeFileSync(csv, rows(1000))
    const before = sim.state.messages.length
    const r = await bulk(csv, 'Hi #name#, see you at #time#', '--charge', '1', '--dry-run')
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout).preview).toMatchObject({
      rows: 1000,
      ready: 1000,
      parts: 1000,
      cost: 1000,
      template: 'Hi #field1#, see you at #field2#',
    })
    expect(sim.state.messages.length).toBe(before)
  })

  it('sends a 1,000-row CSV through the batch commands', async () => {
    const csv = join(dir, 'all.csv')
    writeFileSync(csv, rows(1000))
    const before = sim.state.messages.length
    const r = await bulk(csv, 'Hi #name#, see you at #time#', '--rate', '5000', '--concurrency', '8')
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout)).toMatchObject({
      rows: 1000,
      accepted: 1000,
      rejected: 0,
      unknown: 0,
      batchEnded: true,
    })
    const sent = sim.state.messages.slice(before)
    expect(sent).toHaveLength(1000)
    expect(sent.find((m) => m.to === '447800000007')?.text).toBe('Hi Person 7, see you at 17:30')
  }, 60_000)

  it('keeps bad rows back and writes them to a CSV that can be run again', async () => {
    const csv = join(dir, 'some-bad.csv')
    writeFileSync(csv, rows(20, new Set([3, 11])))
    const r = await bulk(csv, 'Hi #name#')
    expect(r.code).toBe(2)
    const doc = JSON.parse(r.stdout)
    expect(doc).toMatchObject({ accepted: 18, invalid: 2 })
    const failures = readFileSync(doc.failures, 'utf8').trim().split('\n')
    expect(failures[0]).toBe('name,number,time,outcome,error')
    expect(failures).toHaveLength(3)
    expect(failures[1]).toContain('Person 3,not-a-number')
  })

  it('passes every message flag on to the batch, and refuses a bad one before anything is sent', async () => {
    const csv = join(dir, 'flags.csv')
    writeFileSync(csv, rows(3))
    const before = sim.state.batches.length
    const flags = ['--from', 'Acme', '--callback', '3', '--validity', '60', '--queue', '2', '--escalate']
    flags.push('--replyable', '--max-credits', '2', '--deliver-after', '30')
    const r = await bulk(csv, 'Hi #name#', ...flags)
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout)).toMatchObject({ accepted: 3 })
    const batch = sim.state.batches[before]!
    expect(
      Object.fromEntries(
        ['from', 'callback', 'validity', 'queue', 'escalate', 'mo', 'max_credits', 'deliv_time'].map((k) => [
          k,
          batch.params.get(k),
        ]),
      ),
    ).toEqual({
      from: 'Acme',
      callback: '3',
      validity: '60',
      queue: '2',
      escalate: '1',
      mo: '1',
      max_credits: '2',
      deliv_time: '30',
    })

    const sent = sim.state.messages.length
    const bad = await bulk(csv, 'Hi #name#', '--validity', '5000', '--dry-run')
    expect(bad.code).toBe(2)
    expect(bad.stderr + bad.stdout).toContain('validityMinutes')
    const withId = await bulk(csv, 'Hi #name#', '--client-id', 'x1')
    expect(withId.code).toBe(2)
    expect(withId.stderr + withId.stdout).toContain('--client-id')
    expect(sim.state.messages.length).toBe(sent)
    expect(sim.state.batches.length).toBe(before + 1)
  }, 60_000)
})
