import { fc, test } from '@fast-check/vitest'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import * as Batch from '../../../src/core/message/Batch.js'
import { decodeCredentials, session } from '../../../src/core/request/Credentials.js'
import * as UnboundBatch from '../../../src/core/request/UnboundBatch.js'
import { bind, type UnboundRequest } from '../../../src/core/request/Wire.js'
import { msisdn, numRuns } from '../../support/arbitraries.js'

const S = session('xxxx')
const bound = (() => {
  const r = decodeCredentials(S)
  if (E.isLeft(r)) throw new Error('decoded')
  return bind(r.right)
})()

// What Batch gives is what UnboundBatch gives, bound: one path.
describe('UnboundBatch: the batch commands without credentials', () => {
  it('startbatch, senditem and endbatch are the Batch commands before binding', () => {
    const start = { template: 'Hi #field1#', from: 'Acme', maxParts: 2 }
    expect(Batch.startbatch(S)(start)).toEqual(E.map(bound)(UnboundBatch.startbatch(start)))
    const item = { batchId: 'b1', to: '27999123456', fields: ['Joe'] }
    expect(Batch.senditem(S)(item)).toEqual(E.map(bound)(UnboundBatch.senditem(item)))
    expect(Batch.endbatch(S)({ batchId: 'b1' })).toEqual(
      E.map(bound)(UnboundBatch.endbatch({ batchId: 'b1' })),
    )
  })

  test.prop([fc.array(msisdn(), { minLength: 1, maxLength: 30 }), fc.integer({ min: 1, max: 7 })], {
    numRuns,
  })('quicksend: the chunks of Batch.quicksendWith, each bound', (to, size) => {
    const unbound = UnboundBatch.quicksendWith({ recipientsPerRequest: size })({ batchId: 'b1', to })
    expect(Batch.quicksendWith({ recipientsPerRequest: size })(S)({ batchId: 'b1', to })).toEqual(
      E.map((us: ReadonlyArray<UnboundRequest>) => us.map(bound))(unbound),
    )
  })

  it('lists the problems of the options before those of the input', () => {
    const r = UnboundBatch.quicksendWith({ recipientsPerRequest: 0 })({ batchId: '', to: [] })
    expect(E.isLeft(r) && r.left.problems.map((p) => p.path)).toEqual([
      'recipientsPerRequest',
      'batchId',
      'to',
    ])
  })
})

import { inMemoryGateway } from '../../support/inMemoryGateway.js'

// The simulator in memory: a request is its parameters, with the account's credentials.
const simulated = () => inMemoryGateway().ask

const field = fc.string({ unit: fc.constantFrom('a', 'b', ' ', '1', '[', '€', 'é'), maxLength: 400 })

describe('a batch covers its items: what senditem accepts with the plan, the gateway accepts', () => {
  test.prop(
    [
      fc.constantFrom('Hi #field1#', 'Dear #field1#, your code is #field2#.', 'No fields at all'),
      fc.array(fc.array(field, { minLength: 2, maxLength: 2 }), { maxLength: 3 }),
      fc.array(field, { minLength: 2, maxLength: 2 }),
      fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
    ],
    { numRuns: Math.min(numRuns, 200) },
  )('never 113 for an item sendItem let through', (template, known, later, maxParts) => {
    const ask = simulated()
    const started = UnboundBatch.planBatch({})({
      template,
      items: known.map((fields) => ({ fields })),
      ...(maxParts === undefined ? {} : { maxParts }),
    })
    fc.pre(E.isRight(started))
    if (E.isLeft(started)) return
    const answer = ask(started.right.request)
    expect(answer).toMatch(/^ID: /)
    const batchId = answer.slice(4)
    // Every item known in advance fits the batch's concat.
    for (const fields of known) {
      const item = UnboundBatch.senditem({ batchId, to: '447700900001', fields, plan: started.right.plan })
      expect(item._tag).toBe('Right')
      if (E.isRight(item)) expect(ask(item.right)).toMatch(/^ID: /)
    }
    // A later item either is refused before sending, with the numbers, or the gateway takes it.
    const item = UnboundBatch.senditem({
      batchId,
      to: '447700900001',
      fields: later,
      plan: started.right.plan,
    })
    if (E.isRight(item)) expect(ask(item.right)).toMatch(/^ID: /)
    else if (item.left._tag === 'MessageTooLong') expect(item.left.limit).toBe(started.right.plan.concat)
  })

  it('concat covers the longest item known in advance; an item over it is refused with the numbers', () => {
    const long = 'x'.repeat(200)
    const r = UnboundBatch.planBatch({})({
      template: 'Hi #field1#',
      items: [{ fields: ['Jo'] }, { fields: [long] }],
    })
    expect(E.isRight(r) && [r.right.plan.concat, r.right.request.params.slice(0, 2)]).toEqual([
      2,
      [
        ['template', 'Hi #field1#'],
        ['concat', '2'],
      ],
    ])
    const plan = { template: 'Hi #field1#', encoding: 'auto', concat: 1 } as const
    expect(UnboundBatch.senditem({ batchId: 'b1', to: '447700900001', fields: [long], plan })).toEqual(
      E.left({ _tag: 'MessageTooLong', encoding: 'gsm7', units: 203, parts: 2, limit: 1, perPart: 153 }),
    )
  })

  it('refuses an item known in advance that needs more than maxParts, at its path', () => {
    const r = UnboundBatch.planBatch({})({
      template: 'Hi #field1#',
      maxParts: 1,
      items: [{ fields: ['x'.repeat(200)] }],
    })
    expect(E.isLeft(r) && r.left._tag === 'InvalidInput' && r.left.problems.map((p) => p.path)).toEqual([
      'items.0',
    ])
  })

  it('checks deliverAt against now when given', () => {
    const now = new Date('2030-01-01T00:00:00Z')
    const start = { template: 'Hi', deliverAt: new Date('2030-01-09T00:00:00Z') }
    expect(E.isRight(UnboundBatch.planBatch({})(start))).toBe(true)
    const r = UnboundBatch.planBatch({ now })(start)
    expect(E.isLeft(r) && r.left._tag === 'InvalidInput' && r.left.problems[0]!.path).toBe('deliverAt')
  })

  it('senditem and quicksend carry a client message id; one id names one recipient', () => {
    const item = UnboundBatch.senditem({ batchId: 'b1', to: '447700900001', clientMessageId: 'item7' })
    expect(E.isRight(item) && item.right.params.at(-1)).toEqual(['climsgid', 'item7'])
    const quick = UnboundBatch.quicksend({ batchId: 'b1', to: '447700900001', clientMessageId: 'q1' })
    expect(E.isRight(quick) && quick.right[0]!.params.at(-1)).toEqual(['climsgid', 'q1'])
    const many = UnboundBatch.quicksend({
      batchId: 'b1',
      to: ['447700900001', '447700900002'],
      clientMessageId: 'q1',
    })
    expect(E.isLeft(many) && many.left.problems.map((p) => p.path)).toEqual(['clientMessageId'])
  })
})
