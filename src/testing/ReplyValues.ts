/**
 * The values inside the gateway's answers, each as written on the wire and as the reply holds it: ids,
 * recipients, `ERR:` records, statuses and amounts. With `quirks`, one value in four is drawn from what the
 * live service and real fixtures show beyond the specification (docs/gateway.md, 'Quirks').
 *
 * @since 0.1.0
 */
import * as fc from 'fast-check'
import { type GatewayError, gatewayError } from '../core/errors.js'
import {
  type ErrorCodeNumber,
  errorCodes,
  type StatusCode,
  type StatusCodeNumber,
  statusCodes,
  type UnknownStatusCode,
} from '../core/reply/Codes.js'
import type { Command } from '../core/request/Command.js'
import { DIGITS, HEX, oneOf, stringOf } from './Alphabets.js'
import { hexId, msisdn } from './Identifiers.js'

/**
 * `plain` values, or with `quirks` one in four from `odd`.
 *
 * @example
 * import * as fc from 'fast-check'
 * import { quirky } from './ReplyValues.js'
 * console.log(fc.sample(quirky(false, fc.constant(1), fc.constant(2)), 10).every((n) => n === 1)) // true
 * @category values
 * @since 0.1.0
 */
export const quirky = <A>(quirks: boolean, plain: fc.Arbitrary<A>, odd: fc.Arbitrary<A>): fc.Arbitrary<A> =>
  quirks ? fc.oneof({ weight: 3, arbitrary: plain }, { weight: 1, arbitrary: odd }) : plain

/**
 * An apimsgid: 32 hex digits, or (quirk 20) the 33-character one seen in the wild.
 *
 * @example
 * import * as fc from 'fast-check'
 * import { messageId } from './ReplyValues.js'
 * console.log(fc.sample(messageId(false), 5).every((id) => id.length === 32)) // true
 * @category values
 * @since 0.1.0
 */
export const messageId = (quirks: boolean): fc.Arbitrary<string> =>
  quirky(quirks, hexId(), stringOf(oneOf(HEX), 33, 33))

/**
 * A recipient as a ` To:` names it: a number, or (quirk 10) one with a leading zero (`0400000001`) or the
 * live example's `333`.
 *
 * @example
 * import * as fc from 'fast-check'
 * import { recipient } from './ReplyValues.js'
 * console.log(fc.sample(recipient(true), 50).every((to) => /^[0-9]+$/.test(to))) // true
 * @category values
 * @since 0.1.0
 */
export const recipient = (quirks: boolean): fc.Arbitrary<string> =>
  quirky(
    quirks,
    msisdn(),
    fc.oneof(
      stringOf(oneOf(DIGITS), 9, 10).map((d) => `0${d}`),
      fc.constant('333'),
    ),
  )

const errorKeys = Object.keys(errorCodes) as ReadonlyArray<ErrorCodeNumber>
const statusKeys = Object.keys(statusCodes) as ReadonlyArray<StatusCodeNumber>

/**
 * An `ERR:` record and the error it means: any documented code, with (quirks) the live wording of its
 * description (quirk 7), no zero padding or no comma (quirk 8); ` To: <to>` when `to` is given.
 *
 * @example
 * import * as fc from 'fast-check'
 * import { errorRecord } from './ReplyValues.js'
 * const [r] = fc.sample(errorRecord('sendmsg', false, '333'), 1)
 * console.log(r!.line === `ERR: ${r!.error.code}, ${r!.error.description} To: 333`) // true
 * @category values
 * @since 0.1.0
 */
