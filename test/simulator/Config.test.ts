import { describe, expect, it } from 'vitest'
import { normalise } from '../../src/simulator/Config.js'
import { defaultCallbackRetriesMs } from '../../src/simulator/Options.js'

const problemsOf = (options: unknown): ReadonlyArray<string> => {
  const result = normalise(options as never)
  return result._tag === 'Left' ? result.left.problems.map((p) => p.path) : []
}

describe('normalise', () => {
  it('fills every default', () => {
    const result = normalise({})
    if (result._tag === 'Left') throw new Error('defaults refused')
    expect(result.right).toMatchObject({
      host: '127.0.0.1',
      port: 0,
      seed: 1,
      sessionTtlMs: 15 * 60_000,
      expiredSessionCode: '001',
      gatewayMs: 1_000,
      handsetMs: 5_000,
      maxRecipients: { get: 100, post: 300 },
      strictParams: true,
      callback: undefined,
      batchTtlMs: 24 * 3_600_000,
      autoTick: undefined,
      maxBodyBytes: 1_048_576,
    })
    expect(result.right.accounts).toHaveLength(1)
    expect(result.right.accounts[0]).toMatchObject({ ...result.right.demo, credits: 100 })
    // Longest prefix first, so the first match is the most specific.
    const lengths = result.right.routes.map((r) => r.prefix.length)
    expect(lengths).toEqual([...lengths].sort((a, b) => b - a))
  })

  it('fills the callback defaults once a URL is given', () => {
    const result = normalise({ callbackUrl: 'http://127.0.0.1:9/cb' })
    expect(result._tag === 'Right' && result.right.callback).toEqual({
      url: 'http://127.0.0.1:9/cb',
      form: 'http-post',
      auth: undefined,
      timeoutMs: 5_000,
      retriesMs: defaultCallbackRetriesMs,
    })
  })

  it.each([
    [{ port: 70_000 }, ['port'], 'port out of range'],
    [{ seed: 'x' }, ['seed'], 'seed not a number'],
    [{ accounts: [{ apiId: '1', user: 'u' }] }, ['accounts.0.password'], 'password missing'],
    [
      {
        accounts: [
          { apiId: '1', user: 'u', password: 'p' },
          { apiId: '1', user: 'v', password: 'q' },
        ],
      },
      ['accounts.1.apiId'],
      'api_id twice',
    ],
    [
      { accounts: [{ apiId: '1', user: 'u', password: 'p', mtLimit: { max: -1 } }] },
      ['accounts.0.mtLimit'],
      'limit',
    ],
    [
      { routes: [{ prefix: '+44' }, { prefix: '1', finalStatus: '003' }] },
      ['routes.0.prefix', 'routes.1.finalStatus'],
      'routes',
    ],
    [{ vouchers: { '12': 5 } }, ['vouchers.12'], 'voucher not 16 digits'],
    [{ callbackUrl: 'ftp://x' }, ['callbackUrl'], 'not http'],
    [{ callbackUrl: 'http://x', callbackForm: 'json' }, ['callbackForm'], 'unknown form'],
    [{ callbackAuth: { username: 'u' } }, ['callbackAuth'], 'no password'],
    [{ delivery: { gatewayMs: 10, handsetMs: 5 } }, ['delivery.handsetMs'], 'handset before gateway'],
    [{ expiredSessionCode: '002' }, ['expiredSessionCode'], 'not 001 or 003'],
    [{ maxBodyBytes: -1 }, ['maxBodyBytes'], 'negative body cap'],
    [{ maxBodyBytes: '1MiB' }, ['maxBodyBytes'], 'body cap as text'],
    [{ blocked: [447700900000] }, ['blocked'], 'numbers, not strings'],
    [null, [''], 'not an object'],
    [{ faults: [{ kind: 'boom' }] }, ['faults.0.kind'], 'unknown fault'],
  ])('%j -> problems at %j (%s)', (options, paths, _reason) => {
    expect(problemsOf(options)).toEqual(paths)
  })
})
