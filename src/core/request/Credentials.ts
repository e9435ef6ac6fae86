/**
 * How a command authenticates (specification section 4.1): a session id, or the account's details with every
 * command. Credentials from outside are decoded once (`decodeCredentials`) into `ValidCredentials`; binding a
 * request to them (`Wire.bind`) checks nothing again.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import type * as t from 'io-ts'
import { type InvalidInput, invalidInput, type Problem } from '../errors.js'
import { firstOutside } from './Latin1Form.js'
import type { Param } from './Wire.js'

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
 * import * as Credentials from './Credentials.js'
 * console.log(Credentials.session('abc123')) // { _tag: 'Session', sessionId: 'abc123' }
 * @category constructors
 * @since 0.1.0
 */
export const session = (sessionId: string): SessionCredentials => ({ _tag: 'Session', sessionId })

/**
 * @example
 * import * as Credentials from './Credentials.js'
 * console.log(Credentials.account({ apiId: '3442105', user: 'me', password: 'secret' })._tag) // 'Account'
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

/** @category model @since 0.1.0 */
export interface ValidCredentialsBrand {
  readonly ValidCredentials: unique symbol
}

/**
 * Credentials that passed `decodeCredentials`: every value a non-empty string the gateway can read
 * (ISO-8859-1). A copy, so changing the object given afterwards changes nothing. Everything that binds a request
 * takes these and checks nothing again.
 *
 * @category model
 * @since 0.1.0
 */
export type ValidCredentials = t.Branded<Credentials, ValidCredentialsBrand>

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

// A field of a value from outside: a getter or proxy that throws reads as nothing (then refused as missing).
const read = (o: object, key: string): unknown => {
  try {
    return (o as Record<string, unknown>)[key]
  } catch {
    return undefined
  }
}

const valid = (c: Credentials): ValidCredentials => c as ValidCredentials

const decodeSessionFields = (o: object): E.Either<InvalidInput, ValidCredentials> => {
  const sessionId = read(o, 'sessionId')
  const p = secret('credentials.sessionId', sessionId)
  return p === undefined ? E.right(valid(session(sessionId as string))) : E.left(invalidInput([p]))
}

const decodeAccountFields = (o: object): E.Either<InvalidInput, ValidCredentials> => {
  const [apiId, user, password] = [read(o, 'apiId'), read(o, 'user'), read(o, 'password')]
  const problems = [
    secret('credentials.apiId', apiId),
    secret('credentials.user', user),
    secret('credentials.password', password),
  ].filter((p): p is Problem => p !== undefined)
  return problems.length === 0
    ? E.right(valid(account({ apiId: apiId as string, user: user as string, password: password as string })))
    : E.left(invalidInput(problems))
}

const tagOf = (u: unknown): unknown => (u !== null && typeof u === 'object' ? read(u, '_tag') : undefined)

/**
 * Decodes credentials from outside, once: `Credentials.session(sessionId)` or `Credentials.account({ apiId, user, password })`,
 * every value a non-empty string of characters up to U+00FF. Problems name the field (`credentials.password`)
 * but never quote the value. Never throws, whatever it is given.
 *
 * @example
 * import * as Credentials from './Credentials.js'
 * console.log(Credentials.decodeCredentials(Credentials.session('abc'))) // { _tag: 'Right', right: { _tag: 'Session', sessionId: 'abc' } }
 * const r = Credentials.decodeCredentials(Credentials.account({ apiId: '1', user: '', password: 'pässwörd€' }))
 * console.log(r._tag === 'Left' && r.left.problems.map((p) => p.path)) // ['credentials.user', 'credentials.password']
 * @category decoding
 * @since 0.1.0
 */
export const decodeCredentials = (u: unknown): E.Either<InvalidInput, ValidCredentials> => {
  const tag = tagOf(u)
  return tag === 'Session'
    ? decodeSessionFields(u as object)
    : tag === 'Account'
      ? decodeAccountFields(u as object)
      : E.left(
          invalidInput([
            {
              path: 'credentials',
              message:
                "must be Credentials.session(sessionId) or Credentials.account({ apiId, user, password }) (a _tag of 'Session' or 'Account')",
            },
          ]),
        )
}

/**
 * `decodeCredentials` for a command that takes one kind only: credentials of the other kind are the problem
 * `credentials: <why>` (`auth` needs the account, `ping` a session).
 *
 * @example
 * import * as Credentials from './Credentials.js'
 * const r = Credentials.decodeCredentialsOf('Account', 'auth needs account credentials')(Credentials.session('abc'))
 * console.log(r._tag === 'Left' && r.left.problems) // [{ path: 'credentials', message: 'auth needs account credentials' }]
 * @category decoding
 * @since 0.1.0
 */
export const decodeCredentialsOf =
  (kind: Credentials['_tag'], why: string) =>
  (u: unknown): E.Either<InvalidInput, ValidCredentials> => {
    const tag = tagOf(u)
    return (tag === 'Session' || tag === 'Account') && tag !== kind
      ? E.left(invalidInput([{ path: 'credentials', message: why }]))
      : decodeCredentials(u)
  }

/**
 * Session credentials from the session id the gateway answered `auth` with, decoded once per session.
 *
 * @example
 * import * as Credentials from './Credentials.js'
 * console.log(Credentials.decodeSession('3d8a1c0e')) // { _tag: 'Right', right: { _tag: 'Session', sessionId: '3d8a1c0e' } }
 * console.log(Credentials.decodeSession('')._tag) // 'Left'
 * @category decoding
 * @since 0.1.0
 */
export const decodeSession = (sessionId: string): E.Either<InvalidInput, ValidCredentials> =>
  decodeCredentials(session(sessionId))

/**
 * The authentication parameters of decoded credentials: `session_id`, or `api_id`, `user`, `password`.
 *
 * @example
 * import * as Credentials from './Credentials.js'
 * import * as E from 'fp-ts/Either'
 * const c = Credentials.decodeSession('abc')
 * console.log(E.isRight(c) && Credentials.authParams(c.right)) // [['session_id', 'abc']]
 * @category encoding
 * @since 0.1.0
 */
export const authParams = (credentials: ValidCredentials): ReadonlyArray<Param> =>
  credentials._tag === 'Session'
    ? [['session_id', credentials.sessionId]]
    : [
        ['api_id', credentials.apiId],
        ['user', credentials.user],
        ['password', credentials.password],
      ]
