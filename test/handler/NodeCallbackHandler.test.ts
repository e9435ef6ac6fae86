import {
  createServer,
  type IncomingMessage,
  type RequestListener,
  type Server,
  type ServerResponse,
} from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import type { Report } from '../../src/core/callback/Report.js'
import {
  type CallbackHandler,
  type CallbackHandlerOptions,
  createCallbackHandler,
} from '../../src/handler/NodeCallbackHandler.js'

const QUERY =
  'api_id=12345&apiMsgId=996f364775e24b8432f45d77da8eca47&cliMsgId=abc123&timestamp=1218007814&to=279995631564&from=27833001171&status=003&charge=0.300000'
const XML =
  '<?xml version="1.0"?><callback><apiMsgId>996411ad91fa211e7d17bc873aa4a41d</apiMsgId><cliMsgId></cliMsgId><timestamp>1218008129</timestamp><to>279995631564</to><from>27833001171</from><charge>0.300000</charge><status>004</status></callback>'
const FORM = { 'content-type': 'application/x-www-form-urlencoded' }

const servers: Server[] = []
afterEach(async () => {
  await Promise.all(
    servers.splice(0).map(
      (s) =>
        new Promise<void>((resolve) => {
          s.closeAllConnections()
          s.close(() => resolve())
        }),
    ),
  )
})

