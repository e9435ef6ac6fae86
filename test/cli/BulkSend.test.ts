import { describe, expect, it } from 'vitest'
import { run } from '../../src/cli/Program.js'
import { cli, type FakeOptions, fakeWorld, TARGET_ENV } from './fakeWorld.js'

const CSV = 'name,number\nAnn,447900000001\nBob,bad\nCy,447900000003\n'
const GOOD = 'name,number\nAnn,447900000001\nCy,447900000003\n'
const BAD_LINE = '  line 3: number "bad" is not an international number (digits only)'
const BAD_ROW = 'Bob,bad,invalid,"number ""bad"" is not an international number (digits only)"\n'

const bulk = (more: ReadonlyArray<string>, options: FakeOptions = {}, content = CSV) =>
  cli(['bulk', '--csv', 'p.csv', '--template', 'Hi #name#', ...more], {
    files: { 'p.csv': content },
    ...options,
  })

describe('clickatell bulk --dry-run', () => {
  it('previews every row and sends nothing: exit 0, the file read once', async () => {
    const r = await bulk(['--dry-run', '--charge', '1'])
    expect([r.code, r.err]).toEqual([0, ''])
    expect(r.out).toBe(`Bulk preview 3 rows: 2 ready, 1 invalid; 2 parts, 2 credits\n${BAD_LINE}\n`)
    expect(r.world.received).toEqual([])
    expect(r.world.simulators.started).toEqual([])
    expect(r.world.reads.get('p.csv')).toBe(1)
  })

  it('with --json, the preview document', async () => {
    const r = await bulk(['--json', '--dry-run'], {}, GOOD)
    expect(r.code).toBe(0)
    expect(JSON.parse(r.out)).toEqual({
      ok: true,
      value: {
        preview: {
          rows: 2,
          ready: 2,
          invalidRows: 0,
          invalid: [],
          parts: 2,
          template: 'Hi #field1#',
          concat: 1,
          ucs2: { rows: 0, parts: 0 },
        },
      },
    })
  })

  it('reports the physical line of a row, after a quoted field over several lines', async () => {
    const content = 'name,number\n"Ann\nMarie",447900000001\n\nBob,bad\n'
    const r = await bulk(['--dry-run'], {}, content)
    expect(r.out).toContain('  line 5: number "bad" is not an international number (digits only)\n')
  })

  it('lists the first ten rows that cannot go, then how many more', async () => {
    const rows = Array.from({ length: 14 }, (_, i) => `P${i},${i < 12 ? 'bad' : `4479000000${10 + i}`}`)
    const r = await bulk(['--dry-run'], {}, `name,number\n${rows.join('\n')}`)
    expect(r.out.split('\n')).toEqual([
      'Bulk preview 14 rows: 2 ready, 12 invalid; 2 parts',
      ...Array.from(
        { length: 10 },
        (_, i) => `  line ${i + 2}: number "bad" is not an international number (digits only)`,
      ),
      '  ... and 2 more',
      '',
    ])
  })
})

