// The codecs the client's configuration is decoded with: a value or section left out takes its default, anything
// else is checked, and a problem names its path and what was given.
import { fc, test } from '@fast-check/vitest'
import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import { describe, expect, it } from 'vitest'
import {
  atLeast,
  Bool,
  Duration,
  named,
  OptionalDuration,
  oneOf,
  orElse,
  section,
} from '../../src/client/Codecs.js'
import { problemsOf } from '../../src/core/message/Validation.js'

const problems = <A>(r: E.Either<t.Errors, A>) => (E.isLeft(r) ? problemsOf(r.left) : [])

describe('orElse and section', () => {
  test.prop([fc.integer({ min: 1 })])('a value given is checked, left out takes the default', (n) => {
    expect(orElse(atLeast(1), 4).decode(n)).toEqual(E.right(n))
    expect(orElse(atLeast(1), 4).decode(undefined)).toEqual(E.right(4))
  })

  it('a section left out takes every default; one that is not an object is refused with its path', () => {
    const Retry = t.type({
      retry: section(t.type({ retries: orElse(atLeast(0), 3), on: orElse(Bool, false) })),
    })
    expect(Retry.decode({})).toEqual(E.right({ retry: { retries: 3, on: false } }))
    expect(problems(Retry.decode({ retry: 7 }))).toEqual([
      { path: 'retry', message: 'must be an object; got the number 7' },
    ])
    expect(problems(Retry.decode({ retry: { retries: -1 } })).map((p) => p.path)).toEqual(['retry.retries'])
  })
})

describe('the checks', () => {
  it.each([
    ['atLeast(1) of 0', atLeast(1), 0, false],
    ['atLeast(0) of NaN', atLeast(0), Number.NaN, false],
    ['Duration of Infinity', Duration, Number.POSITIVE_INFINITY, true],
    ['Duration of 0.5', Duration, 0.5, false],
    ['OptionalDuration left out', OptionalDuration, undefined, true],
    ['oneOf a value outside', oneOf(['GET', 'POST'] as const), 'PUT', false],
    ['Bool of a string', Bool, 'true', false],
  ] as const)('%s', (_, codec: t.Mixed, value, ok) => {
    expect(E.isRight(codec.decode(value))).toBe(ok)
  })
})

describe('named', () => {
  it("keeps the core decoder's own paths", () => {
    const Pair = named('Pair', (u) =>
      u === 'ok'
        ? E.right(u)
        : E.left({
            _tag: 'InvalidInput' as const,
            problems: [{ path: 'credentials.password', message: 'is empty' }],
          }),
    )
    expect(problems(t.type({ credentials: Pair }).decode({ credentials: 'x' }))).toEqual([
      { path: 'credentials.password', message: 'is empty' },
    ])
  })
})
