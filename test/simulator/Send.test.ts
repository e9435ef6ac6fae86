import { describe, expect, it } from 'vitest'
import { ACCOUNT, boot, CRED, T0 } from './harness.js'

const TO = '447700900001'
const ID = /^ID: [0-9a-f]{32}$/

describe('sendmsg: one recipient', () => {
  it('answers ID: <32 hex> and stores the message, its text read as ISO-8859-1', async () => {
    const { call, sim } = await boot()
    const body = await call('/http/sendmsg', `to=${TO}&text=Gr%FC%DFe+aus+M%FCnchen&from=Alice&climsgid=c1`)
    expect(body).toMatch(ID)
    expect(sim.state.messages).toHaveLength(1)
    expect(sim.state.message(body.slice(4))).toMatchObject({
      to: TO,
      from: 'Alice',
      cliMsgId: 'c1',
      text: 'Grüße aus München',
      encoding: 'gsm7',
      units: 17,
      parts: 1,
      charge: 1,
      status: '002',
      acceptedAt: T0,
      command: 'sendmsg',
    })
  })

  it('shows an encoder that sent UTF-8 instead of Latin-1: the text arrives garbled, as on the live service', async () => {
    const { call, sim } = await boot()
    await call('/http/sendmsg', `to=${TO}&text=Gr%C3%BC%C3%9Fe`)
    expect(sim.state.messages[0]?.text).toBe('Gr\u00c3\u00bc\u00c3\u009fe')
  })

  it('reads UCS-2 hex with unicode=1 and counts UTF-16 units', async () => {
    const { call, sim } = await boot()
    expect(await call('/http/sendmsg', `to=${TO}&text=03A903A80398D83DDE00&unicode=1`)).toMatch(ID)
    expect(sim.state.messages[0]).toMatchObject({ text: 'ΩΨΘ😀', encoding: 'ucs2', units: 5, parts: 1 })
  })

  it('takes 8-bit data with a UDH', async () => {
    const { call, sim } = await boot()
    expect(await call('/http/sendmsg', `to=${TO}&udh=06050415811581&data=024A3A`)).toMatch(ID)
    expect(sim.state.messages[0]).toMatchObject({ text: '024A3A', encoding: '8bit', units: 10, parts: 1 })
  })

  it('accepts the same POSTed as a form', async () => {
    const { post, sim } = await boot()
    expect((await post('/http/sendmsg', `${CRED}&to=${TO}&text=Caf%E9`)).body).toMatch(ID)
    expect(sim.state.messages[0]?.text).toBe('Café')
  })
})

describe('sendmsg: several recipients', () => {
  it('answers one line per recipient in order, mixed ID/ERR with To:, and two ids for a repeated number', async () => {
    const { call, sim } = await boot()
    const body = await call('/http/sendmsg', `to=${TO},12,999123456,${TO}&text=hi`)
    const lines = body.split('\n')
    expect(lines).toHaveLength(4)
    expect(lines[0]).toMatch(new RegExp(`^ID: [0-9a-f]{32} To: ${TO}$`))
    expect(lines[1]).toBe('ERR: 105, Invalid Destination Address To: 12')
    expect(lines[2]).toBe('ERR: 114, Cannot route message To: 999123456')
    expect(lines[3]).toMatch(new RegExp(`^ID: [0-9a-f]{32} To: ${TO}$`))
    expect(lines[0]).not.toBe(lines[3])
    expect(sim.state.messages.map((m) => m.to)).toEqual([TO, TO])
  })

  it('runs out of credit part-way: the later recipients get 301', async () => {
    const { call } = await boot({ accounts: [{ ...ACCOUNT, credits: 1.5 }] })
    const lines = (await call('/http/sendmsg', `to=${TO},447700900002&text=hi`)).split('\n')
    expect(lines[0]).toMatch(/^ID: [0-9a-f]{32} To: 447700900001$/)
    expect(lines[1]).toBe('ERR: 301, No credit left To: 447700900002')
  })

  it('allows 100 recipients with GET and 300 with POST; one more is 101', async () => {
    const { call, post } = await boot({ accounts: [{ ...ACCOUNT, credits: 1000 }] })
    const numbers = (n: number): string =>
      Array.from({ length: n }, (_, i) => String(447700900000 + i)).join(',')
    expect((await call('/http/sendmsg', `to=${numbers(100)}&text=x`)).split('\n')).toHaveLength(100)
    expect(await call('/http/sendmsg', `to=${numbers(101)}&text=x`)).toBe(
      'ERR: 101, Invalid or missing parameters',
    )
    expect((await post('/http/sendmsg', `${CRED}&to=${numbers(300)}&text=x`)).body.split('\n')).toHaveLength(
      300,
    )
    expect((await post('/http/sendmsg', `${CRED}&to=${numbers(301)}&text=x`)).body).toBe(
      'ERR: 101, Invalid or missing parameters',
    )
  })
})

