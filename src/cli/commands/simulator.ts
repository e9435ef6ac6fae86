/**
 * `clickatell simulator [--port <n>]`: starts the gateway simulator, prints its URL and demo credentials (as
 * `export` lines to paste, the REST API's token too), and runs until Ctrl+C (SIGINT) or SIGTERM. It starts with the embedded simulator's
 * demo account, credits and vouchers, and keeps its state in memory only. A port that is not one, or that
 * cannot be listened on, is bad input: exit 2. `clickatell simulator --reset` clears the embedded simulator's
 * state file instead, and starts nothing.
 *
 * @since 0.1.0
 */
import { CommanderError } from 'commander'
import * as E from 'fp-ts/lib/Either.js'
import { invalidInput } from '../../core/errors.js'
import type { Context, Declare } from '../Context.js'
import { DEMO, resetState } from '../Embedded.js'
import { number } from '../Flags.js'
import { bold, EXIT, emit, fail } from '../Output.js'
import type { EmbeddedSimulator } from '../World.js'

/**
 * A commander argument parser for `--port`: a whole number from 0 to 65535, else a usage error (exit 2).
 *
 * @example
 * import { port } from './simulator.js'
 * console.log(port('8080')) // 8080
 * @category parsing
 * @since 0.1.0
 */
export const port = (value: string): number => {
  const n = number('--port')(value)
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new CommanderError(
      EXIT.input,
      'clickatell.invalidArgument',
      `--port must be a whole number from 0 to 65535; got ${JSON.stringify(value)}`,
    )
  return n
}

const started = async (ctx: Context, port: number | undefined): Promise<EmbeddedSimulator | string> => {
  try {
    return await ctx.world.startSimulator(port === undefined ? DEMO : { ...DEMO, port })
  } catch (e) {
    return e instanceof Error ? e.message : String(e)
  }
}

/**
 * Runs a simulator until a signal; resolves to 0 once it is closed, 2 when it cannot start.
 *
 * @category commands
 * @since 0.1.0
 */
export const simulator = async (ctx: Context, port: number | undefined): Promise<number> => {
  const { io, world } = ctx
  const sim = await started(ctx, port)
  if (typeof sim === 'string')
    return fail(io, invalidInput([{ path: '--port', message: `the simulator cannot start: ${sim}` }]))
  const demo = sim.demo!
  emit(io, { url: sim.url, demo }, () => [
    `${bold(io, 'Simulator')} listening on ${sim.url}`,
    `export CLICKATELL_URL=${sim.url}`,
    `export CLICKATELL_API_ID=${demo.apiId} CLICKATELL_USER=${demo.user} CLICKATELL_PASSWORD=${demo.password}`,
    ...(demo.restToken === undefined
      ? []
      : [`export CLICKATELL_TOKEN=${demo.restToken}  # for the REST API: clickatell --rest ...`]),
    'Press Ctrl+C to stop.',
  ])
  await world.untilSignal(['SIGINT', 'SIGTERM'])
  await sim.close()
  return EXIT.ok
}

/**
 * Removes the embedded simulator's state file, and says which.
 *
 * @category commands
 * @since 0.1.0
 */
export const reset = async (ctx: Context): Promise<number> => {
  const { io } = ctx
  const removed = await resetState(ctx.world)
  if (E.isLeft(removed)) return fail(io, invalidInput([{ path: '--reset', message: removed.left }]))
  const path = removed.right
  emit(io, { reset: path ?? null }, () => [
    path === undefined
      ? 'The embedded simulator keeps no state here (neither HOME nor XDG_STATE_HOME is set).'
      : `Cleared the embedded simulator's state (${path}): the next run starts afresh.`,
  ])
  return EXIT.ok
}

/**
 * Declares `simulator`.
 *
 * @category commands
 * @since 0.1.0
 */
export const declare: Declare = (program, perform) => {
  program
    .command('simulator')
    .description('start the gateway simulator and print its URL and demo credentials')
    .option('--port <n>', 'port on 127.0.0.1 (default: any free port)', port)
    .option('--reset', "clear the embedded simulator's state (messages, credits, vouchers spent) and exit")
    .action((o: { port?: number; reset?: boolean }) =>
      perform((ctx) => (o.reset === true ? reset(ctx) : simulator(ctx, o.port))),
    )
}
