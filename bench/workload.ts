// The deterministic message workload shared by the text benchmarks: 10,000 messages, half short GSM, a quarter
// long GSM with about 4% extension characters, a quarter UCS-2 with emoji.
import { basic, extension } from '../src/core/text/Gsm7.js'

/** mulberry32: a small seeded PRNG, so every run times the same messages. */
export const prng = (seed: number) => () => {
  seed += 0x6d2b79f5
  let t = seed
  t = Math.imul(t ^ (t >>> 15), t | 1)
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}

const printable = basic
  .map(([, cp]) => String.fromCodePoint(cp))
  .filter((c) => c !== '\r' && c.charCodeAt(0) <= 0xff)
const words =
  'the of and to in is you that it he was for on are as with his they at be this have from or one had by word but not what all were we when your can said there use an each which she do how their if will up other about out many then them these so some her would make like him into time has look two more write go see number no way could people my than first water been call who oil its now find long down day did get come made may part'.split(
    ' ',
  )
const ext = extension.map(([, cp]) => String.fromCodePoint(cp))
const unicode = ['ç', '’', '“', '”', 'é', 'ü', 'ñ', '中', '文', 'ş', 'ğ', 'ı']
const emoji = ['😀', '👍', '🎉', '❤️', '🙏', '🚀']

const pick = <A>(r: () => number, xs: ReadonlyArray<A>): A => xs[Math.floor(r() * xs.length)]!

const sentence = (
  r: () => number,
  length: number,
  extShare: number,
  nonGsm: number,
  emojiShare: number,
): string => {
  let s = ''
  while (s.length < length) {
    const x = r()
    if (x < extShare) s += pick(r, ext)
    else if (x < extShare + nonGsm) s += pick(r, unicode)
    else if (x < extShare + nonGsm + emojiShare) s += pick(r, emoji)
    else if (x < 0.85) s += `${pick(r, words)} `
    else s += pick(r, printable)
  }
  return s
}

export const makeWorkload = (n = 10_000, seed = 20261122): ReadonlyArray<string> => {
  const r = prng(seed)
  const out: string[] = []
  for (let i = 0; i < n; i++) {
    const kind = i % 4
    if (kind < 2) out.push(sentence(r, 20 + Math.floor(r() * 130), 0, 0, 0))
    else if (kind === 2) out.push(sentence(r, 161 + Math.floor(r() * 800), 0.04, 0, 0))
    else out.push(sentence(r, 30 + Math.floor(r() * 300), 0.01, 0.05, 0.05))
  }
  return out
}
