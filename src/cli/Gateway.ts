/**
 * How a command talks to the gateway: resolve the target, make a client over the world's transport, run, and
 * close everything whatever happens. Most commands are one question and one answer: `query`. The client and
 * the target are loaded when a command first talks to the gateway, so one that does not (`preview`) starts
 * without them.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import type * as TE from 'fp-ts/lib/TaskEither.js'
import type { Client, RestClient } from '../client/Client.js'
import { type ClickatellError, type InvalidInput, invalidInput } from '../core/errors.js'
import type { Transport } from '../transport/Transport.js'
import type { Context } from './Context.js'
import { EXIT, emit, fail, type Io } from './Output.js'
import type { Target } from './Target.js'
import type { Clock } from './World.js'

/**
 * A transport that calls `first` once, before its first request.
 *
 * @example
 * import * as TE from 'fp-ts/lib/TaskEither.js'
 * import { beforeFirst } from './Gateway.js'
 * const said: string[] = []
 * const t = beforeFirst({ send: () => TE.right({ status: 200, headers: {}, body: 'OK' }) }, () => said.push('hi'))
 * await t.send({ method: 'GET', url: 'http://x', headers: {} })()
 * await t.send({ method: 'GET', url: 'http://x', headers: {} })()
 * console.log(said) // ['hi']
 * @category utils
 * @since 0.1.0
 */
export const beforeFirst = (transport: Transport, first: () => void): Transport => {
  let said = false
  return {
    send: (request) => {
      if (!said) {
        said = true
        first()
      }
      return transport.send(request)
    },
  }
}

// What a client is made from, besides its credentials.
interface Made {
  readonly transport: Transport
  readonly baseUrl: string
  readonly env: Clock
  readonly timeoutMs?: number
  readonly deadlineMs?: number
}

type Maker<C> = (
  make: typeof import('../client/Client.js').make,
  config: Made,
  credentials: Target['credentials'],
) => E.Either<InvalidInput, C>

// A client of either dialect: the REST API's with a token, else the HTTP API's.
const eitherDialect: Maker<RestClient> = (make, config, credentials) =>
  'token' in credentials
    ? make({ ...config, dialect: 'rest', credentials })
    : make({ ...config, credentials })

// A client of the HTTP API (the target cannot be a REST one: `withHttpClient` refuses `--rest` first).
const httpOnly: Maker<Client> = (make, config, credentials) =>
  'token' in credentials
    ? E.left(invalidInput([{ path: 'rest', message: 'this command needs the HTTP API' }]))
    : make({ ...config, credentials })

const running = async <C extends RestClient>(
  ctx: Context,
  maker: Maker<C>,
  f: (client: C) => Promise<number>,
): Promise<number> => {
  const { io, world } = ctx
  const [{ make }, { resolveTarget }] = await Promise.all([
    import('../client/Client.js'),
    import('./Target.js'),
  ])
  const target = await resolveTarget(ctx.target, world)
  if (E.isLeft(target)) return fail(io, target.left)
  const { banner } = target.right
  const transport = world.transport()
  let used = false
  const config: Made = {
    transport: beforeFirst(transport, () => {
      used = true
      if (banner !== undefined) io.err(banner)
    }),
    baseUrl: target.right.baseUrl,
    env: world.clock,
    ...ctx.limits,
  }
  const made = maker(make, config, target.right.credentials)
  try {
    return E.isLeft(made) ? fail(io, made.left) : await f(made.right)
  } finally {
    if (E.isRight(made)) made.right.close()
    transport.close()
    const kept = await target.right.close(used)
    if (E.isLeft(kept)) io.err(`warning: the embedded simulator's state was not kept: ${kept.left}`)
  }
}

/**
 * Runs `f` with a client of the target, of either dialect (`--rest` for the REST API); resolves to `f`'s exit
 * code, or to a failure's when the target or the client cannot be made. The client has its default time-out
 * (30 s a request) unless `--timeout` or `--deadline` says otherwise: a gateway that never answers ends the
 * command with exit code 1. The embedded simulator's line is printed before the first request, so input refused
 * before anything is sent never mentions it. The transport, the client and an embedded simulator are closed
 * afterwards; the embedded simulator's state is kept when a request was made (a warning when it cannot be).
 *
 * @category main
 * @since 0.1.0
 */
export const withClient = (ctx: Context, f: (client: RestClient) => Promise<number>): Promise<number> =>
  running(ctx, eitherDialect, f)

/**
 * `withClient` for a command of the HTTP API only (`what` names it: vouchers, batches): with `--rest` it is
 * bad input (exit 2) saying the REST API has no such command, and nothing is sent.
 *
 * @category main
 * @since 0.1.0
 */
export const withHttpClient = (
  ctx: Context,
  what: string,
  f: (client: Client) => Promise<number>,
): Promise<number> => {
  const refused = refuseRest(ctx, what)
  return refused === undefined ? running(ctx, httpOnly, f) : Promise.resolve(refused)
}

/**
 * With `--rest`, a command of the HTTP API only is bad input: prints why and answers exit code 2; else
 * `undefined`. `what` names what the REST API lacks (vouchers, batches).
 *
 * @category main
 * @since 0.1.0
 */
export const refuseRest = (ctx: Context, what: string): number | undefined =>
  ctx.target.rest === true
    ? fail(
        ctx.io,
        invalidInput([
          { path: '--rest', message: `the REST API has no ${what}: this command needs the HTTP API` },
        ]),
      )
    : undefined

// One question's answer: the failure, or the answer (JSON or its lines) and the exit code it means.
const answering =
  <C, A>(
    ctx: Context,
    call: (client: C) => TE.TaskEither<ClickatellError, A>,
    lines: (io: Io, answer: A) => ReadonlyArray<string>,
    judge: (io: Io, answer: A, lines: () => ReadonlyArray<string>) => number | undefined,
  ) =>
  async (client: C): Promise<number> => {
    const r = await call(client)()
    if (E.isLeft(r)) return fail(ctx.io, r.left)
    const judged = judge(ctx.io, r.right, () => lines(ctx.io, r.right))
    if (judged !== undefined) return judged
    emit(ctx.io, r.right, () => lines(ctx.io, r.right))
    return EXIT.ok
  }

/**
 * One question to the gateway: prints the failure, or the answer (JSON or its lines); resolves to the exit code
 * the answer means (0 unless `judge` finds something wrong with it, which it prints as a failure).
 *
 * @category main
 * @since 0.1.0
 */
export const query = <A>(
  ctx: Context,
  call: (client: RestClient) => TE.TaskEither<ClickatellError, A>,
  lines: (io: Io, answer: A) => ReadonlyArray<string>,
  judge: (io: Io, answer: A, lines: () => ReadonlyArray<string>) => number | undefined = () => undefined,
): Promise<number> => withClient(ctx, answering(ctx, call, lines, judge))

/**
 * `query` for a command of the HTTP API only (`what` names what REST lacks): see `withHttpClient`.
 *
 * @category main
 * @since 0.1.0
 */
export const queryHttp = <A>(
  ctx: Context,
  what: string,
  call: (client: Client) => TE.TaskEither<ClickatellError, A>,
  lines: (io: Io, answer: A) => ReadonlyArray<string>,
): Promise<number> =>
  withHttpClient(
    ctx,
    what,
    answering(ctx, call, lines, () => undefined),
  )
