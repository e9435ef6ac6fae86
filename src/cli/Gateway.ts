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
import type { Client } from '../client/Client.js'
import type { ClickatellError } from '../core/errors.js'
import type { Transport } from '../transport/Transport.js'
import type { Context } from './Context.js'
import { EXIT, emit, fail, type Io } from './Output.js'

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

/**
 * Runs `f` with a client of the target; resolves to `f`'s exit code, or to a failure's when the target or the
 * client cannot be made. The client has its default time-out (30 s a request) unless `--timeout` or
 * `--deadline` says otherwise: a gateway that never answers ends the command with exit code 1. The embedded simulator's line is printed before the first request, so input refused
 * before anything is sent never mentions it. The transport, the client and an embedded simulator are closed
 * afterwards; the embedded simulator's state is kept when a request was made (a warning when it cannot be).
 *
 * @category main
 * @since 0.1.0
 */
export const withClient = async (ctx: Context, f: (client: Client) => Promise<number>): Promise<number> => {
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
  const made = make({
    transport: beforeFirst(transport, () => {
      used = true
      if (banner !== undefined) io.err(banner)
    }),
    credentials: target.right.credentials,
    baseUrl: target.right.baseUrl,
    env: world.clock,
    ...ctx.limits,
  })
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
 * One question to the gateway: prints the failure, or the answer (JSON or its lines); resolves to the exit code
 * the answer means (0 unless `judge` finds something wrong with it, which it prints as a failure).
 *
 * @category main
 * @since 0.1.0
 */
export const query = <A>(
  ctx: Context,
  call: (client: Client) => TE.TaskEither<ClickatellError, A>,
  lines: (io: Io, answer: A) => ReadonlyArray<string>,
  judge: (io: Io, answer: A, lines: () => ReadonlyArray<string>) => number | undefined = () => undefined,
): Promise<number> =>
  withClient(ctx, async (client) => {
    const r = await call(client)()
    if (E.isLeft(r)) return fail(ctx.io, r.left)
    const judged = judge(ctx.io, r.right, () => lines(ctx.io, r.right))
    if (judged !== undefined) return judged
    emit(ctx.io, r.right, () => lines(ctx.io, r.right))
    return EXIT.ok
  })
