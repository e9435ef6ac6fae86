// The reading bar of `bulk`: drawn on a terminal's stderr while the CSV is read and checked (the dry run, and the
// preview before a send), ended before the preview prints; never drawn without a terminal or with --json.
import { describe, expect, it } from 'vitest'
import { run } from '../../src/cli/Program.js'
import { type FakeOptions, fakeWorld, TARGET_ENV } from './fakeWorld.js'

const CSV = 'name,number\nAnn,447900000001\nBob,bad\nCy,447900000003\n'
const SIZE = new TextEncoder().encode(CSV).length
const BAR_END = `checking [================] 100% | ${SIZE} B of ${SIZE} B | 3 rows |`

/** Runs `bulk` on p.csv, stdout and stderr written into one log so their order shows. */
const bulk = async (more: ReadonlyArray<string>, options: FakeOptions = {}, content = CSV) => {
  const world = fakeWorld({ env: TARGET_ENV, files: { 'p.csv': content }, ...options })
  const log: Array<readonly ['out' | 'err', string]> = []
  const code = await run(['bulk', '--csv', 'p.csv', '--template', 'Hi #name#', ...more], {
    ...world,
    stdout: { write: (s: string) => log.push(['out', s]), isTTY: world.stdout.isTTY === true },
    stderr: { write: (s: string) => log.push(['err', s]), isTTY: world.stderr.isTTY === true },
  })
  const text = (which: 'out' | 'err') =>
    log
      .filter(([w]) => w === which)
      .map(([, s]) => s)
      .join('')
  return { code, log, out: text('out'), err: text('err'), world }
}

/** Where in the log the first write containing `s` is. */
const at = (log: ReadonlyArray<readonly [string, string]>, s: string): number =>
  log.findIndex(([, w]) => w.includes(s))

describe('bulk: the reading bar', () => {
  it('a dry run on a terminal draws it from 0% to the end, then takes it off the line before the preview', async () => {
    const r = await bulk(['--dry-run'], { stderrTTY: true })
    expect(r.code).toBe(0)
    expect(r.err).toContain(`checking [----------------] 0% | 0 B of ${SIZE} B | 0 rows |`)
    expect(r.err).toContain(BAR_END)
    // Cleared: the line it was on.
    expect(r.err.slice(r.err.lastIndexOf(BAR_END))).toMatch(/\u001b\[1G\u001b\[2K$/)
    expect(r.out).toBe(
      'Bulk preview 3 rows: 2 ready, 1 invalid; 2 parts\n  line 3: number "bad" is not an international number (digits only)\n',
    )
    const lastOfBar = r.log.map(([w]) => w).lastIndexOf('err')
    expect(lastOfBar).toBeLessThan(at(r.log, 'Bulk preview'))
  })

  it('before a real send, it ends before the preview and the sending bar starts after it', async () => {
    const r = await bulk(['--yes'], { stderrTTY: true }, 'name,number\nAnn,447900000001\nCy,447900000003\n')
    expect(r.code).toBe(0)
    const size = 'name,number\nAnn,447900000001\nCy,447900000003\n'.length
    const end = at(r.log, `100% | ${size} B of ${size} B | 2 rows |`)
    expect(end).toBeGreaterThanOrEqual(0)
    expect(end).toBeLessThan(at(r.log, 'Bulk preview'))
    expect(at(r.log, 'Bulk preview')).toBeLessThan(at(r.log, 'sending ['))
    // The send reads the file again without it.
    expect(r.log.filter(([, w]) => w.includes('checking [')).length).toBe(2) // its start and its end
    expect(r.world.reads.get('p.csv')).toBe(2)
  })

  it('counts every row in a file read in many chunks, the invalid ones too', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => `P${i},${i % 7 === 0 ? 'bad' : 447900000000 + i}`)
    const content = `name,number\n${rows.join('\n')}\n`
    const r = await bulk(['--dry-run'], { stderrTTY: true, chunkBytes: 4096 }, content)
    expect(r.code).toBe(0)
    const kB = (new TextEncoder().encode(content).length / 1000).toFixed(1)
    expect(r.err).toContain(`100% | ${kB} kB of ${kB} kB | 3000 rows |`)
  })

  it('an error in the file: the bar ends where it stopped, and is off the line before the error', async () => {
    const after = Array.from({ length: 2000 }, (_, i) => `P${i},${447900000000 + i}`).join('\n')
    const broken = `name,number\nAnn,447900000001\nBob,447900000002,extra\n${after}\n`
    const r = await bulk(['--dry-run'], { stderrTTY: true, chunkBytes: 64 }, broken)
    expect(r.code).toBe(2)
    expect(r.err).toMatch(/ 0% \| \d+ B of 36\.9 kB \| \d+ rows? \|/)
    const error = at(r.log, 'error: ')
    expect(r.log[error - 1]?.[1]).toMatch(/\u001b\[2K$/)
    expect(r.err.slice(0, r.err.indexOf('error: '))).not.toContain('100%')
  })

  it.each<[string, ReadonlyArray<string>, FakeOptions]>([
    ['stderr is not a terminal', [], {}],
    ['the output is JSON', ['--json'], { stderrTTY: true }],
    ["the file's size is not known", [], { stderrTTY: true, sizeUnknown: true }],
  ])('is not drawn when %s', async (_case, flags, options) => {
    const r = await bulk(['--dry-run', ...flags], options)
    expect(r.code).toBe(0)
    expect(r.err).toBe('')
    expect(r.out).toContain('3')
  })

  it('a file that cannot be read: the usual error, no bar', async () => {
    const world = fakeWorld({ env: TARGET_ENV, stderrTTY: true })
    const code = await run(['bulk', '--csv', 'none.csv', '--template', 'Hi #name#', '--dry-run'], world)
    expect(code).toBe(2)
    expect(world.stderrText()).toBe(
      "error: invalid input: --csv: none.csv cannot be read: ENOENT: no such file or directory, open 'none.csv'\n",
    )
  })
})
