import { fc, test } from '@fast-check/vitest'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { invalidInput } from '../../../src/core/errors.js'
import { Flag, Queue } from '../../../src/core/message/NumberCodecs.js'
import {
  describe as describeValue,
  fields,
  fromProblems,
  gather,
  listOf,
} from '../../../src/core/message/Validation.js'
import { numRuns } from '../../support/arbitraries.js'

const decodeAB = fields({ a: Queue, b: Flag }, { hints: { c: 'use a' }, required: { a: 'the queue' } })

describe('Validation.fields', () => {
  it('decodes valid fields and lists every problem with its path', () => {
    expect(decodeAB({ a: 2, b: true })).toEqual({
      value: { a: 2, b: true },
      given: ['a', 'b'],
      problems: [],
    })
    // In the order the caller wrote the fields.
    const r = decodeAB({ a: 9, b: 'yes', c: 1, A: 2 })
    expect(r.problems.map((p) => [p.path, p.message])).toEqual([
      ['a', 'must be 1 (highest priority), 2 or 3 (lowest); got the number 9'],
      ['b', 'must be true or false; got the string "yes"'],
      ['c', 'is not an option: use a'],
      ['A', 'is not an option (did you mean a?)'],
    ])
  })

  it('treats undefined as absent, and says which required field is missing', () => {
    expect(decodeAB({ a: undefined, b: undefined }).problems).toEqual([
      { path: 'a', message: 'is required: the queue' },
    ])
  })

  it('reads own enumerable fields only, as object spread does', () => {
    class Input {
      get a() {
        return 2
      }
    }
    expect(decodeAB(new Input()).problems).toEqual([{ path: 'a', message: 'is required: the queue' }])
    expect(decodeAB({ ...{ a: 2 } }).problems).toEqual([])
  })

  it('prefixes paths when asked', () => {
    expect(decodeAB({ a: 0 }, 'items.3').problems[0]!.path).toBe('items.3.a')
  })

  it.each([
    ['null', null],
    ['an array', [1]],
    ['a number', 1],
    [
      'a throwing getter',
      Object.defineProperty({}, 'a', {
        get: () => {
          throw new Error('boom')
        },
        enumerable: true,
      }),
    ],
    [
      'a proxy whose traps throw',
      new Proxy(
        {},
        {
          ownKeys: () => {
            throw new Error('x')
          },
          get: () => {
            throw new Error('y')
          },
        },
      ),
    ],
    [
      'a revoked proxy',
      (() => {
        const p = Proxy.revocable({}, {})
        p.revoke()
        return p.proxy
      })(),
    ],
    [
      'a value whose contents throw',
      {
        a: new Proxy([], {
          get: () => {
            throw new Error('z')
          },
        }),
      },
    ],
  ])('never throws: %s', (_reason, input) => {
    const r = decodeAB(input)
    expect(r.problems.length).toBeGreaterThan(0)
  })

  test.prop([fc.anything({ withNullPrototype: true, withBoxedValues: true, withMap: true, withSet: true })], {
    numRuns,
  })('never throws on anything', (u) => {
    expect(() => decodeAB(u)).not.toThrow()
  })
})

describe('Validation helpers', () => {
  it('gather lists the problems of every Left, in order', () => {
    const l = (path: string) => E.left(invalidInput([{ path, message: 'x' }]))
    expect(gather(E.right(1), E.right('a'))).toEqual(E.right([1, 'a']))
    const r = gather(l('a'), E.right(1), l('b'))
    expect(E.isLeft(r) && r.left.problems.map((p) => p.path)).toEqual(['a', 'b'])
  })

  it('listOf reports each bad item at its index', () => {
    const Queues = listOf(Queue, { what: 'queues', minLength: 1 })
    const r = Queues.validate([1, 4, 2, 0], [{ key: 'qs', type: Queues, actual: null }])
    expect(E.isLeft(r) && r.left.map((e) => e.context.map((c) => c.key).join('.'))).toEqual(['qs.1', 'qs.3'])
    expect(E.isLeft(Queues.decode([]))).toBe(true)
    expect(Queues.is([1, 2])).toBe(true)
  })

  it('fromProblems computes the value only without problems', () => {
    expect(fromProblems([], () => 1)).toEqual(E.right(1))
    expect(
      fromProblems([{ path: 'a', message: 'b' }], () => {
        throw new Error('not called')
      })._tag,
    ).toBe('Left')
  })

  it.each([
    [2.5, 'the number 2.5'],
    ['x'.repeat(50), `the string "${'x'.repeat(40)}…"`],
    [undefined, 'nothing'],
    [true, 'true'],
    [10n, 'the bigint 10'],
    [Symbol('s'), 'a symbol'],
    [new Date(0), 'a Date'],
    [{}, 'an object'],
  ])('describe(%s)', (u, words) => {
    expect(describeValue(u)).toBe(words)
  })
})
