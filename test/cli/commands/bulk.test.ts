import { describe, expect, it } from 'vitest'
import { prepareBulk } from '../../../src/cli/Bulk.js'
import { failuresCsv, resultOf } from '../../../src/cli/commands/bulk.js'
import { cli, type FakeOptions } from '../fakeWorld.js'

const CSV = 'name,number\nAnn,447900000001\nBob,bad\nCy,447900000003\n'
const GOOD = 'name,number\nAnn,447900000001\nCy,447900000003\n'
const PREVIEW = [
  'Bulk preview 3 rows: 2 ready, 1 invalid; 2 parts',
  '  line 3: number "bad" is not an international number (digits only)',
]
const BAD_ROW = 'Bob,bad,invalid,"number ""bad"" is not an international number (digits only)"\n'

const bulk = (more: ReadonlyArray<string>, options: FakeOptions = {}, content = CSV) =>
  cli(['bulk', '--csv', 'p.csv', '--template', 'Hi #name#', ...more], {
    files: { 'p.csv': content },
    ...options,
  })

describe('the pieces', () => {
  it('failuresCsv: the header with outcome and error, then each row that did not go', () => {
    const row = { line: 2, values: ['Ann, Jr', '447900000001'], to: '447900000001', fields: ['Ann, Jr'] }
    expect(
      failuresCsv(
        ['name', 'number'],
        [
          { row, outcome: 'rejected', reason: 'gateway error 121' },
          { row, outcome: 'invalid', reason: 'says "no"' },
        ],
      ),
    ).toBe(
      'name,number,outcome,error\n"Ann, Jr",447900000001,rejected,gateway error 121\n"Ann, Jr",447900000001,invalid,"says ""no"""\n',
    )
  })

  it('resultOf: counts by outcome, seconds to the millisecond, the failures file only when there are failures', () => {
    const plan = prepareBulk({ content: CSV, csv: 'p.csv', template: 'Hi #name#', charge: 2 })
    if (plan._tag === 'Left') throw new Error('expected a plan')
    const row = plan.right.good[1]!
    const failed = [
      { row: plan.right.bad[0]!.row, outcome: 'invalid' as const, reason: 'x' },
      { row, outcome: 'unknown' as const, reason: 'y' },
    ]
    expect(resultOf(plan.right, 'b1', { accepted: 1, failed }, 1.23456, true)).toEqual({
      batchId: 'b1',
      rows: 3,
      accepted: 1,
      rejected: 0,
      unknown: 1,
      invalid: 1,
      parts: 2,
      cost: 4,
      seconds: 1.235,
      failures: 'p.failures.csv',
      batchEnded: true,
      preview: plan.right.preview,
    })
    expect(resultOf(plan.right, 'b1', { accepted: 2, failed: [] }, 0, false)).not.toHaveProperty('failures')
  })
})

