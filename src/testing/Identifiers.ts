/**
 * Numbers and ids as the HTTP API v2.6 takes them: destination numbers (`to`, section 5.2.1), sender ids
 * (`from`, section 5.2.3), client message ids (`climsgid`, section 5.2.13), and the gateway's own hex ids.
 * Every value passes the matching codec (`Msisdn.Msisdn`, `IdCodecs.Sender`, `IdCodecs.ClientMessageId`) and
 * has its brand for a type, so it goes without a cast wherever the library takes one.
 *
 * @since 0.1.0
 */
import * as fc from 'fast-check'
import { ClientMessageId, Sender } from '../core/message/IdCodecs.js'
import { Msisdn } from '../core/message/Msisdn.js'
import { ALNUM, clamp, DIGITS, HEX, LETTERS, oneOf, stringOf } from './Alphabets.js'
import { validAs } from './Brands.js'

/**
 * Constraints of `msisdn`.
 *
 * @category model
 * @since 0.1.0
 */
export interface MsisdnConstraints {
  /**
   * What the numbers start with: country codes such as `'44'` and `'27'`, or longer prefixes such as
   * `'4479'`. Each must be 1 to 14 digits, the first not 0; others are left out. Default (or none left): any
   * country.
   */
  readonly countryCodes?: ReadonlyArray<string>
}

const PREFIX = /^[1-9][0-9]{0,13}$/

/**
 * Destination numbers in the wire form, typed `Msisdn`: 7 to 15 digits, the first not 0, no `+` or `00`; with
 * `countryCodes`, starting with one of them.
 *
 * @example
 * import * as fc from 'fast-check'
 * import { Msisdn } from 'clickatell-fp'
 * import { msisdn } from 'clickatell-fp/testing'
 * fc.assert(fc.property(msisdn({ countryCodes: ['44', '27'] }), (n) => Msisdn.Msisdn.is(n) && /^(44|27)/.test(n)))
 * @category identifiers
 * @since 0.1.0
 */
export const msisdn = (constraints: MsisdnConstraints = {}): fc.Arbitrary<Msisdn> => {
  const given = Array.isArray(constraints.countryCodes) ? constraints.countryCodes : []
  const codes = given.filter((c): c is string => typeof c === 'string' && PREFIX.test(c))
  const prefix = codes.length > 0 ? fc.constantFrom(...codes) : oneOf('123456789')
  return prefix.chain((p) =>
    stringOf(oneOf(DIGITS), Math.max(0, 7 - p.length), 15 - p.length).map((rest) =>
      validAs(Msisdn)(p + rest),
    ),
  )
}

/**
 * Constraints of `senderId`.
 *
 * @category model
 * @since 0.1.0
 */
export interface SenderIdConstraints {
  /** `numeric`: 1 to 16 digits; `alphanumeric`: 1 to 11 letters, digits and inner spaces, one letter at least; default `any`. */
  readonly kind?: 'numeric' | 'alphanumeric' | 'any'
}

const numericSender = (): fc.Arbitrary<string> => stringOf(oneOf(DIGITS), 1, 16)

// A letter somewhere among up to ten letters, digits and spaces, with the spaces at either end removed.
const alphanumericSender = (): fc.Arbitrary<string> =>
  fc
    .tuple(
      oneOf(LETTERS),
      fc.array(fc.oneof({ weight: 5, arbitrary: oneOf(ALNUM) }, { weight: 1, arbitrary: fc.constant(' ') }), {
        maxLength: 10,
      }),
      fc.nat(),
    )
    .map(([letter, rest, at]) => {
      const i = at % (rest.length + 1)
      return [...rest.slice(0, i), letter, ...rest.slice(i)].join('').trim()
    })

/**
 * Sender ids (`from`) the `IdCodecs.Sender` codec accepts, typed `Sender`: numeric ones (1 to 16 digits) and
 * alphanumeric ones (1 to 11 letters, digits and spaces, at least one letter, no space at either end).
 *
 * @example
 * import * as fc from 'fast-check'
 * import * as IdCodecs from '../core/message/IdCodecs.js'
 * import { senderId } from 'clickatell-fp/testing'
 * fc.assert(fc.property(senderId({ kind: 'alphanumeric' }), (s) => IdCodecs.senderKind(s) === 'alphanumeric'))
 * @category identifiers
 * @since 0.1.0
 */
export const senderId = (constraints: SenderIdConstraints = {}): fc.Arbitrary<Sender> =>
  (constraints.kind === 'numeric'
    ? numericSender()
    : constraints.kind === 'alphanumeric'
      ? alphanumericSender()
      : fc.oneof(numericSender(), alphanumericSender())
  ).map(validAs(Sender))

/**
 * Constraints of `clientMessageId`.
 *
 * @category model
 * @since 0.1.0
 */
export interface ClientMessageIdConstraints {
  /** Fewest characters, 1 to 32; default 1. */
  readonly minLength?: number
  /** Most characters, 1 to 32; default 32. */
  readonly maxLength?: number
}

/**
 * Client message ids (`climsgid`), typed `ClientMessageId`: 1 to 32 letters and digits.
 *
 * @example
 * import * as fc from 'fast-check'
 * import * as IdCodecs from '../core/message/IdCodecs.js'
 * import { clientMessageId } from 'clickatell-fp/testing'
 * fc.assert(fc.property(clientMessageId(), (id) => IdCodecs.ClientMessageId.is(id)))
 * @category identifiers
 * @since 0.1.0
 */
export const clientMessageId = (
  constraints: ClientMessageIdConstraints = {},
): fc.Arbitrary<ClientMessageId> => {
  const min = clamp(1, 32, 1)(constraints.minLength)
  return stringOf(oneOf(ALNUM), min, clamp(min, 32, 32)(constraints.maxLength)).map(validAs(ClientMessageId))
}

/**
 * The gateway's ids (apimsgid, session ids, moMsgId): 32 lower-case hex digits, as the live service writes them.
 *
 * @example
 * import * as fc from 'fast-check'
 * import { hexId } from './Identifiers.js'
 * console.log(fc.sample(hexId(), 5).every((id) => /^[0-9a-f]{32}$/.test(id))) // true
 * @category identifiers
 * @since 0.1.0
 */
export const hexId = (): fc.Arbitrary<string> => stringOf(oneOf(HEX), 32, 32)
