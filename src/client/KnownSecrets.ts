/**
 * The secrets a client (or a run of the CLI) knows, growing as session ids arrive, with the scrub made from them
 * (`Scrub.secrets`, rebuilt only when a new secret is learnt). Held per client or per run, never in module state.
 *
 * @since 0.1.0
 */
import * as Scrub from '../core/request/Scrub.js'

/**
 * What is known so far, and the scrub of it.
 *
 * @category model
 * @since 0.1.0
 */
export interface KnownSecrets {
  /** Adds secrets (empty strings and those already known are ignored). */
  readonly learn: (secrets: ReadonlyArray<string>) => void
  /** Takes every known secret out of a value, in every form it travels in. */
  readonly scrub: <A>(a: A) => A
}

/**
 * Starts from `initial`.
 *
 * @example
 * import { knownSecrets } from './KnownSecrets.js'
 * const known = knownSecrets(['pa55word'])
 * known.learn(['7f3c2a9e41b04d6a'])
 * console.log(known.scrub('pa55word and 7f3c2a9e41b04d6a')) // '[redacted] and [redacted]'
 * @category constructors
 * @since 0.1.0
 */
export const knownSecrets = (initial: ReadonlyArray<string>): KnownSecrets => {
  const known = initial.filter((s, i) => s !== '' && initial.indexOf(s) === i)
  const state = { scrub: Scrub.secrets(known) }
  return {
    learn: (secrets) => {
      const fresh = secrets.filter((s, i) => s !== '' && !known.includes(s) && secrets.indexOf(s) === i)
      if (fresh.length === 0) return
      known.push(...fresh)
      state.scrub = Scrub.secrets(known)
    },
    scrub: (a) => state.scrub(a),
  }
}
