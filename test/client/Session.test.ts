import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { EXPIRY_MS, make } from '../../src/client/Session.js'

const MINUTE = 60_000

const setup = () => {
  let time = 0
  let auths = 0
  const sessions = make({ now: () => time, authenticate: async () => E.right(`s${++auths}`) })
  return {
    sessions,
    at: (t: number) => {
      time = t
    },
    auths: () => auths,
  }
}

describe('Session', () => {
  it('dates a use from when the request was made, not when its answer came', async () => {
    const { sessions, at } = setup()
    expect(await sessions.get()).toEqual(E.right('s1'))
    // A request made at 10 minutes whose answer comes at 14: the gateway's 15 minutes run from 10.
    at(10 * MINUTE)
    expect(sessions.current()).toBe('s1')
    at(14 * MINUTE)
    sessions.touch('s1', 10 * MINUTE)
    at(10 * MINUTE + EXPIRY_MS - 1)
    expect(sessions.current()).toBe('s1')
    at(10 * MINUTE + EXPIRY_MS)
    expect(sessions.current()).toBeUndefined()
  })

  it('never moves a use back in time, and takes the time given to current', async () => {
    const { sessions, at, auths } = setup()
    await sessions.get()
    sessions.touch('s1', 12 * MINUTE)
    // An answer to an older request arrives later: its earlier time changes nothing.
    sessions.touch('s1', 3 * MINUTE)
    at(12 * MINUTE + EXPIRY_MS - 1)
    expect(sessions.current()).toBe('s1')
    // The time passed in is the one judged, whatever the clock says.
    expect(sessions.current(12 * MINUTE + EXPIRY_MS)).toBeUndefined()
    // A touch of a session that is no longer the current one changes nothing either.
    sessions.invalidate('s1')
    sessions.touch('s1', 40 * MINUTE)
    expect(sessions.current()).toBeUndefined()
    expect(await sessions.get()).toEqual(E.right('s2'))
    expect(auths()).toBe(2)
  })
})
