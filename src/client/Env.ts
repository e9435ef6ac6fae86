/**
 * What the client needs from the world, injected so tests never wait: a clock, a sleep, a source of random
 * numbers and of client message ids. The defaults use the platform (`Date.now`, `setTimeout`,
 * `crypto.getRandomValues`); tests pass a manual clock and a sleep that only advances it.
 *
 * @since 0.1.0
 */
import type { ClientMessageId } from '../core/message/IdCodecs.js'
import { sleep } from '../transport/middleware.js'

/**
 * @category model
 * @since 0.1.0
 */
export interface Env {
  /** Milliseconds, as `Date.now()`. */
  readonly now: () => number
  /** Resolves after `ms` milliseconds (or at once when the signal is aborted). */
  readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>
  /** A number in [0, 1), for jitter. */
  readonly random: () => number
  /** A fresh client message id (`climsgid`): 1 to 32 letters and digits. */
  readonly newClientMessageId: () => ClientMessageId
}

// The one place ids are branded without a check: both sources below make only letters and digits, at most 32.
const madeValid = (id: string): ClientMessageId => id as ClientMessageId

// 32 letters and digits, so that 5 random bits pick one with no bias (a byte modulo 36 would favour four).
const ALPHABET = '0123456789abcdefghijklmnopqrstuv'
const ID_LENGTH = 24

// 24 base-32 characters (120 bits) from 24 random bytes.
const idOf = (bytes: Uint8Array): ClientMessageId => {
  let id = ''
  for (const b of bytes) id += ALPHABET[b & 31]
  return madeValid(id)
}

/**
 * A source of fresh client message ids, drawn from the platform's cryptographic source `batch` ids at a time:
 * one call of `crypto.getRandomValues` costs several microseconds whatever its size, more than the rest of a
 * send (docs/benchmarks.md). Each source keeps its own bytes; a client makes one for itself.
 *
 * @example
 * import { randomIds } from './Env.js'
 * const next = randomIds()
 * const [a, b] = [next(), next()]
 * console.log(/^[0-9a-v]{24}$/.test(a), a !== b) // true true
 * @category constructors
 * @since 0.1.0
 */
export const randomIds = (batch = 64): (() => ClientMessageId) => {
  const bytes = new Uint8Array(Math.max(1, Math.floor(batch)) * ID_LENGTH)
  let next = bytes.length
  return () => {
    if (next === bytes.length) {
      crypto.getRandomValues(bytes)
      next = 0
    }
    next += ID_LENGTH
    return idOf(bytes.subarray(next - ID_LENGTH, next))
  }
}

/**
 * The platform's clock, timers and randomness.
 *
 * @example
 * import { Client } from 'clickatell-fp'
 * console.log(/^[0-9a-v]{24}$/.test(Client.systemEnv.newClientMessageId())) // true
 * @category constructors
 * @since 0.1.0
 */
export const systemEnv: Env = {
  now: () => Date.now(),
  sleep,
  random: Math.random,
  // Each id drawn on its own: no bytes kept between calls.
  newClientMessageId: () => idOf(crypto.getRandomValues(new Uint8Array(ID_LENGTH))),
}

/**
 * A manual environment for tests: time stands still until something sleeps, and a sleep moves the clock by
 * exactly its length at once. Client message ids are `c1`, `c2`, ...
 *
 * @example
 * import { Client } from 'clickatell-fp'
 * const env = Client.manualEnv(1_000)
 * await env.sleep(500)
 * console.log(env.now(), env.newClientMessageId()) // 1500 'c1'
 * @category constructors
 * @since 0.1.0
 */
export const manualEnv = (
  start = 0,
  random: () => number = () => 0.5,
): Env & { readonly advance: (ms: number) => void; readonly slept: ReadonlyArray<number> } => {
  let time = start
  let ids = 0
  const slept: number[] = []
  return {
    now: () => time,
    sleep: async (ms) => {
      slept.push(ms)
      if (ms > 0) time += ms
    },
    random,
    newClientMessageId: () => madeValid(`c${++ids}`),
    advance: (ms) => {
      time += ms
    },
    slept,
  }
}
