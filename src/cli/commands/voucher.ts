/**
 * `clickatell voucher <token>`: spends a voucher (token_pay).
 *
 * @since 0.1.0
 */
import type { Context, Declare } from '../Context.js'
import { queryHttp } from '../Gateway.js'
import { green } from '../Output.js'

/**
 * Spends the voucher `token` and prints `OK <value>`. The HTTP API only: with `--rest`, exit 2.
 *
 * @category commands
 * @since 0.1.0
 */
export const voucher = (ctx: Context, token: string): Promise<number> =>
  queryHttp(
    ctx,
    'vouchers',
    (client) => client.voucher(token),
    (io, v) => [`${green(io, 'OK')} ${v.value}`],
  )

/**
 * Declares `voucher`.
 *
 * @category commands
 * @since 0.1.0
 */
export const declare: Declare = (program, perform) => {
  program
    .command('voucher')
    .description('spend a voucher (token_pay)')
    .argument('<token>', 'the voucher number')
    .action((token: string) => perform((ctx) => voucher(ctx, token)))
}
