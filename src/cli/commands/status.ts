/**
 * `clickatell status [apiMsgId] [--client-id <id>]`: the status of a message (querymsg).
 *
 * @since 0.1.0
 */
import { lookup } from '../Lookup.js'

/**
 * Declares `status`.
 *
 * @category commands
 * @since 0.1.0
 */
export const declare = lookup('status', 'the status of a message (querymsg)', (client) => client.status)
