import { fc, test } from '@fast-check/vitest'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { fromMask } from '../../../src/core/message/Features.js'
import { ClientMessageId } from '../../../src/core/message/IdCodecs.js'
import { decode } from '../../../src/core/message/Message.js'
import { Msisdn } from '../../../src/core/message/Msisdn.js'
import {
  account,
  type Credentials,
  decodeCredentials,
  session,
} from '../../../src/core/request/Credentials.js'
import * as Encode from '../../../src/core/request/Encode.js'
import { decodeForm } from '../../../src/core/request/Latin1Form.js'
import { fromMessage } from '../../../src/core/request/MessageParams.js'
import { http } from '../../../src/core/request/Render.js'
import { chunk, type Param, type WireRequest } from '../../../src/core/request/Wire.js'
import { planWith } from '../../../src/core/text/Charset.js'
import { fromHex } from '../../../src/core/text/Ucs2.js'
import { binaryMessage, credentials, msisdn, numRuns, textMessage } from '../../support/arbitraries.js'

const S = session('xxxx')
const A = account({ apiId: '3442105', user: 'user', password: 'p@ss wörd' })

const one = (r: E.Either<unknown, WireRequest | ReadonlyArray<WireRequest>>): ReadonlyArray<Param> => {
  if (E.isLeft(r)) throw new Error(JSON.stringify(r.left))
  const w = Array.isArray(r.right) ? (r.right as ReadonlyArray<WireRequest>)[0]! : (r.right as WireRequest)
  return w.params
}

