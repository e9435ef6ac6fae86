// How the client judges a failure: literal tables with the reason for each verdict, and the laws that tie the
// rules to the code table (a retryable code is what Codes says, not a list of our own).
import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import {
  delay,
  isAmbiguous,
  isRetryableRead,
  isSessionError,
  leavesUnknown,
  nothingSent,
} from '../../src/client/Policy.js'
import {
  type ClickatellError,
  gatewayError,
  httpStatusError,
  invalidInput,
  malformedResponse,
  transportError,
} from '../../src/core/errors.js'
import { errorCodes, isRetryable } from '../../src/core/reply/Codes.js'

const refused = transportError('network', 'connect ECONNREFUSED', { code: 'ECONNREFUSED' })
const reset = transportError('network', 'socket hang up', { code: 'ECONNRESET' })
const timeout = transportError('timeout', 'no answer')
const aborted = transportError('aborted', 'the caller aborted')
const gw = (code: string) => gatewayError('sendmsg', code, 'x')

describe('the verdicts, failure by failure', () => {
  // failure, reason, isSessionError, nothingSent, isRetryableRead, isAmbiguous, leavesUnknown
  it.each<[string, ClickatellError, boolean, boolean, boolean, boolean, boolean]>([
    ['001 to a session request: the session is gone', gw('001'), true, false, false, false, false],
    ['003: session expired (the specification)', gw('003'), true, false, false, false, false],
    ['005: no session id', gw('005'), true, false, false, false, false],
    ['105: a definite refusal', gw('105'), false, false, false, false, false],
    ['901: internal error, please retry', gw('901'), false, false, true, true, true],
    ['a refused connection: nothing arrived', refused, false, true, true, false, true],
    ['a reset: the request may have arrived', reset, false, false, true, true, true],
    ['a time-out: the answer may be lost', timeout, false, false, true, true, true],
    ["the caller's abort: not repeated", aborted, false, false, false, false, true],
    ['a 503 from something in between', httpStatusError(503, ''), false, false, true, true, true],
    [
      'a 404: not a server failure, but the send may have arrived',
      httpStatusError(404, ''),
      false,
      false,
      false,
      true,
      true,
    ],
    ['a garbled body', malformedResponse('sendmsg', 'bad', '<html>'), false, false, true, true, true],
    [
      'refused before sending',
      invalidInput([{ path: 'to', message: 'x' }]),
      false,
      false,
      false,
      false,
      true,
    ],
  ])('%s', (_reason, e, session, nothing, retry, ambiguous, unknown) => {
    expect(isSessionError(e)).toBe(session)
    expect(nothingSent(e)).toBe(nothing)
    expect(isRetryableRead(e)).toBe(retry)
    expect(isAmbiguous(e)).toBe(ambiguous)
    expect(leavesUnknown(e)).toBe(unknown)
  })
})

describe('nothingSent reads the cause chain', () => {
  it.each([
    ['a code at the top', { code: 'ENOTFOUND' }, true],
    [
      'a code two causes down (undici wraps the socket error)',
      { cause: { cause: { code: 'EAI_AGAIN' } } },
      true,
    ],
    [
      'deeper than eight causes is not looked at',
      [...Array(9)].reduce((c) => ({ cause: c }), { code: 'ECONNREFUSED' }),
      false,
    ],
    ['a code that says the request may have gone', { code: 'ECONNRESET' }, false],
    ['no cause', undefined, false],
  ])('%s', (_reason, cause, expected) => {
    expect(nothingSent(transportError('network', 'x', cause))).toBe(expected)
  })

  it('only a network failure can be one where nothing was sent', () => {
    expect(nothingSent(transportError('timeout', 'x', { code: 'ECONNREFUSED' }))).toBe(false)
  })
})

describe('laws', () => {
  const codes = Object.keys(errorCodes)

  it.each(codes)('gateway code %s: a read is repeated exactly when the code table says retryable', (code) => {
    expect(isRetryableRead(gw(code))).toBe(isRetryable(code))
    expect(isAmbiguous(gw(code))).toBe(isRetryable(code))
    expect(leavesUnknown(gw(code))).toBe(isRetryable(code))
  })

  test.prop([fc.string()])('an unlisted or odd code is never retried', (code) => {
    fc.pre(!isRetryable(code))
    expect(isRetryableRead(gw(code))).toBe(false)
  })

  test.prop([
    fc.record({ retries: fc.nat(10), baseDelayMs: fc.nat(10_000), maxDelayMs: fc.nat(60_000) }),
    fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
    fc.nat(20),
  ])('a delay is a whole number within [0, min(max, base * 2^n)]', (backoff, r, n) => {
    const d = delay(backoff, () => r)(n)
    expect(Number.isInteger(d)).toBe(true)
    expect(d).toBeGreaterThanOrEqual(0)
    expect(d).toBeLessThanOrEqual(Math.min(backoff.maxDelayMs, backoff.baseDelayMs * 2 ** n))
  })

  test.prop([
    fc.constantFrom(refused, reset, timeout, aborted, httpStatusError(502, ''), gw('901'), gw('114')),
  ])('a failure is never both "nothing was sent" and "ambiguous"', (e) => {
    expect(nothingSent(e) && isAmbiguous(e)).toBe(false)
  })
})