describe('refused before anything is sent: exit 2', () => {
  it('a placeholder that names no column, named, whatever the rows', async () => {
    const r = await cli(['bulk', '--csv', 'p.csv', '--template', 'Hi #nmae#', '--yes'], {
      files: { 'p.csv': CSV },
    })
    expect([r.code, r.out]).toEqual([2, ''])
    expect(r.err).toBe(
      'error: invalid input: --template: #nmae# names no column; the columns are name, number (nothing was sent)\n',
    )
    expect(r.world.received).toEqual([])
    expect(r.world.simulators.started).toEqual([])
  })

  it('a real send without a terminal to confirm on and without --yes', async () => {
    const r = await bulk(['--charge', '0.5'], {}, GOOD)
    expect(r.code).toBe(2)
    expect(r.out).toBe('Bulk preview 2 rows: 2 ready, 0 invalid; 2 parts, 1 credit\n')
    expect(r.err).toBe(
      'error: invalid input: --yes: is needed to send without a terminal to confirm on: 2 messages (2 parts, 1 credit) (nothing was sent)\n',
    )
    expect(r.world.received).toEqual([])
  })

  it('a send not confirmed on the terminal', async () => {
    const r = await bulk([], { answer: 'n' }, GOOD)
    expect([r.code, r.err]).toEqual([2, 'error: nothing was sent: the answer was not yes\n'])
    expect(r.world.asked).toEqual([
      'Send 2 messages (2 parts; give --charge for the cost) from p.csv? [y/N] ',
    ])
    expect(r.world.received).toEqual([])
  })

  it('no row that can go', async () => {
    const r = await bulk(['--yes'], {}, 'name,number\nBob,bad\n')
    expect(r.code).toBe(2)
    expect(r.out).toBe(
      `Bulk preview 1 row: 0 ready, 1 invalid; 0 parts\n  line 2: number "bad" is not an international number (digits only)\n`,
    )
    expect(r.err).toBe('error: no row can be sent: nothing was sent\n')
    expect(r.world.received).toEqual([])
  })

  it.each([
    [
      'a CSV that cannot be read',
      ['--csv', 'none.csv'],
      "--csv: none.csv cannot be read: ENOENT: no such file or directory, open 'none.csv'",
    ],
    [
      'a CSV without rows',
      ['--csv', 'empty.csv'],
      '--csv: empty.csv needs a header row and at least one row',
    ],
    [
      'a CSV that is not CSV',
      ['--csv', 'bad.csv'],
      '--csv: bad.csv is not valid CSV: Invalid Record Length: expect 2, got 3 on line 3',
    ],
    [
      'a bad flag',
      ['--validity', '5000'],
      'validityMinutes: must be a whole number of minutes from 1 to 1440; got the number 5000',
    ],
    ['the failures file over the CSV', ['--failures', 'p.csv'], '--failures: must not be the CSV being read'],
  ])('%s', async (_case, more, message) => {
    const r = await bulk(['--yes', ...more], {
      files: { 'p.csv': CSV, 'empty.csv': 'name,number\n', 'bad.csv': 'a,b\n1,2\n1,2,3\n' },
    })
    expect([r.code, r.out, r.err]).toEqual([2, '', `error: invalid input: ${message}\n`])
    expect(r.world.received).toEqual([])
  })
})

