/**
 * The message model: friendly camelCase options in, a validated `ValidMessage` out, wire names only on the
 * wire (`wireNames`). `decode` lists every problem with its path and never throws.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import type { ReadonlyNonEmptyArray } from 'fp-ts/lib/ReadonlyNonEmptyArray.js'
import type { Type } from 'io-ts'
import { type InvalidInput, invalidInput, type Problem } from '../errors.js'
import { lossless, type Replaced } from '../text/Lossless.js'

export type { Replaced } from '../text/Lossless.js'

import {
  Hex,
  type Hex as HexT,
  MessageText,
  type MessageText as MessageTextT,
  MessageType,
  type MessageType as MessageTypeT,
  RequiredFeatures,
  TextEncoding,
  Udh,
  type Udh as UdhT,
} from './ContentCodecs.js'
import type { Feature, Requirement } from './Features.js'
import {
  ClientMessageId,
  type ClientMessageId as ClientMessageIdT,
  Sender,
  type Sender as SenderT,
} from './IdCodecs.js'
import { type Msisdn, Recipients } from './Msisdn.js'
import {
  Callback,
  DeliveryDelay,
  type DeliveryDelay as DeliveryDelayT,
  Flag,
  MaxCredits,
  type MaxCredits as MaxCreditsT,
  MaxParts,
  type MaxParts as MaxPartsT,
  Queue,
  ScheduledTime,
  type UnixSeconds,
  Validity,
  type Validity as ValidityT,
} from './NumberCodecs.js'
import { describe, fields } from './Validation.js'

/**
 * The options a message and a batch share, with friendly names (wire names in brackets).
 *
 * @category model
 * @since 0.1.0
 */
export interface MessageOptions {
  /** Sender id (`from`): 1-16 digits, or 1-11 printable ASCII characters with a letter (punctuation warns). Default: the gateway's number. */
  readonly from?: string
  /** Your id for the message (`climsgid`): 1-32 letters and digits. */
  readonly clientMessageId?: string
  /** The most parts the text may take (`concat`, 1-35). Default 35; the wire gets the parts the text needs. */
  readonly maxParts?: number
  /** Which statuses to post to your callback URL (`callback`, 0-7). */
  readonly callback?: number
  /** Delay delivery by this many minutes (`deliv_time`, 1-10080). */
  readonly deliverAfterMinutes?: number
  /** Deliver at this moment (`scheduled_time`): a Date or unix seconds. At most 7 days ahead, not in the past (the client checks it with its clock). */
  readonly deliverAt?: Date | number
  /** Give up if still queued after this many minutes (`validity`, 1-1440). */
  readonly validityMinutes?: number
  /** Priority queue (`queue`): 1 highest, 3 lowest (the default). */
  readonly queue?: number
  /** Move to a dearer route if the cheapest is queued (`escalate`). */
  readonly escalate?: boolean
  /** Route so that replies reach your two-way number (`mo`). */
  readonly replyable?: boolean
  /** The most credits the message may cost (`max_credits`). */
  readonly maxCredits?: number
  /** The message type (`msg_type`), e.g. `SMS_FLASH`. */
  readonly messageType?: MessageTypeT
  /** Skip the do-not-contact lookup (`bypass_dnc_check`). */
  readonly bypassDoNotContact?: boolean
  /** Route features to require (`req_feat`) on top of (`add`) or instead of (`exactly`) the derived ones. */
  readonly requiredFeatures?:
    | { readonly add: ReadonlyArray<Feature> }
    | { readonly exactly: ReadonlyArray<Feature> }
}

/**
 * A message to send: recipients, then text or binary content, then options.
 *
 * @category model
 * @since 0.1.0
 */
export interface MessageInput extends MessageOptions {
  /** One number or a list, international format, digits only (`to`). */
  readonly to: string | ReadonlyArray<string>
  /** The text (`text`). Give `text`, or `data`/`udh` for binary content. */
  readonly text?: string
  /** `auto` (default): GSM-7 when possible, else UCS-2; `ucs2`: always UCS-2 (`unicode=1`). */
  readonly encoding?: 'auto' | 'ucs2'
  /** Binary content as hex (`data`). */
  readonly data?: string
  /** User data header as hex (`udh`), first byte its length. */
  readonly udh?: string
  /** Force 8-bit (`binary=1`); only with binary content. */
  readonly binary?: boolean
  /**
   * Make the lossless replacements first (typographic quotes, dashes and spaces, ellipsis, Greek capitals that
   * look Latin: `Charset`'s `typographic` ones), so a text that is GSM-7 but for them goes as GSM-7. Not sent:
   * the decoded message's `content.replaced` lists what was replaced. Only with `text`.
   */
  readonly smartEncoding?: boolean
}

