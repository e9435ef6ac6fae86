import { describe, expect, it } from 'vitest'
import * as Replies from '../../src/simulator/Replies.js'

// docs/gateway.md, 'Response shapes': the live service's shapes, byte for byte.
describe('replies', () => {
  it.each([
    [Replies.ok('0123456789abcdef0123456789abcdef'), 'OK: 0123456789abcdef0123456789abcdef', 'auth'],
    [Replies.ok(''), 'OK: ', 'ping: one trailing space, no newline'],
    [Replies.ok('605'), 'OK: 605', 'token_pay'],
    [Replies.id('abc'), 'ID: abc', 'one recipient'],
    [Replies.id('abc', '447700900001'), 'ID: abc To: 447700900001', 'a line of several'],
    [Replies.error('001'), 'ERR: 001, Authentication failed', 'live wording'],
    [Replies.error('105', '12'), 'ERR: 105, Invalid Destination Address To: 12', 'live capitals'],
    [Replies.error('113'), 'ERR: 113, Max message parts exceeded', 'live wording'],
    [Replies.error('007'), 'ERR: 007, IP Lockdown violation', 'live wording'],
    [
      Replies.mtLimit(1704153600),
      'ERR: 130, Maximum MT limit exceeded until 1704153600',
      'the time in the text',
    ],
    [Replies.status('abc', '004'), 'ID: abc Status: 004', 'querymsg'],
    [Replies.credit(12), 'Credit: 12.000', 'three decimals'],
    [Replies.credit(0.1 + 0.2), 'Credit: 0.300', 'rounded'],
    [Replies.charge('abc', 0.8, '004'), 'apiMsgId: abc charge: 0.8 status: 004', 'getmsgcharge'],
    [Replies.charge('abc', 0, '001'), 'apiMsgId: abc charge: 0 status: 001', 'unknown id (quirk 3)'],
    [
      Replies.chargeByCliMsgId('c', 2.4, 'abc', '003'),
      'cliMsgId: c charge: 2.4 apiMsgId: abc status: 003',
      'by climsgid',
    ],
    [
      Replies.covered(0.33),
      'OK: This prefix is currently supported. Messages sent to this prefix will be routed. Charge: 0.33',
      'coverage',
    ],
    [Replies.done, 'OK', 'endbatch'],
    [Replies.lines(['a', 'b']), 'a\nb', 'LF between lines, none after'],
  ])('%j (%s)', (actual, expected) => {
    expect(actual).toBe(expected)
  })

  it('routeCoverage refusal has no code (quirk 4)', () => {
    expect(Replies.notCovered).toBe(
      'ERR: This prefix is not currently supported. Messages sent to this prefix will fail. Please contact support for assistance.',
    )
  })
})
