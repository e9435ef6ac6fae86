/**
 * clickatell-fp/simulator: a Clickatell HTTP API v2.6 gateway on 127.0.0.1 for tests, the CLI's embedded
 * target, and your own tests. Node only. See docs/simulator.md.
 *
 * @since 0.1.0
 */

export type { CallbackRequest, StatusReport } from './Callbacks.js'
export * as Callbacks from './Callbacks.js'
export { type Clock, isManualClock, type ManualClock, manualClock, systemClock } from './Clock.js'
export { commandPaths, type Handler, handle } from './Commands.js'
export { type Config, normalise } from './Config.js'
export type { Decision, FaultController, FaultKind, FaultRule } from './Faults.js'
export * as Form from './Form.js'
export { type Gateway, type GatewayRequest, gateway } from './Gateway.js'
export {
  type AccountOptions,
  type CallbackForm,
  defaultCallbackRetriesMs,
  defaultRoutes,
  type FinalStatus,
  type Route,
  type SimulatorOptions,
} from './Options.js'
export { hexId, type Random, random } from './Random.js'
export * as Replies from './Replies.js'
export { type Simulator, start, startSimulator } from './Server.js'
export type { SimulatorSnapshot } from './Snapshot.js'
export type {
  AccountRecord,
  BatchRecord,
  CallbackAttempt,
  FaultRecord,
  MessageEncoding,
  MessageRecord,
  RequestErrorRecord,
  SessionRecord,
  SimulatorState,
  StatusChange,
} from './State.js'
