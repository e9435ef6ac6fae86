import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { gateway, normalise } from '../../src/simulator/index.js'
import { readSend, restSend } from '../../src/simulator/RestSend.js'

const gw = (options = {}) => {
  const config = normalise({
    accounts: [{ apiId: '1', user: 'u', password: 'p', restToken: 't' }],
    ...options,
  })
  if (E.isLeft(config)) throw new Error('bad options')
  return gateway(config.right)
}

describe('readSend', () => {
  it('turns every REST key into its HTTP parameter', () => {
    const body = JSON.stringify({
      text: 'Hi',
      to: ['447700900001'],
      from: 'Acme',
      clientMessageId: 'c1',
      maxMessageParts: 2,
      userPriorityQueue: 1,
      callback: 3,
      escalate: 1,
      maxCredits: 2.5,
      type: 'SMS_FLASH',
      mo: 0,
      requiredFeatures: 16,
      scheduledDeliveryTime: '2024-01-01T13:00:00Z',
      unicode: 0,
      udh: '',
      validityPeriod: 60,
      bypassDNCCheck: 1,
      binary: 0,
    })
    const r = readSend(gw(), body)
    expect(E.isRight(r) && Object.fromEntries(r.right.params)).toEqual({
      text: 'Hi',
      from: 'Acme',
      climsgid: 'c1',
      concat: '2',
      queue: '1',
      callback: '3',
      escalate: '1',
      max_credits: '2.5',
      msg_type: 'SMS_FLASH',
      mo: '0',
      req_feat: '16',
      scheduled_time: '2024-01-01T13:00:00Z',
      unicode: '0',
      udh: '',
      validity: '60',
      bypass_dnc_check: '1',
      binary: '0',
    })
  })

  it.each([
    ['not JSON', 'nope', '100'],
    ['an array', '[]', '100'],
    ['to missing', '{"text":"Hi"}', '101'],
    ['to empty', '{"text":"Hi","to":[]}', '101'],
    ['to with a number', '{"text":"Hi","to":[447700900001]}', '101'],
    ['an unknown key', '{"text":"Hi","to":["1"],"data":"00"}', '101'],
    ['a boolean switch', '{"text":"Hi","to":["1"],"escalate":true}', '101'],
  ])('refuses %s with %s', (_reason, body, code) => {
    expect(readSend(gw(), body)).toEqual(E.left(code))
  })

  it('lets an unknown key pass without strictParams, and caps the recipients at maxRecipients.post', () => {
    expect(readSend(gw({ strictParams: false }), '{"text":"Hi","to":["1"],"data":"00"}')._tag).toBe('Right')
    const to = JSON.stringify(Array.from({ length: 3 }, (_, i) => `44770090000${i}`))
    expect(readSend(gw({ maxRecipients: { post: 2 } }), `{"text":"Hi","to":${to}}`)).toEqual(E.left('101'))
  })
})

describe('restSend', () => {
  it('answers 202 with an entry per recipient, 400 when none was accepted', () => {
    const g = gw()
    const account = g.store.accounts.get('1')!
    const mixed = restSend(g, account, '{"text":"Hi","to":["447700900001","12"]}', 'json')
    expect(mixed.status).toBe(202)
    expect(JSON.parse(mixed.body).data.message.map((m: { accepted: boolean }) => m.accepted)).toEqual([
      true,
      false,
    ])
    expect(restSend(g, account, '{"text":"Hi","to":["12","13"]}', 'json').status).toBe(400)
  })

  it('answers a request-level refusal as a global error with the code sendmsg gives', () => {
    const g = gw()
    const r = restSend(
      g,
      g.store.accounts.get('1')!,
      '{"text":"Hi","to":["447700900001"],"from":"Café"}',
      'json',
    )
    expect(JSON.parse(r.body).error).toMatchObject({ code: '106' })
  })
})