// Each row: the command as the specification shows it (sections 4, 5.2, 6, 7), and the exact parameters.
describe('Encode: the specification examples, parameter for parameter', () => {
  const none = { requiredFeatures: { exactly: [] } } as const
  it.each<[string, () => E.Either<unknown, WireRequest | ReadonlyArray<WireRequest>>, ReadonlyArray<Param>]>([
    [
      '4.1 auth',
      () => Encode.auth(account({ apiId: 'xxxx', user: 'xxxx', password: 'xxxx' }))(),
      [
        ['api_id', 'xxxx'],
        ['user', 'xxxx'],
        ['password', 'xxxx'],
      ],
    ],
    ['4.2 ping', () => Encode.ping(S)(), [['session_id', 'xxxx']]],
    [
      '4.3 sendmsg',
      () => Encode.sendmsg(S)({ to: '447901231234', text: 'xxxx' }),
      [
        ['session_id', 'xxxx'],
        ['to', '447901231234'],
        ['text', 'xxxx'],
      ],
    ],
    [
      '4.3 sendmsg with account details',
      () => Encode.sendmsg(A)({ to: '447901231234', text: 'xxxx' }),
      [
        ['api_id', '3442105'],
        ['user', 'user'],
        ['password', 'p@ss wörd'],
        ['to', '447901231234'],
        ['text', 'xxxx'],
      ],
    ],
    [
      '4.3 several recipients, comma separated',
      () => Encode.sendmsg(S)({ to: ['27999000001', '27999000002'], text: 'x' }),
      [
        ['session_id', 'xxxx'],
        ['to', '27999000001,27999000002'],
        ['text', 'x'],
      ],
    ],
    [
      '5.2.3 from (no req_feat when asked for none)',
      () => Encode.sendmsg(S)({ to: '447901231234', text: 'x', from: 'xxx', ...none }),
      [
        ['session_id', 'xxxx'],
        ['to', '447901231234'],
        ['text', 'x'],
        ['from', 'xxx'],
      ],
    ],
    [
      '5.2.3 from derives FEAT_ALPHA (16)',
      () => Encode.sendmsg(S)({ to: '447901231234', text: 'x', from: 'xxx' }),
      [
        ['session_id', 'xxxx'],
        ['to', '447901231234'],
        ['text', 'x'],
        ['from', 'xxx'],
        ['req_feat', '16'],
      ],
    ],
    [
      '5.2.5 callback=3 derives FEAT_DELIVACK',
      () => Encode.sendmsg(S)({ to: '447901231234', text: 'x', callback: 3 }),
      [
        ['session_id', 'xxxx'],
        ['to', '447901231234'],
        ['text', 'x'],
        ['callback', '3'],
        ['req_feat', '8192'],
      ],
    ],
    [
      '5.2.6 deliv_time=120',
      () => Encode.sendmsg(S)({ to: '447901231234', text: 'x', deliverAfterMinutes: 120 }),
      [
        ['session_id', 'xxxx'],
        ['to', '447901231234'],
        ['text', 'x'],
        ['deliv_time', '120'],
      ],
    ],
    [
      '5.2.7 concat=2 for a 2-part text (and FEAT_CONCAT)',
      () => Encode.sendmsg(S)({ to: '447901231234', text: 'x'.repeat(161), maxParts: 3 }),
      [
        ['session_id', 'xxxx'],
        ['to', '447901231234'],
        ['text', 'x'.repeat(161)],
        ['concat', '2'],
        ['req_feat', '16384'],
      ],
    ],
    [
      '5.2.8 max_credits',
      () => Encode.sendmsg(S)({ to: '447901231234', text: 'x', maxCredits: 1.5 }),
      [
        ['session_id', 'xxxx'],
        ['to', '447901231234'],
        ['text', 'x'],
        ['max_credits', '1.5'],
      ],
    ],
    [
      '5.2.9 req_feat=544: numeric sender and flash',
      () =>
        Encode.sendmsg(S)({ to: '447901231234', text: 'x', from: '27833001171', messageType: 'SMS_FLASH' }),
      [
        ['session_id', 'xxxx'],
        ['to', '447901231234'],
        ['text', 'x'],
        ['from', '27833001171'],
        ['msg_type', 'SMS_FLASH'],
        ['req_feat', '544'],
      ],
    ],
    [
      '5.2.9 req_feat=8240: alpha sender, callback, and NUMER added',
      () =>
        Encode.sendmsg(S)({
          to: '447901231234',
          text: 'x',
          from: 'Acme',
          callback: 1,
          requiredFeatures: { add: ['NUMER'] },
        }),
      [
        ['session_id', 'xxxx'],
        ['to', '447901231234'],
        ['text', 'x'],
        ['from', 'Acme'],
        ['callback', '1'],
        ['req_feat', '8240'],
      ],
    ],
    [
      '5.2.10 queue=2',
      () => Encode.sendmsg(S)({ to: '447901231234', text: 'x', queue: 2 }),
      [
        ['session_id', 'xxxx'],
        ['to', '447901231234'],
        ['text', 'x'],
        ['queue', '2'],
      ],
    ],
    [
      '5.2.11 escalate=1',
      () => Encode.sendmsg(S)({ to: '447901231234', text: 'x', escalate: true }),
      [
        ['session_id', 'xxxx'],
        ['to', '447901231234'],
        ['text', 'x'],
        ['escalate', '1'],
      ],
    ],
    [
      '5.2.12 mo=1',
      () => Encode.sendmsg(S)({ to: '447901231234', text: 'x', replyable: true }),
      [
        ['session_id', 'xxxx'],
        ['to', '447901231234'],
        ['text', 'x'],
        ['mo', '1'],
      ],
    ],
    [
      '5.2.13 climsgid',
      () => Encode.sendmsg(S)({ to: '447901231234', text: 'x', clientMessageId: 'abc123' }),
      [
        ['session_id', 'xxxx'],
        ['to', '447901231234'],
        ['text', 'x'],
        ['climsgid', 'abc123'],
      ],
    ],
    [
      '5.2.14 ΩΨΘ becomes 03A903A80398&unicode=1',
      () => Encode.sendmsg(S)({ to: '447901231234', text: 'ΩΨΘ', ...none }),
      [
        ['session_id', 'xxxx'],
        ['to', '447901231234'],
        ['text', '03A903A80398'],
        ['unicode', '1'],
      ],
    ],
    [
      '5.2.14 forced UCS-2 derives FEAT_UCS2',
      () => Encode.sendmsg(S)({ to: '447901231234', text: 'Hi', encoding: 'ucs2' }),
      [
        ['session_id', 'xxxx'],
        ['to', '447901231234'],
        ['text', '00480069'],
        ['unicode', '1'],
        ['req_feat', '8'],
      ],
    ],
    [
      '5.2.15 validity=120',
      () => Encode.sendmsg(S)({ to: '447901231234', text: 'x', validityMinutes: 120 }),
      [
        ['session_id', 'xxxx'],
        ['to', '447901231234'],
        ['text', 'x'],
        ['validity', '120'],
      ],
    ],
    [
      '5.2.16 scheduled_time as unix seconds',
      () => Encode.sendmsg(S)({ to: '447901231234', text: 'x', deliverAt: new Date('2030-01-30T14:00:00Z') }),
      [
        ['session_id', 'xxxx'],
        ['to', '447901231234'],
        ['text', 'x'],
        ['scheduled_time', '1896012000'],
      ],
    ],
    [
      '5.1 bypass_dnc_check=1',
      () => Encode.sendmsg(S)({ to: '447901231234', text: 'x', bypassDoNotContact: true }),
      [
        ['session_id', 'xxxx'],
        ['to', '447901231234'],
        ['text', 'x'],
        ['bypass_dnc_check', '1'],
      ],
    ],
    [
      '5.1 a switch set to false is written 0',
      () => Encode.sendmsg(S)({ to: '447901231234', text: 'x', escalate: false }),
      [
        ['session_id', 'xxxx'],
        ['to', '447901231234'],
        ['text', 'x'],
        ['escalate', '0'],
      ],
    ],
    [
      'docs/gateway.md "Message types": ringtone by udh + data (UDH, 8BIT)',
      () => Encode.sendmsg(S)({ to: '447901231234', udh: '06050415810000', data: '024A3A' }),
      [
        ['session_id', 'xxxx'],
        ['to', '447901231234'],
        ['udh', '06050415810000'],
        ['data', '024A3A'],
        ['req_feat', '6'],
      ],
    ],
    [
      '5.1 binary=1 forces 8-bit',
      () => Encode.sendmsg(S)({ to: '447901231234', data: 'DEADBEEF', binary: true, ...none }),
      [
        ['session_id', 'xxxx'],
        ['to', '447901231234'],
        ['data', 'DEADBEEF'],
        ['binary', '1'],
      ],
    ],
    [
      '4.4 querymsg by apimsgid',
      () => Encode.querymsg(S)({ apiMsgId: 'XXXXX' }),
      [
        ['session_id', 'xxxx'],
        ['apimsgid', 'XXXXX'],
      ],
    ],
    [
      '4.4 querymsg by climsgid',
      () => Encode.querymsg(S)({ clientMessageId: 'abc123' }),
      [
        ['session_id', 'xxxx'],
        ['climsgid', 'abc123'],
      ],
    ],
    [
      '6.1 delmsg by apimsgid',
      () => Encode.delmsg(S)({ apiMsgId: 'XXXXX' }),
      [
        ['session_id', 'xxxx'],
        ['apimsgid', 'XXXXX'],
      ],
    ],
    [
      '6.1 delmsg by climsgid',
      () => Encode.delmsg(S)({ clientMessageId: 'XXXXX' }),
      [
        ['session_id', 'xxxx'],
        ['climsgid', 'XXXXX'],
      ],
    ],
    ['6.2 getbalance', () => Encode.getbalance(S)(), [['session_id', 'xxxx']]],
    [
      '6.2 getbalance with account details',
      () => Encode.getbalance(account({ apiId: 'xxx', user: 'xxx', password: 'xxx' }))(),
      [
        ['api_id', 'xxx'],
        ['user', 'xxx'],
        ['password', 'xxx'],
      ],
    ],
    [
      '6.3 routecoverage',
      () => Encode.routecoverage(S)({ msisdn: '447901231234' }),
      [
        ['session_id', 'xxxx'],
        ['msisdn', '447901231234'],
      ],
    ],
    [
      '6.4 getmsgcharge by apimsgid',
      () => Encode.getmsgcharge(S)({ apiMsgId: 'xxxxx' }),
      [
        ['session_id', 'xxxx'],
        ['apimsgid', 'xxxxx'],
      ],
    ],
    [
      '6.4 getmsgcharge by climsgid',
      () => Encode.getmsgcharge(S)({ clientMessageId: 'xxxxx' }),
      [
        ['session_id', 'xxxx'],
        ['climsgid', 'xxxxx'],
      ],
    ],
    [
      '6.5 token_pay',
      () => Encode.token_pay(S)({ token: '1234567890123456' }),
      [
        ['session_id', 'xxxx'],
        ['token', '1234567890123456'],
      ],
    ],
    [
      '7.1 startbatch',
      () =>
        Encode.startbatch(S)({ template: 'Hi #field1#, your balance is #field2#.', from: 'Sender', ...none }),
      [
        ['session_id', 'xxxx'],
        ['template', 'Hi #field1#, your balance is #field2#.'],
        ['from', 'Sender'],
      ],
    ],
    [
      '7.2 senditem',
      () => Encode.senditem(S)({ batchId: 'xxx', to: '123456789', fields: ['Joe', '$150'] }),
      [
        ['session_id', 'xxxx'],
        ['batch_id', 'xxx'],
        ['to', '123456789'],
        ['field1', 'Joe'],
        ['field2', '$150'],
      ],
    ],
    [
      '7.3 quicksend',
      () => Encode.quicksend(S)({ batchId: 'xxx', to: ['123456789', '234567890', '345678901'] }),
      [
        ['session_id', 'xxxx'],
        ['batch_id', 'xxx'],
        ['to', '123456789,234567890,345678901'],
      ],
    ],
    [
      '7.4 endbatch',
      () => Encode.endbatch(S)({ batchId: 'xxx' }),
      [
        ['session_id', 'xxxx'],
        ['batch_id', 'xxx'],
      ],
    ],
  ])('%s', (_reason, run, params) => {
    expect(one(run())).toEqual(params)
  })
})

