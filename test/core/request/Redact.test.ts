import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import * as Redact from '../../../src/core/request/Redact.js'

const numRuns = process.env['CI'] ? 200 : 1000

const FORM = { 'content-type': 'application/x-www-form-urlencoded' }

describe('Redact.url', () => {
  it.each([
    [
      'https://api.clickatell.com/http/auth?user=u&password=p&api_id=1',
      'https://api.clickatell.com/http/auth?user=u&password=%5Bredacted%5D&api_id=1',
      'password goes, user and api_id stay',
    ],
    [
      'https://h/http/ping?session_id=0123456789abcdef0123456789abcdef',
      'https://h/http/ping?session_id=%5Bredacted%5D',
      'a session id',
    ],
    [
      'https://h/http/token_pay?session_id=s&token=t',
      'https://h/http/token_pay?session_id=%5Bredacted%5D&token=%5Bredacted%5D',
      'a voucher token',
    ],
    [
      'https://h/x?pass%77ord=p',
      'https://h/x?pass%77ord=%5Bredacted%5D',
      'a percent-encoded name is still the name',
    ],
    ['https://h/x?PASSWORD=p', 'https://h/x?PASSWORD=%5Bredacted%5D', 'case is ignored'],
    [
      'https://h/x?session.id=s',
      'https://h/x?session.id=%5Bredacted%5D',
      'PHP reads `session.id` as `session_id`',
    ],
    [
      'https://h/x?session+id=s',
      'https://h/x?session+id=%5Bredacted%5D',
      'PHP reads `session id` as `session_id`',
    ],
    [
      'https://h/x?password[]=p',
      'https://h/x?password[]=%5Bredacted%5D',
      'PHP reads `password[]` as an array of passwords',
    ],
    [
      'https://h/x?password=',
      'https://h/x?password=',
      'an empty password is not a secret, and is often the bug',
    ],
    ['https://h/x?password', 'https://h/x?password', 'a name without a value'],
    [
      'https://h/x?password=a#b&c',
      'https://h/x?password=%5Bredacted%5D&c',
      'a raw # does not end the secret',
    ],
    ['https://u:pw@h/x?a=1', 'https://u:%5Bredacted%5D@h/x?a=1', 'the password of the user information'],
    ['https://u@h/x', 'https://u@h/x', 'user information without a password'],
    ['https://u:p@ss@h/x', 'https://u:%5Bredacted%5D@h/x', 'the user information ends at the last @'],
    ['not a url ?password=p', 'not a url ?password=%5Bredacted%5D', 'not a URL: still scrubbed'],
    [
      'https://h/x?text=%E4%F6%FC%80&to=27999000001',
      'https://h/x?text=%E4%F6%FC%80&to=27999000001',
      'nothing secret: unchanged',
    ],
    [
      'https://h/x?user_password=p',
      'https://h/x?user_password=%5Bredacted%5D',
      'a name ending in a secret name',
    ],
  ])('%s -> %s (%s)', (input, expected) => {
    expect(Redact.url(input)).toBe(expected)
  })
})

describe('Redact.text', () => {
  it.each([
    [
      'GET /http/ping?session_id=abc123&x=1 failed',
      'GET /http/ping?session_id=[redacted]&x=1 failed',
      'a URL in a message',
    ],
    ['password=hunter2 token=t', 'password=[redacted] token=[redacted]', 'separated by spaces'],
    [
      '{"user":"u","password":"p\\"q"}',
      '{"user":"u","password":"[redacted]"}',
      'JSON, with an escaped quote',
    ],
    ['Authorization: Basic dTpw', 'Authorization: Basic [redacted]', 'basic credentials'],
    [
      'authorization: bearer abc.def',
      'authorization: bearer [redacted]',
      'a lower-case bearer, as charlmert sends it',
    ],
    ['a basic error in text', 'a basic error in text', 'prose is not a credential'],
    ['password=', 'password=', 'nothing to hide'],
    ['ERR: 001, Authentication failed', 'ERR: 001, Authentication failed', 'a gateway error'],
  ])('%s -> %s (%s)', (input, expected) => {
    expect(Redact.text(input)).toBe(expected)
  })
})

