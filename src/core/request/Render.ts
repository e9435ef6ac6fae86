/**
 * Renders a `WireRequest` as an `HttpRequest` (exported as `Render`). POST by default, with an
 * `application/x-www-form-urlencoded` body: the live service answers `ERR: 001, Authentication failed` to a
 * POST without that content type (docs/gateway.md, quirk 18), and with POST the credentials stay out of the
 * URL, so out of access logs. GET on request, every parameter in the query.
 *
 * Every name and value is percent-encoded as ISO-8859-1 bytes (`Latin1Form`), space as `+`. A value with a
 * character above U+00FF cannot be written: the encoders never produce one (UCS-2 text travels as hex), and the
 * renderer still refuses it with `InvalidInput` rather than send something the gateway would misread.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import { type InvalidInput, invalidInput } from '../errors.js'
import type { HttpRequest } from '../http.js'
import { describe, gather } from '../message/Validation.js'
import { encodeForm } from './Latin1Form.js'
import { requestMethod, type WireRequest } from './Wire.js'

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

const BASE_URL = /^https?:\/\/[^\s/?#@]+(?:\/[^\s?#]*)?$/

// An `@` before the path: user information (`user:password@host`), or something a reader could take for it.
const USER_INFO = /^[^/?#]*:\/\/[^/?#]*@/

const refused = (message: string): E.Either<InvalidInput, string> =>
  E.left(invalidInput([{ path: 'baseUrl', message }]))

/**
 * A base URL decoded (http or https, no query or fragment) and without its trailing slash. User information
 * (`http://me:secret@host`) is refused: it would put a password in every URL and in every message that quotes
 * one. The error names the problem without repeating the URL, nor any value with an `@` in it.
 *
 * @example
 * import { Render } from 'clickatell-fp'
 * console.log(Render.root('http://127.0.0.1:8080/')) // { _tag: 'Right', right: 'http://127.0.0.1:8080' }
 * const withPassword = Render.root('http://me:S3cr3t@127.0.0.1/')
 * console.log(withPassword._tag === 'Left' && withPassword.left.problems[0]!.message)
 * // 'must not hold user information (user:password@): give the credentials in credentials, never in the URL'
 * @category utils
 * @since 0.1.0
 */
export const root = (baseUrl: unknown = DEFAULT_BASE_URL): E.Either<InvalidInput, string> =>
  typeof baseUrl === 'string' && USER_INFO.test(baseUrl)
    ? refused(
        'must not hold user information (user:password@): give the credentials in credentials, never in the URL',
      )
    : typeof baseUrl === 'string' && BASE_URL.test(baseUrl)
      ? E.right(baseUrl.endsWith('/') ? baseUrl.slice(0, -1) : baseUrl)
      : refused(
          `must be an http or https URL without query, such as ${DEFAULT_BASE_URL}; got ${
            typeof baseUrl === 'string' && baseUrl.includes('@') ? 'a string with an @' : describe(baseUrl)
          }`,
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
  return (wire) =>
    E.map(
      (form: string): HttpRequest =>
        method === 'GET'
          ? { method, url: form === '' ? base + wire.path : `${base}${wire.path}?${form}`, headers: {} }
          : { method, url: base + wire.path, headers: { 'content-type': FORM_CONTENT_TYPE }, body: form },
    )(encodeForm(wire.params))
}