describe('sendmsg: every refusal', () => {
  const options = {
    blocked: ['447700900121'],
    optedOut: ['447700900122'],
    dnc: ['447700900250'],
    accounts: [{ ...ACCOUNT, senderIds: ['Alice', '447700900000'] }],
  }
  it.each([
    ['text=hi', 'ERR: 101, Invalid or missing parameters', 'to missing'],
    [`to=${TO}&text=hi&txt=typo`, 'ERR: 101, Invalid or missing parameters', 'a parameter no command has'],
    [`to=${TO}&to=${TO}&text=hi`, 'ERR: 101, Invalid or missing parameters', 'to given twice'],
    [`to=${TO}&text=hi&callback=8`, 'ERR: 101, Invalid or missing parameters', 'callback above 7'],
    [`to=${TO}&text=hi&concat=0`, 'ERR: 101, Invalid or missing parameters', 'concat below 1'],
    [`to=${TO}&text=hi&concat=36`, 'ERR: 101, Invalid or missing parameters', 'concat above 35'],
    [`to=${TO}&text=hi&climsgid=a+b`, 'ERR: 101, Invalid or missing parameters', 'climsgid with a space'],
    [
      `to=${TO}&text=hi&climsgid=${'a'.repeat(33)}`,
      'ERR: 101, Invalid or missing parameters',
      'climsgid of 33',
    ],
    [`to=${TO}&text=hi&climsgid=a&cliMsgId=a`, 'ERR: 101, Invalid or missing parameters', 'both spellings'],
    [`to=${TO}&text=hi&msg_type=SMS_NOKIA_RTTTL`, 'ERR: 101, Invalid or missing parameters', 'misspelt type'],
    [`to=${TO}&text=hi&req_feat=128`, 'ERR: 101, Invalid or missing parameters', 'undocumented feature bit'],
    [`to=${TO}&text=hi&queue=4`, 'ERR: 101, Invalid or missing parameters', 'queue above 3'],
    [`to=${TO}&text=hi&unicode=2`, 'ERR: 101, Invalid or missing parameters', 'unicode not 0 or 1'],
    [`to=${TO}&text=hi&validity=1441`, 'ERR: 101, Invalid or missing parameters', 'validity above a day'],
    [`to=${TO}&text=hi&max_credits=-1`, 'ERR: 101, Invalid or missing parameters', 'negative max_credits'],
    [`to=${TO}&udh=ZZ&data=00`, 'ERR: 102, Invalid user data header', 'UDH not hex'],
    ['to=%2B447700900001&text=hi', 'ERR: 105, Invalid Destination Address', 'leading +'],
    ['to=00447700900001&text=hi', 'ERR: 105, Invalid Destination Address', 'leading 00'],
    ['to=447700&text=hi', 'ERR: 105, Invalid Destination Address', 'too short'],
    ['to=4477009000011234&text=hi', 'ERR: 105, Invalid Destination Address', 'over 15 digits'],
    ['to=&text=hi', 'ERR: 105, Invalid Destination Address', 'empty to'],
    [`to=${TO}&text=hi&from=%2B4477`, 'ERR: 106, Invalid source address', 'sender with +'],
    [`to=${TO}&text=hi&from=AliceAndBob1`, 'ERR: 106, Invalid source address', 'alphanumeric sender of 12'],
    [`to=${TO}&text=hi&from=12345678901234567`, 'ERR: 106, Invalid source address', 'numeric sender of 17'],
    [`to=${TO}&text=`, 'ERR: 107, Empty message', 'empty text'],
    [`to=${TO}`, 'ERR: 107, Empty message', 'no text'],
    [`to=${TO}&text=${'x'.repeat(161)}`, 'ERR: 113, Max message parts exceeded', '161 septets, concat 1'],
    [
      `to=${TO}&text=${'%7B'.repeat(81)}`,
      'ERR: 113, Max message parts exceeded',
      '81 braces are 162 septets',
    ],
    [
      `to=${TO}&text=${'0041'.repeat(71)}&unicode=1`,
      'ERR: 113, Max message parts exceeded',
      '71 UCS-2 units',
    ],
    [
      `to=${TO}&text=${'x'.repeat(307)}&concat=2`,
      'ERR: 113, Max message parts exceeded',
      '3 parts, concat 2',
    ],
    ['to=999123456&text=hi', 'ERR: 114, Cannot route message', 'reserved prefix'],
    ['to=2801234567&text=hi', 'ERR: 114, Cannot route message', 'spare country code'],
    ['to=07700900001&text=hi', 'ERR: 114, Cannot route message', 'national format'],
    [`to=${TO}&text=03A&unicode=1`, 'ERR: 116, Invalid Unicode data', 'hex not in fours'],
    [`to=${TO}&text=D83D&unicode=1`, 'ERR: 116, Invalid Unicode data', 'lone surrogate'],
    [`to=${TO}&text=ZZZZ&unicode=1`, 'ERR: 116, Invalid Unicode data', 'not hex'],
    [`to=${TO}&text=hi&deliv_time=10081`, 'ERR: 120, Invalid delivery time', 'over 7 days'],
    [`to=${TO}&text=hi&deliv_time=soon`, 'ERR: 120, Invalid delivery time', 'not minutes'],
    [`to=${TO}&text=hi&scheduled_time=2024-13-01T00:00:00Z`, 'ERR: 120, Invalid delivery time', 'month 13'],
    [
      `to=${TO}&text=hi&scheduled_time=09-01-30T14:00:00Z`,
      'ERR: 120, Invalid delivery time',
      'v2.6 corrupt example',
    ],
    [`to=${TO}&text=hi&deliv_time=10&scheduled_time=1704110400`, 'ERR: 120, Invalid delivery time', 'both'],
    ['to=447700900121&text=hi', 'ERR: 121, Destination mobile number blocked', 'block list'],
    ['to=447700900122&text=hi', 'ERR: 122, Destination mobile opted out', 'opted out'],
    [`to=${TO}&text=hi&from=Mallory`, 'ERR: 123, Invalid Sender ID', 'sender not approved'],
    [
      'to=447700900250&text=hi',
      'ERR: 250, Destination address is on DNC list - Do not contact receiver',
      'DNC',
    ],
  ])('%s -> %s (%s)', async (query, expected) => {
    const { call, sim } = await boot(options)
    expect(await call('/http/sendmsg', query)).toBe(expected)
    expect(sim.state.messages).toEqual([])
    expect(sim.state.account(ACCOUNT.apiId)?.credits).toBe(100)
  })

  it('bypass_dnc_check=1 sends to a DNC number', async () => {
    const { call } = await boot(options)
    expect(await call('/http/sendmsg', 'to=447700900250&text=hi&bypass_dnc_check=1')).toMatch(ID)
  })

  it('an approved sender id goes through', async () => {
    const { call } = await boot(options)
    expect(await call('/http/sendmsg', `to=${TO}&text=hi&from=Alice`)).toMatch(ID)
  })

  it('301 when the balance is below the charge', async () => {
    const { call } = await boot({ accounts: [{ ...ACCOUNT, credits: 0.5 }] })
    expect(await call('/http/sendmsg', `to=${TO}&text=hi`)).toBe('ERR: 301, No credit left')
  })

  it('130 with the end of the window when the MT limit is reached, and sends again after it', async () => {
    const { call, clock } = await boot({
      accounts: [{ ...ACCOUNT, mtLimit: { max: 2, windowMs: 3_600_000 } }],
    })
    expect(await call('/http/sendmsg', `to=${TO},${TO}&text=hi`)).toMatch(/^ID: .*\nID: /)
    const until = Math.floor((T0 + 3_600_000) / 1000)
    expect(await call('/http/sendmsg', `to=${TO}&text=hi`)).toBe(
      `ERR: 130, Maximum MT limit exceeded until ${until}`,
    )
    clock.advance(3_600_000)
    expect(await call('/http/sendmsg', `to=${TO}&text=hi`)).toMatch(ID)
  })

  it('without strictParams, unknown names pass and repeated ones are still refused', async () => {
    const { call } = await boot({ strictParams: false })
    expect(await call('/http/sendmsg', `to=${TO}&text=hi&msg_callback=3`)).toMatch(ID)
    expect(await call('/http/sendmsg', `to=${TO}&text=hi&text=ho`)).toBe(
      'ERR: 101, Invalid or missing parameters',
    )
  })
})

describe('sendmsg: charges', () => {
  it.each([
    [`to=${TO}&text=${'x'.repeat(160)}`, 1, 'one part'],
    [`to=${TO}&text=${'x'.repeat(161)}&concat=2`, 2, '161 septets need 2 parts'],
    [`to=${TO}&text=${'x'.repeat(307)}&concat=3`, 3, '307 septets need 3 parts'],
    [`to=${TO}&text=${'0041'.repeat(71)}&unicode=1&concat=2`, 2, '71 UCS-2 units need 2 parts'],
    [`to=27999123456&text=${'x'.repeat(161)}&concat=2`, 1.6, 'route 27 costs 0.8 a part'],
    [`to=4915112345678&text=hi`, 1.5, 'route 49 costs 1.5'],
  ])('%s costs %d (%s)', async (query, charge) => {
    const { call, sim } = await boot()
    expect(await call('/http/sendmsg', query)).toMatch(ID)
    expect(sim.state.messages[0]?.charge).toBe(charge)
    expect(await call('/http/getbalance')).toBe(`Credit: ${(100 - charge).toFixed(3)}`)
  })
})
