import { fc } from '@fast-check/vitest'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { decode } from '../../src/core/message/Message.js'
import { fromMessage } from '../../src/core/request/MessageParams.js'
import { type Fault, faults, type InvalidMessage, invalidMessage } from '../../src/testing/index.js'

const numRuns = process.env.CI ? 50 : 100

/** Why the library refused a message, in the terms of `InvalidReason`; `undefined` when it accepted it. */
const refusal = (m: InvalidMessage['message']) => {
  const d = decode(m)
  if (E.isLeft(d)) return { _tag: 'InvalidInput' as const, paths: d.left.problems.map((p) => p.path) }
  const s = fromMessage(d.right)
  if (E.isRight(s)) return undefined
  return s.left._tag === 'InvalidInput'
    ? { _tag: 'InvalidInput' as const, paths: s.left.problems.map((p) => p.path) }
    : { ...s.left, decoded: true }
}

describe('invalidMessage', () => {
  it.each(faults.map((f) => [f]))('%s: refused for the stated reason, and for nothing else', (fault) => {
    fc.assert(
      fc.property(invalidMessage({ faults: [fault] }), ({ message, reason }) => {
        expect(reason.fault).toBe(fault)
        const r = refusal(message)
        if (reason._tag === 'InvalidInput') {
          // One fault: there is a problem, and every problem is at the stated path.
          const paths = r !== undefined && 'paths' in r ? r.paths : []
          expect(r?._tag).toBe('InvalidInput')
          expect(paths.length).toBeGreaterThan(0)
          expect(new Set(paths)).toEqual(new Set([reason.path]))
        } else {
          const { encoding, units, parts, limit } = reason
          expect(r).toMatchObject({ _tag: 'MessageTooLong', decoded: true, encoding, units, parts, limit })
        }
      }),
      { numRuns },
    )
  })

  it('draws every fault by default', () => {
    const drawn = new Set(fc.sample(invalidMessage(), { numRuns: 2000, seed: 1 }).map((m) => m.reason.fault))
    expect([...drawn].sort()).toEqual([...faults].sort())
  })

  it.each([
    [['no-such-fault'] as unknown as ReadonlyArray<Fault>, 'unknown names: every fault'],
    [[] as ReadonlyArray<Fault>, 'an empty list: every fault'],
  ])('faults %j (%s)', (asked) => {
    const drawn = new Set(
      fc.sample(invalidMessage({ faults: asked }), { numRuns: 500, seed: 2 }).map((m) => m.reason.fault),
    )
    expect(drawn.size).toBeGreaterThan(10)
  })

  it('names 28 faults, each with a reason a caller can branch on', () => {
    expect(faults).toHaveLength(28)
    const tags = new Set(
      fc.sample(invalidMessage(), { numRuns: 500, seed: 3 }).map((m) => `${m.reason._tag} ${m.reason.path}`),
    )
    expect(tags).toContain('MessageTooLong text')
    expect(tags).toContain('MessageTooLong data')
    expect(tags).toContain('InvalidInput from')
  })
})