const serve = async (listener: RequestListener): Promise<string> => {
  const server = createServer(listener)
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/callback`
}

// The handler of options that are right; a refusal fails the test with its problems.
const built = (options: CallbackHandlerOptions): CallbackHandler => {
  const handler = createCallbackHandler(options)
  if (handler._tag === 'Left') throw new Error(JSON.stringify(handler.left.problems))
  return handler.right
}

type Extra = Partial<Pick<CallbackHandlerOptions, 'maxBodyBytes' | 'reportTimeoutMs'>> & {
  readonly basicAuth?: { readonly username: string; readonly password: string }
}

const start = async (extra: Extra = {}) => {
  const reports: Report[] = []
  const onReport = (r: Report) => {
    reports.push(r)
  }
  const { basicAuth, ...rest } = extra
  const options: CallbackHandlerOptions =
    basicAuth === undefined ? { onReport, authentication: 'none', ...rest } : { onReport, basicAuth, ...rest }
  return { url: await serve(built(options)), reports }
}

const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`

describe('createCallbackHandler', () => {
  it.each<[string, string, string | undefined, Record<string, string>, string]>([
    ['GET', `?${QUERY}`, undefined, {}, 'HTTP GET'],
    ['POST', '', QUERY, FORM, 'HTTP POST'],
    ['GET', `?data=${encodeURIComponent(XML)}`, undefined, {}, 'XML GET'],
    ['POST', '', `data=${encodeURIComponent(XML)}`, FORM, 'XML POST'],
    ['POST', '', XML, { 'content-type': 'text/xml' }, 'raw XML POST'],
  ])('answers 200 to a report by %s %s (%s)', async (method, search, body, headers) => {
    const { url, reports } = await start()
    const res = await fetch(`${url}${search}`, { method, headers, ...(body === undefined ? {} : { body }) })
    expect(res.status).toBe(200)
    expect(await res.text()).toBe('OK')
    expect(reports.map((r) => r._tag)).toEqual(['DeliveryReport'])
  })

  it('answers 400 to junk and does not call onReport', async () => {
    const { url, reports } = await start()
    const res = await fetch(url, { method: 'POST', headers: FORM, body: 'hello=world' })
    expect(res.status).toBe(400)
    expect(await res.text()).toMatch(/^malformed callback/)
    expect(reports).toEqual([])
  })

  it('answers 400 to an XXE payload, and no file content comes back', async () => {
    const { url, reports } = await start()
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'text/xml' },
      body: '<?xml version="1.0"?><!DOCTYPE c [<!ENTITY x SYSTEM "file:///etc/passwd">]><callback><to>&x;</to></callback>',
    })
    expect(res.status).toBe(400)
    expect(await res.text()).not.toContain('root:')
    expect(reports).toEqual([])
  })

  it.each(['PUT', 'DELETE', 'PATCH'])(
    'answers 405 to %s with Allow, and closes the connection',
    async (method) => {
      const { url } = await start()
      const res = await fetch(url, { method, body: 'x' })
      expect(res.status).toBe(405)
      expect(res.headers.get('allow')).toBe('GET, POST')
      expect(res.headers.get('connection')).toBe('close')
    },
  )

  it('answers 413 to a body over the cap, declared or streamed', async () => {
    const { url, reports } = await start({ maxBodyBytes: 100 })
    const declared = await fetch(url, {
      method: 'POST',
      headers: FORM,
      body: `${QUERY}&pad=${'x'.repeat(200)}`,
    })
    expect(declared.status).toBe(413)
    const chunks = [QUERY, '&pad=', 'x'.repeat(200)]
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = chunks.shift()
        if (next === undefined) controller.close()
        else controller.enqueue(new TextEncoder().encode(next))
      },
    })
    const streamed = await fetch(url, {
      method: 'POST',
      headers: FORM,
      body: stream,
      duplex: 'half',
    } as RequestInit)
    expect(streamed.status).toBe(413)
    expect(reports).toEqual([])
  })

  it('accepts a body exactly at the cap', async () => {
    const { url } = await start({ maxBodyBytes: QUERY.length })
    expect((await fetch(url, { method: 'POST', headers: FORM, body: QUERY })).status).toBe(200)
  })

  describe('with Basic auth', () => {
    const basicAuth = { username: 'clickatell', password: 'pa:ss wörd' }

    it.each<[string | undefined, string]>([
      [undefined, 'no credentials'],
      [basic('clickatell', 'wrong'), 'wrong password'],
      [basic('other', 'pa:ss wörd'), 'wrong username'],
      [basic('clickatell', 'pa:ss wörd!'), 'password one character longer'],
      ['Bearer abc', 'another scheme'],
      ['Basic !!!', 'not base64'],
    ])('answers 401 with WWW-Authenticate to %j (%s), and closes the connection', async (authorization) => {
      const { url, reports } = await start({ basicAuth })
      const res = await fetch(
        `${url}?${QUERY}`,
        authorization === undefined ? {} : { headers: { authorization } },
      )
      expect(res.status).toBe(401)
      expect(res.headers.get('www-authenticate')).toMatch(/^Basic realm="/)
      expect(res.headers.get('connection')).toBe('close')
      expect(reports).toEqual([])
    })

    it('answers 200 to the right credentials', async () => {
      const { url, reports } = await start({ basicAuth })
      const res = await fetch(`${url}?${QUERY}`, {
        headers: { authorization: basic('clickatell', 'pa:ss wörd') },
      })
      expect(res.status).toBe(200)
      expect(reports).toHaveLength(1)
    })
  })

  it('waits for onReport before answering 200', async () => {
    let done = false
    const url = await serve(
      built({
        authentication: 'none',
        onReport: async () => {
          await new Promise((resolve) => setImmediate(resolve))
          done = true
        },
      }),
    )
    expect((await fetch(`${url}?${QUERY}`)).status).toBe(200)
    expect(done).toBe(true)
  })

  it.each([
    [() => Promise.reject(new Error('database down')), 'a rejection'],
    [
      () => {
        throw new Error('bug')
      },
      'a synchronous throw',
    ],
  ])('answers 500 to %s of onReport and keeps serving', async (onReport) => {
    const url = await serve(built({ onReport, authentication: 'none' }))
    expect((await fetch(`${url}?${QUERY}`)).status).toBe(500)
    expect((await fetch(`${url}?${QUERY}`)).status).toBe(500)
    expect((await fetch(url, { method: 'PUT' })).status).toBe(405)
  })

  it('takes a body a framework already read into req.body', async () => {
    const reports: Report[] = []
    const handler = built({ onReport: (r) => void reports.push(r), authentication: 'none' })
    // What express.text() or a Fastify hook does: read the stream, leave the text on req.body.
    const url = await serve((req: IncomingMessage, res: ServerResponse) => {
      const chunks: Buffer[] = []
      req.on('data', (c: Buffer) => chunks.push(c))
      req.on('end', () => {
        Object.assign(req, { body: Buffer.concat(chunks).toString('utf8') })
        handler(req, res)
      })
    })
    expect((await fetch(url, { method: 'POST', headers: FORM, body: QUERY })).status).toBe(200)
    expect(reports).toHaveLength(1)
  })
})
