import { describe, expect, it } from 'vitest'
import type { Io } from '../../src/cli/Output.js'
import { bytesText, progressBar, readingBar, silent, silentReading } from '../../src/cli/Progress.js'

const io = (interactive: boolean, json: boolean): Io => ({
  out: () => undefined,
  err: () => undefined,
  json,
  color: false,
  interactive,
})

const terminal = () => {
  const written: string[] = []
  return { stream: { write: (s: string) => written.push(s), isTTY: true }, text: () => written.join('') }
}

describe('progressBar', () => {
  it.each([
    ['stderr is not a terminal', io(false, false)],
    ['the output is JSON', io(true, true)],
  ])('is silent when %s', (_case, speaking) => {
    const t = terminal()
    const bar = progressBar(speaking, t.stream, 3)
    expect(bar).toBe(silent)
    bar.update(1, 0, 1)
    bar.stop()
    expect(t.text()).toBe('')
  })

  it('draws on the stream given: done/total, failures, speed', () => {
    const t = terminal()
    const bar = progressBar(io(true, false), t.stream, 4)
    expect(t.text()).toContain('sending [')
    expect(t.text()).toContain('0/4 | failed 0 | 0/s')
    bar.update(4, 1, 250)
    bar.stop()
    expect(t.text()).toContain('4/4 | failed 1 | 250/s | 0s left')
    // The cursor is hidden while drawing and shown again at the end.
    const text = t.text()
    expect(text.indexOf('\u001b[?25l')).toBeLessThan(text.indexOf('sending ['))
    expect(text.lastIndexOf('\u001b[?25h')).toBeGreaterThan(text.lastIndexOf('4/4'))
    expect(text.endsWith('\n')).toBe(true)
  })
})

const chunksOf = async function* (sizes: ReadonlyArray<number>) {
  for (const n of sizes) yield new Uint8Array(n)
}

describe('readingBar', () => {
  it.each([
    ['stderr is not a terminal', io(false, false), 10],
    ['the output is JSON', io(true, true), 10],
    ['the size is not known', io(true, false), undefined],
    ['the file is empty', io(true, false), 0],
  ])('is silent when %s, and passes the chunks on', async (_case, speaking, size) => {
    const t = terminal()
    const bar = readingBar(speaking, t.stream, size)
    expect(bar).toBe(silentReading)
    const seen: number[] = []
    for await (const c of bar.count(chunksOf([4, 6]))) seen.push(c.length)
    bar.row()
    bar.stop()
    expect(seen).toEqual([4, 6])
    expect(t.text()).toBe('')
  })

  it('draws the bytes read of the size and the rows checked, ends at 100% and leaves the line clean', async () => {
    const t = terminal()
    const bar = readingBar(io(true, false), t.stream, 3000)
    expect(t.text()).toContain('checking [----------------] 0% | 0 B of 3.0 kB | 0 rows')
    const seen: number[] = []
    for await (const c of bar.count(chunksOf([1000, 2000]))) {
      seen.push(c.length)
      bar.row()
      bar.row()
    }
    bar.stop()
    expect(seen).toEqual([1000, 2000])
    const text = t.text()
    const end = text.lastIndexOf('checking [================] 100% | 3.0 kB of 3.0 kB | 4 rows |')
    expect(end).toBeGreaterThan(0)
    // Then the line is cleared, so what is printed next starts at column 1 of it.
    expect(text.slice(end)).toMatch(/\u001b\[1G\u001b\[2K$/)
    // The cursor never hidden nor line wrapping turned off: a read stopped by Ctrl-C leaves the terminal as it was.
    expect(text).not.toMatch(/\u001b\[\?(25|7)l/)
  })

  it('fits 80 columns for a file of 99.9 MB and 9,999,999 rows', async () => {
    const t = terminal()
    const bar = readingBar(io(true, false), t.stream, 99_900_000)
    for await (const _ of bar.count(chunksOf([99_900_000]))) for (let i = 0; i < 9_999_999; i++) bar.row()
    bar.stop()
    const line = '] 100% | 99.9 MB of 99.9 MB | 9999999 rows | 0s left'
    expect(t.text()).toContain(`checking [================${line}`)
    expect(`checking [================${line}`.length).toBeLessThanOrEqual(80)
  })

  it('a file that grew while read ends at what was read', async () => {
    const t = terminal()
    const bar = readingBar(io(true, false), t.stream, 10)
    for await (const _ of bar.count(chunksOf([10, 5]))) bar.row()
    bar.stop()
    expect(t.text()).toContain('100% | 15 B of 15 B | 2 rows |')
  })

  it('stopped part way, it shows where it stopped', async () => {
    const t = terminal()
    const bar = readingBar(io(true, false), t.stream, 100)
    let n = 0
    // The second chunk is given, but the reader stops before it is through with it.
    for await (const _ of bar.count(chunksOf([25, 25, 50]))) if (++n === 2) break
    bar.stop()
    expect(t.text()).toContain('25% | 25 B of 100 B | 0 rows |')
    expect(t.text()).not.toContain('100%')
  })
})

describe('bytesText', () => {
  it.each([
    [0, '0 B'],
    [999, '999 B'],
    [1000, '1.0 kB'],
    [999_949, '999.9 kB'],
    [1_000_000, '1.0 MB'],
    [58_888_890, '58.9 MB'],
  ])('%d bytes is %s', (n, text) => expect(bytesText(n)).toBe(text))
})
