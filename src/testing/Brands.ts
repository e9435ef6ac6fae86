/**
 * The one place where the arbitraries give a value its brand (`Msisdn`, `Sender`, `MessageText`...) without
 * decoding it. The arbitraries build their values valid by construction; decoding them again would give an
 * `Either` whose `Left` could only be dropped by a filter or a throw, both of which would hide a broken
 * arbitrary instead of showing it.
 *
 * @since 0.1.0
 */
import type * as t from 'io-ts'

/**
 * The plain type a brand is put on: `string` for `Msisdn`, `number` for `MaxParts` and `0 | 1 | ... | 7`.
 *
 * @category model
 * @since 0.1.0
 */
export type Carrier<A> = A extends string ? string : A extends number ? number : never

/**
 * Gives a value built valid by construction the type `codec` decodes to. The codec is not run: it names the
 * brand, so the reader sees which rule the value keeps.
 *
 * Sound only where every value passed in passes `codec.is`. test/testing/Brands.test.ts checks that for every
 * arbitrary that calls it: each identifier and text arbitrary against its codec, `validMessage` field by field.
 *
 * @example
 * import { Msisdn } from 'clickatell-fp'
 * import { validAs } from './Brands.js'
 * const n: Msisdn.Msisdn = validAs(Msisdn.Msisdn)('447901231234')
 * console.log(Msisdn.Msisdn.is(n)) // true
 * @category branding
 * @since 0.1.0
 */
export const validAs =
  <A>(_codec: t.Decoder<unknown, A>) =>
  (value: Carrier<A>): A =>
    // A brand exists only in the type; test/testing/Brands.test.ts shows each call site earns it.
    value as unknown as A
