/**
 * Renders a `WireRequest` as an `HttpRequest` (exported as `Render`). POST by default, with an
 * `application/x-www-form-urlencoded` body: the live service answers `ERR: 001, Authentication failed` to a
 * POST without that content type (FACTS.md quirk 18), and with POST the credentials stay out of the URL, so out
 * of access logs. GET on request, every parameter in the query.
 *
 * Every name and value is percent-encoded as ISO-8859-1 bytes (`Latin1`), space as `+`. A value with a
 * character above U+00FF cannot be written: the encoders never produce one (UCS-2 text travels as hex), and the
 * renderer still refuses it with `InvalidInput` rather than send something the gateway would misread.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import { type InvalidInput, invalidInput } from './errors.js'
import type { HttpRequest } from './http.js'
import { encodeForm } from './Latin1.js'
import { describe, gather } from './Validation.js'
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

/**
 * Renders with options. The options are checked once; an invalid one makes every rendering `InvalidInput`.
 *
 * @example
 * import { Encode, Render, Wire } from 'clickatell-fp'
 * import * as E from 'fp-ts/Either'
 * const wire = Encode.getbalance(Wire.session('abc'))()
 * console.log(E.flatMap(Render.http({ method: 'GET' }))(wire))
 * // { _tag: 'Right', right: { method: 'GET', url: 'https://api.clickatell.com/http/getbalance?session_id=abc', headers: {} } }
 * const sends = Encode.sendmsg(Wire.session('abc'))({ to: '447901231234', text: 'Grüße' })
 * const post = E.flatMap((ws: ReadonlyArray<Wire.WireRequest>) => Render.http({})(ws[0]!))(sends)
 * console.log(E.isRight(post) && post.right.body) // 'session_id=abc&to=447901231234&text=Gr%FC%DFe'
 * @category rendering
 * @since 0.1.0
 */
export const http = (
  options: HttpOptions = {},
): ((wire: WireRequest) => E.Either<InvalidInput, HttpRequest>) => {
  const checked = gather(requestMethod(options.method), root(options.baseUrl))
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
