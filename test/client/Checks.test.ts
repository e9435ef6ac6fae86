// Messages checked at the client's edge: decoded and planned once, national numbers given the country code,
// deliverAt checked against the clock, an own client message id refused for several recipients.
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { checkMessage, checkMessageWith } from '../../src/client/Checks.js'

describe('checkMessage', () => {
  it('decodes and plans a message once', () => {
    const r = checkMessage({ to: ['447900000001', '447900000002'], text: 'Hi' })
    expect(E.isRight(r) && r.right.to).toEqual(['447900000001', '447900000002'])
  })

  it('refuses an own client message id shared by several recipients', () => {
    const r = checkMessage({ to: ['447900000001', '447900000002'], text: 'Hi', clientMessageId: 'order42' })
    expect(r).toMatchObject({ _tag: 'Left', left: { problems: [{ path: 'clientMessageId' }] } })
  })

  it('refuses what Message.decode refuses, with every problem', () => {
    const r = checkMessage({ to: 'nope', text: '' })
    expect(E.isLeft(r) && r.left._tag === 'InvalidInput' && r.left.problems.length).toBeGreaterThan(1)
  })
})

describe('checkMessageWith: the edge of the client', () => {
  it('gives national numbers the country code before they are checked', () => {
    const r = checkMessageWith({ defaultCountryCode: '44' as never })({
      to: ['07900000001', '447900000002'],
      text: 'Hi',
    })
    expect(r._tag === 'Right' && r.right.to).toEqual(['447900000001', '447900000002'])
  })
  it('checks deliverAt against its clock, and not without one', () => {
    const message = { to: '447900000001', text: 'Hi', deliverAt: new Date('2030-01-09T00:00:00Z') }
    const r = checkMessageWith({ now: Date.UTC(2030, 0, 1) })(message)
    expect(r._tag === 'Left' && r.left._tag === 'InvalidInput' && r.left.problems[0]!.path).toBe('deliverAt')
    expect(checkMessageWith({})(message)._tag).toBe('Right')
  })
})
