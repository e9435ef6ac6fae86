// The arbitraries type their values with the core's brands (issue 13, point 6), given by one helper, `validAs`,
// that does not run the codec. Here: the types are the brands, every value of every call site of `validAs` passes
// its codec (what makes the helper sound), and the values go where the library takes the brands, without a cast.
import { fc, test } from '@fast-check/vitest'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, expectTypeOf, it } from 'vitest'
import * as ContentCodecs from '../../src/core/message/ContentCodecs.js'
import * as IdCodecs from '../../src/core/message/IdCodecs.js'
import { decode, optionCodecs } from '../../src/core/message/Message.js'
import * as MsisdnCodecs from '../../src/core/message/Msisdn.js'
import * as NumberCodecs from '../../src/core/message/NumberCodecs.js'
import { fromMessage } from '../../src/core/request/MessageParams.js'
import type {
  Client,
  ClientMessageId,
  MessageInput,
  MessageText,
  Msisdn,
  Sender,
  ValidMessage,
} from '../../src/index.js'
import { Encode } from '../../src/index.js'
import { validAs } from '../../src/testing/Brands.js'
import {
  type BrandedMessageInput,
  clientMessageId,
  msisdn,
  senderId,
  textOnBoundary,
  textWithParts,
  ucs2Text,
  validMessage,
} from '../../src/testing/index.js'

const numRuns = process.env.CI ? 100 : 200

type Check = (u: unknown) => boolean

describe('the value types are the brands, named from the root entry', () => {
  it('identifiers and texts', () => {
    expectTypeOf(msisdn()).toEqualTypeOf<fc.Arbitrary<Msisdn.Msisdn>>()
    expectTypeOf(senderId()).toEqualTypeOf<fc.Arbitrary<Sender>>()
    expectTypeOf(clientMessageId()).toEqualTypeOf<fc.Arbitrary<ClientMessageId>>()
    expectTypeOf(ucs2Text()).toEqualTypeOf<fc.Arbitrary<MessageText>>()
    expectTypeOf(textWithParts()).toEqualTypeOf<fc.Arbitrary<MessageText>>()
    expectTypeOf(textOnBoundary()).toEqualTypeOf<fc.Arbitrary<MessageText>>()
  })

  it('validMessage: a MessageInput with branded fields, which client.send and sendAll take', () => {
    expectTypeOf(validMessage()).toEqualTypeOf<fc.Arbitrary<BrandedMessageInput>>()
    expectTypeOf<BrandedMessageInput>().toExtend<MessageInput>()
    expectTypeOf<BrandedMessageInput>().toExtend<Parameters<Client.Client['send']>[0]>()
    expectTypeOf<BrandedMessageInput['to']>().toEqualTypeOf<Msisdn.Msisdn | ReadonlyArray<Msisdn.Msisdn>>()
    expectTypeOf<BrandedMessageInput['text']>().toEqualTypeOf<MessageText | undefined>()
    expectTypeOf<BrandedMessageInput['from']>().toEqualTypeOf<Sender | undefined>()
    expectTypeOf<BrandedMessageInput['clientMessageId']>().toEqualTypeOf<ClientMessageId | undefined>()
  })

  it('a brand is not a plain string: validAs takes the carrier and gives the brand', () => {
    expectTypeOf(validAs(IdCodecs.Sender)).toEqualTypeOf<(value: string) => Sender>()
    expectTypeOf(validAs(NumberCodecs.MaxParts)).toEqualTypeOf<(value: number) => NumberCodecs.MaxParts>()
    expectTypeOf<string>().not.toExtend<Msisdn.Msisdn>()
  })
})

