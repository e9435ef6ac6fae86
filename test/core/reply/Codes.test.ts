import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import {
  errorCode,
  errorCodes,
  isErrorCodeNumber,
  isRetryable,
  isStatusCodeNumber,
  limitResetsAt,
  normalise,
  statusCode,
  statusCodes,
  statusValue,
} from '../../../src/core/reply/Codes.js'

const numRuns = process.env.CI ? 200 : 1000

// docs/gateway.md, 'Error codes': every code, its spec description and the category we give it.
describe('error codes', () => {
  it.each([
    ['001', 'Authentication failed', 'auth', 'also returned for a stale session (quirk 2)'],
    ['002', 'Unknown username or password', 'auth', 'v2.6 adds a full stop'],
    ['003', 'Session ID expired', 'auth', 'spec; live sends 001'],
    ['004', 'Account frozen', 'auth', 'v2.3.8 only'],
    ['005', 'Missing session ID', 'auth', 'spec'],
    ['007', 'IP Lockdown violation', 'auth', 'spec and live'],
    ['100', 'Data malformed (JSON/XML invalid)', 'rest', 'REST only'],
    ['101', 'Invalid or missing parameters', 'input', 'spec'],
    ['102', 'Invalid user data header', 'input', 'spec'],
    ['103', 'Unknown API message ID', 'input', 'spec; live querymsg answers Status: 001'],
    ['104', 'Unknown client message ID', 'input', 'spec'],
    ['105', 'Invalid destination address', 'input', 'live capitalises it'],
    ['106', 'Invalid source address', 'input', 'spec'],
    ['107', 'Empty message', 'input', 'spec'],
    ['108', 'Invalid or missing API ID', 'auth', 'a credential'],
    ['109', 'Missing message ID', 'input', 'spec'],
    ['110', 'Error with email message', 'input', 'v2.3.8 only'],
    ['111', 'Invalid protocol', 'input', 'v2.3.8 only'],
    ['112', 'Invalid message type', 'input', 'v2.3.8 only'],
    ['113', 'Maximum message parts exceeded', 'input', 'live: Max message parts exceeded'],
    ['114', 'Cannot route message', 'routing', 'spec and live'],
    ['115', 'Message expired', 'routing', 'spec'],
    ['116', 'Invalid Unicode data', 'input', 'spec'],
    ['120', 'Invalid delivery time', 'input', 'REST list disagrees'],
    ['121', 'Destination mobile number blocked', 'routing', 'spec'],
    ['122', 'Destination mobile opted out', 'routing', 'spec'],
    ['123', 'Invalid Sender ID', 'input', 'spec'],
    ['124', 'Missing OTP tag', 'otp', 'OTP API'],
    ['125', 'apiMsgId (API Message ID) does not match api_id or dest_addr', 'otp', 'OTP API'],
    ['126', 'OTP password does not match', 'otp', 'OTP API'],
    ['127', 'OTP expired', 'otp', 'OTP API'],
    ['128', 'Number delisted', 'routing', 'live with To:'],
    ['130', 'Maximum MT limit exceeded until <UNIX TIME STAMP>', 'limit', 'carries a time'],
    ['160', 'HTTP method is not supported on this resource', 'rest', 'REST only'],
    ['161', 'Resource does not exist', 'rest', 'REST only'],
    ['165', 'Invalid or no version header specified', 'rest', 'REST only'],
    ['166', 'Invalid accept header specified', 'rest', 'REST only'],
    ['167', 'Invalid or no content-type specified', 'rest', 'REST only'],
    ['201', 'Invalid batch ID', 'batch', 'spec'],
    ['202', 'No batch template', 'batch', 'spec'],
    ['250', 'Destination address is on DNC list - Do not contact receiver', 'routing', 'new in v2.6'],
    ['301', 'No credit left', 'credit', 'spec'],
    ['302', 'Max allowed credit', 'credit', 'v2.3.8 only'],
    ['901', 'Internal error', 'server', 'the only retryable code'],
  ])('%s is %s (%s): %s', (code, description, category) => {
    const entry = errorCode(code)
    expect(entry).toMatchObject({ code, description, category, known: true, retryable: code === '901' })
  })

  it('has all 44 codes, each keyed by its own code', () => {
    expect(Object.keys(errorCodes)).toHaveLength(44)
    for (const [key, entry] of Object.entries(errorCodes)) expect(entry.code).toBe(key)
  })

  it.each([
    ['105', 'Invalid Destination Address', 'live wording'],
    ['113', 'Max message parts exceeded', 'live log wording'],
    ['001', 'Authentication failed.', 'Sisal fixture'],
    ['301', 'No Credit Left', 'bellville README'],
    ['003', 'Session ID Expired', 'bellville'],
  ])('%s keeps the variant %s (%s)', (code, variant) => {
    const entry = errorCode(code)
    expect(entry.known && entry.variants).toContain(variant)
  })

  it.each([
    ['1', '001', 'no zero padding (quirk 8)'],
    ['0001', '001', 'Kolmisoft four-digit spelling'],
    [' 105 ', '105', 'surrounding spaces'],
    ['901', '901', 'already normal'],
  ])('reads %j as %s: %s', (raw, code) => {
    expect(errorCode(raw).code).toBe(code)
    expect(errorCode(raw).known).toBe(true)
  })

  it.each([
    ['999', 'unlisted number'],
    ['', 'empty'],
    ['abc', 'not a number'],
    ['1000', 'four significant digits'],
    ['__proto__', 'an Object.prototype name'],
    ['toString', 'an Object.prototype method'],
  ])('keeps the raw code of an unknown %j (%s)', (raw) => {
    expect(errorCode(raw)).toEqual({
      code: raw,
      known: false,
      category: 'unknown',
      retryable: false,
      description: 'Unknown error code',
    })
  })

  test.prop([fc.string({ unit: 'binary' })], { numRuns })(
    'errorCode never throws and keeps the raw code',
    (s) => {
      const e = errorCode(s)
      if (!e.known) expect(e.code).toBe(s)
      else expect(isErrorCodeNumber(e.code)).toBe(true)
    },
  )
})

