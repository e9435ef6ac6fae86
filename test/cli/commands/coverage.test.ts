import { describe, expect, it } from 'vitest'
import { cli } from '../fakeWorld.js'

describe('clickatell coverage', () => {
  it('a number the gateway routes to: the charge, exit 0', async () => {
    const r = await cli(['coverage', '447900000001'])
    expect([r.code, r.err]).toEqual([0, ''])
    expect(r.out).toBe(
      'routable  charge 1  This prefix is currently supported. Messages sent to this prefix will be routed.\n',
    )
  })

  it('as JSON', async () => {
    const r = await cli(['--json', 'coverage', '447900000001'])
    expect(JSON.parse(r.out)).toMatchObject({ ok: true, value: { routable: true, charge: 1 } })
  })

  it('a number it does not route to: exit 1', async () => {
    const r = await cli(['coverage', '999'])
    expect([r.code, r.err]).toEqual([1, 'error: the gateway does not route to 999\n'])
    const json = await cli(['--json', 'coverage', '999'])
    expect(JSON.parse(json.out)).toMatchObject({
      ok: false,
      error: { _tag: 'NotRoutable', message: 'the gateway does not route to 999' },
      value: { routable: false },
    })
    expect(r.out).toBe(
      'not routable  This prefix is not currently supported. Messages sent to this prefix will fail. Please contact support for assistance.\n',
    )
  })
})
