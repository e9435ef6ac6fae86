import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import * as Mo from '../../../src/core/callback/Mo.js'
import type { MoReport } from '../../../src/core/callback/Report.js'

const numRuns = process.env.CI ? 200 : 1000

const hex2 = (n: number): string => n.toString(16).toUpperCase().padStart(2, '0')

const report = (fields: Partial<MoReport>): MoReport => ({
  _tag: 'MoReport',
  moMsgId: 'm',
  from: '380660000000',
  to: '491700000000',
  timestamp: new Date(0),
  text: '',
  form: 'http-get',
  ...fields,
})

const part = (
  ref: number,
  total: number,
  n: number,
  text: string,
  wide = false,
  extra: Partial<MoReport> = {},
) =>
  report({
    moMsgId: `${wide ? 'w' : 'n'}${ref}-${n}`,
    udh: wide
      ? `060804${hex2(ref >> 8)}${hex2(ref & 0xff)}${hex2(total)}${hex2(n)}`
      : `050003${hex2(ref)}${hex2(total)}${hex2(n)}`,
    text,
    timestamp: new Date(n * 1000),
    ...extra,
  })

describe('concatenation headers', () => {
  it.each<[string, Mo.Concatenation | undefined, string]>([
    ['050003CC0201', { ref: 0xcc, wide: false, total: 2, part: 1 }, '8-bit reference'],
    ['06080401020303', { ref: 0x0102, wide: true, total: 3, part: 3 }, '16-bit reference'],
    [
      '0B05040B8423F00003CC0302',
      { ref: 0xcc, wide: false, total: 3, part: 2 },
      'after a port-addressing element',
    ],
    ['050003cc0201', { ref: 0xcc, wide: false, total: 2, part: 1 }, 'lower-case hex'],
    ['050003CC0200', undefined, 'part 0'],
    ['050003CC0203', undefined, 'part above the count'],
    ['050003CC02', undefined, 'header shorter than it says'],
    ['06050415810000', undefined, 'port addressing only'],
    ['', undefined, 'empty'],
    ['zz', undefined, 'not hex'],
    ['0', undefined, 'odd length'],
  ])('%j -> %j (%s)', (udh, expected) => {
    expect(Mo.concatenation(udh)).toStrictEqual(expected)
  })

  test.prop([fc.string({ unit: 'binary', maxLength: 40 })], { numRuns })('never throws', (udh) => {
    const c = Mo.concatenation(udh)
    if (c !== undefined) expect(c.part >= 1 && c.part <= c.total).toBe(true)
  })
})

describe('add', () => {
  it('completes a message without a header at once', () => {
    const r = Mo.add(Mo.empty, report({ text: 'hi' }))
    expect(r.completed.map((m) => m.text)).toEqual(['hi'])
    expect(r.state.pending.size).toBe(0)
  })

  it('joins parts that arrive out of order, keyed by sender, recipient and reference', () => {
    const r = Mo.reassemble([
      part(7, 3, 3, 'c'),
      part(7, 3, 1, 'a', false, { from: 'other' }),
      part(7, 3, 1, 'a'),
      part(7, 3, 2, 'b'),
    ])
    expect(r.completed.map((m) => [m.from, m.text])).toEqual([['380660000000', 'abc']])
    expect(r.completed[0]!.timestamp).toEqual(new Date(3000))
    expect(r.completed[0]!.parts.map((p) => p.moMsgId)).toEqual(['n7-1', 'n7-2', 'n7-3'])
    expect([...r.state.pending.values()].map((p) => p.from)).toEqual(['other'])
  })

  it('ignores a part it holds, and the retry of a part of a completed message', () => {
    const r = Mo.reassemble([part(1, 2, 1, 'a'), part(1, 2, 1, 'a'), part(1, 2, 2, 'b'), part(1, 2, 2, 'b')])
    expect(r.completed.map((m) => m.text)).toEqual(['ab'])
    expect(r.state.pending.size).toBe(0)
  })

  it('keeps 8-bit and 16-bit references with the same number apart', () => {
    const r = Mo.reassemble([part(5, 2, 1, 'x'), part(5, 2, 2, 'Y', true), part(5, 2, 1, 'X', true)])
    expect(r.completed.map((m) => m.text)).toEqual(['XY'])
    expect(r.state.pending.size).toBe(1)
  })

  it('joins UCS-2 parts split inside a surrogate pair', () => {
    const r = Mo.reassemble([part(9, 2, 2, '\uDE00!'), part(9, 2, 1, 'a\uD83D')])
    expect(r.completed[0]!.text).toBe('a😀!')
  })

  it('expires incomplete messages older than a time the caller gives', () => {
    const held = Mo.reassemble([part(1, 2, 1, 'a'), part(2, 2, 2, 'b')]).state
    const r = Mo.expire(held, new Date(1500))
    expect(r.expired.map((p) => p.concatenation.ref)).toEqual([1])
    expect(r.state.pending.size).toBe(1)
  })

  it('remembers at most RECENT ids', () => {
    const r = Mo.reassemble(Array.from({ length: Mo.RECENT + 10 }, (_, i) => report({ moMsgId: `s${i}` })))
    expect(r.state.recent.length).toBe(Mo.RECENT)
    expect(r.completed.length).toBe(Mo.RECENT + 10)
  })
})

// Messages split into parts, each part possibly repeated, all parts of all messages shuffled.
const message = fc.record({
  ref: fc.integer({ min: 0, max: 0xffff }),
  wide: fc.boolean(),
  from: fc.constantFrom('1', '2'),
  texts: fc.array(fc.string({ maxLength: 5 }), { minLength: 1, maxLength: 6 }),
})
const messages = fc
  .uniqueArray(message, {
    maxLength: 6,
    selector: (m) => `${m.from}:${m.wide}:${m.wide ? m.ref : m.ref & 0xff}`,
  })
  .map((ms) => ms.map((m) => ({ ...m, ref: m.wide ? m.ref : m.ref & 0xff })))

test.prop(
  [
    messages.chain((ms) => {
      const parts = ms.flatMap((m) =>
        m.texts.map((t, i) =>
          m.texts.length === 1
            ? report({ moMsgId: `${m.from}-${m.wide}-${m.ref}-single`, from: m.from, text: t })
            : part(m.ref, m.texts.length, i + 1, t, m.wide, {
                from: m.from,
                moMsgId: `${m.from}-${m.wide}-${m.ref}-${i}`,
              }),
        ),
      )
      // Every part once, some twice (a retried callback), then all in a random order.
      return fc
        .subarray(parts)
        .chain((dupes) =>
          fc.shuffledSubarray([...parts, ...dupes], { minLength: parts.length + dupes.length }),
        )
        .map((a) => ({ ms, a }))
    }),
  ],
  { numRuns },
)('reassembles every message exactly once, in any order, with duplicates', ({ ms, a }) => {
  const r = Mo.reassemble(a)
  const got = r.completed.map((m) => `${m.from}|${m.text}`).sort()
  const want = ms.map((m) => `${m.from}|${m.texts.join('')}`).sort()
  expect(got).toEqual(want)
  expect(r.state.pending.size).toBe(0)
})
