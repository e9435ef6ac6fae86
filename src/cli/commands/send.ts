/**
 * `clickatell send --to <numbers> [--text <text>]`: a message, safely: one request per recipient, never sent
 * twice. Reports the message's encoding, parts and cost (`--charge`), warns when a cheaper GSM-7 text exists,
 * and with `--smart-encoding` makes the lossless replacements first (see `MessageReport`). Exits 0 when every
 * recipient was accepted, 2 when every one was refused as bad input (nothing was sent), else 1.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import type { RecipientOutcome } from '../../client/Send.js'
import { type InvalidInput, toMessage } from '../../core/errors.js'
import type { MessageInput } from '../../core/message/Message.js'
import { type Context, type Declare, textOf } from '../Context.js'
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
import { withClient } from '../Gateway.js'
import {
  binaryReport,
  cheaperWarning,
  type MessageReport,
  messageReport,
  reportLines,
  smartText,
  warningLines,
} from '../MessageReport.js'
import {
  cliError,
  EXIT,
  emit,
  errorJson,
  exitCodeOf,
  fail,
  failWith,
  green,
  type Io,
  red,
  yellow,
} from '../Output.js'

/**
 * The recipients of `--to`: comma-separated, spaces around them and empty ones dropped.
 *
 * @example
 * import { recipientsOf } from './send.js'
 * console.log(recipientsOf(' 447900000001, ,447900000002')) // ['447900000001', '447900000002']
 * @category parsing
 * @since 0.1.0
 */
export const recipientsOf = (to: string): ReadonlyArray<string> =>
  to
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')

/**
 * The message the flags describe: one recipient as a string, several as an array; the text, or the 8-bit
 * content of `--udh`/`--data`.
 *
 * @category constructors
 * @since 0.1.0
 */
export const messageOf = (
  to: ReadonlyArray<string>,
  text: string,
  f: MessageFlags & BinaryFlags,
): MessageInput => ({
  to: to.length === 1 ? to[0]! : to,
  ...(isBinary(f) && text === '' ? {} : { text }),
  ...binaryOf(f),
  ...optionsOf(f),
})

/**
 * The readable line of one recipient's outcome; an unknown one says how to check it later.
 *
 * @category formatting
 * @since 0.1.0
 */
export const outcomeLine = (io: Io, o: RecipientOutcome): string =>
  o._tag === 'Accepted'
    ? `${green(io, 'accepted')} ${o.to}  apiMsgId ${o.apiMsgId}  clientMessageId ${o.clientMessageId}${o.confirmed ? ' (answer lost; confirmed by querymsg)' : ''}`
    : o._tag === 'Rejected'
      ? `${red(io, 'rejected')} ${o.to}  ${toMessage(o.error)}`
      : `${yellow(io, 'unknown')}  ${o.to}  clientMessageId ${o.clientMessageId}: ${toMessage(o.error)}; check later with: clickatell status --client-id ${o.clientMessageId}`

/**
 * An outcome as JSON: its error, when it has one, JSON-safe and with its message.
 *
 * @category formatting
 * @since 0.1.0
 */
export const outcomeJson = (o: RecipientOutcome): unknown =>
  o._tag === 'Accepted' ? o : { ...o, error: errorJson(o.error) }

/**
 * The exit code of a send: 0 when all were accepted, 2 when every one was refused as bad input (nothing was
 * sent), else 1 (a send that went to some recipients and not others is 1, never 2).
 *
 * @category utils
 * @since 0.1.0
 */
export const sendExit = (outcomes: ReadonlyArray<RecipientOutcome>): number =>
  outcomes.every((x) => x._tag === 'Accepted')
    ? EXIT.ok
    : outcomes.every((x) => x._tag === 'Rejected' && exitCodeOf(x.error) === EXIT.input)
      ? EXIT.input
      : EXIT.remote

/**
 * Prints the message's report and the outcomes of a send: `{ ok: true, value }` when every recipient was
 * accepted, else a failure saying how many were not, with the report and the outcomes as its `value`. Resolves
 * to the exit code.
 *
 * @category formatting
 * @since 0.1.0
 */
