/**
 * The client for code that does not use fp-ts: every command returns a `Promise` of a plain result,
 * `{ ok: true, value }` or `{ ok: false, error, message }`, with the same typed values and errors. Nothing
 * rejects.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import type { ClickatellError, InvalidInput } from '../core/errors.js'
import { toMessage, transportError } from '../core/errors.js'
import type { Client, ClientConfig, RestClient, RestClientConfig } from './Client.js'
import { make } from './Client.js'

/**
 * A result without fp-ts: `message` is `Errors.toMessage(error)`, a sentence without secrets.
 *
 * @category model
 * @since 0.1.0
 */
export type Result<A, Err = ClickatellError> =
  | { readonly ok: true; readonly value: A }
  | { readonly ok: false; readonly error: Err; readonly message: string }

type Promised<F> = F extends (...args: infer P) => () => Promise<E.Either<infer L, infer R>>
  ? (...args: P) => Promise<Result<R, L>>
  : F

/**
 * The client with Promises: the same commands as `Client`, each returning `Promise<Result<...>>`.
 *
 * @category model
 * @since 0.1.0
 */
export type PromiseClient = { readonly [K in keyof Client]: Promised<Client[K]> }

/**
 * A REST client with Promises: the commands of `RestClient`, each returning `Promise<Result<...>>`.
 *
 * @category model
 * @since 0.1.0
 */
export type PromiseRestClient = { readonly [K in keyof RestClient]: Promised<RestClient[K]> }

const result = <L extends ClickatellError, R>(e: E.Either<L, R>): Result<R, L> =>
  E.isRight(e) ? { ok: true, value: e.right } : { ok: false, error: e.left, message: toMessage(e.left) }

/**
 * Wraps a client so that every command returns a Promise of a plain result.
 *
 * @example
 * import { Client, fetchTransport } from 'clickatell-fp'
 * const made = Client.makePromises({
 *   transport: fetchTransport({ fetch: async () => new Response('Credit: 12.000') }),
 *   credentials: { apiId: '1', user: 'me', password: 'secret' },
 *   authentication: 'per-request',
 * })
 * if (made.ok) console.log(await made.value.balance()) // { ok: true, value: { credit: 12, raw: '12.000' } }
 * @category constructors
 * @since 0.1.0
 */
export function promises(client: Client): PromiseClient
export function promises(client: RestClient): PromiseRestClient
export function promises(client: RestClient): PromiseRestClient {
  const out: Record<string, unknown> = {}
  for (const [name, f] of Object.entries(client)) {
    out[name] =
      name === 'sendAll' || name === 'close'
        ? f
        : async (...args: unknown[]) => {
            try {
              return result(
                await (f as (...a: unknown[]) => () => Promise<E.Either<ClickatellError, unknown>>)(
                  ...args,
                )(),
              )
            } catch (error) {
              // The client returns its failures; only a bug or a throwing user callback lands here.
              const e = transportError('network', String(error), error)
              return { ok: false, error: e, message: toMessage(e) }
            }
          }
  }
  return out as PromiseRestClient
}

/**
 * `make` and `promises` in one step: a bad configuration is `{ ok: false, error }` (an `InvalidInput`).
 *
 * @example
 * import { Client, fetchTransport } from 'clickatell-fp'
 * const made = Client.makePromises({ transport: fetchTransport(), credentials: { apiId: '', user: 'me', password: 'x' } })
 * console.log(made.ok) // false
 * @category constructors
 * @since 0.1.0
 */
export function makePromises(config: ClientConfig): Result<PromiseClient, InvalidInput>
export function makePromises(config: RestClientConfig): Result<PromiseRestClient, InvalidInput>
export function makePromises(config: ClientConfig | RestClientConfig): Result<PromiseRestClient, InvalidInput>
export function makePromises(
  config: ClientConfig | RestClientConfig,
): Result<PromiseRestClient, InvalidInput> {
  const made = make(config)
  return E.isRight(made) ? { ok: true, value: promises(made.right) } : result(made)
}
