/**
 * The lossless replacements made, and said: what `smartEncoding` (a message option) and the CLI's
 * `--smart-encoding` do to a text before it is encoded. Only the `typographic` replacements of `Charset` (quotes,
 * dashes, spaces, ellipsis, Greek capitals that look Latin), which keep the meaning; the lossy ones change the
 * spelling and are never made for you.
 *
 * @since 0.1.0
 */
import * as O from 'fp-ts/lib/Option.js'
import { plan, suggest } from './Charset.js'

/**
 * One character replaced: where it was in the text as given (a UTF-16 index), what it was, what replaced it.
 *
 * @category model
 * @since 0.1.0
 */
export interface Replaced {
  readonly position: number
  readonly char: string
  readonly replacement: string
}

/**
 * A text with its lossless replacements made, and which they were.
 *
 * @category model
 * @since 0.1.0
 */
export interface LosslessText {
  readonly text: string
  readonly replaced: ReadonlyArray<Replaced>
}

/**
 * The text with every lossless (typographic) replacement made, as `Charset.suggest` makes them, and the list of
 * them; a text with none comes back as it is, with an empty list.
 *
 * @example
 * import { lossless } from './Lossless.js'
 * console.log(lossless('We’re open – ça va')) // { text: "We're open - ça va", replaced: [{ position: 2, char: '’', replacement: "'" }, { position: 11, char: '–', replacement: '-' }] }
 * @category constructors
 * @since 0.1.0
 */
export const lossless = (text: string): LosslessText => {
  const suggested = suggest(text)
  if (O.isNone(suggested)) return { text, replaced: [] }
  const replaced = plan(text).offenders.flatMap((o) =>
    O.isSome(o.replacement) && o.replacement.value.kind === 'typographic'
      ? [{ position: o.index, char: o.char, replacement: o.replacement.value.text }]
      : [],
  )
  return { text: suggested.value.text, replaced }
}
