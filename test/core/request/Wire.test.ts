import { fc, test } from '@fast-check/vitest'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import {
  account,
  chunkSize,
  credentialParams,
  recipientsPerRequest,
  session,
  withCredentials,
} from '../../../src/core/request/Wire.js'
import { numRuns } from '../../support/arbitraries.js'

describe('Wire credentials', () => {
  it('writes session and account parameters', () => {
    expect(credentialParams(session('abc'))).toEqual(E.right([['session_id', 'abc']]))
    expect(credentialParams(account({ apiId: '1', user: 'u', password: 'p' }))).toEqual(
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
      const r = credentialParams(account({ apiId: '1', user: 'u', password }))
      expect(E.isLeft(r) && r.left.problems.map((p) => p.path)).toEqual(['credentials.password'])
      expect(JSON.stringify(r)).not.toContain(JSON.stringify(password).slice(1, -1))
    },
  )

  it.each([[null], [{}], [{ _tag: 'Session' }], [{ _tag: 'Session', sessionId: 5 }], [{ _tag: 'Other' }]])(
    'refuses %j',
    (c) => {
      expect(E.isLeft(credentialParams(c as never))).toBe(true)
    },
  )

  it('gathers the problems of credentials and parameters', () => {
    const r = withCredentials(
      'ping',
      session(''),
      E.left({ _tag: 'InvalidInput', problems: [{ path: 'x', message: 'y' }] }),
    )
    expect(E.isLeft(r) && r.left.problems.map((p) => p.path)).toEqual(['credentials.sessionId', 'x'])
  })
})

describe('Wire chunk sizes', () => {
  it('defaults to the specification: 100 by GET, 300 by POST', () => {
    expect(recipientsPerRequest).toEqual({ GET: 100, POST: 300 })
    expect(chunkSize({})).toEqual(E.right(300))
    expect(chunkSize({ method: 'GET' })).toEqual(E.right(100))
    expect(chunkSize({ method: 'POST', recipientsPerRequest: 600 })).toEqual(E.right(600))
  })

  it.each([[0], [1.5], [-3], [Number.NaN]])('refuses %s recipients per request', (n) => {
    expect(E.isLeft(chunkSize({ recipientsPerRequest: n }))).toBe(true)
  })
})