describe('Redact.request', () => {
  it('redacts URL, body and authorization, keeps the rest, drops the signal', () => {
    const signal = new AbortController().signal
    expect(
      Redact.request({
        method: 'POST',
        url: 'https://api.clickatell.com/http/sendmsg?api_id=1',
        headers: { ...FORM, authorization: 'Basic dTpw', cookie: 'session_id=s', 'x-request-id': 'r1' },
        body: 'user=u&password=p&to=27999000001&text=%E4',
        signal,
      }),
    ).toEqual({
      method: 'POST',
      url: 'https://api.clickatell.com/http/sendmsg?api_id=1',
      headers: { ...FORM, authorization: 'Basic [redacted]', cookie: '[redacted]', 'x-request-id': 'r1' },
      body: 'user=u&password=%5Bredacted%5D&to=27999000001&text=%E4',
    })
  })

  it.each([
    ['Basic dTpw', 'Basic [redacted]', 'the scheme stays'],
    ['abc', '[redacted]', 'a bare credential'],
    ['', '[redacted]', 'empty'],
  ])('authorization %j -> %j (%s)', (value, expected) => {
    expect(
      Redact.request({ method: 'GET', url: 'https://h/', headers: { Authorization: value } }).headers,
    ).toEqual({
      Authorization: expected,
    })
  })

  it('scrubs a body that is not a form as text', () => {
    const r = Redact.request({
      method: 'POST',
      url: 'https://h/rest/message',
      headers: { 'content-type': 'application/json' },
      body: '{"token":"t","text":"hi"}',
    })
    expect(r.body).toBe('{"token":"[redacted]","text":"hi"}')
  })
})

// Secrets: unreserved characters and percent escapes, as a client would write them.
const secret = fc
  .array(
    fc.oneof(
      fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~'.split('')),
      fc.integer({ min: 0, max: 255 }).map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`),
    ),
    { minLength: 6, maxLength: 40 },
  )
  .map((parts) => parts.join(''))

// The spellings under which the gateway would read a secret parameter.
const secretName = fc.constantFrom(
  'password',
  'session_id',
  'token',
  'Password',
  'SESSION_ID',
  'pass%77ord',
  'session%5Fid',
  'session.id',
  'session+id',
  'token[]',
)

// Names of everything else a request carries; none contains a secret name.
const plainName = fc.oneof(
  fc.constantFrom('user', 'api_id', 'to', 'text', 'from', 'concat', 'unicode', 'climsgid', 'callback', 'mo'),
  fc.string({ unit: fc.constantFrom(...'abcdefgh_'.split('')), minLength: 1, maxLength: 10 }),
)
const plainValue = fc.string({ unit: fc.constantFrom(...'abcdefghxyz0129%+-._~,'.split('')), maxLength: 20 })

const pairs = fc.array(
  fc.oneof(
    fc.record({ name: plainName, value: plainValue, secret: fc.constant(false) }),
    fc.record({ name: secretName, value: secret, secret: fc.constant(true) }),
  ),
  { maxLength: 8 },
)

type Pair = { readonly name: string; readonly value: string; readonly secret: boolean }
const write = (ps: ReadonlyArray<Pair>, hide: boolean): string =>
  ps.map((p) => `${p.name}=${hide && p.secret ? Redact.FORM_MARKER : p.value}`).join('&')

describe('laws', () => {
  test.prop([pairs], { numRuns })('a URL loses exactly its secret values, every other byte stays', (ps) => {
    const out = Redact.url(`https://api.clickatell.com/http/sendmsg?${write(ps, false)}`)
    expect(out).toBe(`https://api.clickatell.com/http/sendmsg?${write(ps, true)}`)
    for (const p of ps.filter((q) => q.secret)) expect(out).not.toContain(p.value)
  })

  test.prop([pairs], { numRuns })('a form body loses exactly its secret values', (ps) => {
    const out = Redact.request({
      method: 'POST',
      url: 'https://h/http/sendmsg',
      headers: FORM,
      body: write(ps, false),
    })
    expect(out.body).toBe(write(ps, true))
    for (const p of ps.filter((q) => q.secret)) expect(out.body).not.toContain(p.value)
  })

  test.prop([fc.constantFrom('Basic', 'Bearer', 'bearer'), secret], { numRuns })(
    'no credential survives in an authorization header',
    (scheme, value) => {
      const out = Redact.request({
        method: 'GET',
        url: 'https://h/',
        headers: { authorization: `${scheme} ${value}` },
      })
      expect(out.headers['authorization']).toBe(`${scheme} [redacted]`)
    },
  )

  test.prop([fc.string(), secretName, secret, fc.string()], { numRuns })(
    'no secret survives in text, wherever it stands',
    (before, name, value, after) => {
      fc.pre(!before.includes(value) && !after.includes(value))
      const out = Redact.text(`${before} ${name}=${value} ${after}`)
      expect(out).not.toContain(value)
    },
  )

  test.prop([fc.string()], { numRuns })('text is idempotent', (s) => {
    expect(Redact.text(Redact.text(s))).toBe(Redact.text(s))
  })

  const anyRequest = fc.record(
    {
      method: fc.constantFrom('GET' as const, 'POST' as const),
      url: fc.string(),
      headers: fc.dictionary(fc.string(), fc.string()),
      body: fc.string(),
    },
    { requiredKeys: ['method', 'url', 'headers'] },
  )

  test.prop([anyRequest], { numRuns })('is total on any strings, and idempotent', (request) => {
    const once = Redact.request(request)
    expect(Redact.request(once)).toEqual(once)
    expect('signal' in once).toBe(false)
  })
})
