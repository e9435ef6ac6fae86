/**
 * Texts of an exact number of parts, and texts that fill their parts exactly, as `Parts.count` and the
 * gateway count them (docs/gateway.md, 'Text and form encoding'): 160 septets single and 153 a part, 70
 * UTF-16 units single and 67 a part, and no escape or surrogate pair across two parts, so a part may hold 152
 * or 66 when a pair is pushed on. And the parts of binary content, counted here rather than by the library so
 * that it checks the library.
 *
 * @since 0.1.0
 */
import * as fc from 'fast-check'
import { MessageText } from '../core/message/ContentCodecs.js'
import { isGsm7, widths } from '../core/text/Gsm7.js'
import { type Encoding, limits } from '../core/text/Parts.js'
import {
  clamp,
  commonAstral,
  commonNotGsm,
  plainBasic,
  plainChar,
  plainExtension,
  ucs2Char,
} from './Alphabets.js'
import { validAs } from './Brands.js'

/**
 * Constraints of `textWithParts`.
 *
 * @category model
 * @since 0.1.0
 */
export interface PartsConstraints {
  /** `gsm7`: plain text (GSM-7 and ISO-8859-1, so `Charset.plan` agrees); `ucs2`: UCS-2. Default: either. */
  readonly encoding?: Encoding
  /** Parts the text takes, 1 to 255; default any of 1 to 4. */
  readonly parts?: number
  /** UCS-2 only: characters outside the BMP among the others; default true. */
  readonly astral?: boolean
}

/**
 * Constraints of `textOnBoundary`.
 *
 * @category model
 * @since 0.1.0
 */
export interface BoundaryConstraints extends PartsConstraints {
  /**
   * `true`: at least one part holds one unit less (152 septets, 66 units) because the next part starts with an
   * escape or surrogate pair that did not fit; `false`: every part holds exactly 153 or 67. Default: either.
   * Needs two parts or more, and for UCS-2 `astral` (a pair to push).
   */
  readonly pushed?: boolean
}

interface Layout {
  readonly single: number
  readonly part: number
  /** A character of one unit, and one of two, from a drawn character (so shrinking stays meaningful). */
  readonly one: (c: string) => string
  readonly two: (c: string) => string
  readonly width: (c: string) => number
  readonly unit: fc.Arbitrary<string>
}

const pick = (pool: ReadonlyArray<string>, c: string): string => pool[c.charCodeAt(0) % pool.length]!

const layouts = (withAstral: boolean): { readonly [E in Encoding]-?: Layout } => ({
  gsm7: {
    ...limits.gsm7,
    part: limits.gsm7.concatenated,
    one: (c) => pick(plainBasic, c),
    two: (c) => pick(plainExtension, c),
    width: (c) => widths[c.charCodeAt(0)]!,
    unit: plainChar(3),
  },
  ucs2: {
    ...limits.ucs2,
    part: limits.ucs2.concatenated,
    one: (c) => pick(commonNotGsm, c),
    two: (c) => pick(commonAstral, c),
    width: (c) => c.length,
    unit: ucs2Char(withAstral),
  },
})

/** Exactly `units` units from the drawn characters; starts with a two-unit character when `pushed`. */
const fill = (layout: Layout, units: number, pushed: boolean, drawn: ReadonlyArray<string>): string => {
  let out = pushed ? layout.two(drawn[0] ?? 'a') : ''
  let filled = pushed ? 2 : 0
  for (let i = pushed ? 1 : 0; filled < units; i++) {
    const c = drawn[i % drawn.length] ?? 'a'
    const w = layout.width(c)
    // A two-unit character that would overshoot becomes a one-unit one.
    out += filled + w <= units ? c : layout.one(c)
    filled += Math.min(w, units - filled)
  }
  return out
}

/**
 * `n` parts: every part but the last full (`part` units, or one less when the next starts with a pushed pair),
 * the last holding `last(min, max)` units, where `min` keeps a concatenated text over the single limit.
 */
const build = (
  encoding: Encoding,
  layout: Layout,
  n: number,
  pushes: ReadonlyArray<boolean>,
  drawn: ReadonlyArray<ReadonlyArray<string>>,
  last: (min: number, max: number) => number,
): string => {
  let text = ''
  let before = 0
  if (n === 1) text = fill(layout, last(1, layout.single), false, drawn[0]!)
  else {
    for (let i = 0; i < n - 1; i++) {
      const units = layout.part - (pushes[i] ? 1 : 0)
      text += fill(layout, units, i > 0 && pushes[i - 1] === true, drawn[i]!)
      before += units
    }
    const into = pushes[n - 2] === true
    const min = Math.max(into ? 2 : 1, layout.single + 1 - before)
    text += fill(layout, last(min, layout.part), into, drawn[n - 1]!)
  }
  // A UCS-2 text drawn all from GSM characters would count as GSM-7: make its first character not GSM.
  return encoding === 'ucs2' && isGsm7(text) ? layout.one(text) + text.slice(1) : text
}