describe('clickatell bulk', () => {
  it('--dry-run previews and sends nothing: exit 0', async () => {
    const r = await bulk(['--dry-run', '--charge', '1'])
    expect([r.code, r.err]).toEqual([0, ''])
    expect(r.out).toBe(`Bulk preview 3 rows: 2 ready, 1 invalid; 2 parts, 2 credits\n${PREVIEW[1]}\n`)
    expect(r.world.received).toEqual([])
    expect(r.world.simulators.started).toEqual([])
  })

  it('--dry-run --json prints the preview document', async () => {
    const json = await cli(['--json', 'bulk', '--csv', 'p.csv', '--template', 'Hi #name#', '--dry-run'], {
      files: { 'p.csv': GOOD },
    })
    expect(json.code).toBe(0)
    expect(JSON.parse(json.out)).toEqual({
      ok: true,
      value: { preview: { rows: 2, ready: 2, invalid: [], parts: 2, template: 'Hi #field1#' } },
    })
  })

  it('sends every row through the batch commands: exit 0, no failures file', async () => {
    const r = await bulk(['--from', 'Acme'], {}, GOOD)
    expect([r.code, r.err]).toEqual([0, ''])
    const batchId = [...r.world.target.store.batches.keys()][0]
    expect(r.out).toBe(
      'Bulk preview 2 rows: 2 ready, 0 invalid; 2 parts\n' +
        `Batch ${batchId}: 2 accepted, 0 rejected, 0 unknown, 0 invalid, in 0.0 s\n`,
    )
    expect(r.world.received).toEqual(['auth', 'startbatch', 'senditem', 'senditem', 'endbatch'])
    expect(r.world.target.store.messages.map((m) => [m.to, m.text])).toEqual([
      ['447900000001', 'Hi Ann'],
      ['447900000003', 'Hi Cy'],
    ])
    expect(r.world.target.store.batches.get(batchId!)!.params.get('from')).toBe('Acme')
    expect([...r.world.files.keys()]).toEqual(['p.csv'])
  })

  it('with --json a real send prints one document, the preview inside', async () => {
    const r = await cli(['--json', 'bulk', '--csv', 'p.csv', '--template', 'Hi #name#', '--charge', '0.5'], {
      files: { 'p.csv': GOOD },
    })
    expect(r.code).toBe(0)
    expect(JSON.parse(r.out).value).toEqual({
      batchId: [...r.world.target.store.batches.keys()][0],
      rows: 2,
      accepted: 2,
      rejected: 0,
      unknown: 0,
      invalid: 0,
      parts: 2,
      cost: 1,
      // The second item waited 10 ms for its slot (100 a second) on the world's clock.
      seconds: 0.01,
      batchEnded: true,
      preview: { rows: 2, ready: 2, invalid: [], parts: 2, cost: 1, template: 'Hi #field1#' },
    })
  })

  it('keeps invalid rows back and writes them to the failures file: exit 1, a partial run', async () => {
    const r = await bulk([])
    expect(r.code).toBe(1)
    expect(r.err).toBe('error: 1 of 3 rows did not go; they are in p.failures.csv\n')
    const batchId = [...r.world.target.store.batches.keys()][0]
    expect(r.out.split('\n')).toEqual([
      ...PREVIEW,
      `Batch ${batchId}: 2 accepted, 0 rejected, 0 unknown, 1 invalid, in 0.0 s`,
      'Rows that did not go: p.failures.csv (run it again with --csv p.failures.csv)',
      '',
    ])
    expect(r.world.files.get('p.failures.csv')).toBe(`name,number,outcome,error\n${BAD_ROW}`)
  })

  it('--failures names the file', async () => {
    const r = await bulk(['--failures', 'again.csv'])
    expect(r.world.files.get('again.csv')).toBe(`name,number,outcome,error\n${BAD_ROW}`)
  })

  it('rows the gateway refuses are rejected: exit 1, in the failures file', async () => {
    const r = await bulk([], { gateway: { blocked: ['447900000003'] } })
    expect(r.code).toBe(1)
    expect(r.out).toContain(': 1 accepted, 1 rejected, 0 unknown, 1 invalid, in 0.0 s\n')
    expect(r.world.files.get('p.failures.csv')).toBe(
      `name,number,outcome,error\n${BAD_ROW}Cy,447900000003,rejected,gateway error 121 on senditem: Destination mobile number blocked\n`,
    )
  })

  it('items whose answers were lost are unknown: exit 1', async () => {
    const r = await bulk([], { lost: ['senditem'] })
    expect(r.code).toBe(1)
    expect(r.out).toContain(': 0 accepted, 0 rejected, 2 unknown, 1 invalid, in 0.0 s\n')
    expect(r.world.files.get('p.failures.csv')).toBe(
      `name,number,outcome,error\n${BAD_ROW}Ann,447900000001,unknown,transport error (network): socket hang up\nCy,447900000003,unknown,transport error (network): socket hang up\n`,
    )
  })

  it('--rate spaces the items on the clock', async () => {
    const r = await bulk(['--rate', '10'], {}, `${GOOD}Di,447900000004\n`)
    expect(r.world.slept).toEqual([100, 100])
    expect(r.out).toContain(': 3 accepted, 0 rejected, 0 unknown, 0 invalid, in 0.2 s\n')
  })

  it('draws the progress bar on a terminal stderr', async () => {
    const r = await bulk([], { stderrTTY: true }, GOOD)
    expect(r.code).toBe(0)
    expect(r.err).toContain('sending [----------------------------------------] 0/2 | failed 0 | 0/s')
    expect(r.err).toContain('sending [========================================] 2/2 | failed 0 |')
  })

  it('no row that can go: exit 2, nothing sent', async () => {
    const r = await bulk([], {}, 'name,number\nBob,bad\n')
    expect(r.code).toBe(2)
    expect(r.out).toBe(
      'Bulk preview 1 row: 0 ready, 1 invalid; 0 parts\n  line 2: number "bad" is not an international number (digits only)\n',
    )
    expect(r.err).toBe('error: no row can be sent: nothing was sent\n')
    expect(r.world.received).toEqual([])
  })

  it('a CSV that cannot be read is bad input: exit 2', async () => {
    const r = await cli(['bulk', '--csv', 'none.csv', '--template', 'x'])
    expect([r.code, r.out, r.err]).toEqual([
      2,
      '',
      "error: invalid input: --csv: cannot read none.csv: ENOENT: no such file or directory, open 'none.csv'\n",
    ])
  })

  it('a bad flag is refused before anything is sent, in a dry run too: exit 2', async () => {
    const r = await bulk(['--validity', '5000', '--dry-run'])
    expect([r.code, r.out]).toEqual([2, ''])
    expect(r.err).toBe(
      'error: invalid input: validityMinutes: must be a whole number of minutes from 1 to 1440; got the number 5000\n',
    )
    const withId = await bulk(['--client-id', 'x1'])
    expect(withId.code).toBe(2)
    expect(withId.err).toBe("error: unknown option '--client-id'\n")
    expect(withId.world.received).toEqual([])
  })

  it('a batch that cannot start: exit 1, nothing sent', async () => {
    const r = await bulk([], { down: ['startbatch'] })
    expect([r.code, r.err]).toEqual([
      1,
      'error: transport error (network): connect ECONNREFUSED http://gateway.test\n',
    ])
    expect(r.world.received).toEqual(['auth'])
  })

  it('a failures file that cannot be written: one line, exit 1', async () => {
    const r = await bulk([], { readOnly: ['p.failures.csv'] })
    expect(r.code).toBe(1)
    expect(r.out).toBe(`${PREVIEW.join('\n')}\n`)
    expect(r.err).toBe("error: EACCES: permission denied, open 'p.failures.csv'\n")
  })
})
