import { fc, test } from '@fast-check/vitest'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { decode, wireNames } from '../../../src/core/message/Message.js'
import { fromMessage } from '../../../src/core/request/MessageParams.js'
import { table } from '../../../src/core/text/Replacements.js'
import { binaryMessage, numRuns, textMessage } from '../../support/arbitraries.js'
import { gsmBasicChars } from '../text/textArbitraries.js'

const base = { to: '447901231234', text: 'Hello' }
const problems = (input: unknown) => {
  const r = decode(input)
  return E.isLeft(r) ? r.left.problems : []
}

describe('Message.decode: valid messages', () => {
  test.prop([textMessage()], { numRuns })(
    'every generated text message decodes, to a list and Text content',
    (m) => {
      const r = decode(m)
      expect(r._tag).toBe('Right')
      if (E.isRight(r)) {
        expect(r.right.to).toEqual(typeof m.to === 'string' ? [m.to] : m.to)
        expect(r.right.content).toEqual({ _tag: 'Text', text: m.text, encoding: m.encoding ?? 'auto' })
      }
    },
  )

  test.prop([binaryMessage()], { numRuns })(
    'every generated binary message decodes to Binary content',
    (m) => {
      const r = decode(m)
      expect(E.isRight(r) && r.right.content._tag).toBe('Binary')
    },
  )

  it('keeps the options it was given, with deliverAt as unix seconds', () => {
    expect(
      decode({ ...base, from: 'Acme', deliverAt: new Date('2030-01-01T00:00:00Z'), escalate: false }),
    ).toEqual(
      E.right({
        to: ['447901231234'],
        content: { _tag: 'Text', text: 'Hello', encoding: 'auto' },
        from: 'Acme',
        deliverAt: 1893456000,
        escalate: false,
      }),
    )
  })

  it('decodes the plain { to, text } to one recipient and a text to plan', () => {
    expect(decode(base)).toEqual(
      E.right({ to: ['447901231234'], content: { _tag: 'Text', text: 'Hello', encoding: 'auto' } }),
    )
  })

  it('treats an option set to undefined as absent', () => {
    expect(decode({ ...base, from: undefined, maxParts: undefined })._tag).toBe('Right')
  })
})

// One fault per field: each makes exactly one problem, at its path, and none interacts with another.
const faults: ReadonlyArray<readonly [path: string, patch: Record<string, unknown>]> = [
  ['to.1', { to: ['447901231234', '+44 7901'] }],
  ['text', { text: 42 }],
  ['from', { from: 'Café' }],
  ['clientMessageId', { clientMessageId: 'has space' }],
  ['maxParts', { maxParts: 0 }],
  ['callback', { callback: 9 }],
  ['deliverAfterMinutes', { deliverAfterMinutes: 0 }],
  ['deliverAt', { deliverAt: new Date(Number.NaN) }],
  ['validityMinutes', { validityMinutes: 1441 }],
  ['queue', { queue: 4 }],
  ['escalate', { escalate: 'yes' }],
  ['replyable', { replyable: 1 }],
  ['maxCredits', { maxCredits: -1 }],
  ['messageType', { messageType: 'SMS_NOKIA_RTTTL' }],
  ['bypassDoNotContact', { bypassDoNotContact: null }],
  ['requiredFeatures.add.0', { requiredFeatures: { add: ['NOKIA'] } }],
  ['encoding', { encoding: 'utf8' }],
  ['concat', { concat: 3 }],
  ['session_id', { session_id: 'abc' }],
  ['maxparts', { maxparts: 3 }],
]

describe('Message.decode: every problem, never only the first', () => {
  test.prop([fc.subarray([...faults], { minLength: 1 })], { numRuns })(
    'k independent faults make k problems',
    (chosen) => {
      const input = Object.assign({}, base, ...chosen.map(([, patch]) => patch))
      const found = problems(input)
      expect(found.map((p) => p.path).sort()).toEqual(chosen.map(([path]) => path).sort())
      for (const p of found) expect(p.message.length).toBeGreaterThan(10)
    },
  )

  it.each([
    ['no text and no data', { to: '447901231234' }, [['text', /is required/]]],
    ['no recipients', { text: 'Hi' }, [['to', /is required/]]],
    ['text and data', { ...base, data: '00' }, [['text', /not both/]]],
    ['binary with text', { ...base, binary: true }, [['binary', /binary content/]]],
    [
      'encoding with binary content',
      { to: '447901231234', data: '00', encoding: 'ucs2' },
      [['encoding', /applies to text/]],
    ],
    [
      'delay and moment',
      { ...base, deliverAfterMinutes: 5, deliverAt: 1893456000 },
      [['deliverAt', /not both/]],
    ],
    ['a wire name', { ...base, climsgid: 'x' }, [['climsgid', /the option is clientMessageId/]]],
    ['an empty recipient list', { ...base, to: [] }, [['to', /empty list/]]],
    ['a comma-separated string', { ...base, to: '447901231234,447901231235' }, [['to', /as an array/]]],
  ] as const)('%s', (_reason, input, expected) => {
    const found = problems(input)
    expect(found.map((p) => p.path)).toEqual(expected.map(([path]) => path))
    for (const [i, p] of found.entries()) expect(p.message).toMatch(expected[i]![1])
  })

  it('offers a hint for every wire name', () => {
    for (const [friendly, wire] of Object.entries(wireNames))
      if (friendly !== wire)
        expect(problems({ ...base, [wire]: 1 }).find((p) => p.path === wire)?.message).toContain(friendly)
  })
})