describe('Encode: refusals', () => {
  const left = (r: E.Either<{ readonly _tag: string }, unknown>) => (E.isLeft(r) ? r.left : undefined)

  it('refuses a text over maxParts with MessageTooLong carrying the numbers', () => {
    expect(left(Encode.sendmsg(S)({ to: '447901231234', text: 'x'.repeat(460), maxParts: 3 }))).toEqual({
      _tag: 'MessageTooLong',
      encoding: 'gsm7',
      units: 460,
      parts: 4,
      limit: 3,
      perPart: 153,
    })
  })

  it('refuses a text over the gateway maximum of 35 parts', () => {
    expect(left(Encode.sendmsg(S)({ to: '447901231234', text: 'Ω'.repeat(67 * 35 + 1) }))).toMatchObject({
      _tag: 'MessageTooLong',
      encoding: 'ucs2',
      parts: 36,
      limit: 35,
    })
  })

  it('refuses binary content over 140 bytes with a UDH of its own', () => {
    expect(
      left(Encode.sendmsg(S)({ to: '447901231234', udh: '0500030A0201', data: '00'.repeat(135) })),
    ).toEqual({
      _tag: 'MessageTooLong',
      encoding: 'binary',
      units: 141,
      parts: 2,
      limit: 1,
      perPart: 134,
    })
  })

  it('lists problems of the credentials and the message together, never quoting a secret', () => {
    const r = Encode.sendmsg(account({ apiId: '', user: 'u', password: 'sécrét€' }))({ to: 'x', text: '' })
    const problems = E.isLeft(r) && r.left._tag === 'InvalidInput' ? r.left.problems : []
    expect(problems.map((p) => p.path)).toEqual(['credentials.apiId', 'credentials.password', 'to', 'text'])
    expect(JSON.stringify(problems)).not.toContain('sécrét')
  })

  it.each<[string, () => E.Either<{ readonly _tag: string }, unknown>, string]>([
    ['auth with a session', () => Encode.auth(S)(), 'credentials'],
    ['ping with account details', () => Encode.ping(A)(), 'credentials'],
    ['querymsg with both ids', () => Encode.querymsg(S)({ apiMsgId: 'a', clientMessageId: 'b' }), ''],
    ['querymsg with neither', () => Encode.querymsg(S)({} as never), ''],
    ['routecoverage without msisdn', () => Encode.routecoverage(S)({} as never), 'msisdn'],
    ['token_pay with dashes', () => Encode.token_pay(S)({ token: '1234-5678' }), 'token'],
    [
      'credentials that are not credentials',
      () => Encode.getbalance({ sessionId: 'x' } as never)(),
      'credentials',
    ],
    [
      'a GET chunk size of 0',
      () => Encode.sendmsgWith({ recipientsPerRequest: 0 })(S)({ to: '447901231234', text: 'x' }),
      'recipientsPerRequest',
    ],
  ])('%s', (_reason, run, path) => {
    const e = left(run())
    expect(e?._tag).toBe('InvalidInput')
    expect((e as unknown as { problems: ReadonlyArray<{ path: string }> }).problems[0]!.path).toBe(path)
  })

  const commands = [
    (c: Credentials, u: unknown) => Encode.sendmsg(c)(u as never),
    (c: Credentials, u: unknown) => Encode.querymsg(c)(u as never),
    (c: Credentials, u: unknown) => Encode.routecoverage(c)(u as never),
    (c: Credentials, u: unknown) => Encode.token_pay(c)(u as never),
    (c: Credentials, u: unknown) => Encode.startbatch(c)(u as never),
    (c: Credentials, u: unknown) => Encode.senditem(c)(u as never),
    (c: Credentials, u: unknown) => Encode.quicksend(c)(u as never),
    (c: Credentials, u: unknown) => Encode.endbatch(c)(u as never),
    (c: Credentials) => Encode.auth(c)(),
    (c: Credentials) => Encode.ping(c)(),
  ]
  it('no encoder throws for credentials or input whose every read throws', () => {
    const throwing = new Proxy(
      {},
      {
        get: () => {
          throw new Error('boom')
        },
        ownKeys: () => {
          throw new Error('boom')
        },
      },
    )
    for (const run of commands) {
      expect(() => run(throwing as Credentials, {})).not.toThrow()
      expect(() => run(S, throwing)).not.toThrow()
    }
  })

  test.prop([fc.anything(), fc.oneof(fc.anything(), credentials())], { numRuns })(
    'no encoder throws, whatever the credentials and input',
    (u, c) => {
      for (const run of commands) expect(() => run(c as Credentials, u)).not.toThrow()
    },
  )
})

