// The built CLI with --rest, run as a process: against the embedded simulator's demo token on a fresh machine
// (in a temporary HOME and XDG_STATE_HOME), and against a simulator started here on 127.0.0.1 with
// CLICKATELL_URL and CLICKATELL_TOKEN. Commands the REST API has not exit 2 and send nothing.
import { execFile } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Simulator, startSimulator } from '../../src/simulator/index.js'
import { binIn, buildBin, type Run, runner, sandbox } from './binary.js'

// Compiled into a folder of this test's own, so it never races the other CLI tests' builds.
const BUILD = 'cli-rest-build'
const BIN = binIn(BUILD)
const TOKEN = 'cli0rest0token'

const { dir, HOME, STATE } = sandbox('clickatell-rest-')

const cli = runner(BIN, { HOME, XDG_STATE_HOME: STATE })

let sim: Simulator
let target: Record<string, string>

beforeAll(async () => {
  await buildBin(BUILD)
  sim = await startSimulator({
    accounts: [{ apiId: '1001', user: 'alice', password: 'pa55-word-Xq', credits: 50, restToken: TOKEN }],
  })
  target = { CLICKATELL_URL: sim.url, CLICKATELL_TOKEN: TOKEN }
}, 180_000)

afterAll(async () => {
  await sim?.close()
})

const json = (r: Run) => JSON.parse(r.stdout) as { ok: boolean; value: Record<string, unknown> }

describe('clickatell --rest on a fresh machine', () => {
  it('sends with the embedded simulator demo token, says so in one line, and status works in the next run', async () => {
    const sent = await cli(['--rest', '--json', 'send', '--to', '447900000001', '--text', 'Hello REST'])
    expect(sent.code).toBe(0)
    expect(sent.stderr.trim().split('\n')).toHaveLength(1)
    expect(sent.stderr).toContain('No gateway configured (CLICKATELL_URL, CLICKATELL_TOKEN)')
    const [o] = json(sent).value.outcomes as Array<{ _tag: string; apiMsgId: string }>
    expect(o).toMatchObject({ _tag: 'Accepted', apiMsgId: expect.stringMatching(/^[0-9a-f]{32}$/) })
    // The embedded simulator kept the message: asked over REST, then over HTTP (the same demo account).
    const viaRest = await cli(['--rest', '--json', 'status', o!.apiMsgId])
    expect(viaRest.code).toBe(0)
    expect(json(viaRest).value).toMatchObject({ apiMsgId: o!.apiMsgId, status: { code: expect.any(String) } })
    const viaHttp = await cli(['--json', 'status', o!.apiMsgId])
    expect(json(viaHttp).value.status).toEqual(json(viaRest).value.status)
  })

  it('clickatell simulator prints the demo token to export', async () => {
    const child = execFile(process.execPath, [BIN, 'simulator', '--port', '0'], {
      env: { PATH: process.env.PATH ?? '', HOME, XDG_STATE_HOME: STATE },
    })
    const out = await new Promise<string>((resolve) => {
      let text = ''
      child.stdout?.on('data', (d) => {
        text += String(d)
        if (text.includes('Ctrl+C')) resolve(text)
      })
    })
    child.kill('SIGTERM')
    expect(out).toMatch(/export CLICKATELL_TOKEN=[A-Za-z0-9]{24} {2}# for the REST API/)
  })
})

describe('clickatell --rest against a configured gateway', () => {
  it('balance, coverage, then send, status, charge and cancel by client id', async () => {
    expect(json(await cli(['--rest', '--json', 'balance'], target)).value).toEqual({
      credit: 50,
      raw: '50.000',
    })
    const coverage = await cli(['--rest', 'coverage', '447900000001'], target)
    expect(coverage.code).toBe(0)
    const sent = await cli(
      ['--rest', '--json', 'send', '--to', '447900000002', '--text', 'Later', '--client-id', 'rest7'].concat([
        '--deliver-at',
        String(Math.floor(Date.now() / 1000) + 3600),
      ]),
      target,
    )
    expect(sent.code).toBe(0)
    expect(sim.state.messagesByCliMsgId('rest7')).toHaveLength(1)
    const charge = await cli(['--rest', '--json', 'charge', '--client-id', 'rest7'], target)
    expect(json(charge).value).toMatchObject({ charge: 1 })
    const cancel = await cli(['--rest', '--json', 'cancel', '--client-id', 'rest7'], target)
    expect(cancel.code).toBe(0)
    expect(sim.state.messagesByCliMsgId('rest7')[0]!.status).toBe('006')
    expect(cancel.stderr).toBe('')
  })

  it('a wrong token is the gateway refusing (exit 1), and the token is never printed', async () => {
    const r = await cli(['--rest', '--token', 'not0the0token', 'balance'], { CLICKATELL_URL: sim.url })
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('001')
    expect(r.stdout + r.stderr).not.toContain('not0the0token')
  })

  it('a URL without a token, and --token without --rest, are bad input (exit 2)', async () => {
    const noToken = await cli(['--rest', 'balance'], { CLICKATELL_URL: sim.url })
    expect(noToken.code).toBe(2)
    expect(noToken.stderr).toContain('CLICKATELL_TOKEN')
    const noRest = await cli(['--token', TOKEN, 'balance'], { CLICKATELL_URL: sim.url })
    expect(noRest.code).toBe(2)
    expect(noRest.stderr).toContain('--rest')
  })

  it('voucher and bulk need the HTTP API: exit 2, nothing sent', async () => {
    const before = sim.state.messages.length
    const voucher = await cli(['--rest', 'voucher', '1234567890123456'], target)
    expect(voucher.code).toBe(2)
    expect(voucher.stderr).toContain('the REST API has no vouchers')
    const csv = join(dir, 'rows.csv')
    writeFileSync(csv, 'to,name\n447900000001,Ann\n')
    const bulk = await cli(['--rest', 'bulk', '--csv', csv, '--template', 'Hi #name#', '--yes'], target)
    expect(bulk.code).toBe(2)
    expect(bulk.stderr).toContain('the REST API has no batches')
    expect(sim.state.messages.length).toBe(before)
    // A dry run sends nothing, and so needs no batch.
    expect(
      (await cli(['--rest', 'bulk', '--csv', csv, '--template', 'Hi #name#', '--dry-run'], target)).code,
    ).toBe(0)
  })
})
