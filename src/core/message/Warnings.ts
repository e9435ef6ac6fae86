/**
 * What a valid message may still lose on the way: options the gateway accepts but some networks do not. A
 * warning never stops a send; the client returns them with the send's result (`SendResult.warnings`) and the
 * CLI prints them in `preview` and `send`.
 *
 * @since 0.1.0
 */
import type { Problem } from '../errors.js'
import { senderWarning } from './IdCodecs.js'

/**
 * The warnings of a decoded message or batch, each with its path and sentence: today a sender id with
 * punctuation (section 5.2.3). Empty when there is nothing to warn of.
 *
 * @example
 * import { Message } from 'clickatell-fp'
 * import * as Warnings from './Warnings.js'
 * const m = Message.decode({ to: '447901231234', text: 'Hi', from: 'Acme-Co' })
 * console.log(m._tag === 'Right' && Warnings.of(m.right).map((w) => w.path)) // ['from']
 * @category checks
 * @since 0.1.0
 */
export const of = (message: { readonly from?: string | undefined }): ReadonlyArray<Problem> => {
  const sender = message.from === undefined ? undefined : senderWarning(message.from)
  return sender === undefined ? [] : [{ path: 'from', message: sender }]
}
