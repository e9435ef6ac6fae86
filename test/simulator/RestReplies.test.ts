import { describe, expect, it } from 'vitest'
import {
  balance,
  charge,
  errorNode,
  failure,
  statusFields,
  statusOf,
  write,
} from '../../src/simulator/RestReplies.js'

describe('RestReplies', () => {
  it('writes the same tree as JSON and as XML (lists repeated, flags 1/0, text escaped)', () => {
    const tree = {
      data: {
        message: [
          { accepted: true, to: '1' },
          { accepted: false, to: '2' },
        ],
        note: 'a<b & c',
      },
    }
    expect(write('json', 202, tree)).toEqual({
      status: 202,
      contentType: 'application/json',
      body: '{"data":{"message":[{"accepted":true,"to":"1"},{"accepted":false,"to":"2"}],"note":"a<b & c"}}',
    })
    expect(write('xml', 202, tree).body).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><response><data><message><accepted>1</accepted><to>1</to></message>' +
        '<message><accepted>0</accepted><to>2</to></message><note>a&lt;b &amp; c</note></data></response>',
    )
  })

  it.each([
    ['001', 401, 'authentication'],
    ['007', 401, 'IP lockdown'],
    ['160', 405, 'method'],
    ['161', 404, 'resource'],
    ['901', 500, 'internal error'],
    ['105', 400, 'anything else'],
  ])('error %s is HTTP %i (%s)', (code, status) => {
    expect(statusOf(code)).toBe(status)
  })

  it('writes errors with the live wording and a documentation link (quirk 19)', () => {
    expect(JSON.parse(failure('json', '105').body)).toEqual({
      error: errorNode('105', 'Invalid Destination Address'),
    })
    expect(errorNode('130', 'x').documentation).toBe('http://www.clickatell.com/help/apidocs/error/130.htm')
  })

  it('writes a balance as a string with three decimals, a charge as a number, a status zero-padded', () => {
    expect(balance(12345.5)).toEqual({ balance: '12345.500' })
    expect(charge(0.8 * 3)).toBe(2.4)
    expect(statusFields('004')).toEqual({ messageStatus: '004', description: 'Received by recipient' })
  })
})
