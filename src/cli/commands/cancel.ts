/**
 * `clickatell cancel [apiMsgId] [--client-id <id>]`: stops a queued message (delmsg). The gateway answers with
 * the message's status either way; a message that had already left (any status but 006 afterwards) was not
 * cancelled, and the command says so and exits 1.
 *
 * @since 0.1.0
 */
import { type Judge, lookup } from '../Lookup.js'
import { cliError, EXIT, failWith } from '../Output.js'

/**
 * A cancel answered with any status but 006 (user cancelled) cancelled nothing.
 *
 * @category utils
 * @since 0.1.0
 */
export const judgeCancel: Judge = (io, v, lines) =>
  v.status.code === '006'
    ? undefined
    : failWith(
        io,
        EXIT.remote,
        cliError(
          'NothingCancelled',
          `nothing was cancelled: the message is already ${v.status.code} (${v.status.description}); only a message still waiting (011) or queued (002) can be stopped`,
        ),
        { value: v, lines },
      )

/**
 * Declares `cancel`.
 *
 * @category commands
 * @since 0.1.0
 */
export const declare = lookup(
  'cancel',
  'stop a queued message (delmsg); exits 1 when it had already left',
  (client) => client.cancel,
  judgeCancel,
)
