// The configuration is decoded once: defaults filled in, every problem listed with its path, no secret quoted,
// and the caller's id source decoded where its ids enter.
import { fc, test } from '@fast-check/vitest'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { type ClientConfig, decode, type Settings } from '../../src/client/Config.js'
import { manualEnv, systemEnv } from '../../src/client/Env.js'
import type { InvalidInput } from '../../src/core/errors.js'
import { MAX_BODY_CHARS } from '../../src/core/reply/Parse.js'

const transport = { send: () => async () => E.right({ status: 200, headers: {}, body: '' }) }
const credentials = { apiId: '3442105', user: 'me', password: 'secret' }

const settings = (config: Partial<ClientConfig> = {}): Settings => {
  const r = decode({ transport, credentials, ...config })
  if (E.isLeft(r)) throw new Error(JSON.stringify(r.left))
  return r.right
}

const problems = (config: unknown): InvalidInput['problems'] => {
  const r = decode(config)
  if (E.isRight(r)) throw new Error('expected a Left')
  return r.left.problems
}

describe('Config.decode', () => {
  it('fills in every default', () => {
    const s = settings()
    expect(s).toMatchObject({
      baseUrl: 'https://api.clickatell.com',
      method: 'POST',
      authentication: 'session',
      keepAlive: false,
      retry: { retries: 3, baseDelayMs: 200, maxDelayMs: 5000 },
      timeoutMs: 30_000,
      deadlineMs: undefined,
      confirm: { sends: 3, checks: 5, checkDelayMs: 1000, maxCheckDelayMs: 16_000, resend: true },
      bulk: { concurrency: 4, ratePerSecond: 100 },
      maxBodyChars: MAX_BODY_CHARS,
    })
    expect(s.account).toEqual({ _tag: 'Account', ...credentials })
    expect(s.env.sleep).toBe(systemEnv.sleep)
    expect(s.env.random).toBe(systemEnv.random)
    expect(() => s.onEvent({ _tag: 'Pinged' })).not.toThrow()
  })

  it('keeps what is given, a base URL without its trailing slash, a section filled in around its given fields', () => {
    const s = settings({
      baseUrl: 'http://127.0.0.1:8080/',
      method: 'GET',
      authentication: 'per-request',
      keepAlive: true,
      retry: { retries: 0 },
      bulk: { ratePerSecond: 0 },
    })
    expect(s).toMatchObject({
      baseUrl: 'http://127.0.0.1:8080',
      method: 'GET',
      authentication: 'per-request',
      keepAlive: true,
      retry: { retries: 0, baseDelayMs: 200, maxDelayMs: 5000 },
      bulk: { concurrency: 4, ratePerSecond: 0 },
    })
  })

  it('keeps a time-out and a deadline; Infinity is none', () => {
    expect(settings({ timeoutMs: 500, deadlineMs: 2000 })).toMatchObject({ timeoutMs: 500, deadlineMs: 2000 })
    const none = settings({ timeoutMs: Number.POSITIVE_INFINITY, deadlineMs: Number.POSITIVE_INFINITY })
    expect([none.timeoutMs, none.deadlineMs]).toEqual([Number.POSITIVE_INFINITY, undefined])
    expect(settings({ confirm: { resend: false } }).confirm).toMatchObject({ resend: false, checks: 5 })
  })

  it.each<[string, Record<string, unknown>, string]>([
    ['no transport', { transport: undefined }, 'transport'],
    ['a transport without send', { transport: {} }, 'transport'],
    ['no credentials', { credentials: undefined }, 'credentials'],
    ['an empty password', { credentials: { ...credentials, password: '' } }, 'credentials.password'],
    ['a user the gateway cannot read', { credentials: { ...credentials, user: 'm€' } }, 'credentials.user'],
    ['a base URL that is not http', { baseUrl: 'ftp://x' }, 'baseUrl'],
    ['an unknown method', { method: 'PUT' }, 'method'],
    ['an unknown authentication', { authentication: 'token' }, 'authentication'],
    ['keepAlive not a boolean', { keepAlive: 'yes' }, 'keepAlive'],
    ['negative retries', { retry: { retries: -1 } }, 'retry.retries'],
    ['a retry section that is not an object', { retry: 3 }, 'retry'],
    ['no sends at all', { confirm: { sends: 0 } }, 'confirm.sends'],
    ['no checks', { confirm: { checks: 0 } }, 'confirm.checks'],
    ['a negative longest check delay', { confirm: { maxCheckDelayMs: -1 } }, 'confirm.maxCheckDelayMs'],
    ['resend not a boolean', { confirm: { resend: 'no' } }, 'confirm.resend'],
    ['a time-out of 0', { timeoutMs: 0 }, 'timeoutMs'],
    ['a time-out that is not a number', { timeoutMs: '30s' }, 'timeoutMs'],
    ['a deadline of NaN', { deadlineMs: Number.NaN }, 'deadlineMs'],
    ['a negative deadline', { deadlineMs: -5 }, 'deadlineMs'],
    ['a concurrency of 0', { bulk: { concurrency: 0 } }, 'bulk.concurrency'],
    ['an infinite rate', { bulk: { ratePerSecond: Number.POSITIVE_INFINITY } }, 'bulk.ratePerSecond'],
    ['a body cap that is not a number', { maxBodyChars: '1' }, 'maxBodyChars'],
    ['a clock that is not a function', { env: { now: 5 } }, 'env.now'],
    ['onEvent not a function', { onEvent: 'log' }, 'onEvent'],
  ])('%s is the problem at its path', (_reason, change, path) => {
    expect(problems({ transport, credentials, ...change }).map((p) => p.path)).toEqual([path])
  })

  it('lists every problem at once', () => {
    const paths = problems({
      transport: {},
      credentials: { apiId: '', user: 'me', password: 'secret' },
      baseUrl: 'ftp://x',
      retry: { retries: -1 },
      bulk: { concurrency: 0.5 },
    }).map((p) => p.path)
    expect(paths).toEqual(['transport', 'credentials.apiId', 'baseUrl', 'retry.retries', 'bulk.concurrency'])
  })

  it.each([null, undefined, 'config', 42, []])(
    'is total on nonsense: %j is one problem at the root',
    (config) => {
      expect(problems(config)).toEqual([
        { path: '', message: expect.stringContaining('must be a client configuration') },
      ])
    },
  )

  test.prop([
    fc.tuple(fc.string(), fc.constantFrom('€', '中', '😀', 'Ω'), fc.string()).map(([a, c, b]) => a + c + b),
  ])('never quotes a password it refuses', (password) => {
    const ps = problems({ transport, credentials: { ...credentials, password } })
    expect(ps.map((p) => p.path)).toEqual(['credentials.password'])
    expect(JSON.stringify(ps)).not.toContain(password)
  })
})

