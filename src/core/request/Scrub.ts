/**
 * Takes known secrets out of values by value, not by pattern. `Redact` finds a secret by the name beside it
 * (`password=...`); a gateway or a proxy that echoes a request can put the value anywhere, without its name:
 * in an HTML page, a JSON document, a header it repeats. So the client and the CLI hand every error and every
 * output through a scrubber made from the secrets they know (the password, each session id obtained, a REST
 * token) before it leaves them.
 *
 * A secret is found in the forms it travels in, one character at a time, so forms mixed within one occurrence
 * count too: as written; percent-encoded as UTF-8 or as ISO-8859-1 bytes (`Latin1Form`), hex digits in either
 * case, the `%` itself possibly encoded again (`%2541`); the space as `+`; JSON escapes (`\u00e9`, `\"`, `\/`);
 * HTML character references (`&#233;`, `&#xE9;`, `&amp;`). Each occurrence becomes `[redacted]`. A text cut at
 * the excerpt limit (1,000 characters, as `HttpStatusError.body`) that ends in the first characters of a secret
 * loses them too. The empty string is not a secret; every other string is, however short.
 *
 * @since 0.1.0
 */
import { byteHex } from '../text/Hex.js'
import { MARKER } from './Redact.js'

/**
 * A text longer than this may have been cut (the errors keep the first 1,000 characters of a body): its end may
 * hold the first characters of a secret.
 *
 * @category data
 * @since 0.1.0
 */
export const EXCERPT_CHARS = 1000

// Hex digits in either case: `A` -> `[Aa]`.
const anyCase = (hex: string): string => hex.replace(/[A-F]/g, (d) => `[${d}${d.toLowerCase()}]`)

const escapeRegExp = (s: string): string => s.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&')

const percent = (byte: number): string => `%(?:25)?${anyCase(byteHex[byte]!)}`

const utf8 = new TextEncoder()

const NAMED: Readonly<Record<string, string>> = { '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' }

// Every way one character (a code point) of a secret can be written, as a regular expression.
const character = (ch: string): string => {
  const cp = ch.codePointAt(0)!
  const json = JSON.stringify(ch).slice(1, -1)
  const units = Array.from({ length: ch.length }, (_, i) => ch.charCodeAt(i))
  const forms = [
    escapeRegExp(ch),
    Array.from(utf8.encode(ch), percent).join(''),
    ...(cp >= 0x80 && cp <= 0xff ? [percent(cp)] : []),
    ...(ch === ' ' ? ['\\+'] : []),
    ...(json === ch ? [] : [escapeRegExp(json)]),
    ...(ch === '/' ? ['\\\\/'] : []),
    units.map((u) => `\\\\u${anyCase(u.toString(16).toUpperCase().padStart(4, '0'))}`).join(''),
    `&#0*${cp};`,
    `&#[xX]0*${anyCase(cp.toString(16).toUpperCase())};`,
    ...(NAMED[ch] === undefined ? [] : [`&${NAMED[ch]};`]),
  ]
  return `(?:${forms.join('|')})`
}

// The pattern of one secret, and the pattern of a non-empty start of it at the end of a text.
interface Pattern {
  readonly whole: RegExp
  readonly start: RegExp
}

const pattern = (secret: string): Pattern => {
  const chars = Array.from(secret, character)
  const start = chars.reduceRight((rest, c) => `${c}(?:${rest})?`, '')
  return { whole: new RegExp(chars.join(''), 'g'), start: new RegExp(`(?:${start})$`) }
}

const replaceAll = (patterns: ReadonlyArray<Pattern>, mask: string, s: string): string =>
  patterns.reduce((acc, p) => acc.replace(p.whole, mask), s)

const found = (patterns: ReadonlyArray<Pattern>, s: string): boolean =>
  patterns.some((p) => {
    p.whole.lastIndex = 0
    return p.whole.test(s)
  })

