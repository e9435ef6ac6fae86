// A hostile gateway (or a proxy in front of one) on 127.0.0.1 that echoes the request it was sent: its URL and
// its body, as written and decoded, in whatever page `answer` makes of them. Issue 15, "No secret in any output".
import * as http from 'node:http'
import type { AddressInfo } from 'node:net'
import { percentEncode } from '../../src/core/request/Latin1Form.js'

export interface Echoed {
  /** The request as it arrived: method, URL, body. */
  readonly raw: string
  /** The same, percent-decoded (`+` as space), as a page that shows the parameters would. */
  readonly decoded: string
  readonly path: string
}

export interface Answer {
  readonly status: number
  readonly body: string
  readonly contentType?: string
}

export interface EchoServer {
  readonly url: string
  readonly requests: ReadonlyArray<Echoed>
  readonly close: () => Promise<void>
}

const decode = (s: string): string => {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '))
  } catch {
    return s
  }
}

export const html = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/** An HTML error page of a proxy that repeats the request, raw, decoded and HTML-escaped. */
export const proxyPage = (e: Echoed): string =>
  `<html><body><h1>502 Bad Gateway</h1><pre>${e.raw}</pre><p>${html(e.decoded)}</p><!-- ${e.decoded} --></body></html>`

export const startEcho = async (answer: (e: Echoed) => Answer): Promise<EchoServer> => {
  const requests: Echoed[] = []
  const server = http.createServer((req, res) => {
    let body = ''
    req.setEncoding('latin1')
    req.on('data', (c: string) => {
      body += c
    })
    req.on('end', () => {
      const url = req.url ?? ''
      const raw = `${req.method} ${url} ${body}`
      const e: Echoed = { raw, decoded: decode(raw), path: url.split('?')[0]! }
      requests.push(e)
      const a = answer(e)
      res.writeHead(a.status, { 'content-type': a.contentType ?? 'text/html' })
      res.end(Buffer.from(a.body, 'utf8'))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/**
 * The forms a secret travels in: as written, in a URL, in a form body (UTF-8 and ISO-8859-1), lower-case hex, in
 * JSON, in HTML.
 */
export const forms = (secret: string): ReadonlyArray<string> => {
  const latin1 = percentEncode(secret)
  const uri = encodeURIComponent(secret)
  return [
    secret,
    uri,
    uri.replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase()),
    new URLSearchParams({ p: secret }).toString().slice(2),
    ...(latin1._tag === 'Right' ? [latin1.right] : []),
    JSON.stringify(secret).slice(1, -1),
    html(secret),
  ].filter((f, i, all) => f !== '' && all.indexOf(f) === i)
}

/** The forms of `secrets` found in `text`. */
export const leaks = (text: string, secrets: ReadonlyArray<string>): ReadonlyArray<string> =>
  secrets.flatMap(forms).filter((f) => text.includes(f))
