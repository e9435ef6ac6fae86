import { describe, expect, it } from 'vitest'
import { MAX_BODY_BYTES, REPORT_TIMEOUT_MS, settings } from '../../src/handler/Options.js'

const onReport = () => undefined
const basicAuth = { username: 'clickatell', password: 'a long random secret' }

const paths = (input: unknown): ReadonlyArray<string> => {
  const checked = settings(input)
  return checked._tag === 'Left' ? checked.left.problems.map((p) => p.path) : []
}

describe('settings', () => {
  it('fills in the defaults: 64 KiB bodies, 10 s for onReport', () => {
    expect(settings({ onReport, basicAuth })).toEqual({
      _tag: 'Right',
      right: { onReport, basicAuth, maxBodyBytes: MAX_BODY_BYTES, reportTimeoutMs: REPORT_TIMEOUT_MS },
    })
    expect([MAX_BODY_BYTES, REPORT_TIMEOUT_MS]).toEqual([65_536, 10_000])
  })

  it('takes no authentication only when asked for explicitly', () => {
    expect(settings({ onReport, authentication: 'none' })).toMatchObject({
      _tag: 'Right',
      right: { basicAuth: undefined },
    })
  })

  it.each<[unknown, ReadonlyArray<string>, string]>([
    [{ onReport }, ['basicAuth'], 'neither basicAuth nor authentication: none'],
    [
      { onReport, basicAuth: { username: 'hook', password: undefined } },
      ['basicAuth.password'],
      'unset variable',
    ],
    [{ onReport, basicAuth: { username: 'hook', password: '' } }, ['basicAuth.password'], 'empty password'],
    [{ onReport, basicAuth: { username: '', password: 'x' } }, ['basicAuth.username'], 'empty username'],
    [
      { onReport, basicAuth: { username: undefined, password: 'x' } },
      ['basicAuth.username'],
      'unset username',
    ],
    [
      { onReport, basicAuth: { username: 'a:b', password: 'x' } },
      ['basicAuth.username'],
      'colon in username',
    ],
    [{ onReport, basicAuth: { username: 'hook', password: 42 } }, ['basicAuth.password'], 'a number'],
    [{ onReport, basicAuth: 'hook:secret' }, ['basicAuth'], 'a string'],
    [{ onReport, basicAuth: null }, ['basicAuth'], 'null'],
    [{ onReport, basicAuth, authentication: 'none' }, ['authentication'], 'both'],
    [{ onReport, authentication: 'None' }, ['authentication'], 'a misspelt opt-out'],
    [{ onReport, authentication: false }, ['authentication'], 'false is no opt-out'],
    [{ basicAuth }, ['onReport'], 'no onReport'],
    [{ onReport: 'store', basicAuth }, ['onReport'], 'onReport not a function'],
    [{ onReport, basicAuth, maxBodyBytes: -1 }, ['maxBodyBytes'], 'negative cap'],
    [{ onReport, basicAuth, maxBodyBytes: 1.5 }, ['maxBodyBytes'], 'fractional cap'],
    [{ onReport, basicAuth, maxBodyBytes: '65536' }, ['maxBodyBytes'], 'cap as text'],
    [{ onReport, basicAuth, reportTimeoutMs: 0 }, ['reportTimeoutMs'], 'no time at all'],
    [{ onReport, basicAuth, reportTimeoutMs: 2 ** 31 }, ['reportTimeoutMs'], 'beyond what a timer can wait'],
    [{ onReport, basicAuth, reportTimeoutMs: Number.NaN }, ['reportTimeoutMs'], 'NaN'],
    [{}, ['onReport', 'basicAuth'], 'every problem, not only the first'],
    [null, [''], 'null options'],
    ['options', [''], 'a string'],
  ])('refuses %j at %j (%s)', (input, expected) => {
    expect(paths(input)).toEqual(expected)
  })

  it('never puts a password in a problem', () => {
    const checked = settings({ onReport: 'x', basicAuth: { username: 'a:b', password: 'hunter2' } })
    expect(JSON.stringify(checked)).not.toContain('hunter2')
  })

  it('refuses options whose getters throw, without throwing', () => {
    const hostile = new Proxy(
      {},
      {
        get: () => {
          throw new Error('getter')
        },
      },
    )
    expect(paths(hostile)).toEqual([''])
  })

  it('accepts the bounds', () => {
    expect(paths({ onReport, basicAuth, maxBodyBytes: 0, reportTimeoutMs: 1 })).toEqual([])
    expect(paths({ onReport, basicAuth, reportTimeoutMs: 2 ** 31 - 1 })).toEqual([])
  })
})
