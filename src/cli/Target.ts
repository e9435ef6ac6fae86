/**
 * Which gateway the CLI talks to: flags first, then `CLICKATELL_URL`, `CLICKATELL_API_ID`, `CLICKATELL_USER`,
 * `CLICKATELL_PASSWORD`. With none of them set, the embedded simulator is started on 127.0.0.1 (see `Embedded`)
 * and the CLI says so in one line before its first request, so every command works on a fresh machine.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import { type InvalidInput, invalidInput, type Problem } from '../core/errors.js'
import { DEFAULT_BASE_URL } from '../core/request/Render.js'
import { startEmbedded } from './Embedded.js'
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
 * A resolved target: where, who, the line that says the embedded simulator is used (printed before the first
 * request, so a command that refuses its input never says it), and `close`, which stops that simulator and
 * keeps its state when the run `used` it (`Left`: why the state was not kept).
 *
 * @category model
 * @since 0.1.0
 */
export interface Target {
  readonly baseUrl: string
  readonly credentials: Credentials
  readonly close: (used: boolean) => Promise<E.Either<string, void>>
  readonly banner?: string
}

const given = (v: string | undefined): boolean => v !== undefined && v !== ''

/**
 * Resolves the target from flags and the environment, starting the embedded simulator when nothing is set.
 *
 * @category constructors
 * @since 0.1.0
 */
export const resolveTarget = async (
  flags: TargetFlags,
  world: World,
): Promise<E.Either<InvalidInput, Target>> => {
  const env = world.env
  const url = flags.url ?? env.CLICKATELL_URL
  const apiId = flags.apiId ?? env.CLICKATELL_API_ID
  const user = flags.user ?? env.CLICKATELL_USER
  const password = flags.password ?? env.CLICKATELL_PASSWORD
  if (![url, apiId, user, password].some(given)) {
    const sim = await startEmbedded(world)
    return E.right({ baseUrl: sim.url, credentials: sim.credentials, close: sim.close, banner: sim.banner })
  }
  const problems: Problem[] = []
  const need = (value: string | undefined, flag: string, variable: string): string => {
    if (!given(value)) problems.push({ path: flag, message: `is missing: give --${flag} or set ${variable}` })
    return value ?? ''
  }
  const credentials = {
    apiId: need(apiId, 'api-id', 'CLICKATELL_API_ID'),
    user: need(user, 'user', 'CLICKATELL_USER'),
    password: need(password, 'password', 'CLICKATELL_PASSWORD'),
  }
  if (problems.length > 0) return E.left(invalidInput(problems))
  return E.right({ baseUrl: url ?? DEFAULT_BASE_URL, credentials, close: async () => E.right(undefined) })
}
