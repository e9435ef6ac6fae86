/**
 * Renders a `WireRequest` as an `HttpRequest` (exported as `Render`). POST by default, with an
 * `application/x-www-form-urlencoded` body: the live service answers `ERR: 001, Authentication failed` to a
 * POST without that content type (docs/gateway.md, quirk 18), and with POST the credentials stay out of the
 * URL, so out of access logs. GET on request, every parameter in the query.
 *
 * Every name and value is percent-encoded as ISO-8859-1 bytes (`Latin1`), space as `+`. A value with a
 * character above U+00FF cannot be written: the encoders never produce one (UCS-2 text travels as hex), and the
 * renderer still refuses it with `InvalidInput` rather than send something the gateway would misread.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import { type InvalidInput, invalidInput } from '../errors.js'
import type { HttpRequest } from '../http.js'
import { ClientMessageId } from '../message/Codecs.js'
import { Msisdn } from '../message/Msisdn.js'
import { describe, gather } from '../message/Validation.js'
import { paths } from './Command.js'
import { prepare, preparedParams } from './Encode.js'
import { encodeForm } from './Latin1Form.js'
import type { Submission } from './MessageParams.js'
import {
  account,
  type Credentials,
  credentialParams,
  requestMethod,
  session,
  type WireRequest,
} from './Wire.js'

/**
 * The gateway's address.
 *
 * @example
 * import { Render } from 'clickatell-fp'
 * console.log(Render.DEFAULT_BASE_URL) // 'https://api.clickatell.com'
 * @category data
 * @since 0.1.0
 */
export const DEFAULT_BASE_URL = 'https://api.clickatell.com'

/**
 * Options for `http`: where the gateway is (a simulator on 127.0.0.1 in tests) and the method.
 *
 * @category model
 * @since 0.1.0
 */
export interface HttpOptions {
  readonly baseUrl?: string
  readonly method?: 'GET' | 'POST'
}

/**
 * The content type of every POST body.
 *
 * @category data
 * @since 0.1.0
 */
export const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded'

// The headers of every request, made once (frozen: every request shares them).
const NO_HEADERS: Readonly<Record<string, string>> = Object.freeze({})
const FORM_HEADERS: Readonly<Record<string, string>> = Object.freeze({ 'content-type': FORM_CONTENT_TYPE })

// How many paths a renderer keeps the URL of.
const URL_CACHE = 64

