/**
 * clickatell-fp: the browser-safe root entry. The protocol core is pure (no I/O); the transports here use only
 * the Fetch API. Nothing here needs Node: the Node transport (`clickatell-fp/node`), the ky transport
 * (`clickatell-fp/ky`), the callback handler, the simulator and the testing harness have entries of their own.
 *
 * @since 0.1.0
 */

export * as Client from './client/index.js'
export * as Batch from './core/Batch.js'
export * as Binary from './core/Binary.js'
export * as Callback from './core/Callback.js'
export * as CallbackXml from './core/CallbackXml.js'
export * as Charset from './core/Charset.js'
export * as Codecs from './core/Codecs.js'
export * as Codes from './core/Codes.js'
export * as Command from './core/Command.js'
export * as Encode from './core/Encode.js'
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
export * as Features from './core/Features.js'
export * as Grammar from './core/Grammar.js'
export * as Gsm7 from './core/Gsm7.js'
export * as Render from './core/HttpRender.js'
export type { HttpRequest, HttpResponse } from './core/http.js'
export * as Latin1 from './core/Latin1.js'
export type { MessageInput, MessageOptions, ValidMessage } from './core/Message.js'
export * as Message from './core/Message.js'
export * as Mo from './core/Mo.js'
export * as MoText from './core/MoText.js'
export * as Msisdn from './core/Msisdn.js'
export * as Parse from './core/Parse.js'
export * as Parts from './core/Parts.js'
export * as Redact from './core/Redact.js'
export * as Replacements from './core/Replacements.js'
export type { SendOutcome, SendReply, StatusReply } from './core/Reply.js'
export * as Reply from './core/Reply.js'
export * as ReplyText from './core/ReplyText.js'
export type { DeliveryReport, MoReport } from './core/Report.js'
export * as Report from './core/Report.js'
export * as Rest from './core/Rest.js'
export * as Submission from './core/Submission.js'
export * as Ucs2 from './core/Ucs2.js'
export * as UrlForm from './core/UrlForm.js'
export * as Validation from './core/Validation.js'
export type { Credentials, WireRequest } from './core/Wire.js'
export * as Wire from './core/Wire.js'
export { type FetchTransportOptions, fetchTransport } from './transport/FetchTransport.js'
export * as Middleware from './transport/middleware.js'
export * as Transport from './transport/Transport.js'
