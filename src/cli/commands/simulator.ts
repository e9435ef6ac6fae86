/**
 * `clickatell simulator [--port <n>]`: starts the gateway simulator, prints its URL and demo credentials (as
 * `export` lines to paste), and runs until Ctrl+C (SIGINT) or SIGTERM.
 *
 * @since 0.1.0
 */
import type { Context, Declare } from '../Context.js'
import { number } from '../Flags.js'
import { bold, EXIT, emit } from '../Output.js'

/**
 * Runs a simulator until a signal; resolves to 0 once it is closed.
 *
 * @category commands
 * @since 0.1.0
 */
export const simulator = async (ctx: Context, port: number | undefined): Promise<number> => {
  const { io, world } = ctx
  const sim = await world.startSimulator(port === undefined ? {} : { port })
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
    .option('--port <n>', 'port on 127.0.0.1 (default: any free port)', number('--port'))
    .action((o: { port?: number }) => perform((ctx) => simulator(ctx, o.port)))
}
