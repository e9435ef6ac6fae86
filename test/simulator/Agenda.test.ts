import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { agenda } from '../../src/simulator/Agenda.js'

const numRuns = process.env.CI ? 200 : 1000

describe('agenda', () => {
  test.prop([fc.array(fc.integer({ min: 0, max: 50 })), fc.integer({ min: 0, max: 60 })], { numRuns })(
    'runs exactly the actions due, in due order, ties in planning order',
    (dues, now) => {
      const plan = agenda()
      const ran: Array<[number, number]> = []
      dues.forEach((due, i) => {
        plan.at(due, (t) => ran.push([t, i]))
      })
      plan.runDue(now)
      const expected = dues
        .map((due, i): [number, number] => [due, i])
        .filter(([due]) => due <= now)
        .sort((a, b) => a[0] - b[0] || a[1] - b[1])
      expect(ran).toEqual(expected)
      expect(plan.size()).toBe(dues.length - expected.length)
    },
  )

  it('runs actions that earlier actions plan, when they are due too', () => {
    const plan = agenda()
    const ran: number[] = []
    plan.at(1, (t) => {
      ran.push(t)
      plan.at(t + 1, (u) => ran.push(u))
      plan.at(t + 10, (u) => ran.push(u))
    })
    plan.runDue(5)
    expect(ran).toEqual([1, 2])
    expect(plan.nextDue()).toBe(11)
  })
})
