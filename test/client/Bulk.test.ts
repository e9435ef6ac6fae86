// mapOrdered runs its calls concurrently and yields in order, with the source read by one loop, so
// its laws are checked here with fast-check's scheduler, which runs the calls' completions in every order.
import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { mapOrdered } from '../../src/client/Bulk.js'

const numRuns = process.env.CI ? 150 : 600

const options = fc.record(
  { concurrency: fc.integer({ min: 1, max: 6 }), window: fc.integer({ min: 1, max: 12 }) },
  { requiredKeys: ['concurrency'] },
)

const drain = async <B>(it: AsyncIterable<B>): Promise<B[]> => {
  const out: B[] = []
  for await (const x of it) out.push(x)
  return out
}

describe('mapOrdered', () => {
  test.prop([fc.array(fc.integer(), { maxLength: 40 }), options, fc.boolean(), fc.scheduler()], { numRuns })(
    'yields every result, in input order, whatever order the calls finish in, never over the concurrency or the window',
    async (items, opts, asyncSource, s) => {
      let inFlight = 0
      let most = 0
      let taken = 0
      let yielded = 0
      let widest = 0
      const source: Iterable<number> | AsyncIterable<number> = asyncSource
        ? (async function* () {
            for (const x of items) {
              taken++
              yield x
            }
          })()
        : (function* () {
            for (const x of items) {
              taken++
              yield x
            }
          })()
      const f = async (x: number, index: number) => {
        inFlight++
        most = Math.max(most, inFlight)
        widest = Math.max(widest, taken - yielded)
        await s.schedule(Promise.resolve(), `item ${index}`)
        inFlight--
        return [x, index] as const
      }
      const out: Array<readonly [number, number]> = []
      const consumed = (async () => {
        for await (const r of mapOrdered(source, opts, f)) {
          out.push(r)
          yielded++
        }
      })()
      await s.waitFor(consumed)
      expect(out).toEqual(items.map((x, i) => [x, i]))
      expect(most).toBeLessThanOrEqual(opts.concurrency)
      // Taken but not yet consumed: at most the window, plus the one result on its way to the consumer.
      const window = Math.max(opts.concurrency, opts.window ?? opts.concurrency * 16)
      expect(widest).toBeLessThanOrEqual(window + 1)
    },
  )

  test.prop([fc.array(fc.integer(), { minLength: 1, maxLength: 30 }), options, fc.nat(), fc.scheduler()], {
    numRuns,
  })(
    'a failing call fails the iteration as soon as it fails (after results already in order), and closes the source',
    async (items, opts, at, s) => {
      const failAt = at % items.length
      let closed = false
      const source: Iterable<number> = {
        [Symbol.iterator]: () => {
          let i = 0
          return {
            next: (): IteratorResult<number> =>
              i < items.length ? { done: false, value: items[i++]! } : { done: true, value: undefined },
            return: (): IteratorResult<number> => {
              closed = true
              return { done: true, value: undefined }
            },
          }
        },
      }
      const out: number[] = []
      const consumed = (async () => {
        for await (const r of mapOrdered(source, opts, async (x: number, index) => {
          await s.schedule(Promise.resolve(), `item ${index}`)
          if (index === failAt) throw new Error(`boom ${index}`)
          return x
        }))
          out.push(r)
      })()
      await expect(s.waitFor(consumed)).rejects.toThrow(`boom ${failAt}`)
      expect(out.length).toBeLessThanOrEqual(failAt)
      expect(out).toEqual(items.slice(0, out.length))
      expect(closed).toBe(true)
    },
  )

  test.prop([fc.array(fc.integer(), { minLength: 1, maxLength: 30 }), options, fc.nat(), fc.scheduler()], {
    numRuns,
  })('an async source is never asked for two items at once', async (items, opts, stop, s) => {
    let asking = 0
    let overlapped = false
    let i = 0
    const source: AsyncIterable<number> = {
      [Symbol.asyncIterator]: () => ({
        next: async () => {
          asking++
          if (asking > 1) overlapped = true
          await s.schedule(Promise.resolve(), 'take')
          asking--
          return i < items.length ? { done: false, value: items[i++]! } : { done: true, value: undefined }
        },
      }),
    }
    const out: number[] = []
    const consumed = (async () => {
      for await (const r of mapOrdered(source, opts, async (x: number) => x)) {
        out.push(r)
        if (out.length > stop % (items.length + 1)) break
      }
    })()
    await s.waitFor(consumed)
    expect(overlapped).toBe(false)
    expect(out).toEqual(items.slice(0, out.length))
  })

  it('breaking out early closes the source and takes nothing more', async () => {
    let taken = 0
    let closed = false
    function* source() {
      try {
        for (let i = 0; i < 1000; i++) {
          taken++
          yield i
        }
      } finally {
        closed = true
      }
    }
    const out: number[] = []
    for await (const x of mapOrdered(source(), { concurrency: 3 }, async (n) => n)) {
      out.push(x)
      if (x === 4) break
    }
    expect(out).toEqual([0, 1, 2, 3, 4])
    expect(closed).toBe(true)
    expect(taken).toBeLessThan(1000)
  })

  it('answers requests made without waiting, in order', async () => {
    const it = mapOrdered([1, 2, 3], { concurrency: 2 }, async (n) => n * 10)
    const all = await Promise.all([it.next(), it.next(), it.next(), it.next(), it.next()])
    expect(all).toEqual([
      { done: false, value: 10 },
      { done: false, value: 20 },
      { done: false, value: 30 },
      { done: true, value: undefined },
      { done: true, value: undefined },
    ])
  })

  it('a source that cannot be iterated is a failed iteration, not a throw at the call', async () => {
    const bad = {
      [Symbol.iterator]: () => {
        throw new Error('no iterator')
      },
    } as unknown as Iterable<number>
    const it = mapOrdered(bad, { concurrency: 2 }, async (n) => n)
    await expect(drain(it)).rejects.toThrow('no iterator')
    expect(await it.next()).toEqual({ done: true, value: undefined })
  })

  it('stops taking items when aborted, and ends with the results of those taken', async () => {
    const controller = new AbortController()
    let taken = 0
    function* source() {
      for (let i = 0; i < 100; i++) {
        taken++
        if (i === 10) controller.abort()
        yield i
      }
    }
    const out = await drain(
      mapOrdered(source(), { concurrency: 2, signal: controller.signal }, async (n) => n),
    )
    expect(out).toEqual(Array.from({ length: out.length }, (_, i) => i))
    expect(taken).toBeLessThanOrEqual(13)
  })

  it('after the end, return and every further request answer done', async () => {
    const it = mapOrdered([1], { concurrency: 1 }, async (n) => n)
    expect(await drain(it)).toEqual([1])
    expect(await it.return?.()).toEqual({ done: true, value: undefined })
    expect(await it.next()).toEqual({ done: true, value: undefined })
  })

  it('a call that releases its place no longer counts against the concurrency, and keeps its place in the order', async () => {
    let release!: () => void
    const held = new Promise<void>((r) => {
      release = r
    })
    let inFlight = 0
    let most = 0
    const started: number[] = []
    const out = await drain(
      mapOrdered([0, 1, 2, 3], { concurrency: 1 }, async (n, _, free) => {
        started.push(n)
        if (n === 0) {
          free()
          free() // twice: still one place given back
          await held
          return n
        }
        inFlight++
        most = Math.max(most, inFlight)
        await Promise.resolve()
        inFlight--
        if (n === 3) release()
        return n
      }),
    )
    expect(out).toEqual([0, 1, 2, 3])
    expect(started).toEqual([0, 1, 2, 3])
    expect(most).toBe(1)
  })

  it('without a release, a waiting call holds its place: the next starts only when it ends', async () => {
    const started: number[] = []
    let first!: () => void
    const wait = new Promise<void>((r) => {
      first = r
    })
    const it = mapOrdered([0, 1], { concurrency: 1 }, async (n) => {
      started.push(n)
      if (n === 0) await wait
      return n
    })
    const head = it.next()
    await new Promise((r) => setTimeout(r, 10))
    expect(started).toEqual([0])
    first()
    expect(await head).toEqual({ done: false, value: 0 })
    expect(await drain(it)).toEqual([1])
  })

  it('at most `waiting` calls are released at once: past that a release keeps the call in its place', async () => {
    let open!: () => void
    const gate = new Promise<void>((r) => {
      open = r
    })
    const started: number[] = []
    const it = mapOrdered([0, 1, 2], { concurrency: 1, waiting: 1 }, async (n, _, release) => {
      started.push(n)
      release()
      await gate
      return n
    })
    const all = drain(it)
    await new Promise((r) => setTimeout(r, 10))
    expect(started).toEqual([0, 1])
    open()
    expect(await all).toEqual([0, 1, 2])
  })
})
