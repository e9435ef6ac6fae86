/**
 * The complete configuration the options normalise to. Every option is checked once, here, and every problem
 * is reported with its path (`accounts.0.credits`), never only the first.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import { callbackForms } from '../core/callback/Report.js'
import { type InvalidInput, invalidInput, type Problem } from '../core/errors.js'
import { type Clock, systemClock } from './Clock.js'
import { type FaultRule, ruleProblems } from './Faults.js'
import {
  type AccountOptions,
  type CallbackForm,
  defaultCallbackRetriesMs,
  defaultRoutes,
  type FinalStatus,
  MAX_BODY_BYTES,
  type Route,
  type SimulatorOptions,
} from './Options.js'
import { alphanumeric, random } from './Random.js'

/**
 * The complete configuration, every default filled in.
 *
 * @category model
 * @since 0.1.0
 */
export interface Config {
  readonly host: string
  readonly port: number
  readonly accounts: ReadonlyArray<
    Required<Omit<AccountOptions, 'mtLimit' | 'restToken'>> & Pick<AccountOptions, 'mtLimit' | 'restToken'>
  >
  readonly demo:
    | { readonly apiId: string; readonly user: string; readonly password: string; readonly restToken: string }
    | undefined
  readonly clock: Clock
  readonly seed: number
  readonly routes: ReadonlyArray<Required<Route>>
  readonly blocked: ReadonlySet<string>
  readonly optedOut: ReadonlySet<string>
  readonly dnc: ReadonlySet<string>
  readonly vouchers: ReadonlyMap<string, number>
  readonly sessionTtlMs: number
  readonly expiredSessionCode: '001' | '003'
  readonly reportingDelayMs: number
  readonly gatewayMs: number
  readonly handsetMs: number
  readonly maxRecipients: { readonly get: number; readonly post: number }
  readonly strictParams: boolean
  readonly callback:
    | {
        readonly url: string
        readonly form: CallbackForm
        readonly auth: { readonly username: string; readonly password: string } | undefined
        readonly timeoutMs: number
        readonly retriesMs: ReadonlyArray<number>
      }
    | undefined
  readonly batchTtlMs: number
  readonly faults: ReadonlyArray<FaultRule>
  readonly autoTick: boolean | undefined
  readonly maxBodyBytes: number
}

const MINUTE = 60_000

// Keys the compiler checks against `FinalStatus`: a status added to the type and not here fails to build.
const FINAL_STATUSES: { readonly [K in FinalStatus]-?: true } = {
  '004': true,
  '005': true,
  '007': true,
  '009': true,
  '010': true,
  '012': true,
  '014': true,
}
const FINAL: ReadonlyArray<string> = Object.keys(FINAL_STATUSES)
const isFinal = (u: unknown): u is FinalStatus => typeof u === 'string' && Object.hasOwn(FINAL_STATUSES, u)
const isForm = (u: unknown): u is CallbackForm => callbackForms.includes(u as CallbackForm)

const isObject = (u: unknown): u is Record<string, unknown> => typeof u === 'object' && u !== null
const isCount = (u: unknown): u is number => typeof u === 'number' && Number.isInteger(u) && u >= 0
const isAmount = (u: unknown): u is number => typeof u === 'number' && Number.isFinite(u) && u >= 0
const isStrings = (u: unknown): u is ReadonlyArray<string> =>
  Array.isArray(u) && u.every((s) => typeof s === 'string')

/**
 * Checks the options and fills in every default. Collects all problems rather than stopping at the first.
 *
 * @example
 * import { normalise } from 'clickatell-fp/simulator'
 * console.log(normalise({ port: -1 })._tag) // 'Left'
 * @category decoding
 * @since 0.1.0
 */
