import { describe, expect, it } from 'vitest'
import { contextOf, ioOf, textOf } from '../../src/cli/Context.js'
import { fakeWorld } from './fakeWorld.js'

describe('ioOf', () => {
  it('writes lines to the world: out to stdout, err to stderr', () => {
    const world = fakeWorld()
    const io = ioOf(world, {})
    io.out('one')
    io.err('two')
    expect([world.stdoutText(), world.stderrText()]).toEqual(['one\n', 'two\n'])
  })

  it.each([
    ['a terminal', { stdoutTTY: true }, {}, true],
    ['not a terminal', { stdoutTTY: false }, {}, false],
    ['--no-color', { stdoutTTY: true }, { color: false }, false],
    ['NO_COLOR set, even empty', { stdoutTTY: true, env: { NO_COLOR: '' } }, {}, false],
  ])('colour on %s: %s', (_case, options, flags, color) => {
    expect(ioOf(fakeWorld(options), flags).color).toBe(color)
  })

  it('--json, and interactive when stderr is a terminal', () => {
    expect(ioOf(fakeWorld(), { json: true })).toMatchObject({ json: true, interactive: false })
    expect(ioOf(fakeWorld({ stderrTTY: true }), {})).toMatchObject({ json: false, interactive: true })
  })
})

describe('contextOf', () => {
  it('keeps the target flags given, and only those', () => {
    const world = fakeWorld()
    expect(contextOf(world, { json: true, url: 'http://x.test', password: 'p' }).target).toEqual({
      url: 'http://x.test',
      password: 'p',
    })
    expect(contextOf(world, { apiId: '1', user: 'u' }).target).toEqual({ apiId: '1', user: 'u' })
    expect(contextOf(world, {}).target).toEqual({})
    expect(contextOf(world, {}).world).toBe(world)
  })
})

describe('textOf', () => {
  it('joins the words given with spaces, and then never reads standard input', async () => {
    expect(await textOf(fakeWorld({ stdin: 'unused' }), ['Hello', 'there'])).toBe('Hello there')
  })

  it('else reads standard input, without one final newline', async () => {
    expect(await textOf(fakeWorld({ stdin: 'line 1\nline 2\r\n' }), [])).toBe('line 1\nline 2')
    expect(await textOf(fakeWorld({ stdin: 'two\n\n' }), [])).toBe('two\n')
    expect(await textOf(fakeWorld(), [])).toBe('')
  })
})
