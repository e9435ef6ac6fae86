/**
 * The gateway's code registries as data: every error code (`ERR: <code>, <description>`) with its description,
 * category and whether repeating helps, and every message status (`Status: <NNN>`, callback `status`) with its
 * number, hex, description and whether it is final. Rows are checked by the compiler against the code unions, so
 * a code without a row fails to build. The lookups over these tables are in `Codes`, which re-exports them.
 *
 * @since 0.1.0
 */

/**
 * What an error code is about, for branching without listing codes.
 *
 * @category model
 * @since 0.1.0
 */
export type ErrorCategory =
  | 'auth'
  | 'input'
  | 'routing'
  | 'credit'
  | 'limit'
  | 'batch'
  | 'otp'
  | 'rest'
  | 'server'

/**
 * Every error code documented by any Clickatell API (docs/gateway.md, 'Error codes'): 44 codes.
 *
 * @category model
 * @since 0.1.0
 */
export type ErrorCodeNumber =
  | '001'
  | '002'
  | '003'
  | '004'
  | '005'
  | '007'
  | '100'
  | '101'
  | '102'
  | '103'
  | '104'
  | '105'
  | '106'
  | '107'
  | '108'
  | '109'
  | '110'
  | '111'
  | '112'
  | '113'
  | '114'
  | '115'
  | '116'
  | '120'
  | '121'
  | '122'
  | '123'
  | '124'
  | '125'
  | '126'
  | '127'
  | '128'
  | '130'
  | '160'
  | '161'
  | '165'
  | '166'
  | '167'
  | '201'
  | '202'
  | '250'
  | '301'
  | '302'
  | '901'

/**
 * A documented error code.
 *
 * @category model
 * @since 0.1.0
 */
export interface ErrorCode {
  /** Three decimal digits, `'001'`. */
  readonly code: string
  /** The specification's wording (v2.6, or the older specification's for codes v2.6 dropped). */
  readonly description: string
  readonly category: ErrorCategory
  /** Repeating the same request unchanged, a little later, may succeed. */
  readonly retryable: boolean
  readonly known: true
  /** Other wordings seen from the live service, fixtures and other Clickatell documents. */
  readonly variants: ReadonlyArray<string>
}

/**
 * An error code no document lists. `code` is what the gateway sent, unchanged.
 *
 * @category model
 * @since 0.1.0
 */
export interface UnknownErrorCode {
  readonly code: string
  readonly known: false
  readonly category: 'unknown'
  readonly retryable: false
  readonly description: string
}

type ErrorRow = readonly [description: string, category: ErrorCategory, variants?: ReadonlyArray<string>]

// docs/gateway.md, 'Error codes', in its order. Only 901 is retryable: the others fail again unchanged, or (003, and 001
// for a stale session, quirk 2) are the client's business: it re-authenticates, then repeats.
const errorRows: { readonly [K in ErrorCodeNumber]-?: ErrorRow } = {
  '001': [
    'Authentication failed',
    'auth',
    ['Authentication Failed', 'Authentication error', 'Authentication failed.'],
  ],
  '002': ['Unknown username or password', 'auth', ['Unknown username or password.']],
  '003': ['Session ID expired', 'auth', ['Session ID Expired']],
  '004': ['Account frozen', 'auth'],
  '005': ['Missing session ID', 'auth'],
  '007': ['IP Lockdown violation', 'auth', ['IP lockdown violation']],
  '100': ['Data malformed (JSON/XML invalid)', 'rest'],
  '101': ['Invalid or missing parameters', 'input'],
  '102': ['Invalid user data header', 'input'],
  '103': ['Unknown API message ID', 'input'],
  '104': ['Unknown client message ID', 'input'],
  '105': [
    'Invalid destination address',
    'input',
    ['Invalid Destination Address', 'INVALID DESTINATION ADDRESS'],
  ],
  '106': ['Invalid source address', 'input'],
  '107': ['Empty message', 'input'],
  '108': ['Invalid or missing API ID', 'auth'],
  '109': ['Missing message ID', 'input'],
  '110': ['Error with email message', 'input'],
  '111': ['Invalid protocol', 'input'],
  '112': ['Invalid message type', 'input'],
  '113': ['Maximum message parts exceeded', 'input', ['Max message parts exceeded']],
  '114': ['Cannot route message', 'routing'],
  '115': ['Message expired', 'routing'],
  '116': ['Invalid Unicode data', 'input', ['Invalid unicode data']],
  '120': ['Invalid delivery time', 'input', ['clientMessageId contains space(s)']],
  '121': ['Destination mobile number blocked', 'routing'],
  '122': ['Destination mobile opted out', 'routing'],
  '123': ['Invalid Sender ID', 'input'],
  '124': ['Missing OTP tag', 'otp'],
  '125': ['apiMsgId (API Message ID) does not match api_id or dest_addr', 'otp'],
  '126': ['OTP password does not match', 'otp'],
  '127': ['OTP expired', 'otp'],
  '128': ['Number delisted', 'routing'],
  '130': ['Maximum MT limit exceeded until <UNIX TIME STAMP>', 'limit'],
  '160': ['HTTP method is not supported on this resource', 'rest'],
  '161': ['Resource does not exist', 'rest'],
  '165': ['Invalid or no version header specified', 'rest'],
  '166': ['Invalid accept header specified', 'rest'],
  '167': ['Invalid or no content-type specified', 'rest'],
  '201': ['Invalid batch ID', 'batch'],
  '202': ['No batch template', 'batch'],
  '250': ['Destination address is on DNC list - Do not contact receiver', 'routing'],
  '301': ['No credit left', 'credit', ['No Credit Left']],
  '302': ['Max allowed credit', 'credit'],
  '901': ['Internal error', 'server', ['Internal error - please retry']],
}