// The retry rule reads the table: a code is retryable exactly when its entry says so.
describe('isRetryable', () => {
  it.each<[string, boolean, string]>([
    ['901', true, 'internal error, "please retry"'],
    ['0901', true, 'read as errorCode reads it, over-padded'],
    [' 901 ', true, 'surrounding spaces'],
    ['001', false, 'auth: the client re-authenticates, it does not repeat blindly'],
    ['003', false, 'session expired: the client business, not a repeat'],
    ['105', false, 'a bad number fails again unchanged'],
    ['301', false, 'no credit fails again unchanged'],
    ['130', false, 'limit: waits for limitResetsAt, not a repeat'],
    ['999', false, 'unlisted'],
    ['', false, 'routecoverage writes ERR: without a code (quirk 4)'],
    ['91', false, 'not 901'],
  ])('%j -> %s (%s)', (code, retryable) => {
    expect(isRetryable(code)).toBe(retryable)
  })

  it.each(Object.values(errorCodes).map((e) => [e.code, e.retryable]))(
    'the table entry of %s says %s, and so does isRetryable',
    (code, retryable) => {
      expect(isRetryable(code)).toBe(retryable)
    },
  )

  test.prop([fc.string({ unit: 'binary', maxLength: 8 })], { numRuns })(
    'isRetryable is the retryable of errorCode',
    (s) => {
      expect(isRetryable(s)).toBe(errorCode(s).retryable)
    },
  )
})

