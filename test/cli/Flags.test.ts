import { CommanderError, Command as Program } from 'commander'
import { describe, expect, it } from 'vitest'
import { binaryOf, countryOf, isBinary, messageOptions, number, optionsOf } from '../../src/cli/Flags.js'

describe('number', () => {
  it.each([
    ['3', 3],
    ['0.25', 0.25],
    [' 7 ', 7],
    ['-1', -1],
    ['1e3', 1000],
  ])('reads %j as %d', (value, n) => {
    expect(number('--n')(value)).toBe(n)
  })

  it.each(['', '  ', 'abc', '3x', 'Infinity', 'NaN'])(
    'refuses %j as a usage error (exit code 2)',
    (value) => {
      const attempt = () => number('--max-parts')(value)
      expect(attempt).toThrow(CommanderError)
      try {
        attempt()
      } catch (e) {
        expect(e).toMatchObject({
          exitCode: 2,
          code: 'clickatell.invalidArgument',
          message: `--max-parts must be a number; got ${JSON.stringify(value)}`,
        })
      }
    },
  )
})

describe('messageOptions', () => {
  const parse = (args: ReadonlyArray<string>) =>
    messageOptions(new Program('x').exitOverride().configureOutput({ writeErr: () => undefined }))
      .parse([...args], { from: 'user' })
      .opts()

  it('declares every message flag, numbers read as numbers', () => {
    expect(
      parse([
        '--from',
        'Acme',
        '--client-id',
        'order42',
        '--max-parts',
        '3',
        '--callback',
        '7',
        '--deliver-after',
        '30',
        '--deliver-at',
        '2030-01-01T00:00:00Z',
        '--validity',
        '60',
        '--queue',
        '2',
        '--escalate',
        '--replyable',
        '--max-credits',
        '1.5',
        '--type',
        'SMS_FLASH',
        '--ucs2',
        '--bypass-dnc',
      ]),
    ).toEqual({
      from: 'Acme',
      clientId: 'order42',
      maxParts: 3,
      callback: 7,
      deliverAfter: 30,
      deliverAt: '2030-01-01T00:00:00Z',
      validity: 60,
      queue: 2,
      escalate: true,
      replyable: true,
      maxCredits: 1.5,
      type: 'SMS_FLASH',
      ucs2: true,
      bypassDnc: true,
    })
  })

  it('sets nothing for a flag not given', () => {
    expect(parse([])).toEqual({})
  })

  it('refuses a number flag that is not a number', () => {
    expect(() => parse(['--queue', 'high'])).toThrow('--queue must be a number; got "high"')
  })
})

describe('optionsOf', () => {
  it('maps each flag to its message option', () => {
    expect(
      optionsOf({
        from: 'Acme',
        clientId: 'order42',
        maxParts: 3,
        callback: 7,
        deliverAfter: 30,
        deliverAt: '1700000000',
        validity: 60,
        queue: 2,
        escalate: true,
        replyable: true,
        maxCredits: 1.5,
        type: 'SMS_FLASH',
        ucs2: true,
        bypassDnc: true,
      }),
    ).toEqual({
      from: 'Acme',
      clientMessageId: 'order42',
      maxParts: 3,
      callback: 7,
      deliverAfterMinutes: 30,
      deliverAt: 1700000000,
      validityMinutes: 60,
      queue: 2,
      escalate: true,
      replyable: true,
      maxCredits: 1.5,
      messageType: 'SMS_FLASH',
      encoding: 'ucs2',
      bypassDoNotContact: true,
    })
  })

  it('reads --deliver-at as unix seconds when all digits, else as a date', () => {
    expect(optionsOf({ deliverAt: '2030-01-01T00:00:00Z' })).toEqual({
      deliverAt: new Date('2030-01-01T00:00:00Z'),
    })
    expect(optionsOf({ deliverAt: '42' })).toEqual({ deliverAt: 42 })
  })

  it('sets nothing for flags absent, undefined or switched off', () => {
    expect(optionsOf({})).toEqual({})
    expect(
      optionsOf({ from: undefined, escalate: false, replyable: false, ucs2: false, bypassDnc: false }),
    ).toEqual({})
  })
})

describe('the flags of issue 16', () => {
  it('--require adds features by name, upper-cased', () => {
    expect(optionsOf({ require: 'flash, delivack' })).toEqual({
      requiredFeatures: { add: ['FLASH', 'DELIVACK'] },
    })
  })
  it('--country: national numbers get the code; a bad code is bad input', () => {
    const r = countryOf({ country: '27' })
    expect(r._tag === 'Right' && ['0821234567', '27821234567'].map(r.right)).toEqual([
      '27821234567',
      '27821234567',
    ])
    const id = countryOf({})
    expect(id._tag === 'Right' && id.right('0821234567')).toBe('0821234567')
    expect(countryOf({ country: '0027' })._tag).toBe('Left')
  })
  it('binaryOf and isBinary', () => {
    expect([isBinary({ udh: '00' }), isBinary({ data: 'AB' }), isBinary({ binary: true })]).toEqual([
      true,
      true,
      false,
    ])
    expect(binaryOf({ data: 'AB' })).toEqual({ data: 'AB' })
  })
})
