/**
 * `clickatell balance`: the credits left on the account (getbalance).
 *
 * @since 0.1.0
 */
import type { Context, Declare } from '../Context.js'
import { query } from '../Gateway.js'
import { bold } from '../Output.js'

/**
 * Asks for the balance and prints `Credit <the gateway's digits>`.
 *
 * @category commands
 * @since 0.1.0
 */
export const balance = (ctx: Context): Promise<number> =>
  query(
    ctx,
    (client) => client.balance(),
    (io, v) => [`${bold(io, 'Credit')} ${v.raw}`],
  )

/**
 * Declares `balance`.
 *
 * @category commands
 * @since 0.1.0
 */
export const declare: Declare = (program, perform) => {
  program
    .command('balance')
    .description('credits left on the account (getbalance)')
    .action(() => perform(balance))
}
