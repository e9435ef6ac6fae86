/**
 * Validation that lists every problem: a codec constructor whose failure is one sentence a person
 * understands, and `fields`, which decodes an object field by field with a table of codecs and never throws
 * (not for `null`, arrays, throwing getters or proxies), reporting each problem with its dotted path (`to.2`).
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import { type InvalidInput, invalidInput, type Problem } from '../errors.js'

/**
 * A few words for a value a person gave, for error messages: `the number 2.5`, `null`, `an array`. Strings are
 * cut at 40 characters.
 *
 * @example
 * import * as Validation from './Validation.js'
 * console.log(Validation.describe(2.5), Validation.describe(null)) // 'the number 2.5' 'null'
 * @category utils
 * @since 0.1.0
 */
export const describe = (u: unknown): string => {
  if (u === null) return 'null'
  if (Array.isArray(u)) return 'an array'
  switch (typeof u) {
    case 'string':
      return `the string ${JSON.stringify(u.length > 40 ? `${u.slice(0, 40)}…` : u)}`
    case 'number':
    case 'boolean':
    case 'bigint':
      return `${typeof u === 'boolean' ? '' : `the ${typeof u} `}${String(u)}`
    case 'undefined':
      return 'nothing'
    case 'symbol':
      return 'a symbol'
    case 'function':
      return 'a function'
    default:
      return u instanceof Date ? 'a Date' : 'an object'
  }
}

/**
 * The sentence for a value that should be a string (`what` says which), or `undefined` when it is one.
 *
 * @example
 * import * as Validation from './Validation.js'
 * console.log(Validation.mustBeString(5, 'a sender id')) // 'must be a string: a sender id; got the number 5'
 * @category utils
 * @since 0.1.0
 */
export const mustBeString = (u: unknown, what: string): string | undefined =>
  typeof u === 'string' ? undefined : `must be a string: ${what}; got ${describe(u)}`

/**
 * The character at a UTF-16 index, quoted, with its index: a whole astral character from its high half.
 *
 * @example
 * import * as Validation from './Validation.js'
 * console.log(Validation.quoteCharAt('a&b', 1)) // '"&" at 1'
 * @category utils
 * @since 0.1.0
 */
export const quoteCharAt = (s: string, i: number): string =>
  `${JSON.stringify(String.fromCodePoint(s.codePointAt(i)!))} at ${i}`

/**
 * A codec whose check is one function: it returns the sentence that says what is wrong, or `undefined`.
 *
 * @example
 * import * as Validation from './Validation.js'
 * const Even = Validation.checked<number>('Even', (u) => (u === 2 || u === 4 ? undefined : 'must be 2 or 4'))
 * console.log(Even.is(2), Even.is(3)) // true false
 * @category constructors
 * @since 0.1.0
 */
export const checked = <A>(name: string, why: (u: unknown) => string | undefined): t.Type<A, A, unknown> =>
  new t.Type<A, A, unknown>(
    name,
    (u): u is A => why(u) === undefined,
    (u, c) => {
      const problem = why(u)
      return problem === undefined ? t.success(u as A) : t.failure(u, c, problem)
    },
    t.identity,
  )

/**
 * The problems in io-ts errors: the path is the context's keys joined with dots (`to.2`), the message the
 * error's sentence.
 *
 * @example
 * import * as Codecs from './NumberCodecs.js'
 * import * as Validation from './Validation.js'
 * import * as E from 'fp-ts/Either'
 * const r = Codecs.Queue.validate(9, [{ key: 'queue', type: Codecs.Queue, actual: 9 }])
 * console.log(E.isLeft(r) && Validation.problemsOf(r.left)[0]!.path) // 'queue'
 * @category utils
 * @since 0.1.0
 */
export const problemsOf = (errors: t.Errors): Problem[] =>
  errors.map((e) => ({
    path: e.context
      .map((c) => c.key)
      .filter((k) => k !== '')
      .join('.'),
    message: e.message ?? 'is not valid',
  }))

type Decoders = { readonly [k: string]: t.Mixed }