export const normalise = (input: SimulatorOptions = {}): E.Either<InvalidInput, Config> => {
  const problems: Problem[] = []
  const o: Record<string, unknown> = isObject(input) ? input : {}
  if (!isObject(input)) problems.push({ path: '', message: 'must be an object' })
  const check = <A>(
    path: string,
    value: unknown,
    ok: (u: unknown) => boolean,
    fallback: A,
    want: string,
  ): A => {
    if (value === undefined) return fallback
    if (ok(value)) return value as A
    problems.push({ path, message: `must be ${want}` })
    return fallback
  }
  const list = (path: string): ReadonlySet<string> =>
    new Set(check<ReadonlyArray<string>>(path, o[path], isStrings, [], 'an array of strings'))

  const seed = check('seed', o['seed'], (u) => typeof u === 'number' && Number.isFinite(u), 1, 'a number')
  const accountsIn = check<ReadonlyArray<unknown>>('accounts', o['accounts'], Array.isArray, [], 'an array')
  const accounts = accountsIn.map((a, i) => account(`accounts.${i}`, a, problems))
  const ids = accounts.map((a) => a.apiId)
  ids.forEach((id, i) => {
    if (ids.indexOf(id) !== i) problems.push({ path: `accounts.${i}.apiId`, message: `repeats ${id}` })
  })
  const tokens = accounts.map((a) => a.restToken)
  tokens.forEach((t, i) => {
    if (t !== undefined && tokens.indexOf(t) !== i)
      problems.push({ path: `accounts.${i}.restToken`, message: 'repeats the token of another account' })
  })
  const rng = random(seed)
  const demo =
    accounts.length === 0
      ? {
          apiId: String(3_000_000 + (rng.uint32() % 1_000_000)),
          user: 'demo',
          password: alphanumeric(rng, 12),
          // Drawn after the others, so they stay what they were for every seed.
          restToken: alphanumeric(rng, 24),
        }
      : undefined
  const routesIn = check<ReadonlyArray<unknown>>(
    'routes',
    o['routes'],
    Array.isArray,
    defaultRoutes,
    'an array',
  )
  const routes = routesIn
    .map((r, i) => route(`routes.${i}`, r, problems))
    .sort((a, b) => b.prefix.length - a.prefix.length)
  const vouchersIn = check<Record<string, unknown>>('vouchers', o['vouchers'], isObject, {}, 'an object')
  for (const [token, credits] of Object.entries(vouchersIn))
    if (!/^[0-9]{16}$/.test(token) || !isAmount(credits))
      problems.push({ path: `vouchers.${token}`, message: 'must be a 16-digit token with credits >= 0' })
  const delivery = check<Record<string, unknown>>('delivery', o['delivery'], isObject, {}, 'an object')
  const maxRecipients = check<Record<string, unknown>>(
    'maxRecipients',
    o['maxRecipients'],
    isObject,
    {},
    'an object',
  )
  const callbackUrl = check<string | undefined>(
    'callbackUrl',
    o['callbackUrl'],
    (u) => typeof u === 'string' && /^https?:\/\/[^\s]+$/.test(u),
    undefined,
    'an http:// or https:// URL',
  )
  const auth = check<Record<string, unknown> | undefined>(
    'callbackAuth',
    o['callbackAuth'],
    (u) => isObject(u) && typeof u['username'] === 'string' && typeof u['password'] === 'string',
    undefined,
    'an object with string username and password',
  )
  const faults = o['faults'] ?? []
  problems.push(...ruleProblems('faults', faults))
  const demoCredits = check('demoCredits', o['demoCredits'], isAmount, 100, 'a number of credits >= 0')
  const config: Config = {
    host: check('host', o['host'], (u) => typeof u === 'string' && u.length > 0, '127.0.0.1', 'a host name'),
    port: check('port', o['port'], (u) => isCount(u) && u < 65536, 0, 'a port number from 0 to 65535'),
    accounts:
      demo === undefined ? accounts : [{ ...demo, credits: demoCredits, allowedIps: [], senderIds: [] }],
    demo,
    clock: check(
      'clock',
      o['clock'],
      (u) => isObject(u) && typeof u['now'] === 'function',
      systemClock,
      'a clock',
    ),
    seed,
    routes,
    blocked: list('blocked'),
    optedOut: list('optedOut'),
    dnc: list('dnc'),
    vouchers: new Map(Object.entries(vouchersIn).map(([k, v]) => [k, Number(v)])),
    sessionTtlMs: check('sessionTtlMs', o['sessionTtlMs'], isCount, 15 * MINUTE, 'a whole number of ms'),
    expiredSessionCode: check(
      'expiredSessionCode',
      o['expiredSessionCode'],
      (u) => u === '001' || u === '003',
      '001',
      "'001' or '003'",
    ),
    reportingDelayMs: check('reportingDelayMs', o['reportingDelayMs'], isCount, 0, 'a whole number of ms'),
    gatewayMs: check('delivery.gatewayMs', delivery['gatewayMs'], isCount, 1_000, 'a whole number of ms'),
    handsetMs: check('delivery.handsetMs', delivery['handsetMs'], isCount, 5_000, 'a whole number of ms'),
    maxRecipients: {
      get: check('maxRecipients.get', maxRecipients['get'], isCount, 100, 'a whole number'),
      post: check('maxRecipients.post', maxRecipients['post'], isCount, 300, 'a whole number'),
    },
    strictParams: check('strictParams', o['strictParams'], (u) => typeof u === 'boolean', true, 'a boolean'),
    callback:
      callbackUrl === undefined
        ? undefined
        : {
            url: callbackUrl,
            form: check('callbackForm', o['callbackForm'], isForm, 'http-post', callbackForms.join(', ')),
            auth:
              auth === undefined
                ? undefined
                : { username: String(auth['username']), password: String(auth['password']) },
            timeoutMs: check(
              'callbackTimeoutMs',
              o['callbackTimeoutMs'],
              isCount,
              5_000,
              'a whole number of ms',
            ),
            retriesMs: check(
              'callbackRetriesMs',
              o['callbackRetriesMs'],
              (u) => Array.isArray(u) && u.every(isCount),
              defaultCallbackRetriesMs,
              'an array of whole numbers of ms',
            ),
          },
    batchTtlMs: check('batchTtlMs', o['batchTtlMs'], isCount, 24 * 60 * MINUTE, 'a whole number of ms'),
    faults: faults as ReadonlyArray<FaultRule>,
    autoTick: check<boolean | undefined>(
      'autoTick',
      o['autoTick'],
      (u) => typeof u === 'boolean',
      undefined,
      'a boolean',
    ),
    maxBodyBytes: check(
      'maxBodyBytes',
      o['maxBodyBytes'],
      isCount,
      MAX_BODY_BYTES,
      'a whole number of bytes',
    ),
  }
  if (config.handsetMs < config.gatewayMs)
    problems.push({ path: 'delivery.handsetMs', message: 'must not be less than delivery.gatewayMs' })
  return problems.length > 0 ? E.left(invalidInput(problems)) : E.right(config)
}

