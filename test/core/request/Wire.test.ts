import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { account, decodeSession, session } from '../../../src/core/request/Credentials.js'
import {
  bind,
  chunkSize,
  recipientsPerRequest,
  unbound,
  withCredentials,
} from '../../../src/core/request/Wire.js'

describe('Wire.bind', () => {
  it('puts the credentials first, then the command’s own parameters', () => {
    const c = decodeSession('abc')
    if (E.isLeft(c)) throw new Error('decoded')
    expect(bind(c.right)(unbound('endbatch', [['batch_id', 'b1']]))).toEqual({
      command: 'endbatch',
      path: '/http_batch/endbatch',
      params: [
        ['session_id', 'abc'],
        ['batch_id', 'b1'],
      ],
    })
  })
})

describe('Wire.withCredentials', () => {
  const ping = withCredentials(() =>
    E.left({ _tag: 'InvalidInput', problems: [{ path: 'x', message: 'y' }] }),
  )

  it('gathers the problems of credentials and parameters, the credentials’ first', () => {
    const r = ping(session(''))()
    expect(E.isLeft(r) && r.left.problems.map((p) => p.path)).toEqual(['credentials.sessionId', 'x'])
  })

  it('answers a refusal other than InvalidInput only once the credentials are good', () => {
    const tooLong = {
      _tag: 'MessageTooLong' as const,
      encoding: 'gsm7' as const,
      units: 200,
      parts: 2,
      limit: 1,
      perPart: 153,
    }
    const send = withCredentials(() => E.left(tooLong))
    expect(send(session('abc'))()).toEqual(E.left(tooLong))
    const r = send(account({ apiId: '', user: 'u', password: 'p' }))()
    expect(E.isLeft(r) && r.left._tag).toBe('InvalidInput')
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
