// The REST dialect end to end over 127.0.0.1: a request built by the core (`Rest.*`), sent by the fetch
// transport to the simulator, its answer read by the core (`Rest.reply`). The simulator writes its answers by
// hand, so a mistake on either side shows up here.
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import type { HttpRequest, HttpResponse } from '../../src/core/http.js'
import { statusCode } from '../../src/core/reply/Codes.js'
import type { RestCommand } from '../../src/core/request/Command.js'
import * as Rest from '../../src/core/request/Rest.js'
import { fetchTransport } from '../../src/transport/FetchTransport.js'
import { ACCOUNT, boot, CRED } from './harness.js'

const TOKEN = 'r3st-T0ken.abc'
const transport = fetchTransport()

const restBoot = (options: Parameters<typeof boot>[0] = {}) =>
  boot({ accounts: [{ ...ACCOUNT, restToken: TOKEN }], ...options })

const right = <A>(r: E.Either<unknown, A>): A => {
  if (E.isLeft(r)) throw new Error(JSON.stringify(r.left))
  return r.right
}

const exchange = async (request: HttpRequest): Promise<HttpResponse> => right(await transport.send(request)())

/** Builds with the core, sends, reads with the core. */
const rest = (url: string, token = TOKEN) => {
  const o = { baseUrl: url }
  const call = async <C extends RestCommand>(command: C, request: E.Either<unknown, HttpRequest>) =>
    Rest.reply(command, await exchange(right(request)))
  return {
    send: (m: Parameters<ReturnType<ReturnType<typeof Rest.sendWith>>>[0]) =>
      call('send', Rest.sendWith(o)(token)(m)),
    status: (ref: Parameters<ReturnType<ReturnType<typeof Rest.statusWith>>>[0]) =>
      call('status', Rest.statusWith(o)(token)(ref)),
    stop: (apiMsgId: string) => call('stop', Rest.stopWith(o)(token)({ apiMsgId })),
    balance: () => call('balance', Rest.balanceWith(o)(token)()),
    coverage: (msisdn: string) => call('coverage', Rest.coverageWith(o)(token)({ msisdn })),
  }
}

const idOf = (r: Awaited<ReturnType<ReturnType<typeof rest>['send']>>, i = 0): string => {
  const o = right(r).outcomes[i]!
  if (o._tag !== 'Accepted') throw new Error(JSON.stringify(o))
  return o.apiMsgId
}