const BASE_URL = /^https?:\/\/[^\s/?#]+(?:\/[^\s?#]*)?$/

/**
 * A base URL checked (http or https, no query or fragment) and without its trailing slash.
 *
 * @example
 * import { Render } from 'clickatell-fp'
 * console.log(Render.root('http://127.0.0.1:8080/')) // { _tag: 'Right', right: 'http://127.0.0.1:8080' }
 * @category utils
 * @since 0.1.0
 */
export const root = (baseUrl: string = DEFAULT_BASE_URL): E.Either<InvalidInput, string> =>
  typeof baseUrl === 'string' && BASE_URL.test(baseUrl)
    ? E.right(baseUrl.endsWith('/') ? baseUrl.slice(0, -1) : baseUrl)
    : E.left(
        invalidInput([
          {
            path: 'baseUrl',
            message: `must be an http or https URL without query, such as ${DEFAULT_BASE_URL}; got ${describe(baseUrl)}`,
          },
        ]),
      )

// The method and the base URL, checked: every problem of both.
const settingsOf = (options: HttpOptions) => gather(requestMethod(options.method), root(options.baseUrl))

/**
 * Renders with options. The options are checked once; an invalid one makes every rendering `InvalidInput`.
 *
 * @example
 * import { Encode, Render } from 'clickatell-fp'
 * import * as E from 'fp-ts/Either'
 * const wire = Encode.getbalance(Encode.session('abc'))()
 * console.log(E.flatMap(Render.http({ method: 'GET' }))(wire))
 * // { _tag: 'Right', right: { method: 'GET', url: 'https://api.clickatell.com/http/getbalance?session_id=abc', headers: {} } }
 * const sends = Encode.sendmsg(Encode.session('abc'))({ to: '447901231234', text: 'Grüße' })
 * const post = E.flatMap((ws: ReadonlyArray<Encode.WireRequest>) => Render.http({})(ws[0]!))(sends)
 * console.log(E.isRight(post) && post.right.body) // 'session_id=abc&to=447901231234&text=Gr%FC%DFe'
 * @category rendering
 * @since 0.1.0
 */
export const http = (
  options: HttpOptions = {},
): ((wire: WireRequest) => E.Either<InvalidInput, HttpRequest>) => {
  const checked = settingsOf(options)
  if (E.isLeft(checked)) return () => checked
  const [method, base] = checked.right
  const refused = E.left(invalidInput([{ path: '', message: 'must be a WireRequest from Encode' }]))
  // The URL of each path, joined once (at most URL_CACHE paths; Encode has one per command): every request to a
  // path then carries the same string, which a transport finds in its cache of parsed URLs by identity, where a
  // string joined afresh for each request must be hashed and compared character by character first.
  const urls = new Map<string, string>()
  const urlOf = (path: string): string => {
    let url = urls.get(path)
    if (url === undefined) {
      url = base + path
      if (urls.size < URL_CACHE) urls.set(path, url)
    }
    return url
  }
  // Total for any value: a WireRequest from Encode never takes the catch, anything else is refused.
  return (wire) => {
    try {
      const { path, params } = wire as { readonly path: unknown; readonly params: unknown }
      if (typeof path !== 'string' || !path.startsWith('/') || !Array.isArray(params)) return refused
      const form = encodeForm(params)
      if (E.isLeft(form)) return form
      return E.right(
        method === 'GET'
          ? {
              method,
              url: form.right === '' ? urlOf(path) : `${urlOf(path)}?${form.right}`,
              headers: NO_HEADERS,
            }
          : { method, url: urlOf(path), headers: FORM_HEADERS, body: form.right },
      )
    } catch {
      return refused
    }
  }
}

/**
 * `Encode.prepare` and `http` in one: a planned message made ready once for many single-recipient `sendmsg`
 * requests, each answered as the `HttpRequest` itself. The requests are those of
 * `http(options)(Encode.prepare(submission)(credentials, to, clientMessageId))`, byte for byte and error for
 * error (a property test holds it to that); the message's own parameters (its text and options) are written into
 * form text once, the credentials' once for as long as they stay the same, and a request only joins them with
 * the recipient and the client message id, which need no escaping once checked (digits; letters and digits).
 * Anything out of the ordinary (a refused number or id, bad credentials, options that cannot be written) takes
 * the general path, which gives the error.
 *
 * This is the client's path for every message, where rendering each request from its parameters was a fifth
 * of the client's own work.
 *
 * @example
 * import { Encode, Message, Render } from 'clickatell-fp'
 * import * as Submission from './MessageParams.js'
 * import * as E from 'fp-ts/Either'
 * const s = E.flatMap(Submission.fromMessage)(Message.decode({ to: '447900000001', text: 'Hi there' }))
 * if (E.isRight(s)) {
 *   const send = Render.sendmsgWith({ baseUrl: 'http://127.0.0.1:9' })(s.right)
 *   const r = send(Encode.session('abc'), '447900000002', 'c1')
 *   console.log(E.isRight(r) && r.right.body) // 'session_id=abc&to=447900000002&text=Hi+there&climsgid=c1'
 * }
 * @category rendering
 * @since 0.1.0
 */
export const sendmsgWith = (
  options: HttpOptions = {},
): ((
  submission: Submission,
) => (
  credentials: Credentials,
  to: string,
  clientMessageId: string,
) => E.Either<InvalidInput, HttpRequest>) => {
  const render = http(options)
  const checked = settingsOf(options)
  if (E.isLeft(checked)) return () => () => checked
  const [method, base] = checked.right
  const url = base + paths.sendmsg
  // The credentials last written (their values, read once) and their form text: compared by value, so
  // credentials changed in place are written again rather than taken for the old ones. Only plain session or
  // account credentials are kept; anything else takes the general path.
  let lastSession: string | undefined
  let lastAccount: readonly [string, string, string] | undefined
  let lastForm = ''
  const remember = (made: Credentials): string | undefined => {
    const form = E.flatMap(encodeForm)(credentialParams(made))
    if (E.isLeft(form)) return undefined
    lastSession = made._tag === 'Session' ? made.sessionId : undefined
    lastAccount = made._tag === 'Account' ? [made.apiId, made.user, made.password] : undefined
    lastForm = form.right
    return lastForm
  }
  const credentialsForm = (credentials: Credentials): string | undefined => {
    try {
      const c = credentials as unknown as Record<string, unknown>
      if (c._tag === 'Session') {
        const id = c.sessionId
        if (typeof id !== 'string') return undefined
        return id === lastSession ? lastForm : remember(session(id))
      }
      if (c._tag === 'Account') {
        const [apiId, user, password] = [c.apiId, c.user, c.password]
        if (typeof apiId !== 'string' || typeof user !== 'string' || typeof password !== 'string')
          return undefined
        return lastAccount !== undefined &&
          apiId === lastAccount[0] &&
          user === lastAccount[1] &&
          password === lastAccount[2]
          ? lastForm
          : remember(account({ apiId, user, password }))
      }
      return undefined
    } catch {
      return undefined
    }
  }
  const notSubmission = E.left(
    invalidInput([{ path: '', message: 'must be a Submission from Submission.fromMessage' }]),
  )
  return (submission) => {
    // The message's parameters as prepare writes them (its own climsgid gives way to each request's).
    let general: ReturnType<typeof prepare>
    let rest: ReadonlyArray<readonly [string, string]>
    try {
      general = prepare(submission)
      rest = preparedParams(submission)
    } catch {
      return () => notSubmission
    }
    const slow = (credentials: Credentials, to: string, clientMessageId: string) =>
      E.flatMap(render)(general(credentials, to, clientMessageId))
    const written = encodeForm(rest)
    if (E.isLeft(written)) return slow
    const middle = written.right === '' ? '&climsgid=' : `&${written.right}&climsgid=`
    return (credentials, to, clientMessageId) => {
      if (!Msisdn.is(to) || !ClientMessageId.is(clientMessageId))
        return slow(credentials, to, clientMessageId)
      const auth = credentialsForm(credentials)
      if (auth === undefined) return slow(credentials, to, clientMessageId)
      const form = `${auth}&to=${to}${middle}${clientMessageId}`
      return E.right(
        method === 'GET'
          ? { method, url: `${url}?${form}`, headers: NO_HEADERS }
          : { method, url, headers: FORM_HEADERS, body: form },
      )
    }
  }
}
