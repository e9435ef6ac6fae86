/**
 * `clickatell-fp/node`: what only runs on Node: the `node:http`/`node:https` transport with keep-alive.
 *
 * @since 0.1.0
 */
export { type NodeTransport, type NodeTransportOptions, nodeTransport } from './transport/NodeTransport.js'
