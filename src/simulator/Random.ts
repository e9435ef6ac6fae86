/**
 * A small seeded pseudo-random generator (mulberry32) so that ids, demo credentials and injected faults are the
 * same on every run with the same seed and the same sequence of requests.
 *
 * @since 0.1.0
 */

/**
 * A source of pseudo-random numbers.
 *
 * @category model
 * @since 0.1.0
 */
export interface Random {
  /** The next 32-bit unsigned integer. */
  readonly uint32: () => number
  /** The next number in [0, 1). */
  readonly next: () => number
}

/**
 * mulberry32: 32 bits of state, period 2^32, good enough for ids and fault draws (not for secrets).
 *
 * @example
 * import { random } from 'clickatell-fp/simulator'
 * const a = random(42)
 * const b = random(42)
 * console.log(a.uint32() === b.uint32()) // true
 * @category constructors
 * @since 0.1.0
 */
export const random = (seed: number): Random => {
  let state = (Number.isFinite(seed) ? Math.trunc(seed) : 0) >>> 0
  const uint32 = (): number => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return (t ^ (t >>> 14)) >>> 0
  }
  return { uint32, next: () => uint32() / 4294967296 }
}

const hex8 = (n: number): string => n.toString(16).padStart(8, '0')

/**
 * 32 lower-case hex digits, the shape of the gateway's session ids and API message ids (docs/gateway.md,
 * 'Response shapes').
 *
 * @example
 * import { hexId, random } from 'clickatell-fp/simulator'
 * console.log(/^[0-9a-f]{32}$/.test(hexId(random(1)))) // true
 * @category utils
 * @since 0.1.0
 */
export const hexId = (rng: Random): string =>
  hex8(rng.uint32()) + hex8(rng.uint32()) + hex8(rng.uint32()) + hex8(rng.uint32())

const ALNUM = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789'

/**
 * `length` letters and digits (without the look-alikes `0 O 1 l I o`), for demo passwords.
 *
 * @example
 * import { random } from 'clickatell-fp/simulator'
 * import { alphanumeric } from './Random.js'
 * console.log(alphanumeric(random(1), 12).length) // 12
 * @category utils
 * @since 0.1.0
 */
export const alphanumeric = (rng: Random, length: number): string => {
  let out = ''
  for (let i = 0; i < length; i++) out += ALNUM[rng.uint32() % ALNUM.length]
  return out
}