/**
 * What `fields` found: the decoded value of every field that was given and valid, the names of the fields
 * given (valid or not), and every problem.
 *
 * @category model
 * @since 0.1.0
 */
export interface Fields<C extends Decoders> {
  readonly value: { -readonly [K in keyof C]?: t.TypeOf<C[K]> }
  readonly given: ReadonlyArray<string>
  readonly problems: ReadonlyArray<Problem>
}

/**
 * Options for `fields`: `hints` for names that are not fields (a wire name, a common mistake), and the
 * `required` fields, each with the words that say what it is.
 *
 * @category model
 * @since 0.1.0
 */
export interface FieldsOptions<C extends Decoders> {
  readonly hints?: Readonly<Record<string, string>>
  readonly required?: { readonly [K in keyof C]?: string }
}

const closest = (key: string, names: ReadonlyArray<string>): string | undefined => {
  const k = key.toLowerCase().replace(/[_-]/g, '')
  return names.find((n) => n.toLowerCase() === k)
}

interface Table {
  readonly codecs: Decoders
  readonly names: ReadonlyArray<string>
  readonly hints: Readonly<Record<string, string>>
  readonly required: Readonly<Record<string, string | undefined>>
  readonly requiredNames: ReadonlyArray<string>
}

const join = (path: string, key: string): string => (path === '' ? key : `${path}.${key}`)

const unknownField = (table: Table, key: string): string => {
  const hint = Object.hasOwn(table.hints, key) ? table.hints[key] : undefined
  if (hint !== undefined) return `is not an option: ${hint}`
  const near = closest(key, table.names)
  return `is not an option${near === undefined ? '' : ` (did you mean ${near}?)`}`
}

const readFields = (table: Table, input: unknown, path: string): Fields<Decoders> => {
  const value: Record<string, unknown> = {}
  const given: string[] = []
  const problems: Problem[] = []
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    problems.push({ path, message: `must be an object; got ${describe(input)}` })
    return { value, given, problems }
  }
  let keys: string[] = []
  try {
    keys = Object.keys(input)
  } catch {
    problems.push({ path, message: 'could not be read: listing its fields threw' })
  }
  // Own enumerable fields only, as object spread sees them: a message is data, not a class instance.
  for (const key of keys) {
    const codec = Object.hasOwn(table.codecs, key) ? table.codecs[key] : undefined
    if (codec === undefined) {
      problems.push({ path: join(path, key), message: unknownField(table, key) })
      continue
    }
    try {
      const u: unknown = (input as Record<string, unknown>)[key]
      if (u === undefined) continue
      given.push(key)
      // A value that already is what the codec decodes to needs no copy and no context (the common case).
      if (codec.is(u)) value[key] = u
      else {
        const r = codec.validate(u, [{ key: join(path, key), type: codec, actual: u }])
        if (E.isRight(r)) value[key] = r.right
        else problems.push(...problemsOf(r.left))
      }
    } catch {
      // A getter, or a getter or proxy trap deeper in the value, threw.
      if (!given.includes(key)) given.push(key)
      problems.push({ path: join(path, key), message: 'could not be read: reading it threw' })
    }
  }
  for (const key of table.requiredNames)
    if (!given.includes(key))
      problems.push({ path: join(path, key), message: `is required: ${table.required[key]}` })
  return { value, given, problems }
}

/**
 * Decodes an object field by field with a table of codecs, and never throws. It reads the object's own
 * enumerable fields, in their order: a field that is `undefined` is absent (a problem when it is `required`); a
 * getter that throws is a problem; a name not in the table is a problem (a typo must not drop an option
 * silently), with the hint from `hints` when there is one, or the option it resembles.
 *
 * @example
 * import * as Codecs from './NumberCodecs.js'
 * import * as Validation from './Validation.js'
 * const r = Validation.fields({ queue: Codecs.Queue })({ queue: 2, Queue: 1 })
 * console.log(r.value, r.problems) // { queue: 2 } [{ path: 'Queue', message: 'is not an option (did you mean queue?)' }]
 * @category decoding
 * @since 0.1.0
 */
