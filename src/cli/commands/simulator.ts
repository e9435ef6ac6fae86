/**
 * `clickatell simulator [--port <n>]`: starts the gateway simulator, prints its URL and demo credentials (as
 * `export` lines to paste), and runs until Ctrl+C (SIGINT) or SIGTERM. A port that is not one, or that cannot
 * be listened on, is bad input: exit 2.
 *
 * @since 0.1.0
 */
import { CommanderError } from 'commander'
import { invalidInput } from '../../core/errors.js'
import type { Context, Declare } from '../Context.js'
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
    return await ctx.world.startSimulator(port === undefined ? {} : { port })
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
    'Press Ctrl+C to stop.',
  ])
  await world.untilSignal(['SIGINT', 'SIGTERM'])
  await sim.close()
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
    .action((o: { port?: number }) => perform((ctx) => simulator(ctx, o.port)))
}
