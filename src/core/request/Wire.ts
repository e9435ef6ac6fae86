/**
 * A request as the gateway sees it, before any HTTP: the command, its path and its parameters in order, with
 * wire names and string values. `HttpRender` turns it into an `HttpRequest`; the simulator can read it back.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import type * as t from 'io-ts'
import { type InvalidInput, invalidInput, type Problem } from '../errors.js'
import { describe, fields, fromProblems, gather } from '../message/Validation.js'
import { type Command, paths } from './Command.js'
import { firstOutside } from './Latin1Form.js'

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
 * A session opened with `auth` (`session_id`).
 *
 * @category model
 * @since 0.1.0
 */
export interface SessionCredentials {
  readonly _tag: 'Session'
  readonly sessionId: string
}

/**
 * Account details sent with every command (`api_id`, `user`, `password`).
 *
 * @category model
 * @since 0.1.0
 */
export interface AccountCredentials {
  readonly _tag: 'Account'
  readonly apiId: string
  readonly user: string
  readonly password: string
}

/**
 * How a command authenticates (specification section 4.1).
 *
 * @category model
 * @since 0.1.0
 */
export type Credentials = SessionCredentials | AccountCredentials

/**
 * @example
 * import * as Wire from './Wire.js'
 * console.log(Wire.session('abc123')) // { _tag: 'Session', sessionId: 'abc123' }
 * @category constructors
 * @since 0.1.0
 */
export const session = (sessionId: string): SessionCredentials => ({ _tag: 'Session', sessionId })

/**
 * @example
 * import * as Wire from './Wire.js'
 * console.log(Wire.account({ apiId: '3442105', user: 'me', password: 'secret' })._tag) // 'Account'
 * @category constructors
 * @since 0.1.0
 */
export const account = (details: {
  readonly apiId: string
  readonly user: string
  readonly password: string
}): AccountCredentials => ({
  _tag: 'Account',
  apiId: details.apiId,
  user: details.user,
  password: details.password,
})

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

// The value is never quoted: these are secrets.
const secret = (path: string, u: unknown): Problem | undefined =>
  typeof u !== 'string'
    ? {
        path,
        message: `must be a string; got ${u === null ? 'null' : Array.isArray(u) ? 'an array' : `a ${typeof u}`}`,
      }
    : u === ''
      ? { path, message: 'is empty' }
      : firstOutside(u) >= 0
        ? { path, message: 'has a character above U+00FF, which the gateway (ISO-8859-1) cannot read' }
        : undefined

const read = (o: object, key: string): unknown => {
  try {
    return (o as Record<string, unknown>)[key]
  } catch {
    return undefined
  }
}

/**
 * The authentication parameters of credentials, checked: `session_id`, or `api_id`, `user`, `password`.
 * Problems name the field (`credentials.password`) but never quote the value.
 *
 * @example
 * import * as Wire from './Wire.js'
 * console.log(Wire.credentialParams(Wire.session('abc'))) // { _tag: 'Right', right: [['session_id', 'abc']] }
 * @category encoding
 * @since 0.1.0
 */
export const credentialParams = (credentials: Credentials): E.Either<InvalidInput, ReadonlyArray<Param>> => {
  const c: unknown = credentials
  const tag = c !== null && typeof c === 'object' ? read(c, '_tag') : undefined
  if (tag === 'Session') {
    const sessionId = read(c as object, 'sessionId')
    const p = secret('credentials.sessionId', sessionId)
    return p === undefined ? E.right([['session_id', sessionId as string]]) : E.left(invalidInput([p]))
  }
  if (tag === 'Account') {
    const o = c as object
    const [apiId, user, password] = [read(o, 'apiId'), read(o, 'user'), read(o, 'password')]
    const problems = [
      secret('credentials.apiId', apiId),
      secret('credentials.user', user),
      secret('credentials.password', password),
    ].filter((p): p is Problem => p !== undefined)
    return problems.length === 0
      ? E.right([
          ['api_id', apiId as string],
          ['user', user as string],
          ['password', password as string],
        ])
      : E.left(invalidInput(problems))
  }
  return E.left(
    invalidInput([
      {
        path: 'credentials',
        message:
          "must be Wire.session(sessionId) or Wire.account({ apiId, user, password }) (a _tag of 'Session' or 'Account')",
      },
    ]),
  )
}

