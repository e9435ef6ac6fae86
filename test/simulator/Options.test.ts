import { describe, expect, it } from 'vitest'
import { defaultCallbackRetriesMs, defaultRoutes } from '../../src/simulator/Options.js'

describe('defaults', () => {
  it('route every number except national numbers, spare and reserved codes', () => {
    const unroutable = defaultRoutes.filter((r) => r.routable === false).map((r) => r.prefix)
    expect(unroutable).toEqual([
      '0',
      '280',
      '281',
      '282',
      '283',
      '284',
      '285',
      '286',
      '287',
      '288',
      '289',
      '999',
    ])
  })

  it('retry callbacks on the documented schedule', () => {
    expect(defaultCallbackRetriesMs.map((ms) => ms / 60_000)).toEqual([2, 4, 8, 16, 32, 64, 128, 4320])
  })
})
