/**
 * How a command talks to the gateway: resolve the target, make a client over the world's transport, run, and
 * close everything whatever happens. Most commands are one question and one answer: `query`.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import type * as TE from 'fp-ts/lib/TaskEither.js'
import { type Client, make } from '../client/Client.js'
import type { ClickatellError } from '../core/errors.js'
import type { Context } from './Context.js'
import { EXIT, emit, fail, type Io } from './Output.js'
import { resolveTarget } from './Target.js'

/**
 * Runs `f` with a client of the target; resolves to `f`'s exit code, or to a failure's when the target or the
 * client cannot be made. The transport, the client and an embedded simulator are closed afterwards.
 *
 * @category main
 * @since 0.1.0
 */
export const withClient = async (ctx: Context, f: (client: Client) => Promise<number>): Promise<number> => {
  const { io, world } = ctx
  const target = await resolveTarget(ctx.target, world, io.err)
  if (E.isLeft(target)) return fail(io, target.left)
  const transport = world.transport()
  const made = make({
    transport,
    credentials: target.right.credentials,
    baseUrl: target.right.baseUrl,
    env: world.clock,
  })
  try {
    return E.isLeft(made) ? fail(io, made.left) : await f(made.right)
  } finally {
    if (E.isRight(made)) made.right.close()
    transport.close()
    await target.right.close()
  }
}

/**
 * One question to the gateway: prints the failure, or the answer (JSON or its lines); resolves to the exit code
 * the answer means (0 unless `exitOf` says otherwise).
 *
 * @category main
 * @since 0.1.0
 */
export const query = <A>(
  ctx: Context,
  call: (client: Client) => TE.TaskEither<ClickatellError, A>,
  lines: (io: Io, answer: A) => ReadonlyArray<string>,
  exitOf: (answer: A) => number = () => EXIT.ok,
): Promise<number> =>
  withClient(ctx, async (client) => {
    const r = await call(client)()
    if (E.isLeft(r)) return fail(ctx.io, r.left)
    emit(ctx.io, r.right, () => lines(ctx.io, r.right))
    return exitOf(r.right)
  })