const toErrorCode = (code: string, [description, category, variants = []]: ErrorRow): ErrorCode => ({
  code,
  description,
  category,
  retryable: category === 'server',
  known: true,
  variants,
})

const mapTable = <K extends string, A, B>(
  table: { readonly [k in K]-?: A },
  f: (key: K, a: A) => B,
): { readonly [k in K]-?: B } => {
  const out: Partial<Record<K, B>> = {}
  for (const key of Object.keys(table) as Array<K>) out[key] = f(key, table[key])
  return out as { readonly [k in K]-?: B }
}

/**
 * Every documented error code, by its three-digit code.
 *
 * @example
 * import { Codes } from 'clickatell-fp'
 * console.log(Codes.errorCodes['301'].category) // 'credit'
 * console.log(Object.keys(Codes.errorCodes).length) // 44
 * @category data
 * @since 0.1.0
 */
export const errorCodes: { readonly [K in ErrorCodeNumber]-?: ErrorCode } = mapTable<
  ErrorCodeNumber,
  ErrorRow,
  ErrorCode
>(errorRows, toErrorCode)

/**
 * Every message status documented by any Clickatell API (docs/gateway.md, 'Message statuses'): 14 codes.
 *
 * @category model
 * @since 0.1.0
 */
export type StatusCodeNumber =
  | '001'
  | '002'
  | '003'
  | '004'
  | '005'
  | '006'
  | '007'
  | '008'
  | '009'
  | '010'
  | '011'
  | '012'
  | '013'
  | '014'

/**
 * A documented message status.
 *
 * @category model
 * @since 0.1.0
 */
export interface StatusCode {
  /** Three decimal digits, `'004'`. */
  readonly code: string
  /** The decimal value: `'010'` is 10. */
  readonly number: number
  /** As the specification's hex column writes it: `'0x00A'`. */
  readonly hex: string
  readonly description: string
  readonly detail: string
  /** No later status will follow. */
  readonly final: boolean
  /** The message reached the network (003) or the handset (004). */
  readonly success: boolean
  readonly known: true
}

/**
 * A status no document lists. `code` is what the gateway sent, unchanged.
 *
 * @category model
 * @since 0.1.0
 */
export interface UnknownStatusCode {
  readonly code: string
  /** The decimal value when the code is made of digits. */
  readonly number?: number
  readonly description: string
  readonly final: false
  readonly success: false
  readonly known: false
}

type StatusRow = readonly [description: string, detail: string, final: boolean]

// Specification v2.6 Appendix B with docs/gateway.md, 'Message statuses': 011 without the v2.6 typo ("queue"), 013 from the
// REST-era list, 014 with its own detail instead of the text v2.6 copied from 012.
const statusRows: { readonly [K in StatusCodeNumber]-?: StatusRow } = {
  '001': ['Message unknown', 'The message ID is incorrect, or reporting is delayed.', false],
  '002': [
    'Message queued',
    'The message could not be delivered and has been queued for attempted redelivery.',
    false,
  ],
  '003': [
    'Delivered to gateway',
    'Delivered to the upstream gateway or network (delivered to the recipient).',
    false,
  ],
  '004': ['Received by recipient', 'Confirmation of receipt on the handset of the recipient.', true],
  '005': [
    'Error with message',
    'There was an error with the message, probably caused by the content of the message itself.',
    true,
  ],
  '006': [
    'User cancelled message delivery',
    'The message was terminated by a user (stop message command) or by our staff.',
    true,
  ],
  '007': ['Error delivering message', 'An error occurred delivering the message to the handset', true],
  '008': ['OK', 'Message received by gateway.', false],
  '009': ['Routing error', 'An error occurred while attempting to route the message.', true],
  '010': [
    'Message expired',
    'Message has expired before we were able to deliver it to the upstream gateway. No charge applies.',
    true,
  ],
  '011': [
    'Message queued for later delivery',
    'Message has been queued at the gateway for delivery at a later time (delayed delivery).',
    false,
  ],
  '012': [
    'Out of credit',
    'The message cannot be delivered due to a lack of funds in your account. Please re-purchase credits.',
    true,
  ],
  '013': ['Clickatell cancelled message delivery', 'The message was terminated by our staff.', true],
  '014': [
    'Maximum MT limit exceeded',
    'The account has exceeded the maximum number of MT messages it may send daily or monthly.',
    true,
  ],
}

/**
 * Every documented message status, by its three-digit code.
 *
 * @example
 * import { Codes } from 'clickatell-fp'
 * console.log(Codes.statusCodes['010'].number, Codes.statusCodes['010'].hex) // 10 '0x00A'
 * @category data
 * @since 0.1.0
 */
export const statusCodes: { readonly [K in StatusCodeNumber]-?: StatusCode } = mapTable(
  statusRows,
  (code, [description, detail, final]) => {
    const number = Number(code)
    return {
      code,
      number,
      hex: `0x${number.toString(16).toUpperCase().padStart(3, '0')}`,
      description,
      detail,
      final,
      success: code === '003' || code === '004',
      known: true,
    }
  },
)
