import { describe, expect, it } from 'vitest'
import { cli } from '../fakeWorld.js'

describe('clickatell voucher', () => {
  it('spends a voucher: OK and the value, exit 0; the credits are added', async () => {
    const r = await cli(['voucher', '1234567890123456'])
    expect([r.code, r.out, r.err]).toEqual([0, 'OK 605\n', ''])
    expect(r.world.target.store.accounts.get('1001')!.credits).toBe(5050)
  })

  it('a token that is not one is the gateway refusing: exit 1', async () => {
    const r = await cli(['voucher', '12'])
    expect([r.code, r.out, r.err]).toEqual([
      1,
      '',
      "error: gateway error 101 on token_pay: Invalid or missing parameters\nadvice: Fix the parameters; the library's encoder refuses most of these before sending.\n",
    ])
  })
})
