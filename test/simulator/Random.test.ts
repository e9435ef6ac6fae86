import { fc, test } from '@fast-check/vitest'
import { describe, expect } from 'vitest'
import { alphanumeric, hexId, random } from '../../src/simulator/Random.js'

const numRuns = process.env.CI ? 200 : 1000

describe('random', () => {
  test.prop([fc.integer()], { numRuns })('is the same sequence for the same seed', (seed) => {
    const a = random(seed)
    const b = random(seed)
    expect([a.uint32(), a.next(), hexId(a)]).toEqual([b.uint32(), b.next(), hexId(b)])
  })

  test.prop([fc.integer()], { numRuns })('makes 32-hex ids and unambiguous passwords', (seed) => {
    const rng = random(seed)
    expect(hexId(rng)).toMatch(/^[0-9a-f]{32}$/)
    expect(alphanumeric(rng, 12)).toMatch(/^[a-km-np-zA-HJ-NP-Z2-9]{12}$/)
  })
})
