/**
 * Nothing the CLI writes holds a secret: every output path (stdout, stderr, `--json` documents, the files it
 * writes, commander's own messages) goes through one scrubber made from the secrets it knows. Those are the
 * configured password (`--password`, `CLICKATELL_PASSWORD`), the REST token (`--token`, `CLICKATELL_TOKEN`), a
 * password in the configured URL's user information, and every session id a request of this run carried. The client scrubs its own results already;
 * this is the same rule at the last place output leaves the program, for what did not come from the client.
 *
 * A `--json` document is scrubbed value by value and written again, so a secret that is also a word of JSON
 * (`true`, `ok`) cannot break the document.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import * as TE from 'fp-ts/lib/TaskEither.js'
import { knownSecrets } from '../client/KnownSecrets.js'
import * as UrlForm from '../core/callback/UrlForm.js'
import type { HttpRequest, HttpResponse } from '../core/http.js'
import type { Stream, World, Writer } from './World.js'

/**
 * The secrets the program is configured with, read from its arguments and environment before commander parses
 * them (so commander's own errors are scrubbed too).
 *
 * @example
 * import { configured } from './Secrets.js'
 * console.log(configured(['--password', 'pw1', 'balance'], { CLICKATELL_URL: 'http://me:pw2@h', CLICKATELL_TOKEN: 'tk3' }))
 * // ['pw1', 'tk3', 'pw2']
 * @category utils
 * @since 0.1.0
 */
export const configured = (
  argv: ReadonlyArray<string>,
  env: Readonly<Record<string, string | undefined>>,
): ReadonlyArray<string> => {
  const flag = (name: string): ReadonlyArray<string> =>
    argv.flatMap((a, i) =>
      a === name
        ? argv[i + 1] === undefined
          ? []
          : [argv[i + 1]!]
        : a.startsWith(`${name}=`)
          ? [a.slice(name.length + 1)]
          : [],
    )
  const userInfo = (url: string | undefined): ReadonlyArray<string> => {
    const m = url === undefined ? null : /^[^/?#]*:\/\/([^/?#]*)@/.exec(url)
    if (m === null) return []
    const colon = m[1]!.indexOf(':')
    return colon < 0 ? [m[1]!] : [m[1]!.slice(colon + 1), m[1]!]
  }
  return [
    ...flag('--password'),
    ...(env.CLICKATELL_PASSWORD === undefined ? [] : [env.CLICKATELL_PASSWORD]),
    ...flag('--token'),
    ...(env.CLICKATELL_TOKEN === undefined ? [] : [env.CLICKATELL_TOKEN]),
    ...[...flag('--url'), env.CLICKATELL_URL].flatMap(userInfo),
  ].filter((s, i, all) => s !== '' && all.indexOf(s) === i)
}

// The session ids a request carries, in its query or its form body.
const sessionIds = (request: HttpRequest): ReadonlyArray<string> => {
  const q = request.url.indexOf('?')
  return [q < 0 ? '' : request.url.slice(q + 1), request.body ?? ''].flatMap((form) =>
    UrlForm.parse(form)
      .filter((p) => p.name === 'session_id')
      .map((p) => p.value),
  )
}

// A written chunk scrubbed: a JSON document value by value, anything else as text.
const chunk = (scrub: <A>(a: A) => A, s: string): string => {
  if (/^\s*[{[]/.test(s)) {
    try {
      const doc: unknown = JSON.parse(s)
      const clean = scrub(doc)
      // Written again only when something was taken out; otherwise exactly as it was.
      return clean === doc ? s : `${JSON.stringify(clean, null, 2)}${s.endsWith('\n') ? '\n' : ''}`
    } catch {
      // Not a document: scrubbed as text below.
    }
  }
  return scrub(s)
}

/**
 * The world with every output scrubbed of `secrets` and of each session id a request of the program carries.
 * Reads, the clock and the embedded simulator's own state file are as they were.
 *
 * @category constructors
 * @since 0.1.0
 */
export const guarded = (world: World, secrets: ReadonlyArray<string>): World => {
  const { learn, scrub } = knownSecrets(secrets)
  const stream = (s: Stream): Stream => ({
    write: (text: string) => s.write(chunk(scrub, text)),
    ...(s.isTTY === undefined ? {} : { isTTY: s.isTTY }),
  })
  return {
    ...world,
    stdout: stream(world.stdout),
    stderr: stream(world.stderr),
    writeFile: (path, text) => world.writeFile(path, scrub(text)),
    openWriter: async (path) =>
      E.map(
        (w: Writer): Writer => ({
          write: (text: string) => w.write(scrub(text)),
          close: w.close,
        }),
      )(await world.openWriter(path)),
    transport: () => {
      const t = world.transport()
      return {
        send: (request) => {
          learn(sessionIds(request))
          return TE.bimap(scrub, (response: HttpResponse) => {
            // An `auth` answer names the session id before any request carries it.
            if (/\/auth(?:\?|$)/.test(request.url)) learn(/^OK: *(\S+)/.exec(response.body)?.slice(1) ?? [])
            return response
          })(t.send(request))
        },
        close: t.close,
      }
    },
  }
}
