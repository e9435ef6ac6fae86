/**
 * Everything the simulator remembers, as plain records a test can read: accounts and their credits, sessions,
 * messages with their whole status history, batches, callback attempts, injected faults and request counts.
 * The records are live: they change as the simulator runs, so a test reads them after the request it cares
 * about. Enough to prove afterwards that no message was lost and none was sent twice.
 *
 * @since 0.1.0
 */

import type { StatusCodeNumber } from '../core/reply/Codes.js'
import type { Command } from '../core/request/Command.js'
import type { CallbackForm } from './Options.js'

/**
 * An account and its balance.
 *
 * @category model
 * @since 0.1.0
 */
export interface AccountRecord {
  readonly apiId: string
  readonly user: string
  readonly password: string
  /** Balance in credits, rounded to 6 decimals after every change. */
  readonly credits: number
  readonly allowedIps: ReadonlyArray<string>
  readonly senderIds: ReadonlyArray<string>
  readonly mtLimit: { readonly max: number; readonly windowMs?: number } | undefined
  /** Messages accepted in the current MT-limit window, and when that window started. */
  readonly mtWindow: { readonly start: number; readonly count: number }
  /** The REST API's token, when the account has one (`AccountOptions.restToken`). */
  readonly restToken: string | undefined
}

/**
 * A session from `auth`.
 *
 * @category model
 * @since 0.1.0
 */
export interface SessionRecord {
  readonly id: string
  readonly apiId: string
  readonly createdAt: number
  /** The last request that used it (inactivity is counted from here). */
  readonly lastUsedAt: number
  /** Set by the `expireSession` fault: the session is stale whatever the clock says. */
  readonly forcedExpired: boolean
}

/**
 * One status a message had, and when it got it (simulator clock, ms).
 *
 * @category model
 * @since 0.1.0
 */
export interface StatusChange {
  readonly status: StatusCodeNumber
  readonly at: number
}

/**
 * How the text of a message travels: GSM-7, UCS-2, or 8-bit data (`udh`, `data`, `binary=1`).
 *
 * @category model
 * @since 0.1.0
 */
export type MessageEncoding = 'gsm7' | 'ucs2' | '8bit'

/**
 * One accepted message: one per recipient.
 *
 * @category model
 * @since 0.1.0
 */
export interface MessageRecord {
  readonly apiMsgId: string
  /** `''` when the request had none. */
  readonly cliMsgId: string
  readonly apiId: string
  /** `rest` for a message sent with `POST /rest/message`. */
  readonly command: 'sendmsg' | 'senditem' | 'quicksend' | 'rest'
  readonly batchId: string | undefined
  readonly to: string
  /** `''` when the request had none (the gateway assigns one). */
  readonly from: string
  /** The decoded text (ISO-8859-1 bytes read as characters, or UCS-2 hex decoded); hex for 8-bit data. */
  readonly text: string
  readonly encoding: MessageEncoding
  /** Septets, UTF-16 code units or bytes. */
  readonly units: number
  readonly parts: number
  /** Credits charged (route charge times parts); 0 once cancelled or when routing failed. */
  readonly charge: number
  /** The `callback` parameter, 0 to 7. */
  readonly callback: number
  readonly status: StatusCodeNumber
  readonly history: ReadonlyArray<StatusChange>
  readonly acceptedAt: number
  /** When delivery starts: `acceptedAt`, or later with `deliv_time` / `scheduled_time`. */
  readonly releaseAt: number
  /** Every parameter of the request as decoded, auth parameters included. */
  readonly params: ReadonlyMap<string, string>
}

/**
 * A batch from `startbatch`.
 *
 * @category model
 * @since 0.1.0
 */
export interface BatchRecord {
  readonly batchId: string
  readonly apiId: string
  /** The decoded template (`#field1#` ... place-holders). */
  readonly template: string
  readonly unicode: boolean
  readonly createdAt: number
  readonly expiresAt: number
  /** Set by `endbatch`. */
  readonly endedAt: number | undefined
  /** The messages sent through it, in order. */
  readonly apiMsgIds: ReadonlyArray<string>
  readonly params: ReadonlyMap<string, string>
}

/**
 * One attempt to deliver a status callback.
 *
 * @category model
 * @since 0.1.0
 */
export interface CallbackAttempt {
  readonly apiMsgId: string
  readonly status: StatusCodeNumber
  /** 1 for the first attempt, 2 for the first retry, ... */
  readonly attempt: number
  /** When it was due and when it was made (simulator clock). */
  readonly due: number
  readonly at: number
  readonly form: CallbackForm
  readonly method: 'GET' | 'POST'
  readonly url: string
  readonly body: string | undefined
  readonly outcome: 'pending' | 'delivered' | 'failed'
  readonly httpStatus: number | undefined
  readonly error: string | undefined
  /** When the next attempt is due after a failure; `undefined` when delivered or out of retries. */
  readonly nextDue: number | undefined
}

/**
 * A fault the simulator injected. `processed` says whether the request took effect (a message was stored)
 * before the fault hid or spoiled the answer.
 *
 * @category model
 * @since 0.1.0
 */
export interface FaultRecord {
  /** The request's number: 1 for the first request the server saw. */
  readonly request: number
  readonly at: number
  readonly command: Command
  readonly kind: string
  readonly processed: boolean
}

/**
 * A request the simulator failed on: something threw while it was handled. It was answered HTTP 500 (or, when
 * the answer had begun, its connection was closed) and the server went on. There should be none: each is a
 * defect of the simulator or of what was injected into it (a clock that throws).
 *
 * @category model
 * @since 0.1.0
 */
export interface RequestErrorRecord {
  /** The request's number: 1 for the first request the server saw; 0 for the timer that moves statuses. */
  readonly request: number
  /** What was thrown. */
  readonly error: unknown
}

/**
 * Read access to the simulator's memory. Collections are live views.
 *
 * @category model
 * @since 0.1.0
 */
export interface SimulatorState {
  readonly accounts: ReadonlyArray<AccountRecord>
  readonly sessions: ReadonlyArray<SessionRecord>
  /** Every accepted message, in order of acceptance. */
  readonly messages: ReadonlyArray<MessageRecord>
  readonly batches: ReadonlyArray<BatchRecord>
  readonly callbacks: ReadonlyArray<CallbackAttempt>
  readonly faults: ReadonlyArray<FaultRecord>
  /** Requests that threw inside the simulator (answered 500); empty unless something is wrong. */
  readonly errors: ReadonlyArray<RequestErrorRecord>
  /** Requests received per command (faulted ones included). */
  readonly requests: { readonly [K in Command]-?: number }
  /** Requests to paths that are no command. */
  readonly unknownRequests: number
  /** Messages accepted per client message id: the no-loss, no-duplicate proof reads this. */
  readonly acceptedByCliMsgId: ReadonlyMap<string, number>
  readonly account: (apiId: string) => AccountRecord | undefined
  readonly message: (apiMsgId: string) => MessageRecord | undefined
  readonly messagesByCliMsgId: (cliMsgId: string) => ReadonlyArray<MessageRecord>
}
