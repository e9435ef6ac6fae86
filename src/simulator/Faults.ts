/**
 * Faults the simulator injects, per command or at random, deterministic for a seed and a sequence of
 * requests. Each kind and whether the request takes effect first:
 *
 * | kind | what the client sees | request processed |
 * | --- | --- | --- |
 * | `latency` | the answer `latencyMs` later (real time); combines with any other kind | yes |
 * | `reset` | the connection closes with no answer | no |
 * | `http500`, `http503` | that status with a short HTML body | no |
 * | `garbage` | 200 with random bytes instead of the answer | yes |
 * | `truncated` | 200, a Content-Length larger than what is sent, then the connection closes | yes |
 * | `slow` | the answer trickled `chunkBytes` every `chunkDelayMs` | yes |
 * | `expireSession` | the request's session expires first, so it gets `ERR: 001` | yes (refused) |
 * | `acceptThenDrop` | the connection closes with no answer, after the message was stored | yes |
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import { type InvalidInput, invalidInput, type Problem } from '../core/errors.js'
import { type Command, isCommand } from '../core/request/Command.js'
import type { Random } from './Random.js'

/**
 * The kinds of fault.
 *
 * @category model
 * @since 0.1.0
 */
export type FaultKind =
  | 'latency'
  | 'reset'
  | 'http500'
  | 'http503'
  | 'garbage'
  | 'truncated'
  | 'slow'
  | 'expireSession'
  | 'acceptThenDrop'

/**
 * When and how to inject one kind of fault.
 *
 * @category model
 * @since 0.1.0
 */
export interface FaultRule {
  readonly kind: FaultKind
  /** The commands it applies to; default all. */
  readonly commands?: ReadonlyArray<Command>
  /** Probability per matching request, drawn from the seeded generator; default 1 (every time). */
  readonly rate?: number
  /** Let this many matching requests through first; default 0. */
  readonly skip?: number
  /** Inject at most this many times; default no limit. */
  readonly times?: number
  /** `latency`: the delay; default 1,000 ms. */
  readonly latencyMs?: number
  /** `slow`: bytes per write; default 1. */
  readonly chunkBytes?: number
  /** `slow`: pause between writes; default 50 ms. */
  readonly chunkDelayMs?: number
}

/**
 * What to do to one request: a delay, and at most one fault that spoils or hides the answer.
 *
 * @category model
 * @since 0.1.0
 */
export interface Decision {
  readonly delayMs: number
  readonly fault: FaultRule | undefined
}

/**
 * The runtime setter of a running simulator's faults.
 *
 * @category model
 * @since 0.1.0
 */
export interface FaultController {
  /** Replaces every rule (counters start again). */
  readonly set: (rules: ReadonlyArray<FaultRule>) => E.Either<InvalidInput, ReadonlyArray<FaultRule>>
  /** Adds a rule after the others. */
  readonly add: (rule: FaultRule) => E.Either<InvalidInput, ReadonlyArray<FaultRule>>
  /** Removes every rule. */
  readonly clear: () => void
  /** The rules in force. */
  readonly rules: () => ReadonlyArray<FaultRule>
  /** Decides the faults of the next request for `command` (the server calls this once per request). */
  readonly decide: (command: Command) => Decision
}

// Keys the compiler checks against `FaultKind`: a kind added to the type and not here fails to build.
const KIND_TABLE: { readonly [K in FaultKind]-?: true } = {
  latency: true,
  reset: true,
  http500: true,
  http503: true,
  garbage: true,
  truncated: true,
  slow: true,
  expireSession: true,
  acceptThenDrop: true,
}
const KINDS: ReadonlyArray<string> = Object.keys(KIND_TABLE)
const isKind = (u: unknown): u is FaultKind => typeof u === 'string' && Object.hasOwn(KIND_TABLE, u)

const isCount = (u: unknown): boolean =>
  u === undefined || (typeof u === 'number' && Number.isInteger(u) && u >= 0)

