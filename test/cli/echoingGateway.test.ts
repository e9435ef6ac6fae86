// Issue 15, "No secret in any output", through the built CLI: a gateway on 127.0.0.1 that echoes the request,
// and every output path (stdout, stderr, --json, the failures file) without a form of the password or of the
// session id. See docs/reliability.md, "Hostile peers".
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Answer, type Echoed, type EchoServer, leaks, proxyPage, startEcho } from '../hostile/echo.js'
import { binIn, buildBin, runner } from './binary.js'

// Bundled into a folder of this file's own, as test/cli/cli.test.ts does.
const BUILD = 'cli-build-secrets'
const PASSWORD = 'S3cr3t p@ss/é"<'
const SESSION = '7f3c2a9e41b04d6a8c5e1f2b3a4d5e6f'
const SECRETS = [PASSWORD, SESSION]
const dir = mkdtempSync(join(tmpdir(), 'clickatell-secrets-'))

const cli = runner(binIn(BUILD), { HOME: dir, XDG_STATE_HOME: dir })

// An echoing gateway: `auth` gives SESSION, a batch starts and ends, everything else is `answer`.
const servers: EchoServer[] = []
const echo = async (answer: (e: Echoed) => Answer): Promise<EchoServer> => {
  const s = await startEcho((e) =>
    e.path.endsWith('/auth')
      ? { status: 200, body: `OK: ${SESSION}` }
      : e.path.endsWith('/startbatch')
        ? { status: 200, body: 'ID: 0d1d5b1c0c7f4c39a5c0d2f7e0a1b2c3' }
        : e.path.endsWith('/endbatch')
          ? { status: 200, body: 'OK' }
          : answer(e),
  )
  servers.push(s)
  return s
}
const flags = (s: EchoServer) => ['--url', s.url, '--api-id', '1', '--user', 'me', '--password', PASSWORD]

beforeAll(() => buildBin(BUILD), 180_000)

afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()))
})

const PAGES: ReadonlyArray<readonly [string, (e: Echoed) => Answer]> = [
  ['a proxy page, HTTP 502', (e) => ({ status: 502, body: proxyPage(e) })],
  ['an HTML page with HTTP 200', (e) => ({ status: 200, body: proxyPage(e) })],
  [
    'ERR: 001 repeating the request',
    (e) => ({ status: 200, body: `ERR: 001, Bad login ${e.decoded} ${e.raw}` }),
  ],
]

describe('the CLI against an echoing gateway', () => {
  it.each(PAGES)('%s: --json on stdout and the lines on stderr hold no secret', async (_name, answer) => {
    const s = await echo(answer)
    const r = await cli(['--json', 'balance', ...flags(s)])
    expect(r.code).toBe(1)
    expect(s.requests.some((q) => leaks(q.raw, SECRETS).length > 0)).toBe(true)
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: false })
    expect(leaks(r.stdout + r.stderr, SECRETS)).toEqual([])
  })

  it.each(PAGES)('%s: readable output, the password from CLICKATELL_PASSWORD', async (_name, answer) => {
    const s = await echo(answer)
    const r = await cli(['status', 'abc', '--url', s.url], {
      CLICKATELL_API_ID: '1',
      CLICKATELL_USER: 'me',
      CLICKATELL_PASSWORD: PASSWORD,
    })
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/error:/)
    expect(leaks(r.stdout + r.stderr, SECRETS)).toEqual([])
  })

  it('send: every recipient refused with an echo', async () => {
    const s = await echo((e) => ({ status: 200, body: `ERR: 114, Cannot route ${e.decoded}` }))
    const r = await cli(['--json', 'send', '--to', '27999000001,27999000002', '--text', 'Hi', ...flags(s)])
    expect(r.stdout).toContain('114')
    expect(leaks(r.stdout + r.stderr, SECRETS)).toEqual([])
  })

  it('bulk: the failures file holds no secret either', async () => {
    const s = await echo((e) => ({ status: 200, body: `ERR: 114, Cannot route ${e.decoded}` }))
    const csv = join(dir, 'people.csv')
    writeFileSync(csv, 'name,number\nAnn,27999000001\nBob,27999000002\n')
    const r = await cli(['--json', 'bulk', '--csv', csv, '--template', 'Hi #name#', '--yes', ...flags(s)])
    const doc = JSON.parse(r.stdout) as { value?: { failures?: string } }
    const failures = doc.value?.failures
    expect(failures).toBeDefined()
    const text = readFileSync(failures!, 'utf8')
    expect(text).toContain('Ann')
    expect(leaks(r.stdout + r.stderr + text, SECRETS)).toEqual([])
  })

  it('a password in --url is refused without being repeated', async () => {
    const r = await cli([
      '--json',
      'balance',
      '--url',
      'http://me:UrlS3cr3t@127.0.0.1:9/',
      '--api-id',
      '1',
      '--user',
      'me',
      '--password',
      'x',
    ])
    expect(r.code).toBe(2)
    expect(r.stdout + r.stderr).toMatch(/user information/)
    expect(r.stdout + r.stderr).not.toContain('UrlS3cr3t')
  })
})