describe('the environment', () => {
  it('keep-alive waits with `background`, else with the given sleep', async () => {
    const env = manualEnv(0)
    expect(settings({ env }).background).toBe(env.sleep)
    const background = async () => {}
    expect(settings({ env: { ...env, background } }).background).toBe(background)
  })

  it("the caller's id source is decoded at each id: a bad one refuses the send it was for", () => {
    const ids = ['c1', 'not an id', 'x'.repeat(33)]
    const s = settings({ env: { newClientMessageId: () => ids.shift()! } })
    expect(s.newClientMessageId()).toEqual(E.right('c1'))
    expect(s.newClientMessageId()).toMatchObject({
      _tag: 'Left',
      left: { problems: [{ path: 'clientMessageId' }] },
    })
    expect(s.newClientMessageId()).toMatchObject({ _tag: 'Left' })
  })

  it('without an id source, each client draws fresh ids of its own', () => {
    const a = settings().newClientMessageId
    const b = settings().newClientMessageId
    const ids = Array.from({ length: 200 }, (_, i) => (i % 2 === 0 ? a() : b()))
    expect(ids.every(E.isRight)).toBe(true)
    expect(new Set(ids.map((r) => (E.isRight(r) ? r.right : ''))).size).toBe(200)
  })
})

describe('defaultCountryCode', () => {
  it('is none by default, and decoded when given', () => {
    expect(settings().defaultCountryCode).toBeUndefined()
    expect(settings({ defaultCountryCode: '44' }).defaultCountryCode).toBe('44')
  })
  it.each(['+44', '0044', '4444', '', 'uk'])('refuses %j at its path', (cc) => {
    expect(problems({ transport, credentials, defaultCountryCode: cc }).map((p) => p.path)).toEqual([
      'defaultCountryCode',
    ])
  })
})