/**
 * Every problem with a list of rules, with paths such as `faults.2.rate`.
 *
 * @example
 * import { ruleProblems } from './Faults.js'
 * console.log(ruleProblems('faults', [{ kind: 'reset', rate: 2 }]))
 * // [{ path: 'faults.0.rate', message: 'must be a number from 0 to 1' }]
 * @category checks
 * @since 0.1.0
 */
export const ruleProblems = (path: string, rules: unknown): ReadonlyArray<Problem> => {
  if (!Array.isArray(rules)) return [{ path, message: 'must be an array of fault rules' }]
  return rules.flatMap((rule: unknown, i): Problem[] => {
    const at = `${path}.${i}`
    if (typeof rule !== 'object' || rule === null) return [{ path: at, message: 'must be an object' }]
    const r = rule as Record<string, unknown>
    const out: Problem[] = []
    if (!isKind(r['kind'])) out.push({ path: `${at}.kind`, message: `must be one of ${KINDS.join(', ')}` })
    if (r['commands'] !== undefined && !(Array.isArray(r['commands']) && r['commands'].every(isCommand)))
      out.push({ path: `${at}.commands`, message: 'must be an array of command names' })
    if (r['rate'] !== undefined && !(typeof r['rate'] === 'number' && r['rate'] >= 0 && r['rate'] <= 1))
      out.push({ path: `${at}.rate`, message: 'must be a number from 0 to 1' })
    for (const key of ['skip', 'times', 'latencyMs', 'chunkBytes', 'chunkDelayMs'])
      if (!isCount(r[key])) out.push({ path: `${at}.${key}`, message: 'must be a whole number >= 0' })
    return out
  })
}

interface Counted {
  readonly rule: FaultRule
  seen: number
  fired: number
}

/**
 * A controller with `rules` in force, drawing from `rng` for rules with a rate below 1.
 *
 * @example
 * import { random } from 'clickatell-fp/simulator'
 * import { faultController } from './Faults.js'
 * const faults = faultController([{ kind: 'http503', commands: ['sendmsg'], times: 1 }], random(1))
 * console.log(faults.decide('sendmsg').fault?.kind, faults.decide('sendmsg').fault) // 'http503' undefined
 * @category constructors
 * @since 0.1.0
 */
export const faultController = (rules: ReadonlyArray<FaultRule>, rng: Random): FaultController => {
  let counted: Counted[] = rules.map((rule) => ({ rule, seen: 0, fired: 0 }))
  const checked = (next: ReadonlyArray<FaultRule>): E.Either<InvalidInput, ReadonlyArray<FaultRule>> => {
    const problems = ruleProblems('faults', next)
    if (problems.length > 0) return E.left(invalidInput(problems))
    counted = next.map((rule) => ({ rule, seen: 0, fired: 0 }))
    return E.right(next)
  }
  const fires = (c: Counted, command: Command): boolean => {
    const { rule } = c
    if (rule.commands !== undefined && !rule.commands.includes(command)) return false
    c.seen++
    if (c.seen <= (rule.skip ?? 0)) return false
    if (rule.times !== undefined && c.fired >= rule.times) return false
    if ((rule.rate ?? 1) < 1 && rng.next() >= (rule.rate ?? 1)) return false
    c.fired++
    return true
  }
  return {
    set: checked,
    add: (rule) => {
      const kept = counted
      const result = checked([...kept.map((c) => c.rule), rule])
      // Adding must not reset the counters of the rules already there.
      if (E.isRight(result)) counted = [...kept, counted[counted.length - 1]!]
      return result
    },
    clear: () => {
      counted = []
    },
    rules: () => counted.map((c) => c.rule),
    decide: (command) => {
      if (counted.length === 0) return { delayMs: 0, fault: undefined }
      let delayMs = 0
      let fault: FaultRule | undefined
      for (const c of counted) {
        if (c.rule.kind === 'latency') {
          if (fires(c, command)) delayMs += c.rule.latencyMs ?? 1_000
        } else if (fault === undefined && fires(c, command)) fault = c.rule
      }
      return { delayMs, fault }
    },
  }
}
