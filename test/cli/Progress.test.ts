import { describe, expect, it } from 'vitest'
import type { Io } from '../../src/cli/Output.js'
import { progressBar, silent } from '../../src/cli/Progress.js'

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
