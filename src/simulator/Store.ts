/**
 * The simulator's memory as its own modules write it, and the read-only view (`SimulatorState`) a test gets.
 *
 * @since 0.1.0
 */
import type { Command } from '../core/request/Command.js'
import type { Config } from './Config.js'
import type { MessageSpec } from './Params.js'
import type {
  AccountRecord,
  BatchRecord,
  CallbackAttempt,
  FaultRecord,
  MessageRecord,
  RequestErrorRecord,
  SessionRecord,
  SimulatorState,
  StatusChange,
} from './State.js'

/**
 * The writable side of a record, for the simulator's own modules.
 *
 * @category model
 * @since 0.1.0
 */
export type Mutable<T> = { -readonly [K in keyof T]: T[K] }

/**
 * A message as the simulator keeps it: writable, with a history it appends to.
 *
 * @category model
 * @since 0.1.0
 */
export type MessageRow = Mutable<MessageRecord> & { history: StatusChange[] }

/**
 * A batch as the simulator keeps it.
 *
 * @category model
 * @since 0.1.0
 */
export type BatchRow = Mutable<BatchRecord> & { apiMsgIds: string[]; readonly spec: MessageSpec }

/**
 * The simulator's memory, writable: only the simulator's modules change it.
 *
 * @category model
 * @since 0.1.0
 */
export interface Store {
  readonly accounts: Map<string, Mutable<AccountRecord>>
  readonly sessions: Map<string, Mutable<SessionRecord>>
  readonly messages: MessageRow[]
  readonly byApiMsgId: Map<string, MessageRow>
  readonly byCliMsgId: Map<string, MessageRow[]>
  readonly batches: Map<string, BatchRow>
  readonly callbacks: Array<Mutable<CallbackAttempt>>
  readonly faults: FaultRecord[]
  readonly errors: RequestErrorRecord[]
  readonly requests: { [K in Command]-?: number }
  unknownRequests: number
  readonly spentVouchers: Map<string, string>
}

/**
 * A fresh store for a configuration.
 *
 * @example
 * import { normalise } from 'clickatell-fp/simulator'
 * import { emptyStore } from './Store.js'
 * const config = normalise({})
 * if (config._tag === 'Right') console.log(emptyStore(config.right).accounts.size) // 1 (the demo account)
 * @category constructors
 * @since 0.1.0
 */
export const emptyStore = (config: Config): Store => ({
  accounts: new Map(
    config.accounts.map((a) => [
      a.apiId,
      {
        apiId: a.apiId,
        user: a.user,
        password: a.password,
        credits: a.credits,
        allowedIps: a.allowedIps,
        senderIds: a.senderIds,
        mtLimit: a.mtLimit,
        mtWindow: { start: config.clock.now(), count: 0 },
        restToken: a.restToken,
      },
    ]),
  ),
  sessions: new Map(),
  messages: [],
  byApiMsgId: new Map(),
  byCliMsgId: new Map(),
  batches: new Map(),
  callbacks: [],
  faults: [],
  errors: [],
  requests: {
    auth: 0,
    ping: 0,
    sendmsg: 0,
    querymsg: 0,
    delmsg: 0,
    getbalance: 0,
    getmsgcharge: 0,
    token_pay: 0,
    routecoverage: 0,
    startbatch: 0,
    senditem: 0,
    quicksend: 0,
    endbatch: 0,
  },
  unknownRequests: 0,
  spentVouchers: new Map(),
})

/**
 * The read-only view of a store.
 *
 * @example
 * import { normalise } from 'clickatell-fp/simulator'
 * import { emptyStore, view } from './Store.js'
 * const config = normalise({})
 * if (config._tag === 'Right') console.log(view(emptyStore(config.right)).messages.length) // 0
 * @category constructors
 * @since 0.1.0
 */
export const view = (store: Store): SimulatorState => {
  return {
    get accounts() {
      return [...store.accounts.values()]
    },
    get sessions() {
      return [...store.sessions.values()]
    },
    messages: store.messages,
    get batches() {
      return [...store.batches.values()]
    },
    callbacks: store.callbacks,
    faults: store.faults,
    errors: store.errors,
    requests: store.requests,
    get unknownRequests() {
      return store.unknownRequests
    },
    get acceptedByCliMsgId() {
      return new Map([...store.byCliMsgId].map(([id, list]) => [id, list.length]))
    },
    account: (apiId) => store.accounts.get(apiId),
    message: (apiMsgId) => store.byApiMsgId.get(apiMsgId),
    messagesByCliMsgId: (cliMsgId) => store.byCliMsgId.get(cliMsgId) ?? [],
  }
}
