/**
 * What the client needs from the world, injected so tests never wait: a clock, a sleep, a source of random
 * numbers and of client message ids. The defaults use the platform (`Date.now`, `setTimeout`,
 * `crypto.getRandomValues`); tests pass a manual clock and a sleep that only advances it.
 *
 * @since 0.1.0
 */
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
  readonly newClientMessageId: () => string
}

// 32 letters and digits, so that 5 random bits pick one with no bias (a byte modulo 36 would favour four).
const ALPHABET = '0123456789abcdefghijklmnopqrstuv'
const CODES = Uint8Array.from(ALPHABET, (c) => c.charCodeAt(0))

// Ids are cut from a pool of random characters: one getRandomValues call and one string per 170 ids, not one
// per message (drawing the bytes was the largest single cost of a send in a profile of the client, and making
// each id's string from its 24 codes the next). An id is a slice of the pool's string: a flat string, made
// without copying.
const POOL_IDS = 170
const ID_LENGTH = 24
let pool = ''
let used = 0
// The pool's codes are ASCII, so a UTF-8 decoder reads them as they are: thirty times faster than
// String.fromCharCode over them. (The library needs TextDecoder anyway: form and callback decoding use it.)
const ascii = new TextDecoder()
const refill = (): void => {
  const bytes = new Uint8Array(POOL_IDS * ID_LENGTH)
  const c = (globalThis as { crypto?: { getRandomValues?: (b: Uint8Array) => Uint8Array } }).crypto
  if (typeof c?.getRandomValues === 'function') c.getRandomValues(bytes)
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256)
  for (let i = 0; i < bytes.length; i++) bytes[i] = CODES[bytes[i]! & 31]!
  pool = ascii.decode(bytes)
  used = 0
}

/** 24 base-32 characters (120 bits) from the platform's cryptographic source when it has one. */
const newClientMessageId = (): string => {
  if (used + ID_LENGTH > pool.length) refill()
  const id = pool.slice(used, used + ID_LENGTH)
  used += ID_LENGTH
  return id
}

/**
 * The platform's clock, timers and randomness.
 *
 * @example
 * import { Client } from 'clickatell-fp'
 * console.log(/^[0-9a-z]{24}$/.test(Client.systemEnv.newClientMessageId())) // true
 * @category constructors
 * @since 0.1.0
 */
export const systemEnv: Env = { now: () => Date.now(), sleep, random: Math.random, newClientMessageId }

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
    newClientMessageId: () => `c${++ids}`,
    advance: (ms) => {
      time += ms
    },
    slept,
  }
}
