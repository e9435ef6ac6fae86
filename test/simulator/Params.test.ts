import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import * as Parts from '../../src/core/text/Parts.js'
import { content, measure, releaseTime, strayParams } from '../../src/simulator/Params.js'

const numRuns = process.env.CI ? 200 : 1000
const NOW = Date.UTC(2024, 0, 1, 12)
const plain = { unicode: false, binary: false, udh: '', concat: 35 }

describe('releaseTime', () => {
  it.each([
    [{}, NOW, 'now'],
    [{ deliv_time: '0' }, NOW, 'no delay'],
    [{ deliv_time: '10080' }, NOW + 10_080 * 60_000, 'the 7-day maximum'],
    [{ scheduled_time: String(NOW / 1000 + 60) }, NOW + 60_000, 'unix seconds'],
    [{ scheduled_time: '2024-01-02T00:00:00Z' }, NOW + 12 * 3_600_000, 'UTC'],
    [{ scheduled_time: '2024-02-30T00:00:00Z' }, '120', 'no such day'],
    [{ scheduled_time: '2024-01-02 00:00:00' }, '120', 'not the UTC format'],
    [{ deliv_time: '1.5' }, '120', 'whole minutes only'],
  ])('%j -> %s (%s)', (params, expected, _reason) => {
    const result = releaseTime(NOW)(new Map(Object.entries(params)))
    expect(result._tag === 'Right' ? result.right : result.left).toBe(expected)
  })
})

describe('content', () => {
  test.prop(
    [
      fc.string({
        unit: fc.integer({ min: 0x20, max: 0xff }).map((n) => String.fromCharCode(n)),
        minLength: 1,
        maxLength: 400,
      }),
    ],
    { numRuns },
  )('counts plain text exactly as Parts.count does', (text) => {
    const result = content(plain, text)
    const expected = Parts.count(text)
    expect(result).toEqual({
      _tag: 'Right',
      right: { text, encoding: expected.encoding, units: expected.units, parts: expected.parts },
    })
  })

  test.prop([fc.integer({ min: 1, max: 35 }), fc.string({ minLength: 1, maxLength: 400 })], { numRuns })(
    'refuses exactly the texts needing more parts than concat (113)',
    (concat, text) => {
      const result = measure({ unicode: false, concat }, text)
      expect(result._tag === 'Left').toBe(Parts.count(text).parts > concat)
    },
  )

  it.each([
    ['', plain, 'ERR: 107, Empty message', 'empty text'],
    ['00', { ...plain, binary: true }, 1, '1 byte of data'],
    ['00'.repeat(141), { ...plain, binary: true }, 2, '141 bytes need 2 parts'],
    ['0', { ...plain, binary: true }, 'ERR: 101, Invalid or missing parameters', 'odd hex'],
    ['', { ...plain, binary: true }, 'ERR: 107, Empty message', 'no data'],
    ['00410042', { ...plain, unicode: true }, 1, 'UCS-2 hex'],
  ])('%s with %j -> %s (%s)', (text, spec, expected, _reason) => {
    const result = content(spec, text)
    expect(result._tag === 'Right' ? result.right.parts : result.left).toBe(expected)
  })
})

describe('strayParams', () => {
  it('names unknown and repeated parameters, never the auth ones', () => {
    const check = strayParams(['to'], /^field[0-9]+$/)
    const params = new Map([
      ['to', '1'],
      ['session_id', 'x'],
      ['field3', 'y'],
      ['txt', 'z'],
    ])
    expect(check(params, ['to'])).toEqual(['to', 'txt'])
  })
})
