import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { DEMO } from '../../src/cli/Embedded.js'
import { resolveTarget } from '../../src/cli/Target.js'
import { fakeWorld, TARGET_ENV } from './fakeWorld.js'

const resolve = async (flags: Parameters<typeof resolveTarget>[0], env: Record<string, string> = {}) => {
  const world = fakeWorld({ env })
  const target = await resolveTarget(flags, world)
  const notes = E.isRight(target) && target.right.banner !== undefined ? [target.right.banner] : []
  return { world, notes, target }
}

describe('resolveTarget', () => {
  it('with nothing set, starts the embedded simulator with demo credits, has the line that says so, closes it after', async () => {
    const { world, notes, target } = await resolve({})
    expect(world.simulators.started).toEqual([DEMO])
    expect(notes).toEqual([
      'No gateway configured (CLICKATELL_URL, CLICKATELL_API_ID, CLICKATELL_USER, CLICKATELL_PASSWORD): using an embedded simulator at http://127.0.0.1:40001, keeping no state (set HOME or XDG_STATE_HOME to keep it between runs).',
    ])
    if (E.isLeft(target)) throw new Error('expected a target')
    expect(target.right.baseUrl).toBe('http://127.0.0.1:40001')
    expect(target.right.credentials).toEqual(world.gateways.get('http://127.0.0.1:40001')!.config.demo)
    expect(world.simulators.closed).toBe(0)
    expect(await target.right.close(true)).toEqual(E.right(undefined))
    expect(world.simulators.closed).toBe(1)
  })

  it('empty variables count as not set', async () => {
    const { world } = await resolve({}, { CLICKATELL_URL: '', CLICKATELL_USER: '' })
    expect(world.simulators.started).toHaveLength(1)
  })

  it('reads the environment', async () => {
    const { world, notes, target } = await resolve({}, TARGET_ENV)
    expect(target).toEqual(
      E.right({
        baseUrl: 'http://gateway.test',
        credentials: { apiId: '1001', user: 'alice', password: 'pa55-word-Xq' },
        close: expect.any(Function),
      }),
    )
    expect(world.simulators.started).toEqual([])
    expect(notes).toEqual([])
  })

  it('flags win over the environment', async () => {
    const { target } = await resolve(
      { url: 'http://other.test', apiId: '9', user: 'bob', password: 'p' },
      TARGET_ENV,
    )
    expect(
      E.map((t: { baseUrl: string; credentials: unknown }) => [t.baseUrl, t.credentials])(target),
    ).toEqual(E.right(['http://other.test', { apiId: '9', user: 'bob', password: 'p' }]))
  })

  it('credentials without a URL go to the live service', async () => {
    const { target } = await resolve({ apiId: '9', user: 'bob', password: 'p' })
    expect(E.isRight(target) && target.right.baseUrl).toBe('https://api.clickatell.com')
  })

  it('a URL without credentials names every one missing, flag and variable', async () => {
    const { target, world } = await resolve({ url: 'http://gateway.test' }, { CLICKATELL_USER: 'alice' })
    expect(target).toEqual(
      E.left({
        _tag: 'InvalidInput',
        problems: [
          { path: 'api-id', message: 'is missing: give --api-id or set CLICKATELL_API_ID' },
          { path: 'password', message: 'is missing: give --password or set CLICKATELL_PASSWORD' },
        ],
      }),
    )
    expect(world.simulators.started).toEqual([])
  })
})
