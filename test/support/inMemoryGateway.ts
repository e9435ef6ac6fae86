// The gateway simulator in memory, for core tests that check an encoded request against it: a request is its
// parameters with the one account's credentials; the store is there to read what the simulator kept.
import * as E from 'fp-ts/lib/Either.js'
import type { UnboundRequest } from '../../src/core/request/Wire.js'
import { type GatewayRequest, gateway, handle, normalise } from '../../src/simulator/index.js'

export const inMemoryGateway = () => {
  const config = normalise({ accounts: [{ apiId: '1', user: 'u', password: 'p', credits: 1e9 }] })
  if (E.isLeft(config)) throw new Error('config')
  const gw = gateway(config.right)
  const ask = (u: UnboundRequest): string =>
    handle(gw, {
      command: u.command as GatewayRequest['command'],
      method: 'POST',
      params: new Map([['api_id', '1'], ['user', 'u'], ['password', 'p'], ...u.params]),
      duplicates: [],
      ip: '127.0.0.1',
      formEncoded: true,
    } as GatewayRequest)
  return { ask, gw }
}