const account = (path: string, input: unknown, problems: Problem[]): Config['accounts'][number] => {
  const a: Record<string, unknown> = isObject(input) ? input : {}
  const text = (key: string): string => {
    const v = a[key]
    if (typeof v === 'string' && v.length > 0) return v
    problems.push({ path: `${path}.${key}`, message: 'must be a non-empty string' })
    return ''
  }
  const strings = (key: string): ReadonlyArray<string> => {
    const v = a[key]
    if (v === undefined) return []
    if (isStrings(v)) return v
    problems.push({ path: `${path}.${key}`, message: 'must be an array of strings' })
    return []
  }
  const apiId = text('apiId')
  const user = text('user')
  const password = text('password')
  const credits = a['credits'] ?? 100
  if (!isAmount(credits)) problems.push({ path: `${path}.credits`, message: 'must be a number >= 0' })
  const limit = a['mtLimit']
  const limitOk =
    limit === undefined ||
    (isObject(limit) &&
      isCount(limit['max']) &&
      (limit['windowMs'] === undefined || isCount(limit['windowMs'])))
  if (!limitOk)
    problems.push({ path: `${path}.mtLimit`, message: 'must be { max, windowMs? } in whole numbers' })
  const base = {
    apiId,
    user,
    password,
    credits: isAmount(credits) ? credits : 0,
    allowedIps: strings('allowedIps'),
    senderIds: strings('senderIds'),
  }
  const restToken = a['restToken']
  const tokenOk =
    restToken === undefined || (typeof restToken === 'string' && /^[\x21-\x7e]+$/.test(restToken))
  if (!tokenOk)
    problems.push({
      path: `${path}.restToken`,
      message: 'must be a non-empty string of visible ASCII, no spaces',
    })
  const withToken = tokenOk && restToken !== undefined ? { ...base, restToken: restToken as string } : base
  return limitOk && limit !== undefined
    ? { ...withToken, mtLimit: limit as NonNullable<AccountOptions['mtLimit']> }
    : withToken
}

const route = (path: string, input: unknown, problems: Problem[]): Required<Route> => {
  const r: Record<string, unknown> = isObject(input) ? input : {}
  if (typeof r['prefix'] !== 'string' || !/^[0-9]*$/.test(r['prefix']))
    problems.push({ path: `${path}.prefix`, message: 'must be a string of digits' })
  if (r['charge'] !== undefined && !isAmount(r['charge']))
    problems.push({ path: `${path}.charge`, message: 'must be a number >= 0' })
  if (r['finalStatus'] !== undefined && !isFinal(r['finalStatus']))
    problems.push({ path: `${path}.finalStatus`, message: `must be one of ${FINAL.join(', ')}` })
  return {
    prefix: typeof r['prefix'] === 'string' ? r['prefix'] : '',
    charge: isAmount(r['charge']) ? r['charge'] : 1,
    routable: r['routable'] !== false,
    finalStatus: isFinal(r['finalStatus']) ? r['finalStatus'] : '004',
  }
}
