import { describe, expect, it } from 'vitest'
import { type Context, contextOf } from '../../src/cli/Context.js'
import { DEMO } from '../../src/cli/Embedded.js'
import { query, withClient } from '../../src/cli/Gateway.js'
import { type FakeOptions, fakeWorld, T0, TARGET_ENV } from './fakeWorld.js'

const setUp = (options: FakeOptions = {}, flags: Parameters<typeof contextOf>[1] = {}) => {
  const world = fakeWorld({ env: TARGET_ENV, ...options })
  const ctx: Context = contextOf(world, flags)
  return { world, ctx }
}

describe('withClient', () => {
  it('gives a client of the target and resolves to its exit code; closes the transport after', async () => {
    const { world, ctx } = setUp()
    const code = await withClient(ctx, async (client) => {
      const b = await client.balance()()
      expect(b).toEqual({ _tag: 'Right', right: { credit: 5000, raw: '5000.000' } })
      return 7
    })
    expect(code).toBe(7)
    expect(world.received).toEqual(['auth', 'getbalance'])
    expect(world.transports).toEqual({ made: 1, closed: 1 })
  })

  it('closes the transport and the embedded simulator when the work throws', async () => {
    const { world, ctx } = setUp({ env: {} })
    await expect(
      withClient(ctx, async () => {
        throw new Error('boom')
      }),
    ).rejects.toThrow('boom')
    expect(world.transports).toEqual({ made: 1, closed: 1 })
    expect(world.simulators).toEqual({ started: [DEMO], closed: 1 })
  })

  it("prints the embedded simulator's line before the first request, and only then", async () => {
    const quiet = setUp({ env: {} })
    expect(await withClient(quiet.ctx, async () => 2)).toBe(2)
    expect(quiet.world.stderrText()).toBe('')
    const used = setUp({ env: {} })
    await withClient(used.ctx, async (client) => {
      await client.balance()()
      await client.balance()()
      return 0
    })
    expect(used.world.stderrText()).toMatch(/^No gateway configured [^\n]*embedded simulator[^\n]*\n$/)
  })

  it('a target that cannot be resolved exits 2 and makes no transport', async () => {
    const { world, ctx } = setUp({ env: { CLICKATELL_URL: 'http://gateway.test' } })
    expect(await withClient(ctx, async () => 0)).toBe(2)
    expect(world.transports.made).toBe(0)
    expect(world.stderrText()).toBe(
      'error: invalid input: api-id: is missing: give --api-id or set CLICKATELL_API_ID; user: is missing: give --user or set CLICKATELL_USER; password: is missing: give --password or set CLICKATELL_PASSWORD\n',
    )
  })

  it('a client that cannot be made (a base URL that is not one) exits 2, and the transport is closed', async () => {
    const { world, ctx } = setUp({}, { url: 'not a url' })
    let called = false
    const code = await withClient(ctx, async () => {
      called = true
      return 0
    })
    expect([code, called]).toEqual([2, false])
    expect(world.transports).toEqual({ made: 1, closed: 1 })
    // One line naming the flag's value (the wording is the client's).
    expect(world.stderrText()).toMatch(/^error: invalid input: baseUrl: [^\n]*"not a url"\n$/)
  })

  it("the client's waits between retries run on the world's clock", async () => {
    const { world, ctx } = setUp({ down: ['getbalance'] })
    const code = await query(
      ctx,
      (client) => client.balance(),
      () => [],
    )
    expect(code).toBe(1)
    // Three retries of the read, each after a wait on the fake clock: no time passed for real.
    expect(world.slept).toHaveLength(3)
    expect(world.now() - T0).toBe(world.slept.reduce((a, b) => a + b, 0))
  })
})

describe('query', () => {
  it('prints the answer as lines, exit 0', async () => {
    const { world, ctx } = setUp()
    const code = await query(
      ctx,
      (client) => client.balance(),
      (_io, v) => [`balance ${v.raw}`],
    )
    expect(code).toBe(0)
    expect(world.stdoutText()).toBe('balance 5000.000\n')
  })

  it('prints the answer as JSON { ok: true, value } with --json', async () => {
    const { world, ctx } = setUp({}, { json: true })
    const code = await query(
      ctx,
      (client) => client.balance(),
      () => [],
    )
    expect(code).toBe(0)
    expect(JSON.parse(world.stdoutText())).toEqual({ ok: true, value: { credit: 5000, raw: '5000.000' } })
  })

  it('an answer the judge finds wrong is printed by the judge, with its exit code', async () => {
    const { world, ctx } = setUp({}, { json: true })
    const code = await query(
      ctx,
      (client) => client.balance(),
      () => [],
      (io, v) => {
        if (v.credit <= 1000) return undefined
        io.out('judged')
        return 9
      },
    )
    expect(code).toBe(9)
    expect(world.stdoutText()).toBe('judged\n')
  })

  it('prints a failure: exit 1 for the network', async () => {
    const { world, ctx } = setUp({ down: ['auth'] })
    const code = await query(
      ctx,
      (client) => client.balance(),
      () => ['never'],
    )
    expect(code).toBe(1)
    expect(world.stdoutText()).toBe('')
    expect(world.stderrText()).toBe(
      'error: transport error (network): connect ECONNREFUSED http://gateway.test\n',
    )
  })
})