describe('clickatell bulk, sending', () => {
  it('asks on a terminal, showing rows, parts and cost; yes sends every row through the batch: exit 0', async () => {
    const r = await bulk(['--from', 'Acme', '--charge', '2'], { answer: 'y' }, GOOD)
    expect([r.code, r.err]).toEqual([0, ''])
    expect(r.world.asked).toEqual(['Send 2 messages (2 parts, 4 credits) from p.csv? [y/N] '])
    const batchId = [...r.world.target.store.batches.keys()][0]
    expect(r.out).toBe(
      'Bulk preview 2 rows: 2 ready, 0 invalid; 2 parts, 4 credits\n' +
        `Batch ${batchId}: 2 accepted, 0 rejected, 0 unknown, 0 invalid, in 0.0 s\n`,
    )
    expect(r.world.received).toEqual(['auth', 'startbatch', 'senditem', 'senditem', 'endbatch'])
    expect(r.world.target.store.messages.map((m) => [m.to, m.text])).toEqual([
      ['447900000001', 'Hi Ann'],
      ['447900000003', 'Hi Cy'],
    ])
    expect(r.world.target.store.batches.get(batchId!)!.params.get('from')).toBe('Acme')
    expect([...r.world.files.keys()]).toEqual(['p.csv'])
    // Read twice: once to preview, once to send.
    expect(r.world.reads.get('p.csv')).toBe(2)
  })

  it('with --json, one document: the result with the preview inside', async () => {
    const r = await bulk(['--json', '--yes', '--charge', '0.5'], {}, GOOD)
    expect(r.code).toBe(0)
    expect(JSON.parse(r.out)).toMatchObject({
      ok: true,
      value: {
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
        preview: { rows: 2, ready: 2, parts: 2, cost: 1, template: 'Hi #field1#' },
      },
    })
  })

  it('sends only the columns the template uses', async () => {
    const r = await bulk(['--yes'], {}, 'name,number,notes\nAnn,447900000001,Ωmega ’\n')
    expect(r.code).toBe(0)
    expect(r.world.target.store.messages[0]!.params.get('field1')).toBe('Ann')
    expect(r.world.target.store.messages[0]!.params.has('field2')).toBe(false)
  })

  it("the batch's concat covers the longest row, so the gateway refuses none the preview called ready", async () => {
    const content = `name,number\nAnn,447900000001\n${'x'.repeat(200)},447900000002\n`
    const r = await bulk(['--yes'], {}, content)
    expect(r.code).toBe(0)
    expect(r.out.split('\n')[1]).toBe('  Concat   up to 2 parts a message')
    const [batch] = r.world.target.store.batches.values()
    expect(batch!.params.get('concat')).toBe('2')
    expect(r.world.target.store.messages.map((m) => m.parts)).toEqual([1, 2])
  })

  it('rows outside GSM-7 are refused with the way forward; --smart-encoding and --allow-ucs2 send them', async () => {
    const content =
      'name,number\nZoë,447900000001\nŁukasz,447900000002\nO’Brien,447900000003\nAnn,447900000004\n'
    const refused = await bulk(['--yes'], {}, content)
    expect(refused.code).toBe(1)
    expect(refused.out).toContain(
      '  line 4: needs UCS-2 ("’" at 4 is not GSM-7): --smart-encoding replaces its typographic characters; or --allow-ucs2 sends such rows on their own as UCS-2\n',
    )
    expect(refused.world.target.store.messages.map((m) => m.to)).toEqual(['447900000004'])

    const r = await bulk(['--yes', '--smart-encoding', '--allow-ucs2', '--charge', '1'], {}, content)
    expect([r.code, r.err]).toEqual([0, ''])
    expect(r.out.split('\n').slice(0, 3)).toEqual([
      'Bulk preview 4 rows: 4 ready, 0 invalid; 4 parts, 4 credits',
      '  UCS-2    2 rows on their own (--allow-ucs2): 2 parts',
      `  Replaced in the fields "’" -> "'" x1 (--smart-encoding)`,
    ])
    expect(r.world.target.store.messages.map((m) => [m.command, m.text, m.encoding])).toEqual([
      ['sendmsg', 'Hi Zoë', 'ucs2'],
      ['sendmsg', 'Hi Łukasz', 'ucs2'],
      ['senditem', "Hi O'Brien", 'gsm7'],
      ['senditem', 'Hi Ann', 'gsm7'],
    ])
  })

  it('keeps invalid rows back and writes them to the failures file: exit 1, a partial run', async () => {
    const r = await bulk(['--yes'])
    expect(r.code).toBe(1)
    const batchId = [...r.world.target.store.batches.keys()][0]
    expect(r.out.split('\n')).toEqual([
      'Bulk preview 3 rows: 2 ready, 1 invalid; 2 parts',
      BAD_LINE,
      `Batch ${batchId}: 2 accepted, 0 rejected, 0 unknown, 1 invalid, in 0.0 s`,
      'Rows that did not go: p.failures.csv (run it again as it is: --csv p.failures.csv)',
      '',
    ])
    expect(r.err).toBe('error: 1 of 3 rows did not go; they are in p.failures.csv\n')
    expect(r.world.files.get('p.failures.csv')).toBe(`name,number,outcome,error\n${BAD_ROW}`)
  })

  it('a failures file runs again as it is: its outcome and error are not read, and are written afresh', async () => {
    const first = await bulk(['--yes'], { gateway: { blocked: ['447900000003'] } })
    expect(first.code).toBe(1)
    const failed = first.world.files.get('p.failures.csv')!
    expect(failed).toBe(
      `name,number,outcome,error\n${BAD_ROW}Cy,447900000003,rejected,gateway error 121 on senditem: Destination mobile number blocked\n`,
    )
    const again = await cli(['bulk', '--csv', 'p.failures.csv', '--template', 'Hi #name#', '--yes'], {
      files: { 'p.failures.csv': failed },
    })
    // Cy goes this time (the number is no longer blocked); Bob's number is still not one.
    expect(again.code).toBe(1)
    expect(again.world.target.store.messages.map((m) => [m.to, m.text])).toEqual([['447900000003', 'Hi Cy']])
    expect(again.world.files.get('p.failures.failures.csv')).toBe(`name,number,outcome,error\n${BAD_ROW}`)
  })

  it('--failures names the file', async () => {
    const r = await bulk(['--yes', '--failures', 'again.csv'])
    expect(r.world.files.get('again.csv')).toBe(`name,number,outcome,error\n${BAD_ROW}`)
  })

  it('rows the gateway refuses are rejected: exit 1, in the failures file', async () => {
    const r = await bulk(['--yes'], { gateway: { blocked: ['447900000003'] } })
    expect(r.code).toBe(1)
    expect(r.out).toContain(': 1 accepted, 1 rejected, 0 unknown, 1 invalid, in 0.0 s\n')
  })

  it('items whose answers were lost are unknown: exit 1', async () => {
    const r = await bulk(['--yes'], { lost: ['senditem'] })
    expect(r.code).toBe(1)
    expect(r.out).toContain(': 0 accepted, 0 rejected, 2 unknown, 1 invalid, in 0.0 s\n')
    expect(r.world.files.get('p.failures.csv')).toBe(
      // In the order of the file.
      `name,number,outcome,error\nAnn,447900000001,unknown,transport error (network): socket hang up\n${BAD_ROW}Cy,447900000003,unknown,transport error (network): socket hang up\n`,
    )
  })

  it('a row on its own whose answer was lost gives its place to the next row while it is checked', async () => {
    // The waits of the confirmation checks (1 s and more) hold until the test lets them go; the rate's do not.
    const world = fakeWorld({
      env: TARGET_ENV,
      lost: ['sendmsg'],
      files: { 'u.csv': 'name,number\nZoë,447900000001\nŁukasz,447900000002\n' },
    })
    const held: Array<() => void> = []
    let open = false
    const sleep = async (ms: number): Promise<void> => {
      if (ms >= 1000 && !open) await new Promise<void>((resolve) => held.push(resolve))
      return world.clock.sleep(ms)
    }
    const args = [
      'bulk',
      '--csv',
      'u.csv',
      '--template',
      'Hi #name#',
      '--yes',
      '--allow-ucs2',
      '--concurrency',
      '1',
    ]
    const code = run(args, { ...world, clock: { now: world.clock.now, sleep } })
    const tick = () => new Promise((resolve) => setTimeout(resolve, 5))
    // Until the first row waits to check (loading the command takes real time), then a little longer.
    for (let i = 0; i < 2000 && held.length === 0; i++) await tick()
    for (let i = 0; i < 20 && held.length < 2; i++) await tick()
    // Both rows went out, one slot between them, while the first waits to check its lost answer.
    const sent = world.received.filter((c) => c === 'sendmsg').length
    open = true
    for (const resolve of held) resolve()
    expect(await code).toBe(0)
    expect(sent).toBe(2)
    expect(world.stdoutText()).toContain(': 2 accepted, 0 rejected, 0 unknown, 0 invalid, in ')
  })

  it('--rate spaces the items on the clock', async () => {
    const r = await bulk(['--yes', '--rate', '10'], {}, `${GOOD}Di,447900000004\n`)
    expect(r.world.slept).toEqual([100, 100])
    expect(r.out).toContain(': 3 accepted, 0 rejected, 0 unknown, 0 invalid, in 0.2 s\n')
  })

  it('draws the progress bar on a terminal stderr', async () => {
    const r = await bulk(['--yes'], { stderrTTY: true }, GOOD)
    expect(r.code).toBe(0)
    expect(r.err).toContain('sending [----------------------------------------] 0/2 | failed 0 | 0/s')
    expect(r.err).toContain('sending [========================================] 2/2 | failed 0 |')
  })

  it('a batch that cannot start: exit 1, nothing sent', async () => {
    const r = await bulk(['--yes'], { down: ['startbatch'] })
    expect([r.code, r.err]).toEqual([
      1,
      'error: transport error (network): connect ECONNREFUSED http://gateway.test\n',
    ])
    expect(r.world.received).toEqual(['auth'])
  })

  it('a failures file that cannot be written: one line, exit 1', async () => {
    const r = await bulk(['--yes'], { readOnly: ['p.failures.csv'] })
    expect(r.code).toBe(1)
    expect(r.err).toBe("error: EACCES: permission denied, open 'p.failures.csv'\n")
  })
})
