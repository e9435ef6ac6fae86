import { fc, test } from '@fast-check/vitest'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { gatewayError } from '../../../src/core/errors.js'
import { errorCodes, statusCode, statusCodes } from '../../../src/core/reply/Codes.js'
import * as Parse from '../../../src/core/reply/Parse.js'
import * as ReplyText from '../../../src/core/reply/Print.js'
import type { Replies, SendOutcome } from '../../../src/core/reply/Replies.js'
import { type Command, all as commands } from '../../../src/core/request/Command.js'

const numRuns = process.env.CI ? 200 : 1000

const right = <A>(value: A) => ({ _tag: 'Right', right: value })
const gw = (command: Command, code: string, description: string, to?: string) =>
  ({ _tag: 'Left', left: gatewayError(command, code, description, to) }) as const
const s = (code: string) => statusCode(code)

// Real bodies from docs/gateway.md ('Response shapes' and 'Quirks'), with the reason each is here.
describe('literal bodies', () => {
  it.each<[Command, string, unknown, string]>([
    [
      'auth',
      'OK: 2f0e0e2f1b8b4d2a9b4f9e2a1c3d4e5f',
      right({ sessionId: '2f0e0e2f1b8b4d2a9b4f9e2a1c3d4e5f' }),
      'live 2020',
    ],
    ['auth', 'OK: foo ', right({ sessionId: 'foo' }), 'trailing space, 2013 (quirk 6)'],
    ['auth', 'ERR: 001, Authentication failed', gw('auth', '001', 'Authentication failed'), 'wrong password'],
    ['auth', 'ERR: 1, Auth fail', gw('auth', '001', 'Auth fail'), 'code without padding (quirk 8)'],
    ['auth', 'ERR: 007, IP Lockdown violation\n', gw('auth', '007', 'IP Lockdown violation'), 'trailing LF'],
    ['ping', 'OK: ', right({ ok: true }), 'one trailing space, live (quirk 5)'],
    ['ping', 'OK:', right({ ok: true }), 'spec and fixtures'],
    ['ping', 'OK:\r\n', right({ ok: true }), 'CRLF'],
    [
      'ping',
      'ERR: 001, Authentication failed',
      gw('ping', '001', 'Authentication failed'),
      'stale session (quirk 2)',
    ],
    ['ping', 'ERR: 003, Session ID expired', gw('ping', '003', 'Session ID expired'), 'spec expiry'],
    [
      'sendmsg',
      'ID: 996f364775e24b8432f45d77da8eca47',
      right({ outcomes: [{ _tag: 'Accepted', apiMsgId: '996f364775e24b8432f45d77da8eca47' }] }),
      'single recipient',
    ],
    [
      'sendmsg',
      'ID: foo ',
      right({ outcomes: [{ _tag: 'Accepted', apiMsgId: 'foo' }] }),
      'trailing space, 2013',
    ],
    [
      'sendmsg',
      'ERR: 105, Invalid Destination Address',
      gw('sendmsg', '105', 'Invalid Destination Address'),
      'single ERR is Left; live wording',
    ],
    [
      'sendmsg',
      'ERR: 128, Number delisted To: 12',
      gw('sendmsg', '128', 'Number delisted', '12'),
      'single ERR with To (iwarshak)',
    ],
    [
      'sendmsg',
      'ERR: 114, Cannot route message\n',
      gw('sendmsg', '114', 'Cannot route message'),
      'trailing LF',
    ],
    [
      'sendmsg',
      'ERR: 301, Some error\nID: 6f0bc4c9 To: 0400000001\n',
      right({
        outcomes: [
          { _tag: 'Rejected', error: gatewayError('sendmsg', '301', 'Some error') },
          { _tag: 'Accepted', apiMsgId: '6f0bc4c9', to: '0400000001' },
        ],
      }),
      'ERR without To first (node fixture); leading zero kept (bdt)',
    ],
    [
      'sendmsg',
      'ID: a1 To: 27999000001\nID: a2 To: 27999000001\n',
      right({
        outcomes: [
          { _tag: 'Accepted', apiMsgId: 'a1', to: '27999000001' },
          { _tag: 'Accepted', apiMsgId: 'a2', to: '27999000001' },
        ],
      }),
      'same recipient twice (iwarshak)',
    ],
    [
      'sendmsg',
      'ID: a1 To: 1 ID: a2 To: 2',
      right({
        outcomes: [
          { _tag: 'Accepted', apiMsgId: 'a1', to: '1' },
          { _tag: 'Accepted', apiMsgId: 'a2', to: '2' },
        ],
      }),
      'one-line transcript (quirk 11)',
    ],
    [
      'sendmsg',
      'ID: a1 To: 1\r\nERR: 105, Invalid destination address To: 333\r\n',
      right({
        outcomes: [
          { _tag: 'Accepted', apiMsgId: 'a1', to: '1' },
          { _tag: 'Rejected', error: gatewayError('sendmsg', '105', 'Invalid destination address', '333') },
        ],
      }),
      'CRLF, mixed lines',
    ],
    [
      'sendmsg',
      'ERR: 001, Authentication failed\nERR: 001, Authentication failed',
      right({
        outcomes: [
          { _tag: 'Rejected', error: gatewayError('sendmsg', '001', 'Authentication failed') },
          { _tag: 'Rejected', error: gatewayError('sendmsg', '001', 'Authentication failed') },
        ],
      }),
      'two ERR lines are data',
    ],
    [
      'quicksend',
      'ID: q1 To: 123456789\nID: q2 To: 234567890',
      right({
        outcomes: [
          { _tag: 'Accepted', apiMsgId: 'q1', to: '123456789' },
          { _tag: 'Accepted', apiMsgId: 'q2', to: '234567890' },
        ],
      }),
      'spec 7.3',
    ],
    [
      'querymsg',
      'ID: 996f364775e24b8432f45d77da8eca47 Status: 004',
      right({ apiMsgId: '996f364775e24b8432f45d77da8eca47', status: s('004') }),
      'spec 4.4',
    ],
    [
      'querymsg',
      'ID: unknownid Status: 001',
      right({ apiMsgId: 'unknownid', status: s('001') }),
      'unknown id is status 001 (quirk 3)',
    ],
    [
      'querymsg',
      'ID: x Status: 008',
      right({ apiMsgId: 'x', status: s('008') }),
      'decimal 8, not octal (quirk 9)',
    ],
    ['querymsg', 'ID: x Status: 010', right({ apiMsgId: 'x', status: s('010') }), 'decimal 10'],
    ['querymsg', 'ID: x Status: 099', right({ apiMsgId: 'x', status: s('099') }), 'unknown status kept'],
    [
      'querymsg',
      'ERR: 001, Authentication failed',
      gw('querymsg', '001', 'Authentication failed'),
      'expired session',
    ],
    ['delmsg', 'ID: x Status: 006', right({ apiMsgId: 'x', status: s('006') }), 'spec 6.1'],
    ['getbalance', 'Credit: 12.000', right({ credit: 12, raw: '12.000' }), 'live, 3 decimals'],
    ['getbalance', 'Credit: 35.000\n', right({ credit: 35, raw: '35.000' }), 'live'],
    ['getbalance', 'Credit: 2192.4', right({ credit: 2192.4, raw: '2192.4' }), 'fixture'],
    [
      'getbalance',
      'Credit: 12345.000',
      right({ credit: 12345, raw: '12345.000' }),
      '9 characters (Content-Length 17)',
    ],
    ['getbalance', 'Credit: -3.5', right({ credit: -3.5, raw: '-3.5' }), 'post-paid'],
    [
      'getmsgcharge',
      'apiMsgId: abc charge: 0 status: 001',
      right({ apiMsgId: 'abc', charge: 0, status: s('001') }),
      'live unknown id',
    ],
    [
      'getmsgcharge',
      'apiMsgId: abc charge: 0.33 status: 004',
      right({ apiMsgId: 'abc', charge: 0.33, status: s('004') }),
      'spec shape',
    ],
    [
      'getmsgcharge',
      'cliMsgId: c1 charge: 0.300000 apiMsgId: abc status: 004',
      right({ apiMsgId: 'abc', cliMsgId: 'c1', charge: 0.3, status: s('004') }),
      'climsgid shape (v2.6)',
    ],
    [
      'getmsgcharge',
      'ID: abc Charge: 1 Status: 003',
      right({ apiMsgId: 'abc', charge: 1, status: s('003') }),
      'overview shape',
    ],
    [
      'getmsgcharge',
      'status: 004 charge: 101',
      right({ charge: 101, status: s('004') }),
      'node fixture, no id',
    ],
    ['token_pay', 'OK: 605', right({ value: '605' }), 'spec 6.5'],
    [
      'routecoverage',
      'OK: This prefix is currently supported. Messages sent to this prefix will be routed. Charge: 1',
      right({
        routable: true,
        charge: 1,
        description: 'This prefix is currently supported. Messages sent to this prefix will be routed.',
      }),
      'live 2020',
    ],
    [
      'routecoverage',
      'OK: This prefix is currently supported. Messages sent to this prefix will be routed. Charge: 0.33',
      right({
        routable: true,
        charge: 0.33,
        description: 'This prefix is currently supported. Messages sent to this prefix will be routed.',
      }),
      'Perl POD',
    ],
    [
      'routecoverage',
      'ERR: This prefix is not currently supported. Messages sent to this prefix will fail. Please contact support for assistance.',
      right({
        routable: false,
        description:
          'This prefix is not currently supported. Messages sent to this prefix will fail. Please contact support for assistance.',
      }),
      'ERR without code is not-routable (quirk 4)',
    ],
    [
      'routecoverage',
      'ERR: 001, Authentication failed',
      gw('routecoverage', '001', 'Authentication failed'),
      'ERR with code is an error',
    ],
    ['startbatch', 'ID: 9d4fa9ec', right({ batchId: '9d4fa9ec' }), 'spec 7.1'],
    [
      'startbatch',
      'ERR: 202, No batch template',
      gw('startbatch', '202', 'No batch template'),
      'batch error',
    ],
    ['senditem', 'ID: abc', right({ apiMsgId: 'abc' }), 'spec 7.2'],
    ['senditem', 'ID: abc To: 123456789', right({ apiMsgId: 'abc', to: '123456789' }), 'with To'],
    ['senditem', 'ERR: 201, Invalid batch ID', gw('senditem', '201', 'Invalid batch ID'), 'expired batch'],
    ['endbatch', 'OK', right({ ok: true }), 'spec 7.4'],
    ['endbatch', 'OK\n', right({ ok: true }), 'trailing LF'],
    ['endbatch', 'ERR: 201, Invalid batch ID', gw('endbatch', '201', 'Invalid batch ID'), 'error'],
  ])('%s %j -> %j (%s)', (command, body, expected) => {
    expect(Parse.reply(command, body)).toStrictEqual(expected)
  })

  it.each<[Command, string, string]>([
    ['getmsgcharge', 'ID: x Charge: 0.300 000 Status: 004', 'PDF line-wrap artefact (quirk 14)'],
    ['getmsgcharge', 'apiMsgId: x status: 004', 'no charge: never invent an amount'],
    ['getmsgcharge', 'apiMsgId: x charge: 1', 'no status'],
    ['getmsgcharge', 'apiMsgId: x charge: 1e3 status: 004', 'exponent'],
    ['getbalance', 'Credit: 12,5', 'decimal comma'],
    ['getbalance', 'Credit:', 'no amount'],
    ['getbalance', '<html>502 Bad Gateway</html>', 'a proxy page'],
    ['querymsg', 'ID: x Status: 00a', 'status not decimal'],
    ['querymsg', 'ID: x', 'no status'],
    ['querymsg', 'Status: 004', 'no id'],
    ['auth', 'OK:', 'no session id'],
    ['auth', 'OK: a b', 'session id with a space'],
    ['auth', '', 'empty body'],
    ['auth', ' \n\r\n ', 'blank body'],
    ['sendmsg', 'ID:', 'no id'],
    ['sendmsg', 'ID: a To:', 'To without recipient'],
    ['sendmsg', 'ID: a To: 1 2', 'two words after To'],
    ['sendmsg', 'ID: a\nsomething else', 'an unreadable line would break positional pairing'],
    ['sendmsg', 'To: 1', 'To without ID'],
    ['sendmsg', 'ID: a b To: 1', 'id with a space'],
    ['routecoverage', 'OK: supported', 'no charge: never invent one'],
    ['routecoverage', 'OK: supported Charge: lots', 'charge not a number'],
    ['ping', 'PONG', 'not OK'],
    ['ping', 'OK:\nOK:', 'two lines'],
    ['token_pay', 'OK:', 'no value'],
    ['startbatch', 'ID: a To: 1', 'a batch id has no recipient'],
  ])('%s %j is malformed (%s)', (command, body) => {
    const r = Parse.reply(command, body)
    expect(E.isLeft(r) && r.left._tag).toBe('MalformedResponse')
    expect(E.isLeft(r) && r.left._tag === 'MalformedResponse' && r.left.command).toBe(command)
  })

  it('answers MalformedResponse to a name that is not a command, and to a body that is not a string', () => {
    expect(Parse.reply('send' as Command, 'ID: x')).toMatchObject({ left: { _tag: 'MalformedResponse' } })
    for (const command of commands)
      expect(Parse.reply(command, undefined as never)).toMatchObject({ left: { _tag: 'MalformedResponse' } })
  })
})

