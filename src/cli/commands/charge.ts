/**
 * `clickatell charge [apiMsgId] [--client-id <id>]`: the charge and status of a message (getmsgcharge).
 *
 * @since 0.1.0
 */
import { lookup } from '../Lookup.js'

/**
 * Declares `charge`.
 *
 * @category commands
 * @since 0.1.0
 */
export const declare = lookup(
  'charge',
  'the charge and status of a message (getmsgcharge)',
  (client) => client.charge,
)
