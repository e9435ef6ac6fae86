/**
 * `clickatell-fp/ky`: the transport over ky 1.x, an optional peer dependency kept out of the root entry.
 *
 * @since 0.1.0
 */
export { type KyTransportOptions, kyTransport } from './transport/KyTransport.js'
