import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { checkBytes, count, countBytes, countHex, fromHex, toHex } from '../../../src/core/text/Binary.js'
import { numRuns } from './textArbitraries.js'

describe('Binary', () => {
  it.each([
    [0, 0, 140, 140],
    [1, 1, 140, 139],
    [140, 1, 140, 0],
    [141, 2, 134, 127],
    [268, 2, 134, 0],
    [269, 3, 134, 133],
  ])('%i bytes: %i parts', (bytes, parts, perPart, remaining) => {
    expect(countBytes(bytes)).toEqual({ encoding: 'binary', units: bytes, parts, perPart, remaining })
    expect(count(new Uint8Array(bytes)).parts).toBe(parts)
  })

  it('counts hex and refuses bad hex with the position', () => {
    expect(countHex('00'.repeat(141))).toMatchObject({ _tag: 'Right', right: { parts: 2 } })
    expect(fromHex('0G')).toMatchObject({
      _tag: 'Left',
      left: { problems: [{ message: 'character 1 ("G") is not a hex digit' }] },
    })
    expect(fromHex('abc')).toMatchObject({ _tag: 'Left' })
  })

  it('counts nonsense byte counts as no bytes', () => {
    expect(countBytes(-5).parts).toBe(0)
    expect(countBytes(Number.NaN).parts).toBe(0)
  })

  test.prop([fc.uint8Array({ maxLength: 400 })], { numRuns })('hex round trip', (bytes) => {
    expect(fromHex(toHex(bytes))).toEqual({ _tag: 'Right', right: bytes })
    expect(fromHex(toHex(bytes).toLowerCase())).toEqual({ _tag: 'Right', right: bytes })
  })

  test.prop([fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 1, max: 35 })], { numRuns })(
    'checkBytes lets through exactly the counts within the limit, and refuses the rest with their numbers',
    (bytes, limit) => {
      const c = countBytes(bytes)
      const r = checkBytes(limit)(bytes)
      if (c.parts <= limit) expect(r).toEqual({ _tag: 'Right', right: c })
      else
        expect(r).toEqual({
          _tag: 'Left',
          left: {
            _tag: 'MessageTooLong',
            encoding: 'binary',
            units: bytes,
            parts: c.parts,
            limit,
            perPart: 134,
          },
        })
    },
  )
})
