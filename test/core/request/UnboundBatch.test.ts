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