// docs/gateway.md, 'Message statuses' with the spec's hex column (0x00A for 010, 0x00E for 014).
describe('message statuses', () => {
  it.each([
    ['001', 1, '0x001', 'Message unknown', false, false],
    ['002', 2, '0x002', 'Message queued', false, false],
    ['003', 3, '0x003', 'Delivered to gateway', false, true],
    ['004', 4, '0x004', 'Received by recipient', true, true],
    ['005', 5, '0x005', 'Error with message', true, false],
    ['006', 6, '0x006', 'User cancelled message delivery', true, false],
    ['007', 7, '0x007', 'Error delivering message', true, false],
    ['008', 8, '0x008', 'OK', false, false],
    ['009', 9, '0x009', 'Routing error', true, false],
    ['010', 10, '0x00A', 'Message expired', true, false],
    ['011', 11, '0x00B', 'Message queued for later delivery', false, false],
    ['012', 12, '0x00C', 'Out of credit', true, false],
    ['013', 13, '0x00D', 'Clickatell cancelled message delivery', true, false],
    ['014', 14, '0x00E', 'Maximum MT limit exceeded', true, false],
  ])('%s is decimal %i (%s) %s, final %s, success %s', (code, number, hex, description, final, success) => {
    expect(statusCode(code)).toMatchObject({ code, number, hex, description, final, success, known: true })
  })

  it('has all 14 statuses', () => {
    expect(Object.keys(statusCodes)).toHaveLength(14)
    for (const [key, entry] of Object.entries(statusCodes)) expect(entry.code).toBe(key)
  })

  it.each([
    ['8', '008', 'unpadded'],
    ['08', '008', 'decimal, never octal (quirk 9)'],
    ['010', '010', 'ten, not octal eight'],
    ['0010', '010', 'over-padded'],
  ])('reads %j as %s (%s)', (raw, code) => {
    expect(statusCode(raw).code).toBe(code)
  })

  it.each<[string, number | undefined, string]>([
    ['099', 99, 'unlisted number'],
    ['015', 15, 'next after the last'],
    ['x', undefined, 'not a number'],
  ])('keeps an unknown status %j with its number %s (%s)', (raw, number) => {
    const s = statusCode(raw)
    expect(s).toMatchObject({ code: raw, known: false, final: false, success: false })
    expect(s.known ? undefined : s.number).toBe(number)
  })

  test.prop([fc.string({ unit: 'binary' })], { numRuns })('statusCode never throws', (s) => {
    const st = statusCode(s)
    expect(st.known ? isStatusCodeNumber(st.code) : st.code === s).toBe(true)
  })
})

describe('normalise', () => {
  it.each([
    ['1', '001', 'unpadded (quirk 8)'],
    ['0001', '001', 'over-padded'],
    ['010', '010', 'decimal ten keeps its padding'],
    ['0', '000', 'zero'],
    ['000', '000', 'zero, padded'],
    ['1234', '1234', 'four significant digits stay four'],
    [' 105\t', '105', 'blanks trimmed'],
    ['x1', 'x1', 'not digits: unchanged'],
    ['１', '１', 'a full-width digit is not an ASCII digit'],
    ['', '', 'empty'],
  ])('%j -> %j (%s)', (raw, normal) => {
    expect(normalise(raw)).toBe(normal)
  })
})

describe('statusValue', () => {
  it.each<[string | undefined, string | undefined, boolean | undefined, string]>([
    ['004', '004', true, 'a listed status'],
    ['4', '004', true, 'unpadded'],
    ['099', '099', false, 'unlisted digits are kept as unknown'],
    ['123456789', '123456789', false, 'nine digits'],
    ['1234567890', undefined, undefined, 'ten digits are not a status'],
    ['4a', undefined, undefined, 'not digits'],
    [' 004', undefined, undefined, 'a blank is not a digit'],
    ['', undefined, undefined, 'empty'],
    [undefined, undefined, undefined, 'absent'],
  ])('%j -> %j known %s (%s)', (value, code, known) => {
    const s = statusValue(value)
    expect(s?.code).toBe(code)
    expect(s?.known).toBe(known)
  })
})

describe('limitResetsAt', () => {
  it.each<[string, string | undefined, string]>([
    ['Maximum MT limit exceeded until 1700000000', '2023-11-14T22:13:20.000Z', 'unix time at the end'],
    ['Maximum MT limit exceeded until <UNIX TIME STAMP>', undefined, 'the spec placeholder'],
    ['Maximum MT limit exceeded until 12', undefined, 'too short to be a time'],
  ])('%j gives %s (%s)', (description, iso) => {
    expect(limitResetsAt(description)?.toISOString()).toBe(iso)
  })
})
