/**
 * A request as the gateway sees it, before any HTTP: the command, its path and its parameters in order, with
 * wire names and string values. `Render` turns it into an `HttpRequest`; the simulator can read it back.
 *
 * Commands are encoded without credentials (an `UnboundRequest`, validated once) and bound to decoded
 * credentials when sent (`bind`); the encoders with credentials (`Encode`, `Batch`) are that composition
 * (`withCredentials`).
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import type * as t from 'io-ts'
import { type InvalidInput, invalidInput, type LocalError } from '../errors.js'
import { describe, fields, fromProblems } from '../message/Validation.js'
import { type Command, paths } from './Command.js'
import { authParams, type Credentials, decodeCredentials, type ValidCredentials } from './Credentials.js'

/**
 * One parameter: wire name and value.
 *
 * @category model
 * @since 0.1.0
 */
export type Param = readonly [name: string, value: string]

/**
 * A command with its parameters in order. Values are plain strings (UCS-2 text already as hex); the renderer
 * percent-encodes them.
 *
 * @category model
 * @since 0.1.0
 */
export interface WireRequest {
  readonly command: Command
  readonly path: string
  readonly params: ReadonlyArray<Param>
}

/**
 * A request for a command: its path from `Command.paths`, the parameters as given.
 *
 * @example
 * import * as Wire from './Wire.js'
 * console.log(Wire.request('ping', [['session_id', 'abc']]).path) // '/http/ping'
 * @category constructors
 * @since 0.1.0
 */
export const request = (command: Command, params: ReadonlyArray<Param>): WireRequest => ({
  command,
  path: paths[command],
  params,
})

/**
 * A request encoded without credentials: the command and its own parameters. It is encoded (and its input
 * validated) once, and bound to whatever credentials are current each time it is sent (`bind`).
 *
 * @category model
 * @since 0.1.0
 */
export interface UnboundRequest {
  readonly _tag: 'UnboundRequest'
  readonly command: Command
  /** The command's own parameters, in order: everything but the credentials. */
  readonly params: ReadonlyArray<Param>
}

/**
 * @example
 * import * as Wire from './Wire.js'
 * console.log(Wire.unbound('endbatch', [['batch_id', 'b1']]).params) // [['batch_id', 'b1']]
 * @category constructors
 * @since 0.1.0
 */
export const unbound = (command: Command, params: ReadonlyArray<Param>): UnboundRequest => ({
  _tag: 'UnboundRequest',
  command,
  params,
})

/**
 * A request bound to credentials: their parameters first, then the command's own. Total: both were checked
 * when they were decoded.
 *
 * @example
 * import * as Credentials from './Credentials.js'
 * import * as Wire from './Wire.js'
 * import * as E from 'fp-ts/Either'
 * const c = Credentials.decodeSession('abc')
 * console.log(E.isRight(c) && Wire.bind(c.right)(Wire.unbound('endbatch', [['batch_id', 'b1']])))
 * // { command: 'endbatch', path: '/http_batch/endbatch', params: [['session_id', 'abc'], ['batch_id', 'b1']] }
 * @category constructors
 * @since 0.1.0
 */
export const bind = (credentials: ValidCredentials): ((u: UnboundRequest) => WireRequest) => {
  const auth = authParams(credentials)
  return (u) => {
    // A loop: concat and spread cost as much again as the rest of binding.
    const params: Param[] = auth.slice()
    for (const p of u.params) params.push(p)
    return request(u.command, params)
  }
}

// A request (or list) encoded without credentials, bound by `apply` with the binder of the credentials. The
// input's InvalidInput problems are listed after the credentials'; another refusal (MessageTooLong) is the
// answer only once the credentials are good.
const bindEncoded = <L extends LocalError, A, B>(
  binder: E.Either<InvalidInput, (u: UnboundRequest) => WireRequest>,
  encoded: E.Either<L, A>,
  apply: (bound: (u: UnboundRequest) => WireRequest, a: A) => B,
): E.Either<InvalidInput | L, B> => {
  if (E.isRight(binder)) return E.isRight(encoded) ? E.right(apply(binder.right, encoded.right)) : encoded
  return E.isLeft(encoded) && encoded.left._tag === 'InvalidInput'
    ? E.left(invalidInput([...binder.left.problems, ...encoded.left.problems]))
    : binder
}

type Binder = (u: UnboundRequest) => WireRequest
const bindOne = (bound: Binder, u: UnboundRequest): WireRequest => bound(u)
const bindEach = (bound: Binder, us: ReadonlyArray<UnboundRequest>): ReadonlyArray<WireRequest> =>
  us.map((u) => bound(u))

/**
 * A command with credentials from its encoder without: the credentials are decoded once (with `decode`,
 * `decodeCredentials` by default), the input encoded at each call, and the request bound. Every problem of the
 * credentials and the input is listed, the credentials' first.
 *
 * @example
 * import * as Credentials from './Credentials.js'
 * import * as Wire from './Wire.js'
 * import * as E from 'fp-ts/Either'
 * const getbalance = Wire.withCredentials(() => E.right(Wire.unbound('getbalance', [])))
 * console.log(getbalance(Credentials.session('abc'))())
 * // { _tag: 'Right', right: { command: 'getbalance', path: '/http/getbalance', params: [['session_id', 'abc']] } }
 * @category combinators
 * @since 0.1.0
 */
export const withCredentials =
  <I extends ReadonlyArray<unknown>, L extends LocalError>(
    encode: (...input: I) => E.Either<L, UnboundRequest>,
    decode: (u: unknown) => E.Either<InvalidInput, ValidCredentials> = decodeCredentials,
  ) =>
  (credentials: Credentials): ((...input: I) => E.Either<InvalidInput | L, WireRequest>) => {
    const binder = E.map(bind)(decode(credentials))
    return (...input) => bindEncoded(binder, encode(...input), bindOne)
  }