/**
 * Options after validation.
 *
 * @category model
 * @since 0.1.0
 */
export interface ValidOptions {
  readonly from?: SenderT
  readonly clientMessageId?: ClientMessageIdT
  readonly maxParts?: MaxPartsT
  readonly callback?: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7
  readonly deliverAfterMinutes?: DeliveryDelayT
  readonly deliverAt?: UnixSeconds
  readonly validityMinutes?: ValidityT
  readonly queue?: 1 | 2 | 3
  readonly escalate?: boolean
  readonly replyable?: boolean
  readonly maxCredits?: MaxCreditsT
  readonly messageType?: MessageTypeT
  readonly bypassDoNotContact?: boolean
  readonly requiredFeatures?: Requirement
}

/**
 * What a message carries: text (with the caller's encoding choice) or binary content (at least one of `udh`
 * and `data`). One or the other, never both.
 *
 * @category model
 * @since 0.1.0
 */
export type Content =
  | {
      readonly _tag: 'Text'
      readonly text: MessageTextT
      readonly encoding: 'auto' | 'ucs2'
      /** With `smartEncoding`: the replacements made, by their position in the text as given. */
      readonly replaced?: ReadonlyArray<Replaced>
    }
  | { readonly _tag: 'Binary'; readonly udh?: UdhT; readonly data?: HexT; readonly forced: boolean }

/**
 * A message that passed `decode`.
 *
 * @category model
 * @since 0.1.0
 */
export interface ValidMessage extends ValidOptions {
  readonly to: ReadonlyNonEmptyArray<Msisdn>
  readonly content: Content
}

/**
 * The codec of each option. Checked against `ValidOptions`: an option without a codec is a compile error.
 *
 * @category codecs
 * @since 0.1.0
 */
export const optionCodecs: {
  readonly [K in keyof ValidOptions]-?: Type<NonNullable<ValidOptions[K]>, unknown, unknown>
} = {
  from: Sender,
  clientMessageId: ClientMessageId,
  maxParts: MaxParts,
  callback: Callback,
  deliverAfterMinutes: DeliveryDelay,
  deliverAt: ScheduledTime,
  validityMinutes: Validity,
  queue: Queue,
  escalate: Flag,
  replyable: Flag,
  maxCredits: MaxCredits,
  messageType: MessageType,
  bypassDoNotContact: Flag,
  requiredFeatures: RequiredFeatures,
}

const messageCodecs = {
  to: Recipients,
  text: MessageText,
  encoding: TextEncoding,
  data: Hex,
  udh: Udh,
  binary: Flag,
  smartEncoding: Flag,
  ...optionCodecs,
}

/**
 * The wire name of every input field (specification section 5.1). `climsgid` is the spelling of the
 * specification's own commands (sections 5.2.13, 6.1, 6.4) and of PEAR's Services_Clickatell; its table
 * prints `cliMsgId`, the spelling of the callback.
 *
 * @example
 * import { Message } from 'clickatell-fp'
 * console.log(Message.wireNames.maxParts, Message.wireNames.replyable) // 'concat' 'mo'
 * @category data
 * @since 0.1.0
 */
export const wireNames: { readonly [K in Exclude<keyof MessageInput, 'smartEncoding'>]-?: string } = {
  to: 'to',
  text: 'text',
  encoding: 'unicode',
  data: 'data',
  udh: 'udh',
  binary: 'binary',
  from: 'from',
  clientMessageId: 'climsgid',
  maxParts: 'concat',
  callback: 'callback',
  deliverAfterMinutes: 'deliv_time',
  deliverAt: 'scheduled_time',
  validityMinutes: 'validity',
  queue: 'queue',
  escalate: 'escalate',
  replyable: 'mo',
  maxCredits: 'max_credits',
  messageType: 'msg_type',
  bypassDoNotContact: 'bypass_dnc_check',
  requiredFeatures: 'req_feat',
}

/**
 * Hints for a field that is not an option: a wire name says which option it is, credentials say where they go.
 *
 * @example
 * import { Message } from 'clickatell-fp'
 * console.log(Message.hints.concat) // 'concat is the wire name; the option is maxParts'
 * @category data
 * @since 0.1.0
 */
export const hints: Readonly<Record<string, string>> = {
  ...Object.fromEntries(
    Object.entries(wireNames)
      .filter(([friendly, wire]) => friendly !== wire)
      .map(([friendly, wire]) => [wire, `${wire} is the wire name; the option is ${friendly}`]),
  ),
  cliMsgId: 'cliMsgId is the wire name; the option is clientMessageId',
  deliv_ack: 'deliv_ack is not a v2.6 parameter; set callback for delivery reports',
  ...Object.fromEntries(
    ['session_id', 'api_id', 'user', 'password', 'sessionId', 'apiId'].map((k) => [
      k,
      'credentials are the first argument of the encoder, not part of the message',
    ]),
  ),
}

