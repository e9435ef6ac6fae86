import { describe, expect, it } from 'vitest'
import { ACCOUNT, boot } from './harness.js'

const TO = '447700900001'
const UNKNOWN = '0123456789abcdef0123456789abcdef'

describe('querymsg', () => {
  it('answers ID: <apimsgid> Status: <NNN> by apimsgid and by climsgid', async () => {
    const { call } = await boot()
    const id = (await call('/http/sendmsg', `to=${TO}&text=hi&climsgid=order42`)).slice(4)
    expect(await call('/http/querymsg', `apimsgid=${id}`)).toBe(`ID: ${id} Status: 002`)
    expect(await call('/http/querymsg', 'climsgid=order42')).toBe(`ID: ${id} Status: 002`)
  })

  it('a climsgid used twice names the latest message', async () => {
    const { call } = await boot()
    await call('/http/sendmsg', `to=${TO}&text=hi&climsgid=dup`)
    const second = (await call('/http/sendmsg', `to=${TO}&text=ho&climsgid=dup`)).slice(4)
    expect(await call('/http/querymsg', 'climsgid=dup')).toBe(`ID: ${second} Status: 002`)
  })

  it.each([
    [`apimsgid=${UNKNOWN}`, `ID: ${UNKNOWN} Status: 001`, 'unknown apimsgid: status 001, as live (quirk 3)'],
    ['climsgid=nope', 'ERR: 104, Unknown client message ID', 'unknown climsgid'],
    ['', 'ERR: 109, Missing message ID', 'no id'],
    ['apimsgid=', 'ERR: 109, Missing message ID', 'empty id'],
  ])('%s -> %s (%s)', async (query, expected) => {
    const { call } = await boot()
    expect(await call('/http/querymsg', query)).toBe(expected)
  })

  it("does not show another account's messages", async () => {
    const other = { apiId: '3000002', user: 'bob', password: 'pw' }
    const { call, get } = await boot({ accounts: [ACCOUNT, other] })
    const id = (await call('/http/sendmsg', `to=${TO}&text=hi&climsgid=mine`)).slice(4)
    const bob = 'api_id=3000002&user=bob&password=pw'
    expect((await get('/http/querymsg', `${bob}&apimsgid=${id}`)).body).toBe(`ID: ${id} Status: 001`)
    expect((await get('/http/querymsg', `${bob}&climsgid=mine`)).body).toBe(
      'ERR: 104, Unknown client message ID',
    )
  })
})

describe('getmsgcharge', () => {
  it('answers both documented shapes', async () => {
    const { call, clock } = await boot()
    const id = (await call('/http/sendmsg', `to=27999123456&text=hi&climsgid=c7`)).slice(4)
    clock.advance(5_000)
    expect(await call('/http/getmsgcharge', `apimsgid=${id}`)).toBe(`apiMsgId: ${id} charge: 0.8 status: 004`)
    expect(await call('/http/getmsgcharge', 'climsgid=c7')).toBe(
      `cliMsgId: c7 charge: 0.8 apiMsgId: ${id} status: 004`,
    )
  })

  it('answers charge 0 and status 001 for an unknown id (quirk 3)', async () => {
    const { call } = await boot()
    expect(await call('/http/getmsgcharge', `apimsgid=${UNKNOWN}`)).toBe(
      `apiMsgId: ${UNKNOWN} charge: 0 status: 001`,
    )
  })
})

describe('getbalance', () => {
  it('answers Credit: with three decimals', async () => {
    const { call } = await boot({ accounts: [{ ...ACCOUNT, credits: 12 }] })
    expect(await call('/http/getbalance')).toBe('Credit: 12.000')
  })
})

describe('routeCoverage', () => {
  it.each([
    [
      'msisdn=447700900001',
      'OK: This prefix is currently supported. Messages sent to this prefix will be routed. Charge: 1',
    ],
    [
      'msisdn=27999123456',
      'OK: This prefix is currently supported. Messages sent to this prefix will be routed. Charge: 0.8',
    ],
    [
      'msisdn=999123',
      'ERR: This prefix is not currently supported. Messages sent to this prefix will fail. Please contact support for assistance.',
    ],
    [
      'msisdn=%2B44',
      'ERR: This prefix is not currently supported. Messages sent to this prefix will fail. Please contact support for assistance.',
    ],
    ['', 'ERR: 101, Invalid or missing parameters'],
  ])('%s -> %s', async (query, expected) => {
    const { call } = await boot()
    expect(await call('/utils/routeCoverage', query)).toBe(expected)
  })

  it('follows a configured route table, longest prefix first', async () => {
    const { call } = await boot({
      routes: [
        { prefix: '44', charge: 0.33 },
        { prefix: '447', routable: false },
      ],
    })
    expect(await call('/utils/routeCoverage', 'msisdn=441234567')).toMatch(/Charge: 0\.33$/)
    expect(await call('/utils/routeCoverage', 'msisdn=447700900001')).toMatch(/^ERR: This prefix/)
    expect(await call('/utils/routeCoverage', 'msisdn=331234567')).toMatch(/^ERR: This prefix/)
  })
})

describe('token_pay', () => {
  const vouchers = { '1234567890123456': 50 }
  it('spends a voucher once: OK: 605 and the credits added', async () => {
    const { call, sim } = await boot({ vouchers })
    expect(await call('/http/token_pay', 'token=1234567890123456')).toBe('OK: 605')
    expect(await call('/http/getbalance')).toBe('Credit: 150.000')
    expect(await call('/http/token_pay', 'token=1234567890123456')).toBe(
      'ERR: 101, Invalid or missing parameters',
    )
    expect(await call('/http/getbalance')).toBe('Credit: 150.000')
    expect(sim.state.account(ACCOUNT.apiId)?.credits).toBe(150)
  })

  it.each([
    ['token=6543210987654321', 'unknown voucher'],
    ['token=123', 'not 16 digits'],
    ['', 'no token'],
  ])('%s -> ERR: 101 (%s)', async (query) => {
    const { call } = await boot({ vouchers })
    expect(await call('/http/token_pay', query)).toBe('ERR: 101, Invalid or missing parameters')
  })
})