/**
 * A command's request from its credentials and its own parameters, every problem of both listed.
 *
 * @example
 * import * as Wire from './Wire.js'
 * import * as E from 'fp-ts/Either'
 * console.log(Wire.withCredentials('getbalance', Wire.session('abc'), E.right([])))
 * // { _tag: 'Right', right: { command: 'getbalance', path: '/http/getbalance', params: [['session_id', 'abc']] } }
 * @category constructors
 * @since 0.1.0
 */
export const withCredentials = (
  command: Command,
  credentials: Credentials,
  params: E.Either<InvalidInput, ReadonlyArray<Param>>,
): E.Either<InvalidInput, WireRequest> =>
  E.map(([auth, own]: readonly [ReadonlyArray<Param>, ReadonlyArray<Param>]) =>
    request(command, [...auth, ...own]),
  )(gather(credentialParams(credentials), params))

/**
 * An encoder for a command whose input is one field written as one parameter: `field` is decoded with `codec`
 * (required; `what` says what it is) and written as `wire`.
 *
 * @example
 * import * as Codecs from '../message/Codecs.js'
 * import * as Wire from './Wire.js'
 * import * as E from 'fp-ts/Either'
 * const endbatch = Wire.oneParam('endbatch', 'batchId', 'batch_id', Codecs.BatchId, 'the batch id')
 * const r = endbatch(Wire.session('abc'))({ batchId: 'b1' })
 * console.log(E.isRight(r) && r.right.params) // [['session_id', 'abc'], ['batch_id', 'b1']]
 * @category constructors
 * @since 0.1.0
 */
export const oneParam = <K extends string, A extends string>(
  command: Command,
  field: K,
  wire: string,
  codec: t.Type<A, unknown, unknown>,
  what: string,
): ((
  credentials: Credentials,
) => (input: { readonly [F in K]: string }) => E.Either<InvalidInput, WireRequest>) => {
  const read = fields({ [field]: codec } as Record<K, typeof codec>, {
    required: { [field]: what } as Record<K, string>,
  })
  return (credentials) => (input) => {
    const { value, problems } = read(input)
    return withCredentials(
      command,
      credentials,
      fromProblems(problems, (): ReadonlyArray<Param> => [[wire, value[field] as string]]),
    )
  }
}

const CREDENTIAL_NAMES: ReadonlySet<string> = new Set(['session_id', 'api_id', 'user', 'password'])

/**
 * The same request with other credentials: its credential parameters replaced, everything else as it was. A
 * request is encoded (and validated) once; each attempt, with whatever session is current, only rebinds it.
 *
 * @example
 * import * as Wire from './Wire.js'
 * const wire = Wire.request('endbatch', [['session_id', 'old'], ['batch_id', 'b1']])
 * console.log(Wire.rebind(Wire.session('new'))(wire))
 * // { _tag: 'Right', right: { command: 'endbatch', path: '/http_batch/endbatch', params: [['session_id', 'new'], ['batch_id', 'b1']] } }
 * @category constructors
 * @since 0.1.0
 */
export const rebind =
  (credentials: Credentials) =>
  (wire: WireRequest): E.Either<InvalidInput, WireRequest> =>
    withCredentials(
      wire.command,
      credentials,
      E.right(wire.params.filter(([name]) => !CREDENTIAL_NAMES.has(name))),
    )

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
 * The HTTP method options ask for, checked: `POST` when none is given. The encoders that split recipients and
 * the renderer (`Render.http`) read the option alike.
 *
 * @example
 * import * as Wire from './Wire.js'
 * console.log(Wire.requestMethod(undefined)) // { _tag: 'Right', right: 'POST' }
 * console.log(Wire.requestMethod('PUT' as never)._tag) // 'Left'
 * @category utils
 * @since 0.1.0
 */
export const requestMethod = (method: 'GET' | 'POST' | undefined): E.Either<InvalidInput, 'GET' | 'POST'> => {
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
 * What a command that splits its recipients (sendmsg, quicksend) needs before its input: the credential
 * parameters and the chunk size, both checked, every problem of both listed. Configuration first: the options
 * are checked once, the credentials once each.
 *
 * @example
 * import * as Wire from './Wire.js'
 * console.log(Wire.chunkSetup({ method: 'GET' })(Wire.session('abc'))) // { _tag: 'Right', right: [[['session_id', 'abc']], 100] }
 * @category utils
 * @since 0.1.0
 */
export const chunkSetup = (
  options: ChunkOptions,
): ((credentials: Credentials) => E.Either<InvalidInput, readonly [ReadonlyArray<Param>, number]>) => {
  const size = chunkSize(options)
  return (credentials) => gather(credentialParams(credentials), size)
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