describe('every command, end to end', () => {
  it('send: 202, one accepted outcome with a 32-hex id and the recipient; credits spent', async () => {
    const { sim } = await restBoot()
    const r = await rest(sim.url).send({ to: '447700900001', text: 'Hello' })
    expect(r).toEqual(
      E.right({
        outcomes: [
          { _tag: 'Accepted', apiMsgId: expect.stringMatching(/^[0-9a-f]{32}$/), to: '447700900001' },
        ],
      }),
    )
    const stored = sim.state.message(idOf(r))!
    expect(stored).toMatchObject({
      command: 'rest',
      to: '447700900001',
      text: 'Hello',
      status: '002',
      charge: 1,
    })
    expect(sim.state.account(ACCOUNT.apiId)!.credits).toBe(99)
  })

  it('send to many: one outcome per recipient, in order, refusals as data', async () => {
    const { sim } = await restBoot({ blocked: ['447700900002'] })
    const r = await rest(sim.url).send({ to: ['447700900001', '447700900002', '447700900003'], text: 'Hi' })
    expect(right(r).outcomes.map((o) => (o._tag === 'Accepted' ? o.to : o.error))).toEqual([
      '447700900001',
      {
        _tag: 'GatewayError',
        command: 'send',
        code: '121',
        description: 'Destination mobile number blocked',
        to: '447700900002',
      },
      '447700900003',
    ])
  })

  it('send with every option the core writes, UCS-2 and binary content: all accepted as sent', async () => {
    const { sim } = await restBoot()
    const api = rest(sim.url)
    const text = await api.send({
      to: '447700900001',
      text: 'Grüße Ω 中',
      from: 'Acme',
      clientMessageId: 'order42',
      queue: 1,
      callback: 3,
      escalate: true,
      maxCredits: 2,
      replyable: false,
      validityMinutes: 60,
      bypassDoNotContact: true,
      deliverAt: new Date(Date.UTC(2024, 0, 1, 13, 0, 0)),
    })
    expect(sim.state.message(idOf(text))).toMatchObject({
      text: 'Grüße Ω 中',
      encoding: 'ucs2',
      cliMsgId: 'order42',
      from: 'Acme',
      status: '011',
    })
    const binary = await api.send({ to: '447700900001', udh: '06050415810000', data: '024A3A' })
    expect(sim.state.message(idOf(binary))).toMatchObject({ text: '024A3A', encoding: '8bit' })
  })

  it('status: the status, charge and client id, by apiMsgId and by clientMessageId; unknown ids are 001', async () => {
    const { sim, clock } = await restBoot()
    const api = rest(sim.url)
    const id = idOf(await api.send({ to: '447700900001', text: 'Hi', clientMessageId: 'c1' }))
    expect(await api.status({ apiMsgId: id })).toEqual(
      E.right({ apiMsgId: id, status: statusCode('002'), charge: 1, cliMsgId: 'c1' }),
    )
    await clock.advance(10_000)
    await sim.tick()
    expect(right(await api.status({ clientMessageId: 'c1' })).status.code).toBe('004')
    expect(await api.status({ apiMsgId: 'ffffffffffffffffffffffffffffffff' })).toEqual(
      E.right({ apiMsgId: 'ffffffffffffffffffffffffffffffff', status: statusCode('001'), charge: 0 }),
    )
    expect(await api.status({ clientMessageId: 'nope' })).toMatchObject(
      E.left({ _tag: 'GatewayError', code: '104' }),
    )
  })

  it('stop: a queued message becomes 006 and is refunded; an unknown one is 001', async () => {
    const { sim } = await restBoot()
    const api = rest(sim.url)
    const id = idOf(await api.send({ to: '447700900001', text: 'Hi' }))
    expect(await api.stop(id)).toEqual(E.right({ apiMsgId: id, status: statusCode('006') }))
    expect(sim.state.account(ACCOUNT.apiId)!.credits).toBe(100)
    expect(right(await api.stop('abc123')).status.code).toBe('001')
  })

  it('balance: the credits, as the string with three decimals', async () => {
    const { sim } = await restBoot({ accounts: [{ ...ACCOUNT, credits: 12345.5, restToken: TOKEN }] })
    expect(await rest(sim.url).balance()).toEqual(E.right({ credit: 12345.5, raw: '12345.500' }))
  })

  it('coverage: routable with the route charge, or not', async () => {
    const { sim } = await restBoot({
      routes: [
        { prefix: '44', charge: 0.8 },
        { prefix: '999', routable: false },
      ],
    })
    const api = rest(sim.url)
    expect(await api.coverage('447700900001')).toEqual(
      E.right({ routable: true, charge: 0.8, description: '', destination: '447700900001' }),
    )
    expect(await api.coverage('999123')).toEqual(
      E.right({ routable: false, description: '', destination: '999123' }),
    )
  })
})

describe('one gateway, two APIs', () => {
  it('a message sent over REST is queried over HTTP, and the other way round', async () => {
    const { sim, call } = await restBoot()
    const api = rest(sim.url)
    const viaRest = idOf(await api.send({ to: '447700900001', text: 'Hi' }))
    expect(await call('/http/querymsg', `apimsgid=${viaRest}`)).toBe(`ID: ${viaRest} Status: 002`)
    const viaHttp = (await call('/http/sendmsg', 'to=447700900002&text=Hi')).slice(4)
    expect(right(await api.status({ apiMsgId: viaHttp })).status.code).toBe('002')
    expect(right(await api.stop(viaHttp)).status.code).toBe('006')
    expect(await call('/http/querymsg', `apimsgid=${viaHttp}`)).toBe(`ID: ${viaHttp} Status: 006`)
    expect(await call('/http/getbalance')).toBe('Credit: 99.000')
  })
})