export const reportOutcomes = (
  io: Io,
  message: MessageReport,
  outcomes: ReadonlyArray<RecipientOutcome>,
): number => {
  const value = { message, outcomes: outcomes.map(outcomeJson) }
  const lines = () => [...reportLines(io, message), ...outcomes.map((x) => outcomeLine(io, x))]
  const code = sendExit(outcomes)
  if (code === EXIT.ok) {
    emit(io, value, lines)
    return code
  }
  const missed = outcomes.filter((x) => x._tag !== 'Accepted').length
  const error = cliError('NotAllAccepted', `${missed} of ${outcomes.length} not accepted`)
  return failWith(io, code, error, { value, lines })
}

/**
 * The flags of `send`.
 *
 * @category model
 * @since 0.1.0
 */
export interface SendFlags extends MessageFlags, BinaryFlags {
  readonly charge?: number
}

/**
 * Sends `text` (with `--smart-encoding`, its lossless replacements made) to the recipients; prints the
 * message's report, one outcome each, and on stderr the warning of a cheaper text.
 *
 * @category commands
 * @since 0.1.0
 */
export const send = (
  ctx: Context,
  to: ReadonlyArray<string>,
  text: string,
  flags: SendFlags,
): Promise<number> => {
  const international = countryOf(flags)
  if (E.isLeft(international)) return Promise.resolve(fail(ctx.io, international.left))
  const numbers = to.map(international.right)
  return withClient(ctx, async (client) => {
    const { io } = ctx
    const smart = flags.smartEncoding === true && !isBinary(flags) ? smartText(text) : undefined
    const sent = smart?.text ?? text
    const r = await client.send(messageOf(numbers, sent, flags))()
    if (E.isLeft(r)) return fail(io, r.left)
    const charge = flags.charge === undefined ? {} : { charge: flags.charge }
    const report: MessageReport = {
      ...(isBinary(flags)
        ? binaryReport(flags, charge, numbers.length)
        : messageReport(
            sent,
            {
              ...(flags.ucs2 === true ? { ucs2: true } : {}),
              ...charge,
              ...(smart === undefined ? {} : { replaced: smart.replaced }),
            },
            numbers.length,
          )),
      ...(r.right.warnings.length === 0 ? {} : { warnings: r.right.warnings }),
    }
    const warning = cheaperWarning(report)
    for (const line of [...warningLines(report), ...(warning === undefined ? [] : [warning])])
      io.err(yellow(io, line))
    return reportOutcomes(io, report, r.right.outcomes)
  })
}

/**
 * The text of `--text` or standard input, or `''` for 8-bit content (`--udh`/`--data`) without `--text`: it has
 * no text, so nothing is read. `send` and `quicksend` read their content so.
 *
 * @category parsing
 * @since 0.1.0
 */
export const textOrBinary = (
  ctx: Context,
  o: BinaryFlags & { readonly text?: string | undefined },
): Promise<E.Either<InvalidInput, string>> =>
  isBinary(o) && o.text === undefined
    ? Promise.resolve(E.right(''))
    : textOf(ctx.world, o.text === undefined ? [] : [o.text], 'with --text "Hello"')

/**
 * Declares `send`.
 *
 * @category commands
 * @since 0.1.0
 */
export const declare: Declare = (program, perform) => {
  binaryOptions(
    messageOptions(
      program
        .command('send')
        .description('send a message, safely: one request per recipient, never sent twice')
        .requiredOption('--to <numbers>', '(required) recipients, comma-separated, international format')
        .option('--text <text>', 'the text (or standard input)')
        .option('--charge <credits>', 'credits per part, for the cost', number('--charge')),
    ),
  ).action((o: SendFlags & { to: string; text?: string }) =>
    perform(async (ctx) => {
      const text = await textOrBinary(ctx, o)
      return E.isLeft(text) ? fail(ctx.io, text.left) : send(ctx, recipientsOf(o.to), text.right, o)
    }),
  )
}
