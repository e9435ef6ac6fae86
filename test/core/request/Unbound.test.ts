import { fc, test } from '@fast-check/vitest'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import {
  type Credentials,
  decodeCredentials,
  session,
  type ValidCredentials,
} from '../../../src/core/request/Credentials.js'
import * as Encode from '../../../src/core/request/Encode.js'
import * as Unbound from '../../../src/core/request/Unbound.js'
import { bind, type UnboundRequest, type WireRequest } from '../../../src/core/request/Wire.js'
import { binaryMessage, credentials, numRuns, textMessage } from '../../support/arbitraries.js'

const CREDENTIAL_NAMES = ['session_id', 'api_id', 'user', 'password']

const decoded = (c: Credentials): ValidCredentials => {
  const r = decodeCredentials(c)
  if (E.isLeft(r)) throw new Error('decoded')
  return r.right
}

// What Encode gives is what Unbound gives, bound: one path.
describe('Unbound: a command without credentials, bound when sent', () => {
  test.prop(
    [
      fc.oneof(textMessage({ maxRecipients: 12 }), binaryMessage()),
      credentials(),
      fc.integer({ min: 1, max: 5 }),
    ],
    { numRuns },
  )('Encode.sendmsgWith is Unbound.sendmsgWith with each request bound', (m, c, size) => {
    const unbound = Unbound.sendmsgWith({ recipientsPerRequest: size })(m)
    const bound = bind(decoded(c as Credentials))
    expect(Encode.sendmsgWith({ recipientsPerRequest: size })(c as Credentials)(m)).toEqual(
      E.map((us: ReadonlyArray<UnboundRequest>) => us.map(bound))(unbound),
    )
    if (E.isRight(unbound))
      for (const u of unbound.right) for (const [n] of u.params) expect(CREDENTIAL_NAMES).not.toContain(n)
  })

  it.each<
    [string, (c: Credentials) => E.Either<unknown, WireRequest>, () => E.Either<unknown, UnboundRequest>]
  >([
    [
      'auth',
      () => Encode.auth(Encode.account({ apiId: '1', user: 'u', password: 'p' }))(),
      () => E.right(Unbound.auth()),
    ],
    ['getbalance', (c) => Encode.getbalance(c)(), () => E.right(Unbound.getbalance())],
    [
      'querymsg',
      (c) => Encode.querymsg(c)({ apiMsgId: 'abc1' }),
      () => Unbound.querymsg({ apiMsgId: 'abc1' }),
    ],
    [
      'delmsg',
      (c) => Encode.delmsg(c)({ clientMessageId: 'c1' }),
      () => Unbound.delmsg({ clientMessageId: 'c1' }),
    ],
    [
      'routecoverage',
      (c) => Encode.routecoverage(c)({ msisdn: '44' }),
      () => Unbound.routecoverage({ msisdn: '44' }),
    ],
    ['token_pay', (c) => Encode.token_pay(c)({ token: '1234' }), () => Unbound.token_pay({ token: '1234' })],
  ])('%s: Encode is Unbound, bound', (command, encode, encodeUnbound) => {
    const c: Credentials =
      command === 'auth' ? Encode.account({ apiId: '1', user: 'u', password: 'p' }) : session('abc')
    expect(encode(c)).toEqual(E.map(bind(decoded(c)))(encodeUnbound()))
  })

  it('refuses an input as the command with credentials does', () => {
    const r = Unbound.querymsg({ apiMsgId: 'a', clientMessageId: 'b' })
    expect(E.isLeft(r) && r.left.problems).toEqual([
      { path: '', message: 'give apiMsgId or clientMessageId, not both' },
    ])
  })
})
