import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import {
  type ClickatellError,
  gatewayError,
  httpStatusError,
  invalidInput,
  isLocal,
  malformedResponse,
  match,
  messageTooLong,
  toMessage,
  transportError,
} from '../../src/core/errors.js'

const secret = fc.stringMatching(/^[A-Za-z0-9]{8,20}$/)

describe('toMessage', () => {
  it.each([
    [
      invalidInput([
        { path: 'to.1', message: 'is not a number' },
        { path: '', message: 'is empty' },
      ]),
      'invalid input: to.1: is not a number; is empty',
    ],
    [
      messageTooLong({ encoding: 'ucs2', units: 140, parts: 3, limit: 1, perPart: 67 }),
      'message too long: 140 UCS-2 units need 3 parts (67 per part), but at most 1 is allowed',
    ],
    [transportError('timeout', 'no answer in 2000 ms'), 'transport error (timeout): no answer in 2000 ms'],
    [httpStatusError(503, 'busy'), 'the gateway answered HTTP 503'],
    [
      malformedResponse('getbalance', 'no Credit: line', 'x'),
      'malformed response to getbalance: no Credit: line',
    ],
    [
      gatewayError('sendmsg', '105', 'Invalid Destination Address', '4479'),
      'gateway error 105 on sendmsg: Invalid Destination Address (to 4479)',
    ],
    [
      gatewayError('routecoverage', '', 'This prefix is not currently supported.'),
      'gateway error on routecoverage: This prefix is not currently supported.',
    ],
  ] as const)('%j reads as a sentence', (e, sentence) => {
    expect(toMessage(e)).toBe(sentence)
  })

  test.prop([secret, fc.constantFrom('password', 'session_id', 'token')])(
    'never contains a password, session id or token that reached an error from outside',
    (value, name) => {
      const errors: ClickatellError[] = [
        transportError('network', `POST https://x/http/sendmsg?${name}=${value}&to=1 failed`),
        malformedResponse('auth', `echoed ${name}=${value}`, ''),
        gatewayError('auth', '001', `bad ${name}=${value}`),
      ]
      for (const e of errors) expect(toMessage(e)).not.toContain(value)
    },
  )
})

describe('match and isLocal', () => {
  const all: ClickatellError[] = [
    invalidInput([]),
    messageTooLong({ encoding: 'gsm7', units: 400, parts: 3, limit: 2, perPart: 153 }),
    transportError('aborted', 'by you'),
    httpStatusError(500, ''),
    malformedResponse('ping', 'empty', ''),
    gatewayError('ping', '005', 'Missing session ID'),
  ]
  it('folds every tag to its own case', () => {
    const tag = match<string>({
      InvalidInput: (e) => e._tag,
      MessageTooLong: (e) => e._tag,
      TransportError: (e) => e._tag,
      HttpStatusError: (e) => e._tag,
      MalformedResponse: (e) => e._tag,
      GatewayError: (e) => e._tag,
    })
    expect(all.map(tag)).toEqual(all.map((e) => e._tag))
  })
  it('tells local from remote errors', () => {
    expect(all.map(isLocal)).toEqual([true, true, false, false, false, false])
  })
  it('keeps at most 1,000 characters of a body', () => {
    expect(httpStatusError(500, 'x'.repeat(5000)).body).toHaveLength(1000)
  })
})