describe('refusals', () => {
  const good = {
    'x-version': '1',
    authorization: `Bearer ${TOKEN}`,
    accept: 'application/json',
    'content-type': 'application/json',
  }
  // Bodies the core would refuse to build, written by hand.
  it.each([
    ['a single bad number: HTTP 400 with the envelope (quirk 19)', '{"text":"Hi","to":["12"]}', '105'],
    ['too many parts', `{"text":"${'x'.repeat(161)}","to":["447700900001"],"maxMessageParts":1}`, '113'],
    [
      'an unknown sender for an account with approved ones',
      '{"text":"Hi","to":["447700900001"],"from":"Other"}',
      '123',
    ],
  ])('%s', async (_reason, body, code) => {
    const { sim } = await restBoot({ accounts: [{ ...ACCOUNT, restToken: TOKEN, senderIds: ['Acme'] }] })
    const response = await exchange({ method: 'POST', url: `${sim.url}/rest/message`, headers: good, body })
    expect(response.status).toBe(400)
    expect(Rest.reply('send', response)).toMatchObject(
      E.left({ _tag: 'GatewayError', command: 'send', code }),
    )
  })

  it('no credit: each recipient refused with 301', async () => {
    const { sim } = await restBoot({ accounts: [{ ...ACCOUNT, restToken: TOKEN, credits: 0 }] })
    expect(await rest(sim.url).send({ to: '447700900001', text: 'Hi' })).toMatchObject(
      E.left({ code: '301', to: '447700900001' }),
    )
  })

  it.each([
    ['a wrong token', 'wrong-token', '001'],
    ['the token of no account', 'x', '001'],
  ])('%s: 401 and 001, nothing sent', async (_reason, token, code) => {
    const { sim } = await restBoot()
    const response = await exchange(right(Rest.balanceWith({ baseUrl: sim.url })(token)()))
    expect(response.status).toBe(401)
    expect(Rest.reply('balance', response)).toMatchObject(E.left({ _tag: 'GatewayError', code }))
  })

  it('an account without a REST token is not served over REST', async () => {
    const { sim } = await boot({
      accounts: [ACCOUNT, { apiId: '2', user: 'b', password: 'p', restToken: 'other' }],
    })
    const response = await exchange(right(Rest.balanceWith({ baseUrl: sim.url })(TOKEN)()))
    expect(response.status).toBe(401)
  })

  it('IP lockdown: 401 and 007', async () => {
    const { sim } = await restBoot({ accounts: [{ ...ACCOUNT, restToken: TOKEN, allowedIps: ['10.0.0.1'] }] })
    expect(await rest(sim.url).balance()).toMatchObject(E.left({ code: '007' }))
  })

  const raw = async (url: string, init: RequestInit) => {
    const res = await fetch(url, init)
    return Rest.reply('balance', {
      status: res.status,
      headers: { 'content-type': res.headers.get('content-type') ?? '' },
      body: await res.text(),
    })
  }

  it.each<[string, string, string, Record<string, string>, string]>([
    ['no X-Version', 'GET', '/rest/account/balance', { 'x-version': '' }, '165'],
    ['X-Version 2', 'GET', '/rest/account/balance', { 'x-version': '2' }, '165'],
    ['Accept text/html', 'GET', '/rest/account/balance', { accept: 'text/html' }, '166'],
    ['Content-Type text/plain', 'GET', '/rest/account/balance', { 'content-type': 'text/plain' }, '167'],
    ['no Authorization', 'GET', '/rest/account/balance', { authorization: '' }, '001'],
    ['Basic, not Bearer', 'GET', '/rest/account/balance', { authorization: `Basic ${TOKEN}` }, '001'],
    ['an unknown resource', 'GET', '/rest/accounts', {}, '161'],
    ['a method the resource does not take', 'PUT', '/rest/account/balance', {}, '160'],
    ['an id that is not an id', 'GET', '/rest/message/a-b', {}, '161'],
  ])('%s: the global error', async (_reason, method, path, headers, code) => {
    const { sim } = await restBoot()
    expect(await raw(`${sim.url}${path}`, { method, headers: { ...good, ...headers } })).toMatchObject(
      E.left({ _tag: 'GatewayError', code }),
    )
  })

  it('the scheme in lower case, as one PHP client writes it, is accepted', async () => {
    const { sim } = await restBoot()
    const r = await raw(`${sim.url}/rest/account/balance`, {
      headers: { ...good, authorization: `bearer ${TOKEN}` },
    })
    expect(r._tag).toBe('Right')
  })

  it.each([
    ['not JSON', '{"text":', '100'],
    ['an unknown key', '{"text":"Hi","to":["447700900001"],"txt":"x"}', '101'],
    ['to as a string', '{"text":"Hi","to":"447700900001"}', '101'],
    ['a number as a string', '{"text":"Hi","to":["447700900001"],"callback":"3"}', '101'],
    ['an empty text', '{"text":"","to":["447700900001"]}', '107'],
  ])('a send body with %s: the global error', async (_reason, body, code) => {
    const { sim } = await restBoot()
    const response = await exchange({ method: 'POST', url: `${sim.url}/rest/message`, headers: good, body })
    expect(response.status).toBe(400)
    expect(Rest.reply('send', response)).toMatchObject(E.left({ _tag: 'GatewayError', code }))
    expect(sim.state.messages).toHaveLength(0)
  })
})

