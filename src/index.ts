/**
 * clickatell-fp: the browser-safe root entry. The protocol core is pure (no I/O); the transports here use only
 * the Fetch API. Nothing here needs Node: the Node transport (`clickatell-fp/node`), the ky transport
 * (`clickatell-fp/ky`), the callback handler, the simulator and the testing harness have entries of their own.
 *
 * @since 0.1.0
 */

export * as Client from './client/index.js'
export * as Callback from './core/callback/Callback.js'
export * as Mo from './core/callback/Mo.js'
export * as MoText from './core/callback/MoText.js'
export type { DeliveryReport, MoReport } from './core/callback/Report.js'
export * as Report from './core/callback/Report.js'
export * as UrlForm from './core/callback/UrlForm.js'
export * as CallbackXml from './core/callback/Xml.js'
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
export * as Codecs from './core/message/Codecs.js'
export * as Features from './core/message/Features.js'
export type { MessageInput, MessageOptions, ValidMessage } from './core/message/Message.js'
export * as Message from './core/message/Message.js'
export * as Msisdn from './core/message/Msisdn.js'
export * as Validation from './core/message/Validation.js'
export * as Codes from './core/reply/Codes.js'
export * as Grammar from './core/reply/Grammar.js'
export * as Parse from './core/reply/Parse.js'
export * as ReplyText from './core/reply/Print.js'
export type { SendOutcome, SendReply, StatusReply } from './core/reply/Replies.js'
export * as Reply from './core/reply/Replies.js'
export * as Command from './core/request/Command.js'
export * as Encode from './core/request/Encode.js'
export * as Latin1 from './core/request/Latin1Form.js'
export * as Submission from './core/request/MessageParams.js'
export * as Redact from './core/request/Redact.js'
export * as Render from './core/request/Render.js'
export * as Rest from './core/request/Rest.js'
export type { Credentials, WireRequest } from './core/request/Wire.js'
export * as Wire from './core/request/Wire.js'
export * as Binary from './core/text/Binary.js'
export * as Charset from './core/text/Charset.js'
export * as Gsm7 from './core/text/Gsm7.js'
export * as Parts from './core/text/Parts.js'
export * as Replacements from './core/text/Replacements.js'
export * as Ucs2 from './core/text/Ucs2.js'
export { type FetchTransportOptions, fetchTransport } from './transport/FetchTransport.js'
export * as Middleware from './transport/middleware.js'
export * as Transport from './transport/Transport.js'