describe('Parse.response', () => {
  it.each([
    [{ status: 200, headers: {}, body: 'Credit: 12.000' }, 'Right', 'a 200'],
    [{ status: 204, headers: {}, body: 'Credit: 1' }, 'Right', 'any 2xx'],
    [{ status: 500, headers: {}, body: 'oops' }, 'HttpStatusError', 'a 500'],
    [{ status: 301, headers: {}, body: '' }, 'HttpStatusError', 'a redirect'],
    [
      { status: 200, headers: {}, body: `Credit: 1${' '.repeat(Parse.MAX_BODY_CHARS)}` },
      'MalformedResponse',
      'over the cap',
    ],
  ])('status %# -> %s (%s)', (response, tag) => {
    const r = Parse.response('getbalance')(response)
    expect(E.isRight(r) ? 'Right' : r.left._tag).toBe(tag)
  })

  it('takes its cap from the options', () => {
    const read = Parse.responseWith({ maxBodyChars: 4 })('ping')
    expect(E.isRight(read({ status: 200, headers: {}, body: 'OK: ' }))).toBe(true)
    expect(read({ status: 200, headers: {}, body: 'OK:  ' })).toMatchObject({
      left: { _tag: 'MalformedResponse' },
    })
  })

  it('keeps the status of an HTTP error', () => {
    expect(Parse.response('auth')({ status: 503, headers: {}, body: 'busy' })).toStrictEqual({
      _tag: 'Left',
      left: { _tag: 'HttpStatusError', status: 503, body: 'busy' },
    })
  })
})

