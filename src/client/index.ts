/**
 * The client namespace: `Client.make`, `Client.promises`, and the parts it is made of.
 *
 * @since 0.1.0
 */
export * as Bulk from './Bulk.js'
export {
  type BulkOptions,
  type BulkOutcome,
  type Client,
  type ClientConfig,
  type ClientEvent,
  type MessageRef,
  make,
  type Progress,
  type SendResult,
} from './Client.js'
export { type Env, manualEnv, systemEnv } from './Env.js'
export * as Policy from './Policy.js'
export { makePromises, type PromiseClient, promises, type Result } from './Promises.js'
export type { RecipientOutcome } from './Send.js'
export * as Send from './Send.js'
export * as Session from './Session.js'
