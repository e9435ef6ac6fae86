/**
 * The io-ts codecs the client's configuration is decoded with (`Config`): a value or a section that may be left
 * out and takes its default, a core decoder that names its own paths, and the checks of numbers, durations,
 * choices and functions. Each problem says what was expected and what was given (never quoting a secret).
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import type { InvalidInput } from '../core/errors.js'
import { checked, describe } from '../core/message/Validation.js'
import type { Transport } from '../transport/Transport.js'

/**
 * A plain object (not `null`, not an array).
 *
 * @example
 * import { isObject } from './Codecs.js'
 * console.log([isObject({}), isObject(null), isObject([])]) // [true, false, false]
 * @category refinements
 * @since 0.1.0
 */
export const isObject = (u: unknown): u is object => typeof u === 'object' && u !== null && !Array.isArray(u)

/**
 * A value that may be left out: `undefined` decodes as `fallback`.
 *
 * @example
 * import { orElse, Bool } from './Codecs.js'
 * console.log(orElse(Bool, false).decode(undefined)) // { _tag: 'Right', right: false }
 * @category combinators
 * @since 0.1.0
 */
export const orElse = <A>(codec: t.Type<A, A, unknown>, fallback: A): t.Type<A, A, unknown> =>
  new t.Type<A, A, unknown>(
    codec.name,
    codec.is,
    (u, c) => (u === undefined ? t.success(fallback) : codec.validate(u, c)),
    t.identity,
  )

/**
 * An object of settings that may be left out: then each of its fields takes its default.
 *
 * @example
 * import * as t from 'io-ts'
 * import { atLeast, orElse, section } from './Codecs.js'
 * const Bulk = section(t.type({ concurrency: orElse(atLeast(1), 4) }))
 * console.log(Bulk.decode(undefined)) // { _tag: 'Right', right: { concurrency: 4 } }
 * console.log(Bulk.decode(3)._tag) // 'Left'
 * @category combinators
 * @since 0.1.0
 */
export const section = <C extends t.Mixed>(codec: C): t.Type<t.TypeOf<C>, t.TypeOf<C>, unknown> =>
  new t.Type<t.TypeOf<C>, t.TypeOf<C>, unknown>(
    codec.name,
    codec.is,
    (u, c) =>
      u === undefined
        ? codec.validate({}, c)
        : isObject(u)
          ? codec.validate(u, c)
          : t.failure(u, c, `must be an object; got ${describe(u)}`),
    t.identity,
  )

/**
 * A decoder of the core that names its own paths (`baseUrl`, `credentials.password`), as a codec: its problems
 * keep those paths.
 *
 * @example
 * import * as E from 'fp-ts/lib/Either.js'
 * import { named } from './Codecs.js'
 * const Even = named('Even', (u) => (u === 2 ? E.right(2) : E.left({ _tag: 'InvalidInput', problems: [{ path: 'n', message: 'must be 2' }] }) as never))
 * console.log(Even.decode(2)) // { _tag: 'Right', right: 2 }
 * @category combinators
 * @since 0.1.0
 */
export const named = <A>(
  name: string,
  decode: (u: unknown) => E.Either<InvalidInput, A>,
): t.Type<A, A, unknown> =>
  new t.Type<A, A, unknown>(
    name,
    (u): u is A => E.isRight(decode(u)),
    (u, c) => {
      const r = decode(u)
      if (E.isRight(r)) return t.success(r.right)
      const type = c[c.length - 1]?.type ?? t.unknown
      return t.failures(
        r.left.problems.map((p) => ({
          value: u,
          context: [{ key: p.path, type, actual: u }],
          message: p.message,
        })),
      )
    },
    t.identity,
  )

/**
 * A finite number of at least `min`.
 *
 * @example
 * import { atLeast } from './Codecs.js'
 * console.log([atLeast(1).is(1), atLeast(1).is(0), atLeast(0).is(Number.NaN)]) // [true, false, false]
 * @category codecs
 * @since 0.1.0
 */
export const atLeast = (min: number): t.Type<number, number, unknown> =>
  checked<number>(`AtLeast${min}`, (u) =>
    typeof u === 'number' && Number.isFinite(u) && u >= min
      ? undefined
      : `must be a number of at least ${min}; got ${describe(u)}`,
  )

// A time in ms: at least 1, or `Infinity` for no limit.
const isDuration = (u: unknown): u is number =>
  u === Number.POSITIVE_INFINITY || (typeof u === 'number' && Number.isFinite(u) && u >= 1)
const durationProblem = (u: unknown): string =>
  `must be a number of ms of at least 1, or Infinity; got ${describe(u)}`

/**
 * A time in ms: at least 1, or `Infinity` for no limit.
 *
 * @example
 * import { Duration } from './Codecs.js'
 * console.log([Duration.is(30_000), Duration.is(Number.POSITIVE_INFINITY), Duration.is(0)]) // [true, true, false]
 * @category codecs
 * @since 0.1.0
 */
export const Duration = checked<number>('Duration', (u) => (isDuration(u) ? undefined : durationProblem(u)))

/**
 * `Duration`, or left out (`undefined`).
 *
 * @example
 * import { OptionalDuration } from './Codecs.js'
 * console.log([OptionalDuration.is(undefined), OptionalDuration.is(-1)]) // [true, false]
 * @category codecs
 * @since 0.1.0
 */
export const OptionalDuration = checked<number | undefined>('Duration', (u) =>
  u === undefined || isDuration(u) ? undefined : durationProblem(u),
)

/**
 * One of the strings given.
 *
 * @example
 * import { oneOf } from './Codecs.js'
 * const Method = oneOf(['GET', 'POST'] as const)
 * console.log([Method.is('GET'), Method.is('PUT')]) // [true, false]
 * @category codecs
 * @since 0.1.0
 */
export const oneOf = <A extends string>(values: ReadonlyArray<A>): t.Type<A, A, unknown> =>
  checked<A>(values.join(' | '), (u) =>
    values.includes(u as A)
      ? undefined
      : `must be ${values.map((v) => `'${v}'`).join(' or ')}; got ${describe(u)}`,
  )

/**
 * A function, taken as the type `F` (its parameters cannot be checked).
 *
 * @example
 * import { fn } from './Codecs.js'
 * console.log([fn<() => number>().is(Date.now), fn().is('now')]) // [true, false]
 * @category codecs
 * @since 0.1.0
 */
export const fn = <F>(): t.Type<F, F, unknown> =>
  checked<F>('Function', (u) =>
    typeof u === 'function' ? undefined : `must be a function; got ${describe(u)}`,
  )

/**
 * `true` or `false`.
 *
 * @example
 * import { Bool } from './Codecs.js'
 * console.log([Bool.is(false), Bool.is('yes')]) // [true, false]
 * @category codecs
 * @since 0.1.0
 */
export const Bool = checked<boolean>('boolean', (u) =>
  typeof u === 'boolean' ? undefined : `must be true or false; got ${describe(u)}`,
)

/**
 * A `Transport`: an object with a `send` function.
 *
 * @example
 * import { TransportCodec } from './Codecs.js'
 * console.log([TransportCodec.is({ send: () => {} }), TransportCodec.is({})]) // [true, false]
 * @category codecs
 * @since 0.1.0
 */
export const TransportCodec = checked<Transport>('Transport', (u) =>
  isObject(u) && typeof (u as { send?: unknown }).send === 'function'
    ? undefined
    : 'must be a Transport ({ send })',
)
