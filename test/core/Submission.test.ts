import { test } from '@fast-check/vitest'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { planWith } from '../../src/core/Charset.js'
import { decode } from '../../src/core/Message.js'
import { fromMessage, planText } from '../../src/core/Submission.js'
import { numRuns, textMessage } from '../support/arbitraries.js'

const submit = (input: unknown) => E.flatMap(fromMessage)(decode(input))

describe('Submission.fromMessage', () => {
  test.prop([textMessage()], { numRuns })('encoding and parts are those of the Charset plan', (m) => {
    const s = submit(m)
    const plan = planWith(m.encoding === undefined ? {} : { encoding: m.encoding })(m.text)
    expect(E.isRight(s) && [s.right.encoding, s.right.parts, s.right.concat]).toEqual([
      plan.encoding,
      plan.count.parts,
      plan.count.parts > 1 ? plan.count.parts : undefined,
    ])
  })

  it.each([
    ['plain ISO-8859-1 GSM text stays text', 'Grüße [x]', 'gsm7', 'Grüße [x]'],
    ['the euro sign is GSM but not ISO-8859-1: UCS-2', '5€', 'ucs2', '003520AC'],
    ['a curly apostrophe is not GSM: UCS-2', 'It’s', 'ucs2', '0049007420190073'],
  ])('%s', (_reason, text, encoding, wire) => {
    const s = submit({ to: '447901231234', text })
    expect(E.isRight(s) && s.right.encoding).toBe(encoding)
    expect(E.isRight(s) && s.right.body._tag === 'Text' && s.right.body.wire).toBe(wire)
  })

  it('planText refuses a lone surrogate, which no encoding can send', () => {
    const r = planText({ encoding: 'ucs2', maxParts: 35, path: 'template' })('a\uD800')
    expect(E.isLeft(r) && r.left._tag === 'InvalidInput' && r.left.problems[0]!.path).toBe('template')
  })

  it('lets binary content without a UDH of its own take several parts', () => {
    const s = submit({ to: '447901231234', data: '00'.repeat(300) })
    expect(E.isRight(s) && [s.right.encoding, s.right.parts, s.right.concat]).toEqual(['binary', 3, 3])
  })
})
