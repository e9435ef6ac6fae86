// Issue 15: the CLI against a gateway that takes the connection and never answers. The built binary, run as a
// process, with a small --timeout or --deadline: it exits 1 with a clear message instead of hanging.
import { execFile } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { contextOf } from '../../src/cli/Context.js'
import { type HostileServer, hostileServer } from '../hostile/peer.js'
import { ensureDist, ROOT } from '../support/dist.js'

const BIN = join(ROOT, 'dist', 'cli', 'main.js')
const HOME = mkdtempSync(join(tmpdir(), 'clickatell-timeout-'))

interface Run {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
  readonly ms: number
}

const cli = (args: ReadonlyArray<string>): Promise<Run> =>
  new Promise((resolve) => {
    const t0 = Date.now()
    execFile(
      process.execPath,
      [BIN, ...args],
      { env: { PATH: process.env.PATH ?? '', HOME, XDG_STATE_HOME: HOME }, timeout: 60_000 },
      (error, stdout, stderr) =>
        resolve({
          code: error ? ((error as { code?: number }).code ?? 1) : 0,
          stdout: String(stdout),
          stderr: String(stderr),
          ms: Date.now() - t0,
        }),
    )
  })

let silent: HostileServer
const at = (): string[] => ['--url', silent.url, '--api-id', '1', '--user', 'u', '--password', 'pa55-word-Xq']

beforeAll(async () => {
  await ensureDist()
  silent = await hostileServer({ kind: 'silent' })
}, 300_000)
afterAll(async () => {
  await silent.close()
})

describe('--timeout and --deadline', () => {
  it('are global flags listed in the help', async () => {
    const r = await cli(['--help'])
    expect(r.stdout).toMatch(/--timeout <ms>\s+longest one request may take, in ms/)
    expect(r.stdout).toMatch(/--deadline <ms>\s+longest one call may take/)
  })

  it('reach the client as its timeoutMs and deadlineMs', () => {
    const world = { stdout: { write: () => true }, stderr: { write: () => true }, env: {} } as never
    expect(contextOf(world, { timeout: 250, deadline: 900 }).limits).toEqual({
      timeoutMs: 250,
      deadlineMs: 900,
    })
    expect(contextOf(world, {}).limits).toEqual({})
  })

  it('balance against a gateway that never answers: exit 1, "no response in 300 ms", no hang', async () => {
    const r = await cli([...at(), '--timeout', '300', 'balance'])
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('transport error (timeout): no response in 300 ms')
    // Four tries of auth (three read retries) of 300 ms each, and their backoff: far below the bound.
    expect(r.ms).toBeLessThan(15_000)
  })

  it('--deadline ends the whole command, retries included: exit 1 with the deadline named', async () => {
    const r = await cli([...at(), '--deadline', '700', 'balance'])
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('no answer within the deadline of 700 ms')
    expect(r.ms).toBeLessThan(10_000)
  })

  it('send against a gateway that never answers: exit 1 with a clear message, never a hang', async () => {
    const r = await cli([
      ...at(),
      '--timeout',
      '300',
      '--deadline',
      '2000',
      'send',
      '--to',
      '447700900001',
      '--text',
      'Hello',
    ])
    expect(r.code).toBe(1)
    expect(`${r.stdout}${r.stderr}`).toMatch(/timeout|deadline/)
    expect(r.ms).toBeLessThan(15_000)
  })

  it.each([
    ['--timeout', '0', 'timeoutMs'],
    ['--deadline', '-1', 'deadlineMs'],
  ])('%s %s is refused before anything is sent: exit 2', async (flag, value, path) => {
    const r = await cli([...at(), flag, value, 'balance'])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain(path)
  })

  it('a number flag that is not a number is a usage error: exit 2', async () => {
    const r = await cli([...at(), '--timeout', 'soon', 'balance'])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('--timeout must be a number')
  })
})
