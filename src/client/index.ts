/**
 * The client namespace: `Client.make`, `Client.makePromises`, `Client.promises`, the environments for tests, and
 * the types a caller meets. The parts it is made of (`Config`, `Codecs`, `Exchange`, `Session`, `Commands`,
 * `Rest`, `Checks`, `Jobs`, `Messages`, `Send`, `Bulk`, `Policy`) are internal.
 *
 * @since 0.1.0
 */
export {
  type BatchResult,
  type BulkOptions,
  type BulkOutcome,
  type Client,
  type ClientConfig,
  type ClientEvent,
  type ItemOutcome,
  type MessageRef,
  make,
  type Progress,
  type RecipientOutcome,
  type RestClient,
  type RestClientConfig,
  type SendResult,
  type StartedBatch,
} from './Client.js'
export type { RetryEvent } from './Commands.js'
export { type Env, manualEnv, systemEnv } from './Env.js'
export type { Backoff } from './Policy.js'
export {
  makePromises,
  type PromiseClient,
  type PromiseRestClient,
  promises,
  type Result,
} from './Promises.js'
export type { SendEvent } from './Send.js'
export type { SessionEvent } from './Session.js'