// Arbitraries for replies the gateway could send (see ReplyText's law).
const blankOrColon = /[\s:\uFEFF]/
const word = fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }).filter((w) => !blankOrColon.test(w))
// The ids the gateway issues and a client message id: the rules of docs/errors.md, "Identifiers".
const id = fc.stringMatching(/^[A-Za-z0-9]{1,64}$/)
const clientId = fc.stringMatching(/^[A-Za-z0-9]{1,32}$/)
const msisdn = fc.stringMatching(/^0?[1-9][0-9]{0,14}$/)
const description = fc
  .array(fc.stringMatching(/^[A-Za-z.()'-]{1,12}$/), { maxLength: 8 })
  .map((ws) => ws.join(' '))
const code = fc.oneof(
  fc.constantFrom(...Object.keys(errorCodes)),
  fc.stringMatching(/^[0-9]{3}$/),
  fc.constant(''),
)
const status = fc.oneof(
  fc.constantFrom(...Object.values(statusCodes)),
  fc.stringMatching(/^[0-9]{3}$/).map(statusCode),
)
const charge = fc.integer({ min: 0, max: 10 ** 9 }).map((n) => n / 1000)
const optional = <A>(a: fc.Arbitrary<A>) => fc.option(a, { nil: undefined })
// fc.record builds objects without a prototype: plain copies compare strictly with parsed replies.
const omitUndefined = <B>(a: object): B =>
  Object.fromEntries(Object.entries(a).filter(([, v]) => v !== undefined)) as B
const plain = <A extends object>(a: fc.Arbitrary<A>): fc.Arbitrary<A> => a.map((x) => omitUndefined<A>(x))

const outcome = (command: 'sendmsg' | 'quicksend'): fc.Arbitrary<SendOutcome> =>
  fc.oneof(
    fc
      .record({ apiMsgId: id, to: optional(msisdn) })
      .map((o) => omitUndefined<SendOutcome>({ _tag: 'Accepted', ...o })),
    fc
      .record({ code, description, to: optional(msisdn) })
      .map((e) => ({ _tag: 'Rejected' as const, error: gatewayError(command, e.code, e.description, e.to) })),
  )

const sendReply = (command: 'sendmsg' | 'quicksend') =>
  fc
    .array(outcome(command), { minLength: 1, maxLength: 30 })
    .filter((os) => !(os.length === 1 && os[0]!._tag === 'Rejected'))
    .map((outcomes) => ({ outcomes }))

const replies: { readonly [C in Command]: fc.Arbitrary<Replies[C]> } = {
  auth: id.map((sessionId) => ({ sessionId })),
  ping: fc.constant({ ok: true as const }),
  sendmsg: sendReply('sendmsg'),
  querymsg: plain(fc.record({ apiMsgId: id, status })),
  delmsg: plain(fc.record({ apiMsgId: id, status })),
  getbalance: fc
    .tuple(fc.boolean(), fc.nat({ max: 10 ** 9 }), fc.stringMatching(/^(\.[0-9]{1,6})?$/))
    .map(([negative, whole, fraction]) => {
      const raw = `${negative ? '-' : ''}${whole}${fraction}`
      return { credit: Number(raw), raw }
    }),
  getmsgcharge: fc
    .record({ apiMsgId: optional(id), cliMsgId: optional(clientId), charge, status })
    .map((r) => omitUndefined<Replies['getmsgcharge']>(r)),
  token_pay: word.map((value) => ({ value })),
  routecoverage: fc.oneof(
    plain(
      fc.record({
        routable: fc.constant(true as const),
        charge,
        description: description.filter((d) => d !== ''),
      }),
    ),
    // Not routable: a sentence of prose (quirk 4), never an empty line or markup.
    plain(
      fc.record({
        routable: fc.constant(false as const),
        description: description.filter((d) => /^[A-Za-z]/.test(d)),
      }),
    ),
  ),
  startbatch: id.map((batchId) => ({ batchId })),
  senditem: fc
    .record({ apiMsgId: id, to: optional(msisdn) })
    .map((r) => omitUndefined<Replies['senditem']>(r)),
  quicksend: sendReply('quicksend'),
  endbatch: fc.constant({ ok: true as const }),
}

describe('laws', () => {
  for (const command of commands) {
    const arbitrary = replies[command] as fc.Arbitrary<Replies[Command]>
    test.prop([arbitrary], { numRuns })(`${command}: parse(render(reply)) equals reply`, (reply) => {
      expect(Parse.reply(command, ReplyText.reply(command, reply))).toStrictEqual(right(reply))
    })
  }

  test.prop([fc.constantFrom(...commands), code.filter((c) => c !== ''), description, optional(msisdn)], {
    numRuns,
  })('an ERR line renders and parses back to the same GatewayError', (command, c, d, to) => {
    const e = gatewayError(command, c, d, to)
    const r = Parse.reply(command, ReplyText.error(e))
    expect(r).toStrictEqual({ _tag: 'Left', left: e })
  })

  test.prop([fc.constantFrom(...commands), fc.string({ unit: 'binary', maxLength: 400 })], { numRuns })(
    'parse never throws on any string',
    (command, body) => {
      const r = Parse.reply(command, body)
      expect(r._tag === 'Left' || r._tag === 'Right').toBe(true)
    },
  )

  // Bodies made of the grammar's own pieces reach far more branches than random text.
  const piece = fc.constantFrom(
    'ID:',
    'ERR:',
    'To:',
    'OK:',
    'OK',
    'Status:',
    'Credit:',
    'charge:',
    'apiMsgId:',
    'cliMsgId:',
    'Charge:',
    ' ',
    '  ',
    '\n',
    '\r\n',
    ',',
    '001',
    '1',
    '12.000',
    '0.300 000',
    'abc',
    '0400',
    '-',
    '.',
    '\uFEFF',
    '\t',
  )
  const body = fc.array(piece, { maxLength: 40 }).map((ps) => ps.join(''))

  test.prop([fc.constantFrom(...commands), body], { numRuns: numRuns * 2 })(
    'never invents an id, recipient, code or amount',
    (command, b) => {
      const r = Parse.reply(command, b)
      if (E.isLeft(r)) {
        if (r.left._tag === 'GatewayError') expect(b).toContain(r.left.code.replace(/^0+/, ''))
        return
      }
      const found = JSON.stringify(r.right)
      for (const [, value] of found.matchAll(
        /"(?:apiMsgId|cliMsgId|to|sessionId|batchId|value|raw)":"([^"]*)"/g,
      ))
        expect(b).toContain(JSON.parse(`"${value}"`))
      if (/"(?:charge|credit)":/.test(found)) expect(b).toMatch(/[0-9]/)
      if (command === 'sendmsg' || command === 'quicksend') {
        const outcomes = (r.right as Replies['sendmsg']).outcomes
        expect(outcomes.length).toBeLessThanOrEqual((b.match(/ID:|ERR:/g) ?? []).length)
      }
    },
  )

  it('survives multi-megabyte bodies of every shape', () => {
    const id = 'ID: 996f364775e24b8432f45d77da8eca47 To: 27999000001\n'
    const mb = 2 ** 21
    const bodies = [
      id.repeat(mb / id.length),
      'ID: '.repeat(mb / 4),
      'ERR: '.repeat(mb / 5),
      `ERR: ${'1'.repeat(mb)}, x`,
      `Credit: ${'9'.repeat(mb)}.5`,
      'a'.repeat(mb),
      ':'.repeat(mb),
      '\n'.repeat(mb),
      'To: 1 '.repeat(mb / 6),
      `${'ID: a\n'.repeat(mb / 6)}junk`,
    ]
    for (const b of bodies)
      for (const command of commands) {
        const r = Parse.reply(command, b)
        expect(r._tag === 'Left' || r._tag === 'Right').toBe(true)
      }
    const many = Parse.sendmsg(id.repeat(40_000))
    expect(E.isRight(many) && many.right.outcomes.length).toBe(40_000)
  })
})
