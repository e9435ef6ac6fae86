// Issue 15, "Strict identifiers; nothing invented": what the gateway (or something in its place) sends as an id
// must be one, and a verdict must be a real one. See docs/errors.md, "Identifiers", and docs/reliability.md.
import * as E from 'fp-ts/lib/Either.js'
import { afterEach, describe, expect, it } from 'vitest'
import { make } from '../../src/client/Client.js'
import * as Callback from '../../src/core/callback/Callback.js'
import * as Parse from '../../src/core/reply/Parse.js'
import type { Command } from '../../src/core/request/Command.js'
import { nodeTransport } from '../../src/transport/NodeTransport.js'
import { type EchoServer, startEcho } from './echo.js'

const HEX = '996f364775e24b8432f45d77da8eca47'
const DELIVERY = `timestamp=1218007814&to=279995631564&status=003&charge=0.300000`

const tagOf = (r: E.Either<{ readonly _tag: string }, unknown>): string =>
  E.isLeft(r) ? r.left._tag : 'Right'

describe('replies: an id is 1 to 64 ASCII letters and digits', () => {
  it.each<[Command, string, string]>([
    ['sendmsg', 'ID: a\u0000b', 'a NUL inside'],
    ['sendmsg', `ID: ${'a'.repeat(3_000_000)}`, 'several megabytes'],
    ['sendmsg', 'ID: <html>', 'markup'],
    ['sendmsg', `ID: ${HEX} To: 279\nID: <b>x</b> To: 278`, 'one good line, one bad: the whole answer'],
    ['senditem', 'ID: a;b', 'punctuation'],
    ['querymsg', 'ID: <html> Status: 004', 'markup, with a status'],
    ['getmsgcharge', `apiMsgId: ${HEX} charge: 1 status: 004 cliMsgId: <x>`, 'a client message id of markup'],
    ['auth', 'OK: <html>', 'a session id of markup'],
    ['auth', `OK: ${'a'.repeat(65)}`, 'a session id of 65 characters'],
    ['startbatch', 'ID: ../../etc', 'a batch id with slashes'],
  ])('%s %j (%s) is MalformedResponse', (command, body) => {
    expect(tagOf(Parse.reply(command, body))).toBe('MalformedResponse')
  })

  it.each<[Command, string]>([
    ['sendmsg', `ID: ${HEX}`],
    ['sendmsg', `ID: ${'A1'.repeat(32)}`],
    ['auth', 'OK: foo '],
    ['startbatch', 'ID: 9d4fa9ec'],
    ['querymsg', `ID: ${HEX} Status: 004`],
  ])('%s %j is read', (command, body) => {
    expect(tagOf(Parse.reply(command, body))).toBe('Right')
  })
})

describe('routecoverage: only a real ERR: line means "not routable"', () => {
  it.each([
    ['ERR: <html><body>502 Bad Gateway</body></html>', 'MalformedResponse', 'a proxy page after ERR:'],
    ['ERR: \u0000\u0001', 'MalformedResponse', 'control characters'],
    ['ERR: ', 'MalformedResponse', 'nothing'],
    [`ERR: ${'x'.repeat(400)}`, 'MalformedResponse', 'a page of text'],
    [
      'ERR: This prefix is not currently supported. Messages sent to this prefix will fail.',
      'Right',
      'the live sentence',
    ],
    ['ERR: 001, Authentication failed', 'GatewayError', 'a coded error'],
  ])('%j -> %s (%s)', (body, tag) => {
    const r = Parse.reply('routecoverage', body)
    expect(tagOf(r)).toBe(tag)
    if (tag === 'Right') expect(E.isRight(r) && r.right).toMatchObject({ routable: false })
  })

  const servers: EchoServer[] = []
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()))
  })

  it('through the client: an HTTP 200 proxy page is not a verdict on the number', async () => {
    const server = await startEcho(() => ({ status: 200, body: 'ERR: <html>...502 Bad Gateway...</html>' }))
    servers.push(server)
    const made = make({
      transport: nodeTransport(),
      credentials: { apiId: '1', user: 'me', password: 'pw' },
      baseUrl: server.url,
      authentication: 'per-request',
      retry: { retries: 0 },
    })
    if (E.isLeft(made)) throw new Error('no client')
    expect(tagOf(await made.right.coverage('27999000001')())).toBe('MalformedResponse')
  })
})

describe('callbacks: ids are checked, and a name given twice must agree', () => {
  const get = (query: string) => Callback.parse({ method: 'GET', query, body: '' })

  it.each([
    [`apiMsgId=%3Cscript%3Ealert(1)%3C%2Fscript%3E&${DELIVERY}`, 'an apiMsgId of markup'],
    [`apiMsgId=${HEX}&cliMsgId=%3Cb%3E&${DELIVERY}`, 'a cliMsgId of markup'],
    [`apiMsgId=a%00b&${DELIVERY}`, 'a NUL'],
    [`apiMsgId=${HEX}&apiMsgId=ffffffffffffffffffffffffffffffff&${DELIVERY}`, 'two different apiMsgIds'],
    [`apiMsgId=${HEX}&APIMSGID=0000&${DELIVERY}`, 'two different values, names in another case'],
    [`apiMsgId=${HEX}&${DELIVERY}&status=004`, 'two different statuses'],
    [`moMsgId=%3Cx%3E&from=1&to=2&timestamp=2014-01-29+02%3A08%3A30&text=hi`, 'an MO id of markup'],
  ])('%s (%s) is MalformedResponse', (query) => {
    expect(tagOf(get(query))).toBe('MalformedResponse')
  })

  it('the same value twice is fine', () => {
    const r = get(`apiMsgId=${HEX}&apiMsgId=${HEX}&${DELIVERY}`)
    expect(E.isRight(r) && r.right).toMatchObject({ apiMsgId: HEX })
  })

  it('XML: a field given twice is refused', () => {
    const xml = `<callback><apiMsgId>${HEX}</apiMsgId><apiMsgId>ff</apiMsgId><timestamp>1</timestamp><to>2</to><status>003</status><charge>0</charge></callback>`
    expect(
      tagOf(Callback.parse({ method: 'POST', query: '', body: `data=${encodeURIComponent(xml)}` })),
    ).toBe('MalformedResponse')
  })
})
