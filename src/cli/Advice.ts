/**
 * What to do about a gateway error code: the "what to do" column of docs/errors.md, word for word (without its
 * code marks), so a refusal on the command line says how to get past it. A test holds the two equal.
 *
 * @since 0.1.0
 */

/**
 * The advice for each gateway error code.
 *
 * @category data
 * @since 0.1.0
 */
export const ADVICE: Readonly<Record<string, string>> = {
  '001':
    'Check api_id, user and password. With a session id this also means the session went stale: authenticate again (quirk 2).',
  '002': 'Check the username and password of the account.',
  '003': 'Authenticate again, then repeat; ping every 10 minutes to keep a session alive.',
  '004': 'Contact Clickatell support (older API versions only).',
  '005': 'Send session_id, or api_id, user and password.',
  '007': "Add the sending server's IP address to the API's allowed list, or send from an allowed one.",
  '100': 'REST API only: fix the request body.',
  '101': "Fix the parameters; the library's encoder refuses most of these before sending.",
  '102': 'Fix udh (hex, consistent length).',
  '103': 'Check the id; note the live service answers Status: 001 instead (quirk 3).',
  '104': 'Check climsgid.',
  '105': 'Fix the number: international format, no + or 00. Do not resend as is.',
  '106': 'Use a registered and approved sender id (from).',
  '107': 'Send some text or data.',
  '108': 'Check api_id (it names the HTTP API connection of your account).',
  '109': 'Send apimsgid or climsgid.',
  '110': 'Older API versions only: fix the email-to-SMS message.',
  '111': 'Older API versions only.',
  '112': 'Use a documented msg_type.',
  '113': 'Raise concat (up to 35) or shorten the text; the library counts parts before sending.',
  '114': 'The gateway does not route to this prefix; ask Clickatell support with the number.',
  '115': 'The message expired before delivery; send a new one if it still matters.',
  '116': "Send UCS-2 hex, 4 digits per UTF-16 unit (the library's encoder does).",
  '120': 'Fix deliv_time (minutes, at most 10080).',
  '121': "The number is on Clickatell's block list: do not send to it.",
  '122': 'The recipient opted out: remove the number from your list.',
  '123': 'Register and have the sender id approved before using it.',
  '124': 'OTP API only: include the OTP tag in the text.',
  '125': 'OTP API only: verify with the id and number of the OTP sent.',
  '126': 'OTP API only: the user entered a wrong code.',
  '127': 'OTP API only: send a new OTP.',
  '128': 'The number is no longer valid: remove it.',
  '130':
    'Wait until the time in the description (Codes.limitResetsAt(description)), or ask for a higher limit.',
  '160': 'REST API only.',
  '161': 'REST API only.',
  '165': 'REST API only: send X-Version: 1.',
  '166': 'REST API only: accept application/json or application/xml.',
  '167': 'REST API only: send application/json or application/xml.',
  '201': 'The batch ended or expired (24 hours): start a new one.',
  '202': 'Give template to startbatch.',
  '250':
    'Do not contact the number; bypass_dnc_check=1 exists for messages that may lawfully bypass the list.',
  '301': 'Buy credits (or spend a voucher with token_pay), then send again.',
  '302': 'Older API versions only: the message costs more than allowed.',
  '901':
    'Retry later with back-off; for a send, first check with querymsg (by climsgid) that it was not taken.',
}

/**
 * The advice for a gateway error code, when docs/errors.md has one.
 *
 * @example
 * import { adviceFor } from './Advice.js'
 * console.log(adviceFor('121')) // "The number is on Clickatell's block list: do not send to it."
 * console.log(adviceFor('999')) // undefined
 * @category utils
 * @since 0.1.0
 */
export const adviceFor = (code: string): string | undefined =>
  Object.hasOwn(ADVICE, code) ? ADVICE[code] : undefined
