import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { type BulkPlan, type BulkRun, prepareBulk, previewLines } from '../../src/cli/Bulk.js'
import type { Io } from '../../src/cli/Output.js'

const run = (content: string, more: Partial<BulkRun> = {}) =>
  prepareBulk({ content, csv: 'people.csv', template: 'Hi #name#', ...more })

const planOf = (content: string, more: Partial<BulkRun> = {}): BulkPlan => {
  const r = run(content, more)
  if (E.isLeft(r)) throw new Error(JSON.stringify(r.left))
  return r.right
}

const refusal = (content: string, more: Partial<BulkRun> = {}) => {
  const r = run(content, more)
  return E.isLeft(r) ? r.left.problems : undefined
}

describe('prepareBulk', () => {
  it('keeps the rows that can go, holds back the others with the reason, counts parts and cost', () => {
    expect(planOf('name,number\nAnn,447900000001\nBob,nope\n', { charge: 0.5 })).toEqual({
      header: ['name', 'number'],
      good: [{ line: 2, values: ['Ann', '447900000001'], to: '447900000001', fields: ['Ann'], parts: 1 }],
      bad: [
        {
          row: { line: 3, values: ['Bob', 'nope'], to: 'nope', fields: ['Bob'] },
          reason: 'number "nope" is not an international number (digits only)',
        },
      ],
      template: 'Hi #field1#',
      options: {},
      parts: 1,
      cost: 0.5,
      failuresFile: 'people.failures.csv',
      preview: {
        rows: 2,
        ready: 1,
        invalid: [
          { line: 3, to: 'nope', reason: 'number "nope" is not an international number (digits only)' },
        ],
        parts: 1,
        cost: 0.5,
        template: 'Hi #field1#',
      },
    })
  })

  it('finds the number column by name, case aside, and numbers the other columns as fields in order', () => {
    const plan = planOf('Name,Time,Mobile\nAnn,10:30,447900000001', { template: '#Time# for #Name#, #time#' })
    // Column names in the template are matched exactly.
    expect(plan.template).toBe('#field2# for #field1#, #time#')
    expect(plan.good[0]).toMatchObject({ to: '447900000001', fields: ['Ann', '10:30'] })
  })

  it('takes the first column when none has a number name, and --number-column when given', () => {
    expect(planOf('who,name\n447900000001,Ann').good[0]).toMatchObject({
      to: '447900000001',
      fields: ['Ann'],
    })
    expect(planOf('name,cell\nAnn,447900000001', { numberColumn: 'CELL' }).good[0]).toMatchObject({
      to: '447900000001',
    })
  })

  it('a field template #fieldK# is kept as it is', () => {
    expect(planOf('number,name\n447900000001,Ann', { template: 'Hi #field1#' }).template).toBe('Hi #field1#')
  })

  it('cost is rounded to micro-credits; no --charge, no cost', () => {
    const rows = Array.from({ length: 3 }, (_, i) => `P${i},44790000000${i}`).join('\n')
    expect(planOf(`name,number\n${rows}`, { charge: 0.1 }).cost).toBe(0.3)
    const plan = planOf(`name,number\n${rows}`)
    expect(plan.cost).toBeUndefined()
    expect('cost' in plan.preview).toBe(false)
  })

  it('a row whose text is over --max-parts is held back with the reason', () => {
    const plan = planOf(`name,number\n${'x'.repeat(200)},447900000001\nAnn,447900000002`, { maxParts: 1 })
    expect(plan.good.map((r) => r.to)).toEqual(['447900000002'])
    expect(plan.bad.map((b) => b.reason)).toEqual(['needs 2 parts; at most 1 is allowed'])
  })

  it('--failures names the failures file; else it is the CSV name with .failures.csv', () => {
    expect(planOf('name,number\nAnn,447900000001', { failures: 'out.csv' }).failuresFile).toBe('out.csv')
    expect(planOf('name,number\nAnn,447900000001', { csv: 'dir/List.CSV' }).failuresFile).toBe(
      'dir/List.failures.csv',
    )
  })

  it('passes every message flag to the batch options', () => {
    expect(
      planOf('name,number\nAnn,447900000001', { from: 'Acme', callback: 3, validity: 60, escalate: true })
        .options,
    ).toEqual({ from: 'Acme', callback: 3, validityMinutes: 60, escalate: true })
  })

  it.each([
    [
      'refuses --client-id: it names one message',
      'name,number\nAnn,447900000001',
      { clientId: 'x1' },
      [
        {
          path: '--client-id',
          message:
            'names one message, and a bulk run sends one per row: leave it out (each item gets its own id from the gateway)',
        },
      ],
    ],
    [
      'refuses CSV that does not parse',
      'a,b\n"x,1\n',
      {},
      [
        {
          path: '--csv',
          message:
            'is not valid CSV: Quote Not Closed: the parsing is finished with an opening quote at line 2',
        },
      ],
    ],
    [
      'refuses a CSV without rows',
      'name,number\n',
      {},
      [{ path: '--csv', message: 'needs a header row and at least one row' }],
    ],
    ['refuses an empty CSV', '', {}, [{ path: '--csv', message: 'needs a header row and at least one row' }]],
    [
      'refuses a --number-column that is not there',
      'name,number\nAnn,447900000001',
      { numberColumn: 'phone' },
      [{ path: '--number-column', message: 'no column named "phone"; the columns are name, number' }],
    ],
    [
      'refuses a bad flag as startbatch would, before anything is sent',
      'name,number\nAnn,447900000001',
      { validity: 5000 },
      [
        {
          path: 'validityMinutes',
          message: 'must be a whole number of minutes from 1 to 1440; got the number 5000',
        },
      ],
    ],
  ])('%s', (_reason, content, more, problems) => {
    expect(refusal(content, more)).toEqual(problems)
  })

  it('refuses a template that cannot be used, whatever the rows', () => {
    expect(refusal('name,number\nAnn,447900000001', { template: '' })?.map((p) => p.path)).toEqual([
      'template',
    ])
  })
})

describe('previewLines', () => {
  const io: Io = { out: () => undefined, err: () => undefined, json: false, color: false, interactive: false }

  it('one line, then the first ten rows that cannot go, then how many more', () => {
    const rows = Array.from({ length: 14 }, (_, i) => `P${i},${i < 12 ? 'bad' : `4479000000${10 + i}`}`)
    const out = previewLines(io, planOf(`name,number\n${rows.join('\n')}`, { charge: 2 }))
    expect(out).toEqual([
      'Bulk preview 14 rows: 2 ready, 12 invalid; 2 parts, 4 credits',
      ...Array.from(
        { length: 10 },
        (_, i) => `  line ${i + 2}: number "bad" is not an international number (digits only)`,
      ),
      '  ... and 2 more',
    ])
  })

  it('0 invalid, and no cost without --charge; one row and one part in the singular', () => {
    expect(previewLines(io, planOf('name,number\nAnn,447900000001'))).toEqual([
      'Bulk preview 1 row: 1 ready, 0 invalid; 1 part',
    ])
  })
})
