/**
 * The `callback` parameter of a send (specification v2.6 section 5.2.5): which message statuses each value
 * 0..7 has the gateway post to your callback URL. Re-exported by `Callback`.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import { type InvalidInput, invalidInput } from '../errors.js'
import { normalise, type StatusCodeNumber } from '../reply/Codes.js'

/**
 * The values of the `callback` parameter (spec v2.6 section 5.2.5).
 *
 * @category model
 * @since 0.1.0
 */
export type CallbackValue = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7

const FINAL: ReadonlyArray<StatusCodeNumber> = ['004', '005', '007', '009', '010', '012']
const ERRORS: ReadonlyArray<StatusCodeNumber> = ['005', '007', '009', '010', '012']

/**
 * Which statuses each `callback` value delivers: the v2.6 table (docs/gateway.md, 'Callback values'). Values
 * 2 and 6, and 3 and 7, deliver the same statuses: "final" already includes every error status.
 *
 * @example
 * import { Callback } from 'clickatell-fp'
 * console.log(Callback.statusTable[1]) // ['003']
 * @category data
 * @since 0.1.0
 */
export const statusTable: { readonly [V in CallbackValue]-?: ReadonlyArray<StatusCodeNumber> } = {
  0: [],
  1: ['003'],
  2: FINAL,
  3: ['003', ...FINAL],
  4: ERRORS,
  5: ['003', ...ERRORS],
  6: FINAL,
  7: ['003', ...FINAL],
}

/**
 * Tells whether a value is one of the `callback` values 0..7 (internal: the `Callback` codec and this module's
 * lookups share it; not re-exported by `Callback`).
 *
 * @example
 * import { isCallbackValue } from './CallbackValue.js'
 * console.log(isCallbackValue(7), isCallbackValue(8), isCallbackValue('3')) // true false false
 * @category refinements
 * @since 0.1.0
 */
export const isCallbackValue = (value: unknown): value is CallbackValue =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 7

/**
 * The statuses a `callback` value delivers, or `InvalidInput` for a value outside 0..7.
 *
 * @example
 * import { Callback } from 'clickatell-fp'
 * console.log(Callback.statusesFor(4)) // { _tag: 'Right', right: ['005', '007', '009', '010', '012'] }
 * console.log(Callback.statusesFor(8)._tag) // 'Left'
 * @category lookups
 * @since 0.1.0
 */
export const statusesFor = (value: number): E.Either<InvalidInput, ReadonlyArray<StatusCodeNumber>> =>
  isCallbackValue(value)
    ? E.right(statusTable[value])
    : E.left(invalidInput([{ path: 'callback', message: 'must be an integer from 0 to 7' }]))

/**
 * Tells whether a `callback` value delivers a status (given as the gateway writes it, `'4'` or `'004'`). False
 * for a value outside 0..7.
 *
 * @example
 * import { Callback } from 'clickatell-fp'
 * console.log(Callback.delivers(3, '004'), Callback.delivers(1, '004')) // true false
 * @category lookups
 * @since 0.1.0
 */
export const delivers = (value: number, status: string): boolean =>
  isCallbackValue(value) && statusTable[value].includes(normalise(status) as StatusCodeNumber)
