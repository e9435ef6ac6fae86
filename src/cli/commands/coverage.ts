/**
 * `clickatell coverage <msisdn>`: whether the gateway routes to a number, and the charge (routecoverage). A
 * number it does not route to exits 1.
 *
 * @since 0.1.0
 */
import type { Context, Declare } from '../Context.js'
import { query } from '../Gateway.js'
import { cliError, EXIT, failWith, green, red } from '../Output.js'

/**
 * Asks whether the gateway routes to `msisdn`.
 *
 * @category commands
 * @since 0.1.0
 */
export const coverage = (ctx: Context, msisdn: string): Promise<number> =>
  query(
    ctx,
    (client) => client.coverage(msisdn),
    (io, v) => [
      v.routable
        ? `${green(io, 'routable')}  charge ${v.charge}  ${v.description}`
        : `${red(io, 'not routable')}  ${v.description}`,
    ],
    (io, v, lines) =>
      v.routable
        ? undefined
        : failWith(io, EXIT.remote, cliError('NotRoutable', `the gateway does not route to ${msisdn}`), {
            value: v,
            lines,
          }),
  )

/**
 * Declares `coverage`.
 *
 * @category commands
 * @since 0.1.0
 */
export const declare: Declare = (program, perform) => {
  program
    .command('coverage')
    .description('whether the gateway routes to a number, and the charge (routecoverage)')
    .argument('<msisdn>', 'the number or prefix')
    .action((msisdn: string) => perform((ctx) => coverage(ctx, msisdn)))
}
