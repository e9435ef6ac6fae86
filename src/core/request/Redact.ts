/**
 * Takes secrets out of requests and text before they reach a log or an error message.
 *
 * The secrets are the values of `password`, `session_id` and `token` (specification v2.6 sections 3 and 6),
 * the password of a URL's user information and the credentials of an `authorization` header. `user` and
 * `api_id` name an account but open nothing without a password, so they stay: a log that shows them is
 * how a person finds which account failed.
 *
 * A parameter is secret when its name, read the way the gateway reads it, ends in one of the three names:
 * percent escapes and `+` are decoded, case is ignored, and spaces and dots count as `_` (PHP, which served the
 * gateway's `.php` endpoints, reads `session.id` as `session_id`); a trailing `[...]` is ignored too. Redacting
 * too much is harmless; too little is a leak.
 *
 * Markers: `[redacted]` in text and headers; `%5Bredacted%5D` (the same marker, form-encoded) in URLs and form
 * bodies, so a redacted body is still a valid form body. An empty value stays empty: that a password was
 * missing is not a secret, and it is often the bug.
 *
 * Everything here is total: a malformed URL or body is scrubbed as text, never refused.
 *
 * @since 0.1.0
 */

import * as UrlForm from '../callback/UrlForm.js'
import type { HttpRequest } from '../http.js'

/**
 * The marker that replaces a secret in text and headers.
 *
 * @example
 * import * as Redact from './Redact.js'
 * console.log(Redact.MARKER) // '[redacted]'
 * @category data
 * @since 0.1.0
 */
export const MARKER = '[redacted]'

/**
 * The marker that replaces a secret in a URL or a form body: `[redacted]`, form-encoded.
 *
 * @example
 * import * as Redact from './Redact.js'
 * console.log(Redact.FORM_MARKER) // '%5Bredacted%5D'
 * @category data
 * @since 0.1.0
 */
export const FORM_MARKER = '%5Bredacted%5D'

