/**
 * What the client needs from the world, injected so tests never wait: a clock, a sleep, a source of random
 * numbers and of client message ids. The defaults use the platform (`Date.now`, `setTimeout`,
 * `crypto.getRandomValues`); tests pass a manual clock and a sleep that only advances it.
 *
 * @since 0.1.0
 */

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

const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    if (signal?.aborted === true || !(ms > 0)) return resolve()
    const done = () => {
      clearTimeout(timer)
      signal?.removeEventListener('abort', done)
      resolve()
    }
    const timer = setTimeout(done, ms)
    signal?.addEventListener('abort', done, { once: true })
  })

// 32 letters and digits, so that 5 random bits pick one with no bias (a byte modulo 36 would favour four).
const ALPHABET = '0123456789abcdefghijklmnopqrstuv'
const CODES = Uint8Array.from(ALPHABET, (c) => c.charCodeAt(0))

// Random bytes are drawn in a pool: one getRandomValues call per 170 ids, not one per message (it was the
// largest single cost of a send in a profile of the client).
const POOL = 4096
const ID_LENGTH = 24
let pool = new Uint8Array(0)
let used = 0
const refill = (): void => {
  pool = new Uint8Array(POOL)
  const c = (globalThis as { crypto?: { getRandomValues?: (b: Uint8Array) => Uint8Array } }).crypto
  if (typeof c?.getRandomValues === 'function') c.getRandomValues(pool)
  else for (let i = 0; i < pool.length; i++) pool[i] = Math.floor(Math.random() * 256)
  used = 0
}

/** 24 base-32 characters (120 bits) from the platform's cryptographic source when it has one. */
const newClientMessageId = (): string => {
  if (used + ID_LENGTH > pool.length) refill()
  const codes = new Array<number>(ID_LENGTH)
  for (let i = 0; i < ID_LENGTH; i++) codes[i] = CODES[pool[used + i]! & 31]!
  used += ID_LENGTH
  // One flat string at once: appending 24 characters one by one made a chain of string pieces that every
  // later reader of the id (its check, the form encoder) had to flatten.
  return String.fromCharCode(...codes)
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
