// An obviously correct (and slow) model of the counting rules, to compare the fast code with.
import { basic, extension } from '../../../src/core/text/Gsm7.js'

const BASIC = new Set(basic.map(([, cp]) => cp))
const EXT = new Set(extension.map(([, cp]) => cp))

/** Characters as the units that may not be split: a surrogate pair stays whole, a lone surrogate is alone. */
export const characters = (text: string): string[] => {
  const out: string[] = []
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    const d = text.charCodeAt(i + 1)
    if (c >= 0xd800 && c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
      out.push(text.slice(i, i + 2))
      i++
    } else out.push(text[i]!)
  }
  return out
}

export const isGsm = (text: string): boolean =>
  characters(text).every((ch) => BASIC.has(ch.codePointAt(0)!) || EXT.has(ch.codePointAt(0)!))

export const cost = (ch: string, gsm: boolean): number =>
  gsm ? (EXT.has(ch.codePointAt(0)!) ? 2 : 1) : ch.length

/** Greedy packing of whole characters into parts of `size` units. */
export const pack = (chars: string[], unit: (ch: string) => number, size: number): string[][] => {
  const parts: string[][] = []
  let current: string[] = []
  let fill = 0
  for (const ch of chars) {
    const w = unit(ch)
    if (fill + w > size) {
      parts.push(current)
      current = []
      fill = 0
    }
    current.push(ch)
    fill += w
  }
  if (current.length > 0) parts.push(current)
  return parts
}

export const referenceCount = (text: string, forceUcs2 = false) => {
  const gsm = !forceUcs2 && isGsm(text)
  const chars = characters(text)
  const unit = (ch: string) => cost(ch, gsm)
  const units = chars.reduce((s, ch) => s + unit(ch), 0)
  const single = gsm ? 160 : 70
  const per = gsm ? 153 : 67
  if (units <= single)
    return {
      encoding: gsm ? 'gsm7' : 'ucs2',
      units,
      parts: units === 0 ? 0 : 1,
      perPart: single,
      remaining: single - units,
    }
  const parts = pack(chars, unit, per)
  const last = parts[parts.length - 1]!.reduce((s, ch) => s + unit(ch), 0)
  return { encoding: gsm ? 'gsm7' : 'ucs2', units, parts: parts.length, perPart: per, remaining: per - last }
}