const decodeFields = fields(messageCodecs, {
  hints,
  required: { to: 'the number to send to, or a list of them' },
})

/** Checks between fields, made only on fields that decoded (a bad field is already one problem). */
const crossProblems = (
  v: ReturnType<typeof decodeFields>['value'],
  given: ReadonlyArray<string>,
): Problem[] => {
  const out: Problem[] = []
  const binary = given.includes('data') || given.includes('udh')
  if (given.includes('text') && binary)
    out.push({ path: 'text', message: 'give either text or binary content (data, udh), not both' })
  if (!given.includes('text') && !binary)
    out.push({ path: 'text', message: 'is required: the text of the message (or data, for binary content)' })
  if (v.binary === true && given.includes('text'))
    out.push({
      path: 'binary',
      message: 'applies to binary content (data, udh); a text goes as GSM-7 or UCS-2',
    })
  if (v.encoding !== undefined && binary)
    out.push({ path: 'encoding', message: 'applies to text; binary content has no character encoding' })
  if (v.smartEncoding === true && binary)
    out.push({
      path: 'smartEncoding',
      message: 'applies to text; binary content has no characters to replace',
    })
  if (v.deliverAfterMinutes !== undefined && v.deliverAt !== undefined)
    out.push({ path: 'deliverAt', message: 'give deliverAfterMinutes or deliverAt, not both' })
  return out
}

/** The text content with its lossless replacements made (`smartEncoding`); a text of invisible characters only
 * would be empty, which the gateway refuses. */
const smartContent = (
  text: MessageTextT,
  encoding: 'auto' | 'ucs2' | undefined,
): E.Either<Problem, Content> => {
  const made = lossless(text)
  return made.replaced.length === 0
    ? E.right({ _tag: 'Text', text, encoding: encoding ?? 'auto', replaced: [] })
    : MessageText.is(made.text) && made.text !== ''
      ? E.right({ _tag: 'Text', text: made.text, encoding: encoding ?? 'auto', replaced: made.replaced })
      : E.left({
          path: 'text',
          message: 'is empty once its invisible characters are removed (smartEncoding)',
        })
}

/**
 * Validates a message. Every problem is listed, each with its path (`to.2`, `text`, `maxParts`) and a
 * sentence; a field that is not an option is a problem too (a typo must not drop an option silently). Never
 * throws, whatever the input.
 *
 * Length is not checked here: how many parts a text needs depends on its encoding, which `Submission` plans.
 *
 * @example
 * import { Message } from 'clickatell-fp'
 * console.log(Message.decode({ to: '447901231234', text: 'Hello' })._tag) // 'Right'
 * const bad = Message.decode({ to: ['447901231234', '+44 7901'], text: '', maxParts: 40 })
 * console.log(bad._tag === 'Left' && bad.left.problems.map((p) => p.path)) // ['to.1', 'text', 'maxParts']
 * @category decoding
 * @since 0.1.0
 */
export const decode = (input: unknown): E.Either<InvalidInput, ValidMessage> => {
  if (input === null || typeof input !== 'object' || Array.isArray(input))
    return E.left(
      invalidInput([
        { path: '', message: `a message must be an object with "to" and "text"; got ${describe(input)}` },
      ]),
    )
  const { value: v, given, problems } = decodeFields(input)
  const cross = crossProblems(v, given)
  const smart =
    v.smartEncoding === true && v.text !== undefined ? smartContent(v.text, v.encoding) : undefined
  if (smart !== undefined && E.isLeft(smart)) cross.push(smart.left)
  if (problems.length > 0 || cross.length > 0) return E.left(invalidInput([...problems, ...cross]))
  const content: Content =
    smart !== undefined && E.isRight(smart)
      ? smart.right
      : v.text !== undefined
        ? { _tag: 'Text', text: v.text, encoding: v.encoding ?? 'auto' }
        : {
            _tag: 'Binary',
            ...(v.udh === undefined ? {} : { udh: v.udh }),
            ...(v.data === undefined ? {} : { data: v.data }),
            forced: v.binary === true,
          }
  // Copied key by key: a rest pattern would cost more than the whole check on the hot path.
  const message: Record<string, unknown> = { to: v.to, content }
  for (const key of given) if (Object.hasOwn(optionCodecs, key)) message[key] = v[key as keyof ValidOptions]
  return E.right(message as unknown as ValidMessage)
}
