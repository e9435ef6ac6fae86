import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { decode } from '../../../src/core/message/Message.js'
import { fromMessage } from '../../../src/core/request/MessageParams.js'
import { body } from '../../../src/core/request/RestBody.js'

const bodyOf = (input: unknown) => E.flatMap(body)(E.flatMap(fromMessage)(decode(input)))

describe('RestBody.body', () => {
  it.each([
    ['plain text', { to: '2799900001', text: 'Hi' }, { text: 'Hi', to: ['2799900001'] }],
    [
      'UCS-2 as hex with unicode: 1',
      { to: '2799900001', text: '中' },
      { text: '4E2D', to: ['2799900001'], requiredFeatures: 8, unicode: 1 },
    ],
    [
      'a sender and a client message id',
      { to: '2799900001', text: 'Hi', from: 'Acme', clientMessageId: 'c1' },
      { text: 'Hi', to: ['2799900001'], from: 'Acme', clientMessageId: 'c1', requiredFeatures: 16 },
    ],
  ])('%s', (_reason, input, json) => {
    expect(bodyOf(input)).toEqual(E.right(json))
  })

  it('refuses deliverAfterMinutes, naming deliverAt instead', () => {
    const r = bodyOf({ to: '2799900001', text: 'Hi', deliverAfterMinutes: 5 })
    expect(E.isLeft(r) && r.left._tag === 'InvalidInput' && r.left.problems[0]!.message).toContain(
      'deliverAt',
    )
  })
})
