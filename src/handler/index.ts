/**
 * `clickatell-fp/handler`: the Node request handler for delivery and two-way callbacks (node:http, Express,
 * Fastify). See docs/callbacks.md.
 *
 * @since 0.1.0
 */
export {
  type BasicAuth,
  type CallbackHandler,
  type CallbackHandlerOptions,
  createCallbackHandler,
  MAX_BODY_BYTES,
} from './NodeCallbackHandler.js'
