/**
 * `clickatell quicksend --to <numbers> [--text <text> | --data <hex> [--udh <hex>]]`: one message to many numbers
 * as a batch (specification section 7.3): `startbatch` with the text as its template (or the 8-bit content of
 * `--udh`/`--data`, as `send` takes it) and the message flags, `quicksend` with the numbers (300 a request),
 * then `endbatch`. Each request is sent once: a lost answer leaves its recipients
 * unknown. Exits 0 when every recipient was accepted, 2 when nothing was sent, else 1.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import type { ItemOutcome } from '../../client/Commands.js'
import { toMessage } from '../../core/errors.js'
import { quicksend as checkQuicksend } from '../../core/request/UnboundBatch.js'
import type { Context, Declare } from '../Context.js'
import {
  type BinaryFlags,
  binaryOf,
  binaryOptions,
  countryOf,
  isBinary,
  type MessageFlags,
  messageOptions,
  number,
  optionsOf,
} from '../Flags.js'
import { withHttpClient } from '../Gateway.js'
import { binaryReport, messageReport, reportLines, smartText, warningLines } from '../MessageReport.js'
import { cliError, EXIT, emit, errorJson, fail, failWith, green, type Io, red, yellow } from '../Output.js'
import { recipientsOf, textOrBinary } from './send.js'

/**
 * The flags of `quicksend`.
 *
 * @category model
 * @since 0.1.0
 */
export interface QuicksendFlags extends MessageFlags, BinaryFlags {
  readonly charge?: number
}

/**
 * The readable line of one recipient's outcome.
 *
 * @category formatting
 * @since 0.1.0
 */
export const itemLine = (io: Io, o: ItemOutcome): string =>
  o._tag === 'Accepted'
    ? `${green(io, 'accepted')} ${o.to}  apiMsgId ${o.apiMsgId}`
    : o._tag === 'Rejected'
      ? `${red(io, 'rejected')} ${o.to}  ${toMessage(o.error)}`
      : `${yellow(io, 'unknown')}  ${o.to}  ${toMessage(o.error)}; the batch was sent once and not repeated`

const itemJson = (o: ItemOutcome): unknown =>
  o._tag === 'Accepted' ? o : { ...o, error: errorJson(o.error) }

/**
 * Sends `text` (or the 8-bit content of the flags, when `text` is empty) to the numbers as a batch and prints
 * the message's report and one outcome per recipient.
 *
 * @category commands
 * @since 0.1.0
 */
export const quicksend = (
  ctx: Context,
  to: ReadonlyArray<string>,
  text: string,
  flags: QuicksendFlags,
): Promise<number> => {
  const international = countryOf(flags)
  if (E.isLeft(international)) return Promise.resolve(fail(ctx.io, international.left))
  const numbers = to.map(international.right)
  // The numbers are checked before the batch is started: a bad one sends nothing at all.
  const checked = checkQuicksend({ batchId: 'check', to: numbers })
  if (E.isLeft(checked)) return Promise.resolve(fail(ctx.io, checked.left))
  const eight = isBinary(flags)
  const smart = flags.smartEncoding === true && !eight ? smartText(text) : undefined
  const template = smart?.text ?? text
  // As send does: 8-bit content without a text; a text beside it is sent too, for the library to refuse.
  const content = eight && text === '' ? binaryOf(flags) : { template, ...binaryOf(flags) }
  return withHttpClient(ctx, 'batches', async (client) => {
    const { io } = ctx
    const started = await client.startBatch({ ...content, ...optionsOf(flags) })()
    if (E.isLeft(started)) return fail(io, started.left)
    const sent = await client.quickSend({ batchId: started.right.batchId, to: numbers })()
    // Ended either way: a batch left open only expires after 24 hours.
    await client.endBatch({ batchId: started.right.batchId })()
    if (E.isLeft(sent)) return fail(io, sent.left)
    const outcomes = sent.right.outcomes
    const charge = flags.charge === undefined ? {} : { charge: flags.charge }
    const report = eight
      ? binaryReport(flags, charge, numbers.length)
      : messageReport(
          template,
          {
            ...(flags.ucs2 === true ? { ucs2: true } : {}),
            ...charge,
            ...(smart === undefined ? {} : { replaced: smart.replaced }),
          },
          numbers.length,
        )
    for (const line of warningLines({ warnings: started.right.warnings })) io.err(yellow(io, line))
    const value = { batchId: started.right.batchId, message: report, outcomes: outcomes.map(itemJson) }
    const lines = () => [...reportLines(io, report), ...outcomes.map((o) => itemLine(io, o))]
    const missed = outcomes.filter((o) => o._tag !== 'Accepted').length
    if (missed === 0) {
      emit(io, value, lines)
      return EXIT.ok
    }
    const error = cliError('NotAllAccepted', `${missed} of ${outcomes.length} not accepted`)
    return failWith(io, EXIT.remote, error, { value, lines })
  })
}

/**
 * Declares `quicksend`.
 *
 * @category commands
 * @since 0.1.0
 */
export const declare: Declare = (program, perform) => {
  binaryOptions(
    messageOptions(
      program
        .command('quicksend')
        .description(
          'one message to many numbers as a batch (startbatch, quicksend, endbatch), each request sent once',
        )
        .requiredOption('--to <numbers>', '(required) recipients, comma-separated, international format')
        .option('--text <text>', 'the text (or standard input)')
        .option('--charge <credits>', 'credits per part, for the cost', number('--charge')),
      { clientId: false },
    ),
  ).action((o: QuicksendFlags & { to: string; text?: string }) =>
    perform(async (ctx) => {
      const text = await textOrBinary(ctx, o)
      return E.isLeft(text) ? fail(ctx.io, text.left) : quicksend(ctx, recipientsOf(o.to), text.right, o)
    }),
  )
}
