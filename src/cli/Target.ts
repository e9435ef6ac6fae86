/**
 * Which gateway the CLI talks to: flags first, then `CLICKATELL_URL`, `CLICKATELL_API_ID`, `CLICKATELL_USER`,
 * `CLICKATELL_PASSWORD`; with `--rest`, the legacy REST API, `CLICKATELL_URL` and the token (`--token`,
 * `CLICKATELL_TOKEN`). With none of them set, the embedded simulator is started on 127.0.0.1 (see `Embedded`)
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
  /** The legacy REST API, with a token, in place of the HTTP API. */
  readonly rest?: boolean
  readonly token?: string
}

/**
 * The REST API's credentials: its token.
 *
 * @category model
 * @since 0.1.0
 */
export interface RestCredentials {
  readonly token: string
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
  /** The account's (the HTTP API), or the token (`--rest`). */
  readonly credentials: Credentials | RestCredentials
  readonly close: (used: boolean) => Promise<E.Either<string, void>>
  readonly banner?: string
}

const given = (v: string | undefined): boolean => v !== undefined && v !== ''

const REST_NAMES = 'CLICKATELL_URL, CLICKATELL_TOKEN'

// The REST API's target: the URL and the token, or the embedded simulator's demo token when neither is set.
const restTarget = async (flags: TargetFlags, world: World): Promise<E.Either<InvalidInput, Target>> => {
  const url = flags.url ?? world.env.CLICKATELL_URL
  const token = flags.token ?? world.env.CLICKATELL_TOKEN
  if (![url, token].some(given)) {
    const sim = await startEmbedded(world, REST_NAMES)
    const credentials = { token: sim.credentials.restToken ?? '' }
    return E.right({ baseUrl: sim.url, credentials, close: sim.close, banner: sim.banner })
  }
  if (!given(token))
    return E.left(
      invalidInput([{ path: 'token', message: 'is missing: give --token or set CLICKATELL_TOKEN' }]),
    )
  return E.right({
    baseUrl: url ?? DEFAULT_BASE_URL,
    credentials: { token: token! },
    close: async () => E.right(undefined),
  })
}

/**
 * Resolves the target from flags and the environment, starting the embedded simulator when nothing is set.
 * `--token` goes with `--rest` only (the HTTP API has no token).
 *
 * @category constructors
 * @since 0.1.0
 */
export const resolveTarget = async (
  flags: TargetFlags,
  world: World,
): Promise<E.Either<InvalidInput, Target>> => {
  if (flags.rest === true) return restTarget(flags, world)
  if (flags.token !== undefined)
    return E.left(
      invalidInput([{ path: 'token', message: 'is the REST API token: add --rest to use the REST API' }]),
    )
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
