// Text generators for the text core's property tests.
import fc from 'fast-check'
import { basic, extension } from '../../../src/core/text/Gsm7.js'

export const gsmBasicChars = basic.map(([, cp]) => String.fromCodePoint(cp))
export const gsmExtensionChars = extension.map(([, cp]) => String.fromCodePoint(cp))
const nonGsm = ['ç', '’', '“', '—', 'á', '\u00a0', 'Α', 'ş', '中', '\t']
const astral = ['😀', '👍🏽', '𝄞', '🇬🇧']

/** GSM-7 text with a given share of extension characters. */
export const gsmText = (maxLength = 600, extensionWeight = 1) =>
  fc
    .array(
      fc.oneof(
        { weight: 20, arbitrary: fc.constantFrom(...gsmBasicChars) },
        { weight: extensionWeight, arbitrary: fc.constantFrom(...gsmExtensionChars) },
      ),
      { maxLength },
    )
    .map((cs) => cs.join(''))

/** Any text the counting must handle: GSM, extension, non-GSM BMP, astral pairs, and lone surrogates. */
export const anyText = (maxLength = 600) =>
  fc
    .array(
      fc.oneof(
        { weight: 30, arbitrary: fc.constantFrom(...gsmBasicChars) },
        { weight: 4, arbitrary: fc.constantFrom(...gsmExtensionChars) },
        { weight: 2, arbitrary: fc.constantFrom(...nonGsm) },
        { weight: 2, arbitrary: fc.constantFrom(...astral) },
        { weight: 1, arbitrary: fc.constantFrom('\uD800', '\uDC00', '\uDBFF') },
        { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 3 }) },
      ),
      { maxLength },
    )
    .map((cs) => cs.join(''))

export const numRuns = process.env.CI ? 300 : 2000
