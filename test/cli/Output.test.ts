import { describe, expect, it } from 'vitest'
import {
  bold,
  dim,
  EXIT,
  emit,
  errorJson,
  exitCodeOf,
  fail,
  green,
  type Io,
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

  it('keeps the problems of bad input', () => {
    expect(errorJson(invalidInput([{ path: 'to', message: 'must be digits' }]))).toEqual({
      _tag: 'InvalidInput',
      problems: [{ path: 'to', message: 'must be digits' }],
      message: 'invalid input: to: must be digits',
    })
  })
})

describe('emit', () => {
  it('prints one indented JSON document with --json, and never asks for the lines', () => {
    const { io, out } = recording(true, false)
    emit(io, { a: 1 }, () => {
      throw new Error('not called')
    })
    expect(out).toEqual(['{\n  "a": 1\n}'])
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
})
