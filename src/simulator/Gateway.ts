/**
 * The simulated gateway without its HTTP server: configuration, memory, ids, clock and agenda, and the
 * request shape every command handler takes. Handlers are synchronous functions from a request to a body.
 *
 * @since 0.1.0
 */
import type { Command } from '../core/request/Command.js'
import { type Agenda, agenda } from './Agenda.js'
import type { Config } from './Config.js'
import type { Route } from './Options.js'
import { hexId, type Random, random } from './Random.js'
import type { StatusChange } from './State.js'
import { emptyStore, type MessageRow, type Store } from './Store.js'

/**
 * A decoded request as the command handlers see it.
 *
 * @category model
 * @since 0.1.0
 */
export interface GatewayRequest {
  readonly command: Command
  readonly method: 'GET' | 'POST'
  /** Query string and form body, decoded as ISO-8859-1. */
  readonly params: ReadonlyMap<string, string>
  /** Names given more than once. */
  readonly duplicates: ReadonlyArray<string>
  /** The client's address, IPv4-mapped IPv6 reduced to IPv4. */
  readonly ip: string
  /** False for a POST whose content type is not `application/x-www-form-urlencoded`. */
  readonly formEncoded: boolean
}

/**
 * The gateway's context: what every handler reads and changes.
 *
 * @category model
 * @since 0.1.0
 */
export interface Gateway {
  readonly config: Config
  readonly store: Store
  /** Ids and credentials. */
  readonly ids: Random
  /** Status changes, callback attempts. */
  readonly agenda: Agenda
  readonly now: () => number
  /** Listeners told of every status change (the callback sender is one). */
  readonly listeners: Array<(message: MessageRow, change: StatusChange) => void>
}

/**
 * A gateway for a configuration, with empty memory.
 *
 * @example
 * import { gateway, normalise } from 'clickatell-fp/simulator'
 * const config = normalise({ seed: 7 })
 * if (config._tag === 'Right') console.log(gateway(config.right).store.messages.length) // 0
 * @category constructors
 * @since 0.1.0
 */
export const gateway = (config: Config): Gateway => {
  const clock = config.clock
  return {
    config,
    store: emptyStore(config),
    // The demo credentials used the first draws of `seed`; ids continue from a stream of their own.
    ids: random(config.seed ^ 0x5eed),
    agenda: agenda(),
    now: () => clock.now(),
    listeners: [],
  }
}

/**
 * A fresh 32-hex id that no message, session or batch has yet.
 *
 * @example
 * import { gateway, normalise } from 'clickatell-fp/simulator'
 * import { newId } from './Gateway.js'
 * const config = normalise({})
 * if (config._tag === 'Right') console.log(newId(gateway(config.right)).length) // 32
 * @category utils
 * @since 0.1.0
 */
export const newId = (gw: Gateway): string => {
  for (;;) {
    const id = hexId(gw.ids)
    if (!gw.store.byApiMsgId.has(id) && !gw.store.sessions.has(id) && !gw.store.batches.has(id)) return id
  }
}

/**
 * The route of a number: the longest matching prefix (routes are kept longest first).
 *
 * @example
 * import { gateway, normalise } from 'clickatell-fp/simulator'
 * import { routeOf } from './Gateway.js'
 * const config = normalise({})
 * if (config._tag === 'Right') console.log(routeOf(gateway(config.right), '999123')?.routable) // false
 * @category utils
 * @since 0.1.0
 */
export const routeOf = (gw: Gateway, msisdn: string): Required<Route> | undefined => {
  for (const route of gw.config.routes) if (msisdn.startsWith(route.prefix)) return route
  return undefined
}

/**
 * Rounds credits to six decimals, so repeated charges and refunds do not drift (0.1 + 0.2).
 *
 * @example
 * import { roundCredits } from './Gateway.js'
 * console.log(roundCredits(0.1 + 0.2)) // 0.3
 * @category utils
 * @since 0.1.0
 */
export const roundCredits = (credits: number): number => Math.round(credits * 1e6) / 1e6
