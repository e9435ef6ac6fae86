import { describe, expect, it } from 'vitest'
import {
  bold,
  cliError,
  dim,
  EXIT,
  emit,
  errorJson,
  exitCodeOf,
  fail,
  failWith,
  green,
  type Io,
  plural,
  red,
  yellow,
} from '../../src/cli/Output.js'
import {
  gatewayError,
  httpStatusError,
  invalidInput,
  malformedResponse,
  messageTooLong,
  transportError,
} from '../../src/core/errors.js'

const recording = (json: boolean, color: boolean) => {
  const out: string[] = []
  const err: string[] = []
  const io: Io = { out: (l) => out.push(l), err: (l) => err.push(l), json, color, interactive: false }
  return { io, out, err }
}

describe('colours', () => {
  it.each([
    [bold, 1],
    [green, 32],
    [red, 31],
    [yellow, 33],
    [dim, 2],
  ])('paints with SGR %#, only when colour is on', (paint, code) => {
    expect(paint(recording(false, true).io, 'x')).toBe(`\u001b[${code}mx\u001b[0m`)
    expect(paint(recording(false, false).io, 'x')).toBe('x')
  })
})

describe('exit codes', () => {
  it('are 0 done, 1 the other side failed, 2 refused before sending', () => {
    expect(EXIT).toEqual({ ok: 0, remote: 1, input: 2 })
  })

  it.each([
    ['InvalidInput', invalidInput([{ path: 'to', message: 'bad' }]), 2],
    ['MessageTooLong', messageTooLong({ encoding: 'gsm7', units: 400, parts: 3, limit: 2, perPart: 153 }), 2],
    ['TransportError', transportError('network', 'down'), 1],
    ['HttpStatusError', httpStatusError(503, 'busy'), 1],
    ['MalformedResponse', malformedResponse('sendmsg', 'garbled', 'x'), 1],
    ['GatewayError', gatewayError('auth', '001', 'Authentication failed'), 1],
  ])('%s exits %i', (_tag, error, code) => {
    expect(error._tag).toBe(_tag)
    expect(exitCodeOf(error)).toBe(code)
  })
})

describe('errorJson', () => {
  it('drops the cause of a transport error and adds the message for people', () => {
    const e = transportError('network', 'connect ECONNREFUSED', new Error('secret inside'))
    expect(errorJson(e)).toEqual({
      _tag: 'TransportError',
      kind: 'network',
      message: 'transport error (network): connect ECONNREFUSED',
    })
    expect(JSON.stringify(errorJson(e))).not.toContain('secret inside')
  })

  it('adds the advice of docs/errors.md to a gateway error', () => {
    expect(errorJson(gatewayError('auth', '001', 'Authentication failed'))).toEqual({
      _tag: 'GatewayError',
      command: 'auth',
      code: '001',
      description: 'Authentication failed',
      message: 'gateway error 001 on auth: Authentication failed',
      advice:
        'Check api_id, user and password. With a session id this also means the session went stale: authenticate again (quirk 2).',
    })
    expect(errorJson(gatewayError('auth', '', 'Odd'))).not.toHaveProperty('advice')
  })

  it('keeps the problems of bad input', () => {
    expect(errorJson(invalidInput([{ path: 'to', message: 'must be digits' }]))).toEqual({
      _tag: 'InvalidInput',
      problems: [{ path: 'to', message: 'must be digits' }],
      message: 'invalid input: to: must be digits',
    })
  })
})

describe('plural', () => {
  it.each([
    [1, 'part', '1 part'],
    [0, 'part', '0 parts'],
    [3, 'row', '3 rows'],
    [0.8, 'credit', '0.8 credits'],
  ])('%d %s: %s', (n, noun, words) => {
    expect(plural(n, noun)).toBe(words)
  })
})

describe('emit', () => {
  it('prints one indented JSON document { ok: true, value } with --json, and never asks for the lines', () => {
    const { io, out } = recording(true, false)
    emit(io, { a: 1 }, () => {
      throw new Error('not called')
    })
    expect(out).toEqual(['{\n  "ok": true,\n  "value": {\n    "a": 1\n  }\n}'])
  })

  it('prints the lines otherwise', () => {
    const { io, out } = recording(false, false)
    emit(io, { a: 1 }, () => ['one', 'two'])
    expect(out).toEqual(['one', 'two'])
  })
})

describe('fail', () => {
  const e = invalidInput([{ path: 'to', message: 'must be digits' }])

  it('prints one line on stderr and returns the exit code', () => {
    const { io, out, err } = recording(false, false)
    expect(fail(io, e)).toBe(2)
    expect(out).toEqual([])
    expect(err).toEqual(['error: invalid input: to: must be digits'])
  })

  it('with --json also prints { ok: false, error } on stdout', () => {
    const { io, out, err } = recording(true, false)
    expect(fail(io, transportError('timeout', 'no answer'))).toBe(1)
    expect(JSON.parse(out[0]!)).toEqual({
      ok: false,
      error: errorJson(transportError('timeout', 'no answer')),
    })
    expect(err).toEqual(['error: transport error (timeout): no answer'])
  })

  it('paints the line red on a colour terminal', () => {
    const { io, err } = recording(false, true)
    fail(io, e)
    expect(err).toEqual(['\u001b[31merror: invalid input: to: must be digits\u001b[0m'])
  })

  it("a gateway error: the line, then docs/errors.md's advice", () => {
    const { io, err } = recording(false, false)
    expect(fail(io, gatewayError('auth', '001', 'Authentication failed'))).toBe(1)
    expect(err).toEqual([
      'error: gateway error 001 on auth: Authentication failed',
      'advice: Check api_id, user and password. With a session id this also means the session went stale: authenticate again (quirk 2).',
    ])
  })
})

describe('failWith', () => {
  const error = cliError('NothingCancelled', 'nothing was cancelled', { status: '004' })

  it('prints what was done on stdout, the error on stderr, and returns the code', () => {
    const { io, out, err } = recording(false, false)
    expect(failWith(io, 1, error, { value: { a: 1 }, lines: () => ['a 1'] })).toBe(1)
    expect([out, err]).toEqual([['a 1'], ['error: nothing was cancelled']])
  })

  it('with --json, one document { ok: false, error, value }', () => {
    const { io, out } = recording(true, false)
    failWith(io, 1, error, { value: { a: 1 }, lines: () => ['never'] })
    expect(JSON.parse(out[0]!)).toEqual({
      ok: false,
      error: { _tag: 'NothingCancelled', message: 'nothing was cancelled', status: '004' },
      value: { a: 1 },
    })
    const bare = recording(true, false)
    failWith(bare.io, 2, error)
    expect(JSON.parse(bare.out[0]!)).toEqual({ ok: false, error })
  })
})
