/**
 * What the integration suites share: the three transports by name, an account, a client pointed at a running
 * simulator, and `right` to unwrap an Either in a test.
 */
import * as E from 'fp-ts/lib/Either.js'
import { expect } from 'vitest'
import { type Client, type ClientConfig, make } from '../../src/client/Client.js'
import type { RecipientOutcome } from '../../src/client/Send.js'
import type { MessageRecord, Simulator } from '../../src/simulator/index.js'
import { fetchTransport } from '../../src/transport/FetchTransport.js'
import { kyTransport } from '../../src/transport/KyTransport.js'
import { nodeTransport } from '../../src/transport/NodeTransport.js'
import type { Transport } from '../../src/transport/Transport.js'

/** A transport and what ends it (the Node transport's kept-alive sockets; nothing for the others). */
export interface Opened {
  readonly transport: Transport
  readonly close: () => void
}

/** The three adapters, each made fresh for a suite. */
export const transports: ReadonlyArray<{ readonly name: string; readonly open: () => Opened }> = [
  { name: 'fetchTransport', open: () => ({ transport: fetchTransport(), close: () => {} }) },
  { name: 'kyTransport', open: () => ({ transport: kyTransport(), close: () => {} }) },
  {
    name: 'nodeTransport',
    open: () => {
      const transport = nodeTransport({ maxSockets: 32 })
      return { transport, close: transport.close }
    },
  },
]

/** The account every suite's simulator holds. */
export const account = { apiId: '3000001', user: 'alice', password: 's3cret' } as const

/** The simulator's start: 2024-01-01 UTC. */
export const START = Date.UTC(2024, 0, 1)

/** A client of `sim` over `transport`, with the account's credentials; throws on a bad configuration. */
export const clientOf = (
  sim: Simulator,
  transport: Transport,
  config: Partial<Omit<ClientConfig, 'transport' | 'baseUrl'>> = {},
): Client => {
  const made = make({ transport, credentials: account, baseUrl: sim.url, ...config })
  if (E.isLeft(made)) throw new Error(`bad client configuration: ${JSON.stringify(made.left.problems)}`)
  return made.right
}

/** The value of a Right; a Left fails the test with what it holds. */
export const right = <A>(e: E.Either<unknown, A>): A => {
  if (E.isLeft(e)) throw new Error(`expected Right, got ${JSON.stringify(e.left)}`)
  return e.right
}

/** The error of a Left; a Right fails the test. */
export const left = <L>(e: E.Either<L, unknown>): L => {
  if (E.isRight(e)) throw new Error(`expected Left, got ${JSON.stringify(e.right)}`)
  return e.left
}

/** A request as a recording transport saw it. */
export interface Seen {
  readonly method: string
  readonly url: string
  readonly body: string | undefined
}

/** `transport`, recording every request it carries (after the client rendered it, before the wire). */
export const recording = (transport: Transport): { readonly transport: Transport; readonly seen: Seen[] } => {
  const seen: Seen[] = []
  return {
    seen,
    transport: {
      send: (request) => {
        seen.push({ method: request.method, url: request.url, body: request.body })
        return transport.send(request)
      },
    },
  }
}

/** The one message `sim` stored for an accepted outcome, checked to carry the caller's ids (either dialect). */
export const storedIn =
  (sim: Simulator) =>
  (o: RecipientOutcome | undefined): MessageRecord => {
    if (o?._tag !== 'Accepted') throw new Error(`expected Accepted, got ${JSON.stringify(o)}`)
    const stored = sim.state.messagesByCliMsgId(o.clientMessageId)
    expect(stored).toHaveLength(1)
    expect(stored[0]!.apiMsgId).toBe(o.apiMsgId)
    expect(stored[0]!.to).toBe(o.to)
    return stored[0]!
  }
