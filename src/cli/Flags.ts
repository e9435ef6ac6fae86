/**
 * The flags of a message, as commander declares them, and the one place they become the library's
 * `MessageOptions` (so `send` and `bulk` read them the same way).
 *
 * @since 0.1.0
 */
import { CommanderError, Option, type Command as Program } from 'commander'
import type { MessageOptions } from '../core/message/Message.js'
import { EXIT } from './Output.js'

/**
 * A commander argument parser for a number flag; anything else is a usage error (exit code 2).
 *
 * @category parsing
 * @since 0.1.0
 */
export const number =
  (name: string) =>
  (value: string): number => {
    const n = Number(value)
    if (value.trim() === '' || !Number.isFinite(n))
      throw new CommanderError(
        EXIT.input,
        'clickatell.invalidArgument',
        `${name} must be a number; got ${JSON.stringify(value)}`,
      )
    return n
  }

/**
 * The global flag `--timeout <ms>`: the longest one request may take, its whole answer included. The client's
 * configuration checks the value.
 *
 * @category parsing
 * @since 0.1.0
 */
export const timeoutFlag = (): Option =>
  new Option('--timeout <ms>', 'longest one request may take, in ms (default 30000)').argParser(
    number('--timeout'),
  )

/**
 * The global flag `--deadline <ms>`: the longest one call to the gateway may take, its retries and checks
 * included (for a send, each recipient's).
 *
 * @category parsing
 * @since 0.1.0
 */
export const deadlineFlag = (): Option =>
  new Option('--deadline <ms>', 'longest one call may take with its retries and checks, in ms').argParser(
    number('--deadline'),
  )

/**
 * Declares the options every message takes, as flags; the client's validation checks the values. `--client-id`
 * names one message, so a command that sends many (`bulk`) leaves it out with `{ clientId: false }`.
 *
 * @category parsing
 * @since 0.1.0
 */
export const messageOptions = (cmd: Program, which: { readonly clientId?: boolean } = {}): Program => {
  cmd.option('--from <sender>', 'sender id: 1-16 digits or up to 11 letters and digits')
  if (which.clientId !== false)
    cmd.option('--client-id <id>', 'your id for the message (climsgid), 1-32 letters and digits')
  return cmd
    .option('--max-parts <n>', 'most parts the text may take (concat, 1-35)', number('--max-parts'))
    .option('--callback <n>', 'which statuses to post to your callback URL (0-7)', number('--callback'))
    .option('--deliver-after <minutes>', 'delay delivery (deliv_time, minutes)', number('--deliver-after'))
    .option('--deliver-at <time>', 'deliver at a time: unix seconds or an ISO date (scheduled_time)')
    .option('--validity <minutes>', 'give up after this many minutes (1-1440)', number('--validity'))
    .option('--queue <n>', 'priority queue, 1 (highest) to 3', number('--queue'))
    .option('--escalate', 'move to a dearer route if the cheapest is queued')
    .option('--replyable', 'route so replies reach your two-way number (mo=1)')
    .option('--max-credits <n>', 'most credits the message may cost', number('--max-credits'))
    .option('--type <msg_type>', 'message type, e.g. SMS_FLASH')
    .option('--ucs2', 'send as UCS-2 even if GSM-7 would do')
    .option('--bypass-dnc', 'skip the do-not-contact lookup')
    .option(
      '--smart-encoding',
      'replace typographic quotes, dashes and spaces with their GSM-7 twins before sending, and say which',
    )
}

/**
 * The message flags as commander parses them (absent, or `undefined`, when not given).
 *
 * @category model
 * @since 0.1.0
 */
export interface MessageFlags {
  readonly from?: string | undefined
  readonly clientId?: string | undefined
  readonly maxParts?: number | undefined
  readonly callback?: number | undefined
  readonly deliverAfter?: number | undefined
  readonly deliverAt?: string | undefined
  readonly validity?: number | undefined
  readonly queue?: number | undefined
  readonly escalate?: boolean | undefined
  readonly replyable?: boolean | undefined
  readonly maxCredits?: number | undefined
  readonly type?: string | undefined
  readonly ucs2?: boolean | undefined
  readonly bypassDnc?: boolean | undefined
  /** Not an option of the message: the CLI makes the lossless replacements before sending. */
  readonly smartEncoding?: boolean | undefined
}

/**
 * The options of a message or a batch, with its `encoding`: what the flags ask for.
 *
 * @category model
 * @since 0.1.0
 */
export type FlagOptions = MessageOptions & { readonly encoding?: 'ucs2' }

const deliverAt = (s: string): Date | number => (/^\d+$/.test(s) ? Number(s) : new Date(s))

/**
 * The options the given flags ask for; a flag not given sets nothing.
 *
 * @category parsing
 * @since 0.1.0
 */
export const optionsOf = (f: MessageFlags): FlagOptions => ({
  ...(f.from === undefined ? {} : { from: f.from }),
  ...(f.clientId === undefined ? {} : { clientMessageId: f.clientId }),
  ...(f.maxParts === undefined ? {} : { maxParts: f.maxParts }),
  ...(f.callback === undefined ? {} : { callback: f.callback }),
  ...(f.deliverAfter === undefined ? {} : { deliverAfterMinutes: f.deliverAfter }),
  ...(f.deliverAt === undefined ? {} : { deliverAt: deliverAt(f.deliverAt) }),
  ...(f.validity === undefined ? {} : { validityMinutes: f.validity }),
  ...(f.queue === undefined ? {} : { queue: f.queue }),
  ...(f.escalate === true ? { escalate: true } : {}),
  ...(f.replyable === true ? { replyable: true } : {}),
  ...(f.maxCredits === undefined ? {} : { maxCredits: f.maxCredits }),
  ...(f.type === undefined ? {} : { messageType: f.type as MessageOptions['messageType'] & string }),
  ...(f.ucs2 === true ? { encoding: 'ucs2' as const } : {}),
  ...(f.bypassDnc === true ? { bypassDoNotContact: true } : {}),
})
