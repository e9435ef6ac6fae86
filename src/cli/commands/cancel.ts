/**
 * `clickatell cancel [apiMsgId] [--client-id <id>]`: stops a queued message (delmsg).
 *
 * @since 0.1.0
 */
import { lookup } from '../Lookup.js'

/**
 * Declares `cancel`.
 *
 * @category commands
 * @since 0.1.0
 */
export const declare = lookup('cancel', 'stop a queued message (delmsg)', (client) => client.cancel)
