import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import * as Errors from '../../../src/core/errors.js'
import * as Scrub from '../../../src/core/request/Scrub.js'
import { forms } from '../../hostile/echo.js'

const numRuns = process.env['CI'] ? 100 : 300

const errorsWith = (t: string): ReadonlyArray<Errors.ClickatellError> => [
  Errors.invalidInput([{ path: 'to', message: t }]),
  Errors.transportError('network', t, new Error(t)),
  Errors.httpStatusError(502, t),
  Errors.malformedResponse('auth', t, t),
  Errors.gatewayError('sendmsg', '001', t, t),
]

const secret = fc
  .string({ unit: 'binary', minLength: 1, maxLength: 24 })
  .filter((s) => !/[\uD800-\uDFFF]/.test(s.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, '')))
const noise = fc.string({ maxLength: 30 })

const strings = (u: unknown): ReadonlyArray<string> =>
  typeof u === 'string'
    ? [u]
    : u instanceof Error
      ? [u.message, ...strings(u.cause)]
      : typeof u === 'object' && u !== null
        ? Object.entries(u).flatMap(([k, v]) => (k === '_tag' ? [] : strings(v)))
        : []

describe('Scrub.secrets', () => {
  test.prop([secret, noise, noise, fc.nat(6)], { numRuns })(
    'no form of a secret survives in any string of any error, nor in its message',
    (s, before, after, k) => {
      const all = forms(s)
      const scrub = Scrub.secrets([s])
      const plain = errorsWith('')
      errorsWith(`${before}${all[k % all.length]}${after}`).forEach((e, i) => {
        const out = scrub(e)
        for (const text of strings(out))
          for (const f of all)
            expect(text.includes(f), `${JSON.stringify(f)} in ${JSON.stringify(text)}`).toBe(false)
        // The message's own words may hold a short secret ('d' in 'invalid'): only what came from outside counts.
        const words = Errors.toMessage(plain[i]!)
        for (const f of all.filter((f) => !words.includes(f)))
          expect(Errors.toMessage(out).includes(f)).toBe(false)
      })
    },
  )

  test.prop([fc.array(secret, { minLength: 1, maxLength: 3 }), noise], { numRuns })(
    'several secrets, each somewhere',
    (ss, t) => {
      const out = Scrub.secrets(ss)(Errors.httpStatusError(500, ss.map((s) => `${t}${s}`).join(' ')))
      for (const s of ss) expect(out.body.includes(s)).toBe(false)
    },
  )

  test.prop([fc.anything()], { numRuns })('keeps what holds no secret as it was, the same value', (u) => {
    expect(Scrub.secrets(['\u0000never-in-anything\u0000'])(u)).toBe(u)
  })

  it.each([
    ['S3cr3t p@ss', 'password=S3cr3t+p%40ss&x', 'password=[redacted]&x', 'form encoding'],
    ['S3cr3t p@ss', '<p>S3cr3t p&#64;ss</p>', '<p>[redacted]</p>', 'an HTML character reference'],
    [
      'é/"<',
      '%C3%A9%2F%22%3c|%E9/"<|\\u00E9\\/\\"&lt;|%25E9%252F%2522%253C',
      '[redacted]|[redacted]|[redacted]|[redacted]',
      'UTF-8, Latin-1, JSON, twice encoded',
    ],
    ['abc', 'xabcx', 'x[redacted]x', 'as written'],
    ['red', 'red', '', 'a secret the marker holds: deleted instead'],
    ['', 'anything', 'anything', 'the empty string is no secret'],
  ])('%s in %s -> %s (%s)', (s, input, expected) => {
    expect(Scrub.secrets([s])(input)).toBe(expected)
  })

  it('a text cut at the excerpt limit loses the start of a secret at its end', () => {
    const cut = `${'a'.repeat(Scrub.EXCERPT_CHARS - 3)}S3c`
    expect(Scrub.secrets(['S3cr3t'])(cut)).toBe(`${'a'.repeat(Scrub.EXCERPT_CHARS - 3)}[redacted]`)
    expect(Scrub.secrets(['S3cr3t'])('short S3c')).toBe('short S3c')
  })

  it('scrubs the message and the stack of an error cause, keeping its class', () => {
    const e = Errors.transportError('network', 'x', new TypeError('fetch http://h/?password=pw1 failed'))
    const out = Scrub.secrets(['pw1'])(e)
    expect(out.cause).toBeInstanceOf(TypeError)
    expect((out.cause as Error).message).toBe('fetch http://h/?password=[redacted] failed')
    expect((out.cause as Error).stack).not.toContain('pw1')
  })

  it('survives cycles and getters that throw', () => {
    const cyclic: Record<string, unknown> = { s: 'pw1' }
    cyclic.self = cyclic
    expect(Scrub.secrets(['pw1'])(cyclic)).toMatchObject({ s: '[redacted]' })
    const hostile = Object.defineProperty({}, 'x', {
      enumerable: true,
      get: () => {
        throw new Error('no')
      },
    })
    expect(Scrub.secrets(['pw1'])(hostile)).toBe('[redacted]')
  })
})
