/**
 * clickatell-fp: the browser-safe root entry. Everything here is pure (no I/O, no Node); the Node transport,
 * the callback handler, the simulator and the testing harness have subpath entries of their own.
 *
 * @since 0.1.0
 */
export * as Binary from './core/Binary.js'
export * as Charset from './core/Charset.js'
export * as Command from './core/Command.js'
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
export * as Gsm7 from './core/Gsm7.js'
export type { HttpRequest, HttpResponse } from './core/http.js'
export * as Parts from './core/Parts.js'
export * as Replacements from './core/Replacements.js'
export * as Ucs2 from './core/Ucs2.js'