/**
 * `withCredentials` for a command whose input becomes several requests (sendmsg, quicksend): each is bound.
 *
 * @example
 * import * as Credentials from './Credentials.js'
 * import * as Wire from './Wire.js'
 * import * as E from 'fp-ts/Either'
 * const pair = Wire.withCredentialsEach(() => E.right([Wire.unbound('ping', []), Wire.unbound('ping', [])]))
 * const r = pair(Credentials.session('abc'))()
 * console.log(E.isRight(r) && r.right.length) // 2
 * @category combinators
 * @since 0.1.0
 */
export const withCredentialsEach =
  <I extends ReadonlyArray<unknown>, L extends LocalError>(
    encode: (...input: I) => E.Either<L, ReadonlyArray<UnboundRequest>>,
  ) =>
  (credentials: Credentials): ((...input: I) => E.Either<InvalidInput | L, ReadonlyArray<WireRequest>>) => {
    const binder = E.map(bind)(decodeCredentials(credentials))
    return (...input) => bindEncoded(binder, encode(...input), bindEach)
  }

/**
 * An encoder (without credentials) for a command whose input is one field written as one parameter: `field` is
 * decoded with `codec` (required; `what` says what it is) and written as `wire`.
 *
 * @example
 * import * as Codecs from '../message/IdCodecs.js'
 * import * as Wire from './Wire.js'
 * import * as E from 'fp-ts/Either'
 * const endbatch = Wire.oneParam('endbatch', 'batchId', 'batch_id', Codecs.BatchId, 'the batch id')
 * const r = endbatch({ batchId: 'b1' })
 * console.log(E.isRight(r) && r.right.params) // [['batch_id', 'b1']]
 * @category constructors
 * @since 0.1.0
 */
export const oneParam = <K extends string, A extends string>(
  command: Command,
  field: K,
  wire: string,
  codec: t.Type<A, unknown, unknown>,
  what: string,
): ((input: { readonly [F in K]: string }) => E.Either<InvalidInput, UnboundRequest>) => {
  const decodeInput = fields({ [field]: codec } as Record<K, typeof codec>, {
    required: { [field]: what } as Record<K, string>,
  })
  return (input) => {
    const { value, problems } = decodeInput(input)
    return fromProblems(problems, () => unbound(command, [[wire, value[field] as string]]))
  }
}

/**
 * Recipients per request the specification allows (section 4.3): 100 with GET, 300 with POST. Later
 * Clickatell pages say 300 and 600; pass `recipientsPerRequest` to use those.
 *
 * @example
 * import * as Wire from './Wire.js'
 * console.log(Wire.recipientsPerRequest.POST) // 300
 * @category data
 * @since 0.1.0
 */
export const recipientsPerRequest: { readonly [M in 'GET' | 'POST']-?: number } = { GET: 100, POST: 300 }

/**
 * Options for commands that split their recipients over several requests.
 *
 * @category model
 * @since 0.1.0
 */
export interface ChunkOptions {
  /** The method the requests will be rendered with; decides the default size. Default `POST`. */
  readonly method?: 'GET' | 'POST'
  /** Recipients per request; default `recipientsPerRequest[method]`. */
  readonly recipientsPerRequest?: number
}

/**
 * The HTTP method options ask for, decoded: `POST` when none is given. The encoders that split recipients and
 * the renderer (`Render.http`) read the option alike.
 *
 * @example
 * import * as Wire from './Wire.js'
 * console.log(Wire.requestMethod(undefined)) // { _tag: 'Right', right: 'POST' }
 * console.log(Wire.requestMethod('PUT' as never)._tag) // 'Left'
 * @category utils
 * @since 0.1.0
 */
export const requestMethod = (method: unknown): E.Either<InvalidInput, 'GET' | 'POST'> => {
  const m = method ?? 'POST'
  return m === 'GET' || m === 'POST'
    ? E.right(m)
    : E.left(invalidInput([{ path: 'method', message: `must be 'GET' or 'POST'; got ${describe(m)}` }]))
}

/**
 * The chunk size the options ask for, checked.
 *
 * @example
 * import * as Wire from './Wire.js'
 * console.log(Wire.chunkSize({ method: 'GET' })) // { _tag: 'Right', right: 100 }
 * @category utils
 * @since 0.1.0
 */
export const chunkSize = (options: ChunkOptions): E.Either<InvalidInput, number> => {
  const method = requestMethod(options.method)
  if (E.isLeft(method)) return method
  const n = options.recipientsPerRequest ?? recipientsPerRequest[method.right]
  return Number.isInteger(n) && n >= 1
    ? E.right(n)
    : E.left(
        invalidInput([
          {
            path: 'recipientsPerRequest',
            message: `must be a whole number of at least 1; got ${describe(n)}`,
          },
        ]),
      )
}

/**
 * Splits a list into consecutive chunks of at most `size` items: order kept, duplicates kept, nothing lost.
 *
 * @example
 * import * as Wire from './Wire.js'
 * console.log(Wire.chunk(2)(['a', 'b', 'c'])) // [['a', 'b'], ['c']]
 * @category utils
 * @since 0.1.0
 */
export const chunk =
  (size: number) =>
  <A>(items: ReadonlyArray<A>): ReadonlyArray<ReadonlyArray<A>> => {
    const n = Number.isInteger(size) && size >= 1 ? size : 1
    const out: A[][] = []
    for (let i = 0; i < items.length; i += n) out.push(items.slice(i, i + n))
    return out
  }
