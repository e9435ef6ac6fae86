import { fc, test } from '@fast-check/vitest'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import type { TransportError } from '../../src/core/errors.js'
import * as Transport from '../../src/transport/Transport.js'

const numRuns = process.env['CI'] ? 200 : 1000

const aborted = (reason?: unknown): AbortSignal => {
  const controller = new AbortController()
  controller.abort(reason)
  return controller.signal
}

const refused = Object.assign(new TypeError('fetch failed'), {
  cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' }),
})

describe('fromThrown', () => {
  it.each<[AbortSignal | undefined, unknown, TransportError['kind'], string, string]>([
    [
      undefined,
      refused,
      'network',
      'fetch failed: connect ECONNREFUSED 127.0.0.1:9',
      'undici wraps the cause',
    ],
    [
      undefined,
      Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }),
      'network',
      'socket hang up (ECONNRESET)',
      "Node's hang-up, its code added",
    ],
    [undefined, new DOMException('late', 'TimeoutError'), 'timeout', 'late', 'a TimeoutError is a time-out'],
    [
      undefined,
      new DOMException('This operation was aborted', 'AbortError'),
      'network',
      'This operation was aborted',
      "an abort that is not the caller's signal",
    ],
    [
      aborted(),
      new DOMException('This operation was aborted', 'AbortError'),
      'aborted',
      'This operation was aborted',
      "the caller's abort",
    ],
    [
      aborted(new DOMException('no response in 50 ms', 'TimeoutError')),
      new Error('aborted'),
      'timeout',
      'no response in 50 ms',
      'a time-out signal, whatever the error says',
    ],
    [aborted('stop'), 'stop', 'aborted', 'stop', 'a string reason'],
    [aborted({}), {}, 'aborted', 'the caller aborted the request', 'a reason with nothing to say'],
    [undefined, 42, 'network', 'the request failed', 'a thrown number'],
    [
      undefined,
      new Error('GET https://h/x?password=hunter2&session_id=abc failed'),
      'network',
      'GET https://h/x?password=[redacted]&session_id=[redacted] failed',
      'secrets scrubbed from the message',
    ],
  ])('%#: %s -> %s (%s)', (signal, error, kind, message) => {
    const e = Transport.fromThrown(signal)(error)
    expect(e).toEqual({ _tag: 'TransportError', kind, message, cause: error })
  })

  test.prop([fc.anything()], { numRuns })(
    'never throws, and says network for anything without a signal',
    (x) => {
      const e = Transport.fromThrown(undefined)(x)
      expect(['network', 'timeout']).toContain(e.kind)
    },
  )
})

describe('attempt', () => {
  const request = { method: 'GET', url: 'https://h/', headers: {} } as const

  it('turns a synchronous throw into a Left', async () => {
    const result = await Transport.attempt(request, () => {
      throw new Error('boom')
    })()
    expect(result).toMatchObject({ _tag: 'Left', left: { kind: 'network', message: 'boom' } })
  })

  it('turns a rejection into a Left, classified by the request signal', async () => {
    const result = await Transport.attempt({ ...request, signal: aborted() }, () =>
      Promise.reject(new Error('x')),
    )()
    expect(result).toMatchObject({ _tag: 'Left', left: { kind: 'aborted' } })
  })

  it('passes a result through', async () => {
    const ok = E.right({ status: 500, headers: {}, body: '' })
    expect(await Transport.attempt(request, () => Promise.resolve(ok))()).toBe(ok)
  })
})

describe('headerRecord', () => {
  it('lower-cases, joins repeats, skips undefined, keeps __proto__ as a header', () => {
    const record = Transport.headerRecord([
      ['Set-Cookie', ['a=1', 'b=2']],
      ['X-A', '1'],
      ['x-a', '2'],
      ['X-None', undefined],
      ['__proto__', 'p'],
    ])
    expect(Object.entries(record)).toEqual([
      ['set-cookie', 'a=1, b=2'],
      ['x-a', '1, 2'],
      ['__proto__', 'p'],
    ])
    expect(Object.getPrototypeOf(record)).toBe(Object.prototype)
  })
})

describe('declaredLength', () => {
  it.each<[string, number | undefined, string]>([
    ['4', 4, 'a number'],
    [' 12 ', 12, 'white space around it'],
    ['-1', undefined, 'negative'],
    ['1e3', undefined, 'not digits'],
    ['', undefined, 'empty'],
  ])('%j -> %s (%s)', (value, expected) => {
    expect(Transport.declaredLength({ 'content-length': value })).toBe(expected)
  })
})

describe('bodyCollector', () => {
  test.prop([fc.string({ unit: 'grapheme', maxLength: 50 }), fc.array(fc.nat(), { maxLength: 10 })], {
    numRuns,
  })('decodes UTF-8 split anywhere, multi-byte characters included', (text, cuts) => {
    const bytes = new TextEncoder().encode(text)
    const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b)
    const body = Transport.bodyCollector(bytes.length, 'text/html; charset=UTF-8')
    let from = 0
    for (const to of [...at, bytes.length]) {
      expect(body.push(bytes.subarray(from, to))).toBe(true)
      from = to
    }
    expect(body.text()).toBe(text)
  })

  it('refuses the byte after the cap', () => {
    const body = Transport.bodyCollector(3, undefined)
    expect(body.push(new Uint8Array([0x61, 0x62]))).toBe(true)
    expect(body.push(new Uint8Array([0x63]))).toBe(true)
    expect(body.push(new Uint8Array([0x64]))).toBe(false)
  })
})

describe('maxBodyBytesOf', () => {
  it.each<[unknown, number, string]>([
    [1024, 1024, 'a whole number'],
    [0, 0, 'zero: only empty bodies'],
    [-1, 1_048_576, 'negative'],
    [1.5, 1_048_576, 'a fraction'],
    ['1024', 1_048_576, 'a string'],
    [undefined, 1_048_576, 'absent'],
  ])('%j -> %i (%s)', (value, expected) => {
    expect(Transport.maxBodyBytesOf(value)).toBe(expected)
  })
})

describe('fromResponse', () => {
  it('refuses a declared length over the cap before reading', async () => {
    let pulled = 0
    const stream = new ReadableStream<Uint8Array>({
      pull: (controller) => {
        pulled++
        controller.enqueue(new Uint8Array(10))
      },
    })
    const response = new Response(stream, { headers: { 'content-length': '2000' } })
    const result = await Transport.fromResponse(1000)(response)
    expect(result).toMatchObject({ _tag: 'Left', left: { kind: 'too-large' } })
    // The stream may have been primed once by the Response, never read to the cap.
    expect(pulled).toBeLessThanOrEqual(1)
  })

  it('cancels an endless stream at the cap', async () => {
    let cancelled = false
    const stream = new ReadableStream<Uint8Array>({
      pull: (controller) => controller.enqueue(new Uint8Array(100)),
      cancel: () => {
        cancelled = true
      },
    })
    const result = await Transport.fromResponse(1000)(new Response(stream))
    expect(result).toMatchObject({ _tag: 'Left', left: { kind: 'too-large' } })
    expect(cancelled).toBe(true)
  })
})