// Reads rendered requests back: the gateway's view of what was sent.
const readBack = (requests: ReadonlyArray<WireRequest>, method: 'GET' | 'POST') =>
  requests.map((w) => {
    const r = http({ method })(w)
    if (E.isLeft(r)) throw new Error(JSON.stringify(r.left))
    const encoded = method === 'POST' ? r.right.body! : (r.right.url.split('?')[1] ?? '')
    expect(method === 'POST' ? r.right.url : '').not.toContain('?')
    const form = decodeForm(encoded)
    if (E.isLeft(form)) throw new Error(JSON.stringify(form.left))
    return form.right
  })

const auth = (c: Credentials): ReadonlyArray<Param> =>
  c._tag === 'Session'
    ? [['session_id', c.sessionId]]
    : [
        ['api_id', c.apiId],
        ['user', c.user],
        ['password', c.password],
      ]

describe('Encode.sendmsg: what the gateway reads back is what was asked', () => {
  const setup = fc.record({
    method: fc.constantFrom('GET' as const, 'POST' as const),
    size: fc.integer({ min: 1, max: 7 }),
    creds: credentials(),
  })

  test.prop([textMessage({ maxRecipients: 20 }), setup], { numRuns })(
    'text messages',
    (m, { method, size, creds }) => {
      const r = Encode.sendmsgWith({ method, recipientsPerRequest: size })(creds)(m)
      expect(r._tag).toBe('Right')
      if (E.isLeft(r)) return
      const forms = readBack(r.right, method)
      const to = typeof m.to === 'string' ? [m.to] : m.to
      // Chunking: order and count kept, each chunk within its size, every other parameter the same in each.
      expect(forms.length).toBe(Math.ceil(to.length / size))
      expect(forms.flatMap((f) => f.find(([n]) => n === 'to')![1].split(','))).toEqual(to)
      for (const f of forms)
        expect(f.filter(([n]) => n !== 'to')).toEqual(forms[0]!.filter(([n]) => n !== 'to'))
      const form = forms[0]!
      expect(form.slice(0, auth(creds).length)).toEqual(auth(creds))
      const get = (name: string) => form.find(([n]) => n === name)?.[1]
      // The text: plain ISO-8859-1, or UCS-2 hex with unicode=1.
      const plan = planWith(m.encoding === undefined ? {} : { encoding: m.encoding })(m.text)
      expect(get('unicode')).toBe(plan.encoding === 'ucs2' ? '1' : undefined)
      expect(plan.encoding === 'ucs2' ? fromHex(get('text')!) : E.right(get('text'))).toEqual(E.right(m.text))
      expect(get('concat')).toBe(plan.count.parts > 1 ? String(plan.count.parts) : undefined)
      // Every option, by its wire name.
      const seconds = m.deliverAt instanceof Date ? Math.floor(m.deliverAt.getTime() / 1000) : m.deliverAt
      const bit = (b: boolean | undefined) => (b === undefined ? undefined : b ? '1' : '0')
      expect({
        from: get('from'),
        climsgid: get('climsgid'),
        callback: get('callback'),
        deliv_time: get('deliv_time'),
        scheduled_time: get('scheduled_time'),
        validity: get('validity'),
        queue: get('queue'),
        escalate: get('escalate'),
        mo: get('mo'),
        max_credits: get('max_credits') === undefined ? undefined : Number(get('max_credits')),
        msg_type: get('msg_type'),
        bypass_dnc_check: get('bypass_dnc_check'),
      }).toEqual({
        from: m.from,
        climsgid: m.clientMessageId,
        callback: m.callback?.toString(),
        deliv_time: m.deliverAfterMinutes?.toString(),
        scheduled_time: seconds?.toString(),
        validity: m.validityMinutes?.toString(),
        queue: m.queue?.toString(),
        escalate: bit(m.escalate),
        mo: bit(m.replyable),
        max_credits: m.maxCredits,
        msg_type: m.messageType,
        bypass_dnc_check: bit(m.bypassDoNotContact),
      })
      // req_feat: a mask of known bits that honours the caller's requirement and the derivation.
      const mask = get('req_feat')
      const features = mask === undefined ? new Set() : E.getOrElseW(() => undefined)(fromMask(Number(mask)))
      expect(features).toBeDefined()
      const rf = m.requiredFeatures
      if (rf !== undefined && 'exactly' in rf) expect(features).toEqual(new Set(rf.exactly))
      else {
        for (const f of rf?.add ?? []) expect(features!.has(f)).toBe(true)
        if (m.from !== undefined) expect(features!.has(/^\d+$/.test(m.from) ? 'NUMER' : 'ALPHA')).toBe(true)
        expect(features!.has('UCS2')).toBe(plan.encoding === 'ucs2' || (rf?.add.includes('UCS2') ?? false))
        expect(features!.has('CONCAT')).toBe(plan.count.parts > 1 || (rf?.add.includes('CONCAT') ?? false))
      }
      const known = [
        'session_id',
        'api_id',
        'user',
        'password',
        'to',
        'text',
        'unicode',
        'concat',
        'req_feat',
      ]
      const names = [
        'from',
        'climsgid',
        'callback',
        'deliv_time',
        'scheduled_time',
        'validity',
        'queue',
        'escalate',
        'mo',
        'max_credits',
        'msg_type',
        'bypass_dnc_check',
      ]
      for (const [n] of form) expect([...known, ...names]).toContain(n)
    },
  )

  test.prop([binaryMessage(), setup], { numRuns })('binary messages', (m, { method, size, creds }) => {
    const r = Encode.sendmsgWith({ method, recipientsPerRequest: size })(creds)(m)
    expect(r._tag).toBe('Right')
    if (E.isLeft(r)) return
    const form = readBack(r.right, method)[0]!
    const get = (name: string) => form.find(([n]) => n === name)?.[1]
    expect([get('udh'), get('data'), get('binary'), get('text')]).toEqual([
      m.udh,
      m.data,
      m.binary === true ? '1' : undefined,
      undefined,
    ])
  })

  test.prop([fc.array(msisdn(), { minLength: 0, maxLength: 900 }), fc.integer({ min: 1, max: 400 })], {
    numRuns: Math.min(numRuns, 200),
  })('chunk keeps order and count', (to, size) => {
    const chunks = chunk(size)(to)
    expect(chunks.flat()).toEqual(to)
    expect(chunks.length).toBe(Math.ceil(to.length / size))
    for (const c of chunks) expect(c.length).toBeLessThanOrEqual(size)
  })

  it('splits 650 recipients 300/300/50 by POST and 100 each by GET, in order', () => {
    const to = Array.from({ length: 650 }, (_, i) => String(27990000000 + i))
    const post = Encode.sendmsg(S)({ to, text: 'x' })
    const get = Encode.sendmsgWith({ method: 'GET' })(S)({ to, text: 'x' })
    const sizes = (r: typeof post) =>
      E.isRight(r) ? r.right.map((w) => w.params[1]![1].split(',').length) : []
    expect(sizes(post)).toEqual([300, 300, 50])
    expect(sizes(get)).toEqual([100, 100, 100, 100, 100, 100, 50])
    expect(E.isRight(post) && post.right.flatMap((w) => w.params[1]![1].split(','))).toEqual(to)
  })
})

