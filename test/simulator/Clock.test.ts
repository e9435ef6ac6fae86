import { describe, expect, it } from 'vitest'
import { isManualClock, manualClock, systemClock } from '../../src/simulator/Clock.js'

describe('manualClock', () => {
  it('moves only forward, and tells its listeners after each move', () => {
    const clock = manualClock(1000)
    const seen: number[] = []
    const stop = clock.onAdvance((now) => seen.push(now))
    clock.advance(500)
    clock.advance(-5)
    clock.set(900)
    clock.set(2000)
    stop()
    clock.advance(1)
    expect(seen).toEqual([1500, 2000])
    expect(clock.now()).toBe(2001)
  })

  it('is told apart from the system clock', () => {
    expect(isManualClock(manualClock())).toBe(true)
    expect(isManualClock(systemClock)).toBe(false)
  })
})
