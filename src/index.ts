/**
 * clickatell-fp: the browser-safe root entry. The protocol core is pure (no I/O); the transport here uses only
 * the Fetch API. Nothing here needs Node: the Node transport (`clickatell-fp/node`), the ky transport
 * (`clickatell-fp/ky`), the callback handler, the simulator and the testing harness have entries of their own.
 *
 * The root exports what a user calls, and no more (`docs/design.md`, "The public surface"): counting and
 * previewing texts, decoding messages, encoding commands and rendering them, parsing replies and callbacks, the
 * code tables, the errors, the client and the fetch transport with its middleware. Everything else is internal.
 *
 * @since 0.1.0
 */

export * as Client from './client/index.js'
export * as Callback from './core/callback/Callback.js'
export * as Mo from './core/callback/Mo.js'
export type { DeliveryReport, MoReport, Report as CallbackReport } from './core/callback/Report.js'
export type {
  ClickatellError,
  GatewayError,
  HttpStatusError,
  InvalidInput,
  LocalError,
  MalformedResponse,
  MessageTooLong,
  Problem,
  RemoteError,
  TransportError,
} from './core/errors.js'
export * as Errors from './core/errors.js'
export type { HttpRequest, HttpResponse } from './core/http.js'
export * as Batch from './core/message/Batch.js'
export type { Hex, MessageText, Udh } from './core/message/ContentCodecs.js'
export * as Features from './core/message/Features.js'
export type { ApiMessageId, BatchId, ClientMessageId, Sender } from './core/message/IdCodecs.js'
export type { MessageInput, MessageOptions, ValidMessage } from './core/message/Message.js'
export * as Message from './core/message/Message.js'
export * as Msisdn from './core/message/Msisdn.js'
export type {
  DeliveryDelay,
  MaxCredits,
  MaxParts,
  UnixSeconds,
  Validity,
} from './core/message/NumberCodecs.js'
export type { ErrorCode, StatusCode } from './core/reply/Codes.js'
export * as Codes from './core/reply/Codes.js'
export * as Parse from './core/reply/Parse.js'
export type {
  Accepted,
  AuthReply,
  BalanceReply,
  BatchReply,
  ChargeReply,
  CoverageReply,
  ItemReply,
  OkReply,
  Rejected,
  Replies,
  SendOutcome,
  SendReply,
  StatusReply,
  TokenPayReply,
} from './core/reply/Replies.js'
export type { Command, RestCommand } from './core/request/Command.js'
export type { Credentials } from './core/request/Credentials.js'
export * as Encode from './core/request/Encode.js'
export type { Submission } from './core/request/MessageParams.js'
export * as Render from './core/request/Render.js'
export * as Rest from './core/request/Rest.js'
export type { ChunkOptions, Param, WireRequest } from './core/request/Wire.js'
export * as Binary from './core/text/Binary.js'
export * as Charset from './core/text/Charset.js'
export * as Parts from './core/text/Parts.js'
export * as Ucs2 from './core/text/Ucs2.js'
export { type FetchTransportOptions, fetchTransport } from './transport/FetchTransport.js'
export * as Middleware from './transport/middleware.js'
export type { Transport } from './transport/Transport.js'