describe('the XML flavour', () => {
  it('answers in XML when Accept asks, and the core reads it as it reads JSON', async () => {
    const { sim } = await restBoot({ blocked: ['447700900002'] })
    const asXml = (r: HttpRequest): HttpRequest => ({
      ...r,
      headers: { ...r.headers, accept: 'application/xml' },
    })
    const o = { baseUrl: sim.url }
    const sent = await exchange(
      asXml(right(Rest.sendWith(o)(TOKEN)({ to: ['447700900001', '447700900002'], text: 'Hi' }))),
    )
    expect(sent.headers['content-type']).toBe('application/xml')
    expect(sent.body).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?><response><data><message><accepted>1<\/accepted>/,
    )
    const outcomes = right(Rest.reply('send', sent)).outcomes
    expect(outcomes.map((x) => x._tag)).toEqual(['Accepted', 'Rejected'])
    const id = outcomes[0]!._tag === 'Accepted' ? outcomes[0]!.apiMsgId : ''
    const status = await exchange(asXml(right(Rest.statusWith(o)(TOKEN)({ apiMsgId: id }))))
    expect(Rest.reply('status', status)).toEqual(
      E.right({ apiMsgId: id, status: statusCode('002'), charge: 1 }),
    )
    const balance = await exchange(asXml(right(Rest.balanceWith(o)(TOKEN)())))
    expect(Rest.reply('balance', balance)).toEqual(E.right({ credit: 99, raw: '99.000' }))
    const coverage = await exchange(asXml(right(Rest.coverageWith(o)(TOKEN)({ msisdn: '999123' }))))
    expect(Rest.reply('coverage', coverage)).toEqual(
      E.right({ routable: false, description: '', destination: '999123' }),
    )
    const refused = await exchange(asXml(right(Rest.balanceWith(o)('wrong')())))
    expect(Rest.reply('balance', refused)).toMatchObject(
      E.left({ code: '001', description: 'Authentication failed' }),
    )
  })
})

describe('the HTTP API is unchanged beside it', () => {
  it('HTTP commands still answer', async () => {
    const { sim, get } = await restBoot()
    expect((await get('/http/getbalance', CRED)).body).toBe('Credit: 100.000')
    expect(sim.state.unknownRequests).toBe(0)
  })

  it('restToken is checked by the options', async () => {
    await expect(boot({ accounts: [{ ...ACCOUNT, restToken: 'a b' }] })).rejects.toThrow(
      /accounts\.0\.restToken/,
    )
    await expect(
      boot({
        accounts: [
          { ...ACCOUNT, restToken: 't' },
          { apiId: '2', user: 'b', password: 'p', restToken: 't' },
        ],
      }),
    ).rejects.toThrow(/accounts\.1\.restToken/)
  })
})