const SECRET_NAME = /(?:password|session_id|token)(?:\[.*)?$/

// Decoded leniently (a bad escape stays as written), never throws.
const decodeName = (raw: string): string =>
  UrlForm.text(UrlForm.percentBytes(raw, true)).trimStart().toLowerCase().replace(/[ .]/g, '_')

/**
 * Tells whether a parameter name (as written on the wire, possibly percent-encoded) carries a secret.
 *
 * @example
 * import * as Redact from './Redact.js'
 * console.log(Redact.isSecretName('password'), Redact.isSecretName('pass%77ord'), Redact.isSecretName('api_id'))
 * // true true false
 * @category refinements
 * @since 0.1.0
 */
export const isSecretName = (name: string): boolean => SECRET_NAME.test(decodeName(name))

// `name=value` in free text: the name is a run without separators, the value runs to `&` or white space.
const PAIR = /([^\s&?#;=,"'<>{}()]+)=([^&\s"'<>]*)/g
// `"password": "..."` in JSON.
const JSON_PAIR = /"((?:[^"\\]|\\.)*)"(\s*:\s*)"((?:[^"\\]|\\.)*)"/g
// Credentials after an authentication scheme (`Authorization: Basic ...`, `Bearer ...`).
// Case matters: `Basic` and `Bearer` as headers write them (and `bearer`, seen in the wild); prose says "basic".
const CREDENTIALS = /\b(Basic|Bearer|bearer)(\s+)[A-Za-z0-9._~+/=-]+/g

/**
 * Scrubs secrets from any text: `password=…`, `session_id=…`, `token=…` (also percent-encoded or in JSON) and
 * `Basic`/`Bearer` credentials, each replaced by `[redacted]`. For error messages and log lines.
 *
 * @example
 * import * as Redact from './Redact.js'
 * console.log(Redact.text('GET /http/ping?session_id=abc123&x=1 failed'))
 * // 'GET /http/ping?session_id=[redacted]&x=1 failed'
 * @category redaction
 * @since 0.1.0
 */
export const text = (s: string): string =>
  s
    .replace(PAIR, (all, name: string, value: string) =>
      value !== '' && isSecretName(name) ? `${name}=${MARKER}` : all,
    )
    .replace(JSON_PAIR, (all, name: string, colon: string, value: string) =>
      value !== '' && isSecretName(name) ? `"${name}"${colon}"${MARKER}"` : all,
    )
    .replace(CREDENTIALS, `$1$2${MARKER}`)

// `a=1&password=x` -> `a=1&password=%5Bredacted%5D`; every other byte as it was.
const formPairs = (s: string): string =>
  s
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=')
      return eq < 0 || eq === pair.length - 1 || !isSecretName(pair.slice(0, eq))
        ? pair
        : `${pair.slice(0, eq + 1)}${FORM_MARKER}`
    })
    .join('&')

// The password of `scheme://user:password@host`: the user information ends at the last `@` of the authority.
const userInfo = (head: string): string => {
  const start = head.indexOf('//')
  if (start < 0) return head
  const end = head.slice(start + 2).search(/[/\\]/)
  const authority = end < 0 ? head.slice(start + 2) : head.slice(start + 2, start + 2 + end)
  const at = authority.lastIndexOf('@')
  const colon = authority.indexOf(':')
  if (at < 0 || colon < 0 || colon > at || colon === at - 1) return head
  return `${head.slice(0, start + 2 + colon + 1)}${FORM_MARKER}${head.slice(start + 2 + at)}`
}

/**
 * Scrubs a URL: the values of secret query parameters and the password of the user information. Every other
 * character is left as it was, so the URL still says what was asked.
 *
 * @example
 * import * as Redact from './Redact.js'
 * console.log(Redact.url('https://api.clickatell.com/http/auth?user=u&password=p&api_id=1'))
 * // 'https://api.clickatell.com/http/auth?user=u&password=%5Bredacted%5D&api_id=1'
 * @category redaction
 * @since 0.1.0
 */
export const url = (s: string): string => {
  // Everything after the first `?` or `#` is read as pairs: a raw `#` inside a secret must not end it.
  const q = s.search(/[?#]/)
  return q < 0 ? userInfo(s) : `${userInfo(s.slice(0, q))}${s[q]}${formPairs(s.slice(q + 1))}`
}

/**
 * Scrubs a request body: pair by pair for a form body (or one without a content type), as text otherwise.
 *
 * @example
 * import * as Redact from './Redact.js'
 * console.log(Redact.body('application/x-www-form-urlencoded')('user=u&password=p&text=Hi'))
 * // 'user=u&password=%5Bredacted%5D&text=Hi'
 * @category redaction
 * @since 0.1.0
 */
export const body =
  (contentType: string | undefined) =>
  (s: string): string =>
    contentType === undefined || /application\/x-www-form-urlencoded/i.test(contentType)
      ? formPairs(s)
      : text(s)

// Headers whose whole value is a credential.
const SECRET_HEADER = /^(?:proxy-)?authorization$|password|secret|token|session|api[-_]?key|cookie/i

const header = (name: string, value: string): string => {
  if (!SECRET_HEADER.test(name)) return text(value)
  if (/^(?:proxy-)?authorization$/i.test(name)) {
    const scheme = /^\s*[A-Za-z][\w.+-]*\s+(?=\S)/.exec(value)
    return scheme === null ? MARKER : `${scheme[0]}${MARKER}`
  }
  return value === '' ? value : MARKER
}

const contentTypeOf = (headers: Readonly<Record<string, string>>): string | undefined => {
  for (const [name, value] of Object.entries(headers)) if (name.toLowerCase() === 'content-type') return value
  return undefined
}

/**
 * A copy of the request fit for a log: secrets replaced in the URL, the body and the headers (the scheme of an
 * `authorization` header stays: `Basic [redacted]`), and the `signal` dropped.
 *
 * @example
 * import * as Redact from './Redact.js'
 * const safe = Redact.request({
 *   method: 'POST',
 *   url: 'https://api.clickatell.com/http/sendmsg',
 *   headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: 'Bearer abc' },
 *   body: 'session_id=abc&to=27999000001&text=Hi',
 * })
 * console.log(safe.body) // 'session_id=%5Bredacted%5D&to=27999000001&text=Hi'
 * console.log(safe.headers.authorization) // 'Bearer [redacted]'
 * @category redaction
 * @since 0.1.0
 */
export const request = (req: HttpRequest): HttpRequest => {
  const headers = Object.fromEntries(
    Object.entries(req.headers).map(([name, value]) => [name, header(name, value)]),
  )
  const redactedUrl = url(req.url)
  return req.body === undefined
    ? { method: req.method, url: redactedUrl, headers }
    : { method: req.method, url: redactedUrl, headers, body: body(contentTypeOf(req.headers))(req.body) }
}