// Masks every occurrence; when masking makes a new one (a secret that the marker itself holds, or one that a
// marker and its neighbours spell), deletes instead, until none is left: each pass then shortens the text.
const scrubText = (patterns: ReadonlyArray<Pattern>, s: string): string => {
  if (!found(patterns, s) && !(s.length >= EXCERPT_CHARS && patterns.some((p) => p.start.test(s)))) return s
  const masked = replaceAll(patterns, MARKER, s)
  const cut =
    s.length >= EXCERPT_CHARS ? patterns.reduce((acc, p) => acc.replace(p.start, MARKER), masked) : masked
  if (!found(patterns, cut)) return cut
  const drop = (t: string): string => {
    const d = replaceAll(patterns, '', t)
    return s.length >= EXCERPT_CHARS ? patterns.reduce((acc, p) => acc.replace(p.start, ''), d) : d
  }
  let out = drop(s)
  while (found(patterns, out)) out = drop(out)
  return out
}

const isPlain = (o: object): boolean => {
  const proto = Object.getPrototypeOf(o)
  return proto === Object.prototype || proto === null
}

// An error's own properties, `message` and `stack` included (they are not enumerable).
const errorCopy = (e: Error, walk: (u: unknown) => unknown): Error => {
  const names = Object.getOwnPropertyNames(e)
  const values = names.map((n) => walk((e as unknown as Record<string, unknown>)[n]))
  if (values.every((v, i) => Object.is(v, (e as unknown as Record<string, unknown>)[names[i]!]))) return e
  const copy = Object.create(Object.getPrototypeOf(e)) as Error
  names.forEach((n, i) => {
    Object.defineProperty(copy, n, { value: values[i], writable: true, configurable: true })
  })
  return copy
}

// Strings are scrubbed; plain objects, arrays and errors are walked (a copy only where something changed),
// except `_tag`, which names one of our own cases and never comes from outside;
// anything else (bytes, dates, class instances) is kept. A value that cannot be read is replaced by the marker:
// what cannot be read cannot be vouched for.
const walker = (patterns: ReadonlyArray<Pattern>) => {
  const open = new Set<object>()
  const walk = (u: unknown): unknown => {
    if (typeof u === 'string') return scrubText(patterns, u)
    if (typeof u !== 'object' || u === null || open.has(u)) return u
    open.add(u)
    try {
      if (Array.isArray(u)) {
        const mapped = u.map(walk)
        return mapped.every((v, i) => Object.is(v, u[i])) ? u : mapped
      }
      if (u instanceof Error) return errorCopy(u, walk)
      if (!isPlain(u)) return u
      const entries = Object.entries(u)
      const mapped = entries.map(([k, v]) => [k, k === '_tag' ? v : walk(v)] as const)
      return mapped.every(([, v], i) => Object.is(v, entries[i]![1])) ? u : Object.fromEntries(mapped)
    } catch {
      return MARKER
    } finally {
      open.delete(u)
    }
  }
  return walk
}

/**
 * Scrubs any value: every string in it (deeply: error bodies, messages, problems, causes) with every
 * occurrence of a secret replaced by `[redacted]`. The value keeps its shape; what holds no secret is
 * returned as it was (the same object).
 *
 * @example
 * import * as Scrub from './Scrub.js'
 * const scrub = Scrub.secrets(['S3cr3t p@ss'])
 * console.log(scrub({ _tag: 'HttpStatusError', status: 502, body: 'echo: password=S3cr3t+p%40ss&user=me' }))
 * // { _tag: 'HttpStatusError', status: 502, body: 'echo: password=[redacted]&user=me' }
 * console.log(scrub('<p>S3cr3t p&#64;ss</p>')) // '<p>[redacted]</p>'
 * @category redaction
 * @since 0.1.0
 */
export const secrets = (values: ReadonlyArray<string>): (<A>(a: A) => A) => {
  const known = [...new Set(values.filter((v) => typeof v === 'string' && v !== ''))]
  if (known.length === 0) return (a) => a
  // Longest first: a secret inside another (a password within a session id) must not cut the longer one.
  const patterns = known.sort((a, b) => b.length - a.length).map(pattern)
  return <A>(a: A): A => walker(patterns)(a) as A
}
