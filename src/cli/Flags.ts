/**
 * The flags of a message, as commander declares them, and the one place they become the library's
 * `MessageOptions` (so `send` and `bulk` read them the same way).
 *
 * @since 0.1.0
 */
import { CommanderError, Option, type Command as Program } from 'commander'
import * as E from 'fp-ts/lib/Either.js'
import { type InvalidInput, invalidInput } from '../core/errors.js'
import type { Feature } from '../core/message/Features.js'
import type { MessageOptions } from '../core/message/Message.js'
import { CountryCode, withCountryCode } from '../core/message/Msisdn.js'
import { describe } from '../core/message/Validation.js'
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
      '--require <features>',
      'route features to require on top of the derived ones (req_feat), by name: e.g. FLASH,DELIVACK',
    )
    .option(
      '--country <code>',
      'country code for national numbers: with 44, 07900000001 goes as 447900000001',
    )
    .option(
      '--smart-encoding',
      'replace typographic quotes, dashes and spaces with their GSM-7 twins before sending, and say which',
    )
}

/**
 * Declares the flags of 8-bit content: `--udh`, `--data` (hex) and `--binary`; a message with them has no text.
 *
 * @category parsing
 * @since 0.1.0
 */
export const binaryOptions = (cmd: Program): Program =>
  cmd
    .option('--udh <hex>', 'user data header as hex, its first byte its length (8-bit message, no text)')
    .option('--data <hex>', 'binary content as hex (8-bit message, no text)')
    .option('--binary', 'send the content as 8-bit data (binary=1)')

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
  readonly require?: string | undefined
  /** Not an option of the message: the country code the CLI puts in place of a national number's leading 0. */
  readonly country?: string | undefined
  /** Not an option of the message: the CLI makes the lossless replacements before sending. */
  readonly smartEncoding?: boolean | undefined
}

/**
 * The 8-bit content flags.
 *
 * @category model
 * @since 0.1.0
 */
export interface BinaryFlags {
  readonly udh?: string | undefined
  readonly data?: string | undefined
  readonly binary?: boolean | undefined
}

/**
 * Whether the flags give 8-bit content (`--udh` or `--data`), so no text is read.
 *
 * @example
 * import { isBinary } from './Flags.js'
 * console.log(isBinary({ data: '0102' }), isBinary({ binary: true })) // true false
 * @category parsing
 * @since 0.1.0
 */
export const isBinary = (f: BinaryFlags): boolean => f.udh !== undefined || f.data !== undefined

/**
 * The 8-bit content the flags give, as message fields (`binary` alone is left for the library to refuse).
 *
 * @example
 * import { binaryOf } from './Flags.js'
 * console.log(binaryOf({ udh: '050003010201', data: 'CAFE', binary: true })) // { udh: '050003010201', data: 'CAFE', binary: true }
 * @category parsing
 * @since 0.1.0
 */
export const binaryOf = (f: BinaryFlags): { udh?: string; data?: string; binary?: boolean } => ({
  ...(f.udh === undefined ? {} : { udh: f.udh }),
  ...(f.data === undefined ? {} : { data: f.data }),
  ...(f.binary === true ? { binary: true } : {}),
})

/**
 * What `--country` makes of a number: a national one (leading 0) gets the country code, anything else stays;
 * without `--country`, every number stays. A code that is not 1 to 3 digits is bad input.
 *
 * @example
 * import { countryOf } from './Flags.js'
 * const r = countryOf({ country: '44' })
 * console.log(r._tag === 'Right' && r.right('07900000001')) // '447900000001'
 * console.log(countryOf({ country: '+44' })._tag) // 'Left'
 * @category parsing
 * @since 0.1.0
 */
export const countryOf = (f: {
  readonly country?: string | undefined
}): E.Either<InvalidInput, (to: string) => string> => {
  if (f.country === undefined) return E.right((to) => to)
  const cc = f.country
  return CountryCode.is(cc)
    ? E.right(withCountryCode(cc))
    : E.left(
        invalidInput([
          {
            path: '--country',
            message: `must be a country code of 1 to 3 digits, without '+' or '00', such as 44; got ${describe(cc)}`,
          },
        ]),
      )
}

// `--require FLASH,delivack` as feature names, upper-cased; the library refuses a name it does not know.
const featuresOf = (list: string): ReadonlyArray<Feature> =>
  list
    .split(',')
    .map((s) => s.trim().toUpperCase())
    .filter((s) => s !== '') as ReadonlyArray<Feature>

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
  ...(f.require === undefined ? {} : { requiredFeatures: { add: featuresOf(f.require) } }),
})
