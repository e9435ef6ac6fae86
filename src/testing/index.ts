/**
 * clickatell-fp/testing: fast-check arbitraries for property tests of code that sends SMS or receives the
 * gateway's callbacks. Each is a function taking a constraints object and returning an `Arbitrary`, as
 * fast-check's own are; every value passes (or, for `invalidMessage`, fails for its stated reason) the codecs
 * and parsers of `clickatell-fp`. Needs `fast-check` (an optional peer dependency, version 4). Runs in any
 * JavaScript runtime. See docs/testing.md.
 *
 * @since 0.1.0
 */

export type { CallbackCase, CallbackConstraints } from './CallbackRequests.js'
export { deliveryCallback } from './DeliveryCallbacks.js'
export {
  type BoundaryConstraints,
  type PartsConstraints,
  textOnBoundary,
  textWithParts,
} from './ExactParts.js'
export type { Fault, InvalidReason } from './Faults.js'
export {
  type GatewayReply,
  type GatewayReplyConstraints,
  gatewayReply,
} from './GatewayReplies.js'
export {
  type ClientMessageIdConstraints,
  clientMessageId,
  type MsisdnConstraints,
  msisdn,
  type SenderIdConstraints,
  senderId,
} from './Identifiers.js'
export {
  faults,
  type InvalidMessage,
  type InvalidMessageConstraints,
  invalidMessage,
} from './InvalidMessages.js'
export { type BrandedMessageInput, type ValidMessageConstraints, validMessage } from './Messages.js'
export { moCallback } from './MoCallbacks.js'
export {
  extensionHeavyText,
  gsm7Text,
  latin1PlainText,
  type TextConstraints,
  type Ucs2TextConstraints,
  ucs2Text,
} from './Text.js'