describe('Encode.prepare: one request per recipient from a message planned once', () => {
  const clientId = fc.stringMatching(/^[A-Za-z0-9]{1,32}$/)
  // The brands prepare takes, decoded once as the client decodes them.
  const decoded = <A>(r: E.Either<unknown, A>): A => {
    if (E.isLeft(r)) throw new Error(JSON.stringify(r.left))
    return r.right
  }

  test.prop([textMessage(), credentials(), msisdn(), clientId], { numRuns: Math.min(numRuns, 300) })(
    'writes what sendmsg writes for that one recipient and id, the id last',
    (message, cr, to, id) => {
      const planned = Encode.sendmsg(cr as Credentials)({ ...message, to, clientMessageId: id })
      const submission = E.flatMap(fromMessage)(decode(message))
      if (E.isLeft(planned) || E.isLeft(submission)) return
      const prepared = Encode.prepare(submission.right)(
        decoded(decodeCredentials(cr)),
        decoded(Msisdn.decode(to)),
        decoded(ClientMessageId.decode(id)),
      ).params
      expect(prepared.at(-1)).toEqual(['climsgid', id])
      expect(new Map(prepared)).toEqual(new Map(one(planned)))
      expect(prepared).toHaveLength(one(planned).length)
    },
  )

  it("gives the message's own client message id way to the request's", () => {
    const s = E.flatMap(fromMessage)(decode({ to: '447900000001', text: 'Hi', clientMessageId: 'own' }))
    if (E.isLeft(s)) throw new Error('planned')
    const w = Encode.prepare(s.right)(
      decoded(decodeCredentials(S)),
      decoded(Msisdn.decode('447900000002')),
      decoded(ClientMessageId.decode('c2')),
    )
    expect(w.params).toEqual([
      ['session_id', 'xxxx'],
      ['to', '447900000002'],
      ['text', 'Hi'],
      ['climsgid', 'c2'],
    ])
  })
})
