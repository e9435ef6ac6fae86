// The built CLI on a terminal (util-linux `script`): `bulk --dry-run` draws its reading bar while it reads the
// CSV and takes it off the line before the preview; without a terminal it draws nothing. The dry run sends
// nothing, so no gateway is needed: the configured URL is never called.
import { statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { bytesText } from '../../src/cli/Progress.js'
import { binIn, buildBin, runner, SCRIPT, sandbox, terminalRunner } from './binary.js'

const BUILD = 'bulk-terminal-build'
const BIN = binIn(BUILD)
const { dir, HOME, STATE } = sandbox('clickatell-bulk-terminal-')
const base = {
  HOME,
  XDG_STATE_HOME: STATE,
  CLICKATELL_URL: 'http://127.0.0.1:9',
  CLICKATELL_API_ID: '1001',
  CLICKATELL_USER: 'alice',
  CLICKATELL_PASSWORD: 'pa55-word-Xq',
}
const onTerminal = terminalRunner(BIN, base)
const cli = runner(BIN, base)

const ROWS = 50_000
const csv = join(dir, 'rows.csv')

beforeAll(async () => {
  await buildBin(BUILD)
  const rows = Array.from({ length: ROWS }, (_, i) => `Person ${i},${447800000000 + i}`)
  writeFileSync(csv, `name,number\n${rows.join('\n')}\n`)
}, 180_000)

const args = ['bulk', '--csv', csv, '--template', 'Hi #name#', '--dry-run']

describe('bulk --dry-run on a terminal', () => {
  it.skipIf(!SCRIPT)(
    'draws the reading bar from 0% to the end, then the preview on the line it was on',
    async () => {
      const r = await onTerminal(args)
      expect(r.code).toBe(0)
      const size = bytesText(statSync(csv).size)
      expect(r.output).toContain(`] 0% | 0 B of ${size} | 0 rows |`)
      const end = r.output.lastIndexOf(`] 100% | ${size} of ${size} | ${ROWS} rows |`)
      expect(end).toBeGreaterThan(0)
      // Its line cleared, the cursor at its start: the preview is printed there, and nothing is drawn after it.
      const preview = r.output.indexOf(`Bulk preview\u001b[0m ${ROWS} rows:`)
      expect(preview).toBeGreaterThan(end)
      expect(r.output.slice(end, preview)).toMatch(/\u001b\[1G\u001b\[2K(\u001b\[1m)?$/)
      expect(r.output.slice(preview)).not.toContain('checking [')
      // The time left is a number of seconds all along.
      expect(r.output).not.toMatch(/(INF|NULL)s left/)
    },
    60_000,
  )

  it('draws nothing without a terminal', async () => {
    const r = await cli(args)
    expect(r.code).toBe(0)
    expect(r.stderr).toBe('')
    expect(r.stdout).toBe(`Bulk preview ${ROWS} rows: ${ROWS} ready, 0 invalid; ${ROWS} parts\n`)
  }, 60_000)
})
