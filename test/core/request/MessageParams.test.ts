import { fc, test } from '@fast-check/vitest'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { toMask } from '../../../src/core/message/Features.js'
import { decode, optionCodecs, wireNames } from '../../../src/core/message/Message.js'
import { fromMessage, optionParams, planText } from '../../../src/core/request/MessageParams.js'
import { planWith } from '../../../src/core/text/Charset.js'
import { numRuns, textMessage } from '../../support/arbitraries.js'

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

// The written rule, plainly: every option in the order of Message.optionCodecs, concat and req_feat computed.
const referenceOptionParams = (s: ReturnType<typeof fromMessage> & { _tag: 'Right' }) => {
  const out: Array<[string, string]> = []
  for (const key of Object.keys(optionCodecs) as Array<keyof typeof optionCodecs>) {
    const wire = wireNames[key]
    if (key === 'maxParts') {
      if (s.right.concat !== undefined) out.push([wire, String(s.right.concat)])
    } else if (key === 'requiredFeatures') {
      if (s.right.features.size > 0) out.push([wire, String(toMask(s.right.features))])
    } else {
      const v = (s.right.options as Record<string, unknown>)[key]
      if (v !== undefined) out.push([wire, typeof v === 'boolean' ? (v ? '1' : '0') : String(v)])
    }
  }
  return out
}

describe('Submission.optionParams', () => {
  test.prop([textMessage(), fc.integer()], { numRuns })(
    'writes the options in the order of optionCodecs, whatever order the message gave them in',
    (m, seed) => {
      // The same message with its fields in another order.
      const keys = Object.keys(m)
      const shuffled = keys
        .map((k, i) => [k, (Math.imul(i + 1, 2654435761) ^ seed) >>> 0] as const)
        .sort((a, b) => a[1] - b[1])
      const reordered = Object.fromEntries(shuffled.map(([k]) => [k, (m as Record<string, unknown>)[k]]))
      for (const input of [m, reordered]) {
        const s = submit(input)
        expect(E.isRight(s)).toBe(true)
        if (E.isRight(s)) expect(optionParams(s.right.options, s.right)).toEqual(referenceOptionParams(s))
      }
    },
  )
})