describe('Message.decode never throws', () => {
  test.prop(
    [
      fc.anything({
        withNullPrototype: true,
        withBoxedValues: true,
        withMap: true,
        withSet: true,
        withDate: true,
      }),
    ],
    {
      numRuns,
    },
  )('for anything', (u) => {
    expect(() => decode(u)).not.toThrow()
    expect(decode(u)._tag).toBe('Left')
  })

  test.prop([fc.dictionary(fc.constantFrom(...Object.keys(wireNames), 'x'), fc.anything())], { numRuns })(
    'for objects with known keys and any values',
    (u) => {
      expect(() => decode(u)).not.toThrow()
    },
  )

  const throwing = () => {
    throw new Error('boom')
  }
  it.each([
    ['null', null],
    ['undefined', undefined],
    ['an array', [base]],
    ['a string', 'to=447901231234&text=Hi'],
    ['a getter that throws', Object.defineProperty({ ...base }, 'from', { get: throwing, enumerable: true })],
    ['recipients that throw when read', { ...base, to: new Proxy(['447901231234'], { get: throwing }) }],
    ['a proxy that throws on every trap', new Proxy({}, { get: throwing, ownKeys: throwing, has: throwing })],
    [
      'a frozen null-prototype object',
      Object.freeze(Object.assign(Object.create(null), base, { queue: 'x' })),
    ],
    ['symbol keys and values', { ...base, [Symbol('k')]: 1, from: Symbol('v') }],
  ])('for %s', (_reason, input) => {
    expect(() => decode(input)).not.toThrow()
  })
})

describe('Message.decode: smartEncoding', () => {
  const typographic = [...table.entries()].filter(([, r]) => r.kind === 'typographic')
  const plain = gsmBasicChars.filter((c) => c.charCodeAt(0) <= 0xff)
  // A text whose only characters outside GSM-7 (as ISO-8859-1) have a lossless replacement; a plain first one
  // keeps it non-empty when every replaced character is an invisible one.
  const smartText = fc
    .tuple(
      fc.constantFrom(...plain),
      fc.array(
        fc.oneof(
          { weight: 3, arbitrary: fc.constantFrom(...plain) },
          { weight: 1, arbitrary: fc.constantFrom(...typographic.map(([cp]) => String.fromCodePoint(cp))) },
        ),
        { maxLength: 300 },
      ),
    )
    .map(([first, rest]) => first + rest.join(''))

  test.prop([smartText], { numRuns })(
    'goes as GSM-7, and reports exactly the replacements made, by position in the text as given',
    (text) => {
      const r = E.flatMap(fromMessage)(decode({ to: '447901231234', text, smartEncoding: true }))
      const decoded = decode({ to: '447901231234', text, smartEncoding: true })
      if (E.isLeft(decoded) || decoded.right.content._tag !== 'Text') throw new Error('did not decode')
      const { text: sent, replaced = [] } = decoded.right.content
      // Exactly the characters outside GSM-7, each once, in order, with its table entry.
      const expected = [...text].flatMap((char, i) => {
        const r = table.get(char.codePointAt(0)!)
        return r === undefined
          ? []
          : [{ position: [...text].slice(0, i).join('').length, char, replacement: r.text }]
      })
      expect(replaced).toEqual(expected)
      // Applying them to the text as given gives the text sent.
      let rebuilt = ''
      let at = 0
      for (const x of replaced) {
        rebuilt += text.slice(at, x.position) + x.replacement
        at = x.position + x.char.length
      }
      expect(rebuilt + text.slice(at)).toBe(sent)
      expect(E.isRight(r) && r.right.encoding).toBe('gsm7')
    },
  )

  it('without it, the same text goes as UCS-2 and nothing is replaced', () => {
    const d = decode({ to: '447901231234', text: 'We’re open – 9 to 5' })
    expect(E.isRight(d) && d.right.content).toEqual({
      _tag: 'Text',
      text: 'We’re open – 9 to 5',
      encoding: 'auto',
    })
    const s = E.flatMap(fromMessage)(d)
    expect(E.isRight(s) && s.right.encoding).toBe('ucs2')
  })

  it('makes only the lossless replacements: a lossy one (é is GSM, ç is not) is left as it is', () => {
    const d = decode({ to: '447901231234', text: 'ça va — “oui”', smartEncoding: true })
    expect(E.isRight(d) && d.right.content).toEqual({
      _tag: 'Text',
      text: 'ça va - "oui"',
      encoding: 'auto',
      replaced: [
        { position: 6, char: '—', replacement: '-' },
        { position: 8, char: '“', replacement: '"' },
        { position: 12, char: '”', replacement: '"' },
      ],
    })
  })

  it('says so when the text would be empty, and refuses it with binary content', () => {
    expect(problems({ to: '447901231234', text: '\u200b\u200b', smartEncoding: true })).toEqual([
      { path: 'text', message: 'is empty once its invisible characters are removed (smartEncoding)' },
    ])
    expect(problems({ to: '447901231234', data: 'AB', smartEncoding: true }).map((p) => p.path)).toEqual([
      'smartEncoding',
    ])
    expect(problems({ to: '447901231234', text: 'x', smartEncoding: 'yes' }).map((p) => p.path)).toEqual([
      'smartEncoding',
    ])
  })
})
