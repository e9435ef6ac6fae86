import { fc, test } from '@fast-check/vitest'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import * as Message from '../../../src/core/message/Message.js'
import type { UnixSeconds } from '../../../src/core/message/NumberCodecs.js'
import * as Schedule from '../../../src/core/message/Schedule.js'
import { numRuns } from '../../support/arbitraries.js'

const NOW = Date.UTC(2030, 0, 1) / 1000
const at = (s: number) => ({ deliverAt: s as UnixSeconds })
const WEEK = Schedule.MAX_AHEAD_SECONDS

describe('Schedule.check', () => {
  it.each([
    ['now', 0, true],
    ['one hour ahead', 3600, true],
    ['exactly 7 days ahead', WEEK, true],
    ['one second over 7 days', WEEK + 1, false],
    ['8 days ahead', 8 * 86_400, false],
    ['one second ago', -1, false],
    ['a year ago', -365 * 86_400, false],
  ])('%s', (_reason, offset, ok) => {
    const r = Schedule.check(new Date(NOW * 1000))(at(NOW + offset))
    expect(E.isRight(r)).toBe(ok)
  })

  it('names the limit and the times in its refusal', () => {
    const r = Schedule.check(new Date(NOW * 1000))(at(NOW + 8 * 86_400 + 7200))
    expect(r).toEqual(
      E.left({
        _tag: 'InvalidInput',
        problems: [
          {
            path: 'deliverAt',
            message:
              'is 8 days 2 hours ahead (2030-01-09T02:00:00Z, now 2030-01-01T00:00:00Z); the gateway delivers a time more than 7 days (10080 minutes) ahead at once: schedule it at most 7 days ahead, by 2030-01-08T00:00:00Z',
          },
        ],
      }),
    )
  })

  it('leaves a message without deliverAt, and an invalid clock, alone', () => {
    expect(Schedule.check(new Date(NOW * 1000))({})).toEqual(E.right({}))
    expect(E.isRight(Schedule.check(new Date(Number.NaN))(at(0)))).toBe(true)
  })

  test.prop([fc.integer({ min: 0, max: 4e9 }), fc.integer({ min: -4e9, max: 4e9 })], { numRuns })(
    'accepted exactly when 0 <= at - now <= 7 days, and then unchanged',
    (now, offset) => {
      const message = at(now + offset)
      const r = Schedule.check(new Date(now * 1000))(message)
      expect(E.isRight(r)).toBe(offset >= 0 && offset <= WEEK)
      if (E.isRight(r)) expect(r.right).toBe(message)
      else
        expect(r.left.problems[0]!.message).toMatch(offset < 0 ? /in the past/ : /7 days \(10080 minutes\)/)
    },
  )

  test.prop([fc.date({ min: new Date(0), max: new Date(4e12), noInvalidDate: true })], { numRuns })(
    'a decoded Date within the window passes, whatever the milliseconds',
    (now) => {
      const m = Message.decode({
        to: '447901231234',
        text: 'Hi',
        deliverAt: new Date(now.getTime() + 3_600_000),
      })
      expect(E.isRight(E.flatMap((x: Message.ValidMessage) => Schedule.check(now)(x))(m))).toBe(true)
    },
  )
})
