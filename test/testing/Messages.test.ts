import { fc, test } from '@fast-check/vitest'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { decode, type MessageInput, optionCodecs } from '../../src/core/message/Message.js'
import { session } from '../../src/core/request/Credentials.js'
import * as Encode from '../../src/core/request/Encode.js'
import { fromMessage } from '../../src/core/request/MessageParams.js'
import { validMessage } from '../../src/testing/index.js'

const numRuns = process.env.CI ? 100 : 200

const planned = (m: MessageInput) => E.flatMap(fromMessage)(decode(m))
const recipients = (m: MessageInput): ReadonlyArray<string> => (typeof m.to === 'string' ? [m.to] : m.to)

describe('validMessage', () => {
  it.each([
    [{}, 'text messages, the default'],
    [{ content: 'binary' }, 'binary content'],
    [{ content: 'any' }, 'either'],
    [{ maxParts: 1 }, 'one part at most'],
    [{ content: 'binary', maxParts: 1 }, 'binary in one part'],
    [{ options: false }, 'no options'],
    [{ maxRecipients: 40, countryCodes: ['44'] }, 'many recipients, one country'],
  ] as const)(
    '%j (%s): passes Message.decode, Submission.fromMessage and Encode.sendmsg',
    (constraints, _reason) => {
      fc.assert(
        fc.property(validMessage(constraints), (m) => {
          const s = planned(m)
          if (E.isLeft(s)) throw new Error(JSON.stringify(s.left))
          expect(E.isRight(Encode.sendmsg(session('abc'))(m))).toBe(true)
        }),
        { numRuns },
      )
    },
  )

  test.prop([validMessage({ content: 'any', maxParts: 2 })], { numRuns })(
    'takes no more parts than maxParts, and a maxParts option leaves room for them',
    (m) => {
      const s = planned(m)
      expect(E.isRight(s) && s.right.parts).toBeLessThanOrEqual(2)
      if (m.maxParts !== undefined) expect(E.isRight(s) && s.right.parts).toBeLessThanOrEqual(m.maxParts)
    },
  )

  test.prop([validMessage({ maxRecipients: 4 })], { numRuns })(
    'has 1 to maxRecipients numbers, and a clientMessageId only with one',
    (m) => {
      const to = recipients(m)
      expect(to.length).toBeGreaterThanOrEqual(1)
      expect(to.length).toBeLessThanOrEqual(4)
      if (m.clientMessageId !== undefined) expect(to).toHaveLength(1)
      expect(to.every((n) => n.startsWith('0'))).toBe(false)
    },
  )

  test.prop([validMessage({ options: false, content: 'any' })], { numRuns })(
    'with options: false, only recipients and content',
    (m) => {
      expect(
        Object.keys(m).filter((k) => !['to', 'text', 'encoding', 'data', 'udh', 'binary'].includes(k)),
      ).toEqual([])
    },
  )

  it('draws what a caller sends: every kind of text, binary with and without a UDH, every option', () => {
    const ms = fc.sample(validMessage({ content: 'any' }), { numRuns: 1000, seed: 1 })
    const encodings = new Set(
      ms.map((m) => {
        const s = planned(m)
        return E.isRight(s) ? s.right.encoding : 'invalid'
      }),
    )
    expect([...encodings].sort()).toEqual(['binary', 'gsm7', 'ucs2'])
    const keys = new Set(ms.flatMap((m) => Object.keys(m)))
    for (const key of [...Object.keys(optionCodecs), 'encoding', 'udh', 'binary']) expect(keys).toContain(key)
    expect(ms.some((m) => Array.isArray(m.to) && new Set(m.to).size < m.to.length)).toBe(true)
    expect(
      ms.some((m) => E.isRight(planned(m)) && (planned(m) as E.Right<{ parts: number }>).right.parts > 2),
    ).toBe(true)
  })
})