// Every call site of `validAs`, with the codec it names. A new call site belongs here.
const branded: ReadonlyArray<readonly [string, fc.Arbitrary<unknown>, Check]> = [
  ['msisdn()', msisdn(), MsisdnCodecs.Msisdn.is],
  [
    'msisdn({ countryCodes })',
    msisdn({ countryCodes: ['1', '44', '27', '4479', '99999999999999'] }),
    MsisdnCodecs.Msisdn.is,
  ],
  ['senderId()', senderId(), IdCodecs.Sender.is],
  ['senderId({ kind: numeric })', senderId({ kind: 'numeric' }), IdCodecs.Sender.is],
  ['senderId({ kind: alphanumeric })', senderId({ kind: 'alphanumeric' }), IdCodecs.Sender.is],
  ['clientMessageId()', clientMessageId(), IdCodecs.ClientMessageId.is],
  ['clientMessageId({ minLength: 32 })', clientMessageId({ minLength: 32 }), IdCodecs.ClientMessageId.is],
  ['clientMessageId({ maxLength: 1 })', clientMessageId({ maxLength: 1 }), IdCodecs.ClientMessageId.is],
  ['ucs2Text()', ucs2Text(), ContentCodecs.MessageText.is],
  [
    'ucs2Text({ astral: false, maxLength: 1 })',
    ucs2Text({ astral: false, maxLength: 1 }),
    ContentCodecs.MessageText.is,
  ],
  ['textWithParts()', textWithParts(), ContentCodecs.MessageText.is],
  [
    'textWithParts({ ucs2, 1 part })',
    textWithParts({ encoding: 'ucs2', parts: 1 }),
    ContentCodecs.MessageText.is,
  ],
  [
    'textWithParts({ gsm7, 1 part })',
    textWithParts({ encoding: 'gsm7', parts: 1 }),
    ContentCodecs.MessageText.is,
  ],
  ['textOnBoundary()', textOnBoundary(), ContentCodecs.MessageText.is],
  [
    'textOnBoundary({ ucs2, pushed })',
    textOnBoundary({ encoding: 'ucs2', parts: 3, pushed: true }),
    ContentCodecs.MessageText.is,
  ],
]

describe('every branded value passes its codec', () => {
  it.each(branded)('%s', (_name, arbitrary, is) => {
    fc.assert(
      fc.property(arbitrary, (v) => is(v)),
      { numRuns },
    )
  })

  // Each field of a drawn message, against the codec of its brand: a `deliverAt` is a Date or unix seconds.
  const fieldCodecs: Readonly<Record<string, Check>> = {
    ...Object.fromEntries(Object.entries(optionCodecs).map(([k, c]) => [k, c.is])),
    to: (u) => (typeof u === 'string' ? MsisdnCodecs.Msisdn.is(u) : MsisdnCodecs.Recipients.is(u)),
    text: ContentCodecs.MessageText.is,
    encoding: ContentCodecs.TextEncoding.is,
    data: ContentCodecs.Hex.is,
    udh: ContentCodecs.Udh.is,
    binary: NumberCodecs.Flag.is,
    deliverAt: (u) => u instanceof Date || NumberCodecs.ScheduledTime.is(u),
  }

  it.each([
    [{ content: 'any' }, 'text and binary'],
    [{ content: 'binary', maxParts: 1 }, 'binary in one part'],
    [{ maxParts: 1, maxRecipients: 20 }, 'one part, many recipients'],
  ] as const)('validMessage(%j) (%s): each field', (constraints, _reason) => {
    fc.assert(
      fc.property(validMessage(constraints), (m) => {
        for (const [key, value] of Object.entries(m))
          expect([key, fieldCodecs[key]?.(value)]).toEqual([key, true])
      }),
      { numRuns },
    )
  })
})

describe('the values go where the library takes the brands, without a cast', () => {
  test.prop([fc.array(msisdn(), { minLength: 1, maxLength: 5 })], { numRuns })(
    'numbers: Msisdn.Recipients.encode takes a non-empty list of Msisdn',
    (numbers) => {
      const [first, ...rest] = numbers
      if (first === undefined) return
      expect(MsisdnCodecs.Recipients.encode([first, ...rest])).toEqual(numbers)
    },
  )

  test.prop([msisdn(), textWithParts({ parts: 2 }), senderId(), clientMessageId()], { numRuns })(
    'a ValidMessage built from drawn brands is planned as it is',
    (to, text, from, id) => {
      const message: ValidMessage = {
        to: [to],
        content: { _tag: 'Text', text, encoding: 'auto' },
        from,
        clientMessageId: id,
      }
      const planned = fromMessage(message)
      expect(E.isRight(planned) && planned.right.parts).toBe(2)
    },
  )

  test.prop([validMessage({ options: false, content: 'text' })], { numRuns })(
    'the fields of validMessage are what Message.decode makes of them',
    (m) => {
      const to = typeof m.to === 'string' ? [m.to] : m.to
      const [first, ...rest] = to
      if (first === undefined || m.text === undefined) throw new Error('a text message has numbers and text')
      const expected: ValidMessage = {
        to: [first, ...rest],
        content: { _tag: 'Text', text: m.text, encoding: m.encoding ?? 'auto' },
      }
      expect(decode(m)).toEqual(E.right(expected))
    },
  )

  test.prop([validMessage({ content: 'any' })], { numRuns })(
    'a BrandedMessageInput goes to Encode.sendmsg as the MessageInput it is',
    (m) => {
      expect(E.isRight(Encode.sendmsg(Encode.session('abc'))(m))).toBe(true)
    },
  )
})
