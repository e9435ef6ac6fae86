/**
 * Which gateway the CLI talks to: flags first, then `CLICKATELL_URL`, `CLICKATELL_API_ID`, `CLICKATELL_USER`,
 * `CLICKATELL_PASSWORD`. With none of them set, an embedded simulator is started on 127.0.0.1 and the CLI says
 * so in one line before its first request, so every command works on a fresh machine.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import { type InvalidInput, invalidInput, type Problem } from '../core/errors.js'
import { DEFAULT_BASE_URL } from '../core/request/Render.js'
import type { Credentials, World } from './World.js'

/**
 * Flags that name a target.
 *
 * @category model
 * @since 0.1.0
 */
export interface TargetFlags {
  readonly url?: string
  readonly apiId?: string
  readonly user?: string
  readonly password?: string
}

/**
 * A resolved target: where, who, the embedded simulator to close afterwards (when there is one), and the line
 * that says it is used, printed before the first request (a command that refuses its input never says it).
 *
 * @category model
 * @since 0.1.0
 */
export interface Target {
  readonly baseUrl: string
  readonly credentials: Credentials
  readonly close: () => Promise<void>
  readonly banner?: string
}

/**
 * Resolves the target from flags and the environment, starting the embedded simulator when nothing is set.
 *
 * @category constructors
 * @since 0.1.0
 */
export const resolveTarget = async (
  flags: TargetFlags,
  world: Pick<World, 'env' | 'startSimulator'>,
): Promise<E.Either<InvalidInput, Target>> => {
  const env = world.env
  const url = flags.url ?? env.CLICKATELL_URL
  const apiId = flags.apiId ?? env.CLICKATELL_API_ID
  const user = flags.user ?? env.CLICKATELL_USER
  const password = flags.password ?? env.CLICKATELL_PASSWORD
  if ([url, apiId, user, password].every((v) => v === undefined || v === '')) {
    // Credits enough for a demo bulk run (the simulator's own default is 100).
    const sim = await world.startSimulator({ demoCredits: 100_000 })
    const demo = sim.demo!
    const banner = `No gateway configured (CLICKATELL_URL, CLICKATELL_API_ID, CLICKATELL_USER, CLICKATELL_PASSWORD): using an embedded simulator at ${sim.url}.`
    return E.right({ baseUrl: sim.url, credentials: demo, close: () => sim.close(), banner })
  }
  const problems: Problem[] = []
  const need = (value: string | undefined, flag: string, variable: string): string => {
    if (value === undefined || value === '')
      problems.push({ path: flag, message: `is missing: give --${flag} or set ${variable}` })
    return value ?? ''
  }
  const credentials = {
    apiId: need(apiId, 'api-id', 'CLICKATELL_API_ID'),
    user: need(user, 'user', 'CLICKATELL_USER'),
    password: need(password, 'password', 'CLICKATELL_PASSWORD'),
  }
  if (problems.length > 0) return E.left(invalidInput(problems))
  return E.right({ baseUrl: url ?? DEFAULT_BASE_URL, credentials, close: async () => {} })
}
