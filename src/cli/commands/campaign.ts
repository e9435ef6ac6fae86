/**
 * `clickatell campaign`: campaigns on BullMQ workers (see docs/scale.md). `start` queues a CSV with a template
 * (the rendering and checks of `bulk`), `worker` sends queued rows until stopped, `status` prints the counts,
 * `pause`, `resume` and `cancel` steer a campaign. The work is in `Campaign`, loaded when a subcommand runs, so
 * bullmq and ioredis load only then.
 *
 * @since 0.1.0
 */
import type { Command as Program } from 'commander'
import { invalidInput } from '../../core/errors.js'
import type { CampaignFlags, WorkerFlags } from '../Campaign.js'
import type { Context, Declare } from '../Context.js'
import { type MessageFlags, messageOptions, number } from '../Flags.js'
import { fail } from '../Output.js'

type Campaign = typeof import('../Campaign.js')

// bullmq and ioredis are optional peers of the package (the bin does not carry them): without them a campaign
// command is refused with the install line, not a stack trace.
const MISSING = /Cannot find (package|module) '(bullmq|ioredis)'/

const withCampaign =
  (f: (campaign: Campaign, ctx: Context) => Promise<number>) =>
  async (ctx: Context): Promise<number> => {
    const loaded = await import('../Campaign.js').then(
      (m) => ({ ok: true as const, m }),
      (e: unknown) => ({ ok: false as const, e }),
    )
    if (loaded.ok) return f(loaded.m, ctx)
    if (!MISSING.test(String(loaded.e))) throw loaded.e
    const message = 'needs the packages bullmq and ioredis: npm install bullmq ioredis'
    return fail(ctx.io, invalidInput([{ path: 'campaign', message }]))
  }

const REDIS = '(required) the Redis that holds the campaigns: redis://host:port'

const steering = (
  campaign: Program,
  perform: Parameters<Declare>[1],
  name: 'pause' | 'resume' | 'cancel',
  what: string,
) =>
  campaign
    .command(`${name} <id>`)
    .description(what)
    .requiredOption('--redis <url>', REDIS)
    .action((id: string, o: { readonly redis: string }) =>
      perform(withCampaign((c, ctx) => c.steer(ctx, name, id, o.redis))),
    )

/**
 * Declares `campaign` and its subcommands.
 *
 * @category commands
 * @since 0.1.0
 */
export const declare: Declare = (program, perform) => {
  const campaign = program
    .command('campaign')
    .description(
      'a campaign on queue workers (BullMQ on Redis): start, worker, status, pause, resume, cancel',
    )
  messageOptions(
    campaign
      .command('start')
      .description('queue a campaign from a CSV and a template, checked and counted first; prints its id')
      .requiredOption('--redis <url>', REDIS)
      .requiredOption('--csv <file>', '(required) CSV with a header row: a number column and the fields')
      .requiredOption('--template <text>', '(required) the template: #<column name># or #field1#..')
      .option('--name <name>', 'a name for people')
      .option('--number-column <name>', 'the column with the numbers (as for bulk)')
      .option('--charge <credits>', 'credits per part, for the cost', number('--charge'))
      .option('--allow-ucs2', 'queue the rows that need UCS-2 as UCS-2 rather than refuse them'),
    { clientId: false },
  ).action((o: CampaignFlags & MessageFlags) => perform(withCampaign((c, ctx) => c.start(ctx, o))))
  campaign
    .command('worker')
    .description('send queued rows through the configured gateway until SIGTERM or Ctrl+C')
    .requiredOption('--redis <url>', REDIS)
    .option('--concurrency <n>', 'rows in flight in this worker (default 8)', number('--concurrency'))
    .option(
      '--rate <per-second>',
      'messages a second across all workers (default 100; 0: none)',
      number('--rate'),
    )
    .action((o: WorkerFlags) => perform(withCampaign((c, ctx) => c.work(ctx, o))))
  campaign
    .command('status <id>')
    .description('the counts of a campaign: total, accepted, rejected, unknown, cancelled, pending')
    .requiredOption('--redis <url>', REDIS)
    .action((id: string, o: { readonly redis: string }) =>
      perform(withCampaign((c, ctx) => c.show(ctx, id, o.redis))),
    )
  steering(campaign, perform, 'pause', 'pause a campaign: its rows wait (those in flight finish)')
  steering(campaign, perform, 'resume', 'resume a paused campaign')
  steering(
    campaign,
    perform,
    'cancel',
    'cancel a campaign for good: its unsent rows are recorded as cancelled',
  )
}