const pushesFor = (
  n: number,
  pushed: boolean | undefined,
  canPush: boolean,
): fc.Arbitrary<ReadonlyArray<boolean>> => {
  const size = Math.max(0, n - 1)
  if (!canPush || pushed === false || size === 0)
    return fc.constant(Array.from({ length: size }, () => false))
  return fc
    .tuple(fc.array(fc.boolean(), { minLength: size, maxLength: size }), fc.nat())
    .map(([flags, at]) =>
      pushed === true && !flags.includes(true) ? flags.map((f, i) => f || i === at % size) : flags,
    )
}

const exact = (constraints: BoundaryConstraints | undefined, onBoundary: boolean): fc.Arbitrary<string> => {
  const c = constraints ?? {}
  const withAstral = c.astral !== false
  const encodings =
    c.encoding === 'gsm7' || c.encoding === 'ucs2' ? fc.constant(c.encoding) : fc.constantFrom('gsm7', 'ucs2')
  const counts =
    c.parts === undefined ? fc.integer({ min: 1, max: 4 }) : fc.constant(clamp(1, 255, 1)(c.parts))
  return fc.tuple(encodings, counts).chain(([encoding, n]) => {
    const layout = layouts(withAstral)[encoding]
    const canPush = encoding === 'gsm7' || withAstral
    return fc
      .tuple(
        pushesFor(n, c.pushed, canPush),
        fc.array(fc.array(layout.unit, { minLength: layout.single, maxLength: layout.single }), {
          minLength: n,
          maxLength: n,
        }),
        fc.oneof(fc.constant(-1), fc.nat()),
      )
      .map(([pushes, drawn, at]) =>
        build(encoding, layout, n, pushes, drawn, (min, max) =>
          onBoundary || at < 0 ? max : min + (at % (max - min + 1)),
        ),
      )
  })
}

/**
 * Texts that take exactly `parts` parts in `encoding`: `Parts.count(text)` gives that encoding and that many
 * parts, and so does `Charset.plan` (GSM-7 texts are plain ISO-8859-1 text). The last part holds anything from
 * one unit to a full part, close to either end more often than not; earlier parts are full, sometimes with an
 * escape or surrogate pair pushed into the next part. Each is a `MessageText`: never empty, no lone surrogate.
 *
 * @example
 * import * as fc from 'fast-check'
 * import { Parts } from 'clickatell-fp'
 * import { textWithParts } from 'clickatell-fp/testing'
 * fc.assert(fc.property(textWithParts({ encoding: 'ucs2', parts: 3 }), (text) => Parts.count(text).parts === 3))
 * @category text
 * @since 0.1.0
 */
export const textWithParts = (constraints: PartsConstraints = {}): fc.Arbitrary<MessageText> =>
  exact(constraints, false).map(validAs(MessageText))

/**
 * Texts that fill their parts exactly: `Parts.count(text)` has `parts` parts and `remaining` 0, so any character
 * more makes one more part. One part: 160 septets or 70 units. More: every part 153 septets or 67 units, or 152
 * or 66 where an escape or surrogate pair was pushed into the next part (`pushed`). Each is a `MessageText`.
 *
 * @example
 * import * as fc from 'fast-check'
 * import { Parts } from 'clickatell-fp'
 * import { textOnBoundary } from 'clickatell-fp/testing'
 * fc.assert(
 *   fc.property(textOnBoundary({ encoding: 'gsm7', parts: 2, pushed: true }), (text) =>
 *     Parts.count(text).remaining === 0 && Parts.count(`${text}a`).parts === 3,
 *   ),
 * )
 * @category text
 * @since 0.1.0
 */
export const textOnBoundary = (constraints: BoundaryConstraints = {}): fc.Arbitrary<MessageText> =>
  exact(constraints, true).map(validAs(MessageText))

/**
 * The parts binary content of `bytes` bytes takes (UDH included): one message holds 140 bytes, a part of a
 * concatenated one 134 (six go to the concatenation header). An oracle of its own, apart from `Binary`.
 *
 * @example
 * import { binaryParts } from './ExactParts.js'
 * console.log(binaryParts(140), binaryParts(141), binaryParts(268)) // 1 2 2
 * @category parts
 * @since 0.1.0
 */
export const binaryParts = (bytes: number): number => (bytes <= 140 ? 1 : Math.ceil(bytes / 134))
