import { fc, test } from '@fast-check/vitest'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import {
  account,
  authParams,
  decodeCredentials,
  decodeCredentialsOf,
  decodeSession,
  session,
} from '../../../src/core/request/Credentials.js'
import { numRuns } from '../../support/arbitraries.js'

const params = (u: unknown) => E.map(authParams)(decodeCredentials(u))

describe('Credentials.decodeCredentials', () => {
  it('decodes session and account credentials, whose parameters are then written', () => {
    expect(params(session('abc'))).toEqual(E.right([['session_id', 'abc']]))
    expect(params(account({ apiId: '1', user: 'u', password: 'p' }))).toEqual(
      E.right([
        ['api_id', '1'],
        ['user', 'u'],
        ['password', 'p'],
      ]),
    )
  })

  test.prop([fc.string({ minLength: 1, maxLength: 30 }).map((s) => `${s}€`)], { numRuns })(
    'a problem never quotes the secret',
    (password) => {
      const r = decodeCredentials(account({ apiId: '1', user: 'u', password }))
      expect(E.isLeft(r) && r.left.problems.map((p) => p.path)).toEqual(['credentials.password'])
      expect(JSON.stringify(r)).not.toContain(JSON.stringify(password).slice(1, -1))
    },
  )

  it.each([[null], [{}], [{ _tag: 'Session' }], [{ _tag: 'Session', sessionId: 5 }], [{ _tag: 'Other' }]])(
    'refuses %j',
    (c) => {
      expect(E.isLeft(decodeCredentials(c))).toBe(true)
    },
  )

  it('lists every bad field of an account', () => {
    const r = decodeCredentials(account({ apiId: '', user: 5 as never, password: 'sécrét€' }))
    expect(E.isLeft(r) && r.left.problems.map((p) => p.path)).toEqual([
      'credentials.apiId',
      'credentials.user',
      'credentials.password',
    ])
  })

  it('keeps a copy: changing the object afterwards changes nothing', () => {
    const given = { _tag: 'Session' as const, sessionId: 'abc' }
    const r = decodeCredentials(given)
    given.sessionId = 'changed'
    expect(E.map(authParams)(r)).toEqual(E.right([['session_id', 'abc']]))
  })

  const throwing = () => {
    throw new Error('boom')
  }
  test.prop(
    [
      fc.oneof(
        fc.anything(),
        fc.constant(new Proxy({}, { get: throwing, ownKeys: throwing })),
        fc.constant(Object.defineProperty({ _tag: 'Session' }, 'sessionId', { get: throwing })),
      ),
    ],
    { numRuns },
  )('never throws, whatever it is given', (u) => {
    expect(() => decodeCredentials(u)).not.toThrow()
  })
})

describe('Credentials.decodeCredentialsOf and decodeSession', () => {
  it('refuses credentials of the other kind with the reason given', () => {
    const r = decodeCredentialsOf('Account', 'auth needs account credentials')(session('abc'))
    expect(r).toEqual(
      E.left({
        _tag: 'InvalidInput',
        problems: [{ path: 'credentials', message: 'auth needs account credentials' }],
      }),
    )
    expect(E.isRight(decodeCredentialsOf('Session', 'x')(session('abc')))).toBe(true)
  })

  it('makes session credentials from a session id, refusing one the gateway could not read', () => {
    expect(E.map(authParams)(decodeSession('3d8a'))).toEqual(E.right([['session_id', '3d8a']]))
    expect(E.isLeft(decodeSession(''))).toBe(true)
    expect(E.isLeft(decodeSession('Ω'))).toBe(true)
  })
})
