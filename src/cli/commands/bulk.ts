/**
 * `clickatell bulk --csv <file> --template <text>`: personalised messages from a CSV through the batch
 * commands, previewed first, confirmed, then sent (see `BulkSend`, loaded when the command runs). Exits 0 when
 * every row went, 2 when nothing was sent, else 1 (a partial run is 1, never 2).
 *
 * @since 0.1.0
 */
import type { BulkFlags } from '../BulkSend.js'
import type { Declare } from '../Context.js'
import { type MessageFlags, messageOptions, number } from '../Flags.js'

/**
 * Declares `bulk`.
 *
 * @category commands
 * @since 0.1.0
 */
export const declare: Declare = (program, perform) => {
  messageOptions(
    program
      .command('bulk')
      .description('personalised messages from a CSV through the batch commands, previewed first')
      .requiredOption('--csv <file>', '(required) CSV with a header row: a number column and the fields')
      .requiredOption('--template <text>', '(required) the template: #<column name># or #field1#..')
      .option(
        '--number-column <name>',
        'the column with the numbers (default: the first named number/msisdn/to/phone/mobile, else the first)',
      )
      .option('--charge <credits>', 'credits per part, for the cost', number('--charge'))
      .option('--dry-run', 'preview only')
      .option('--yes', 'send without asking (needed when standard input is not a terminal)')
      .option('--allow-ucs2', 'send the rows that need UCS-2 on their own, as UCS-2, rather than refuse them')
      .option('--failures <file>', 'where to write the rows that failed (default: <csv>.failures.csv)')
      .option('--concurrency <n>', 'items in flight', number('--concurrency'))
      .option('--rate <n>', 'items per second (default 100)', number('--rate')),
    { clientId: false },
  ).action((o: BulkFlags & MessageFlags) =>
    perform(async (ctx) => (await import('../BulkSend.js')).bulk(ctx, o)),
  )
}