export const fields = <C extends Decoders>(
  codecs: C,
  options: FieldsOptions<C> = {},
): ((input: unknown, path?: string) => Fields<C>) => {
  const table: Table = {
    codecs,
    names: Object.keys(codecs),
    hints: options.hints ?? {},
    required: (options.required ?? {}) as Table['required'],
    requiredNames: Object.keys(options.required ?? {}),
  }
  return (input, path = '') => {
    try {
      return readFields(table, input, path) as Fields<C>
    } catch {
      // Array.isArray on a revoked proxy, or a trap we did not expect: still a value, never a throw.
      return { value: {}, given: [], problems: [{ path, message: 'could not be read' }] }
    }
  }
}

type Rights<T extends ReadonlyArray<E.Either<InvalidInput, unknown>>> = {
  readonly [K in keyof T]: T[K] extends E.Either<InvalidInput, infer A> ? A : never
}

/**
 * Every problem of several results at once: all the `Right` values when none failed, else one `InvalidInput`
 * with the problems of every `Left`, in order.
 *
 * @example
 * import { Errors } from 'clickatell-fp'
 * import * as Validation from './Validation.js'
 * import * as E from 'fp-ts/Either'
 * const r = Validation.gather(E.left(Errors.invalidInput([{ path: 'a', message: 'x' }])), E.right(1))
 * console.log(r) // { _tag: 'Left', left: { _tag: 'InvalidInput', problems: [{ path: 'a', message: 'x' }] } }
 * @category combinators
 * @since 0.1.0
 */
export const gather = <T extends ReadonlyArray<E.Either<InvalidInput, unknown>>>(
  ...results: T
): E.Either<InvalidInput, Rights<T>> => {
  const problems: Problem[] = []
  const values: unknown[] = []
  for (const r of results)
    if (E.isLeft(r)) problems.push(...r.left.problems)
    else values.push(r.right)
  return problems.length > 0 ? E.left(invalidInput(problems)) : E.right(values as unknown as Rights<T>)
}

/**
 * A codec for a list whose items all pass `item`: every bad item is its own problem at `<path>.<index>`.
 *
 * @example
 * import * as Codecs from './NumberCodecs.js'
 * import * as Validation from './Validation.js'
 * const Queues = Validation.listOf(Codecs.Queue, { what: 'queues', minLength: 1 })
 * console.log(Queues.decode([1, 2])._tag, Queues.decode([])._tag) // 'Right' 'Left'
 * @category constructors
 * @since 0.1.0
 */
export const listOf = <A>(
  item: t.Type<A, unknown, unknown>,
  options: { readonly what: string; readonly minLength?: number },
): t.Type<ReadonlyArray<A>, ReadonlyArray<A>, unknown> =>
  new t.Type<ReadonlyArray<A>, ReadonlyArray<A>, unknown>(
    `ReadonlyArray<${item.name}>`,
    (u): u is ReadonlyArray<A> =>
      Array.isArray(u) && u.length >= (options.minLength ?? 0) && u.every(item.is),
    (u, c) => {
      if (!Array.isArray(u)) return t.failure(u, c, `must be a list of ${options.what}; got ${describe(u)}`)
      if (u.length < (options.minLength ?? 0))
        return t.failure(u, c, `is an empty list: give at least ${options.minLength} of ${options.what}`)
      const errors: t.ValidationError[] = []
      const out: A[] = []
      for (let i = 0; i < u.length; i++) {
        const v: unknown = u[i]
        const r = item.validate(v, t.appendContext(c, String(i), item, v))
        if (E.isRight(r)) out.push(r.right)
        else errors.push(...r.left)
      }
      return errors.length === 0 ? t.success(out) : t.failures(errors)
    },
    t.identity,
  )

/**
 * `InvalidInput` with the problems when there are any, else the value (computed only then).
 *
 * @example
 * import * as Validation from './Validation.js'
 * console.log(Validation.fromProblems([], () => 42)) // { _tag: 'Right', right: 42 }
 * @category constructors
 * @since 0.1.0
 */
export const fromProblems = <A>(
  problems: ReadonlyArray<Problem>,
  value: () => A,
): E.Either<InvalidInput, A> => (problems.length > 0 ? E.left(invalidInput(problems)) : E.right(value()))