export const errorRecord = (
  command: Command,
  quirks: boolean,
  to: string | undefined,
): fc.Arbitrary<{ readonly line: string; readonly error: GatewayError }> =>
  fc
    .tuple(fc.constantFrom(...errorKeys), fc.nat(), fc.boolean(), fc.boolean())
    .map(([code, at, unpadded, noComma]) => {
      const { description: spec, variants } = errorCodes[code]
      const wordings = [spec, ...variants]
      const description = quirks ? wordings[at % wordings.length]! : spec
      const written = quirks && unpadded ? String(Number(code)) : code
      const comma = quirks && noComma ? '' : ','
      return {
        line: `ERR: ${written}${comma} ${description}${to === undefined ? '' : ` To: ${to}`}`,
        error: gatewayError(command, code, description, to),
      }
    })

/**
 * A status as written and as read: a documented one zero-padded, or (quirk 9) unpadded (`4` is `004`), or one
 * no document lists, kept as unknown.
 *
 * @example
 * import * as fc from 'fast-check'
 * import { status } from './ReplyValues.js'
 * console.log(fc.sample(status(false), 20).every((s) => s.text === s.value.code)) // true
 * @category values
 * @since 0.1.0
 */
export const status = (
  quirks: boolean,
): fc.Arbitrary<{ readonly text: string; readonly value: StatusCode | UnknownStatusCode }> =>
  quirky(
    quirks,
    fc.constantFrom(...statusKeys).map((k) => ({ text: k, value: statusCodes[k] })),
    fc.oneof(
      fc.constantFrom(...statusKeys).map((k) => ({ text: String(Number(k)), value: statusCodes[k] })),
      fc.integer({ min: 15, max: 999 }).map((n) => {
        const text = String(n).padStart(3, '0')
        const value: UnknownStatusCode = {
          code: text,
          number: n,
          description: 'Unknown status',
          final: false,
          success: false,
          known: false,
        }
        return { text, value }
      }),
    ),
  )

/**
 * A whole number below 100,000 with `digits` decimals (none: no point).
 *
 * @example
 * import * as fc from 'fast-check'
 * import { decimals } from './ReplyValues.js'
 * console.log(fc.sample(decimals(3), 5).every((d) => /^[0-9]+\.[0-9]{3}$/.test(d))) // true
 * @category values
 * @since 0.1.0
 */
export const decimals = (digits: number): fc.Arbitrary<string> =>
  fc
    .tuple(fc.integer({ min: 0, max: 99_999 }), stringOf(oneOf(DIGITS), digits, digits))
    .map(([i, f]) => (digits === 0 ? `${i}` : `${i}.${f}`))

/**
 * A balance as `getbalance` writes it: three decimals live (`12.000`); with quirks (13) the fixtures' `2192.4`,
 * `12.50`, `500.00`, and a post-paid balance below zero.
 *
 * @example
 * import * as fc from 'fast-check'
 * import { balance } from './ReplyValues.js'
 * console.log(fc.sample(balance(true), 50).every((b) => Number.isFinite(Number(b)))) // true
 * @category values
 * @since 0.1.0
 */
export const balance = (quirks: boolean): fc.Arbitrary<string> =>
  quirky(
    quirks,
    decimals(3),
    fc.oneof(
      fc.constantFrom('12.000', '35.000', '12345.000', '2192.4', '12.50', '500.00', '0'),
      fc.integer({ min: 1, max: 2 }).chain(decimals),
      decimals(3).map((d) => `-${d}`),
    ),
  )

/**
 * A charge as getmsgcharge and routecoverage write it: `0`, `1`, `0.8`; with quirks (13) `0.33`, `0.300000`
 * and other decimals.
 *
 * @example
 * import * as fc from 'fast-check'
 * import { charge } from './ReplyValues.js'
 * console.log(fc.sample(charge(true), 50).every((c) => Number(c) >= 0)) // true
 * @category values
 * @since 0.1.0
 */
export const charge = (quirks: boolean): fc.Arbitrary<string> =>
  quirky(
    quirks,
    fc.constantFrom('0', '1', '0.8', '1.5'),
    fc.oneof(
      fc.constantFrom('0.33', '0.300000', '101', '2.25'),
      fc.integer({ min: 0, max: 6 }).chain(decimals),
    ),
  )
