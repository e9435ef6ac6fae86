import * as E from 'fp-ts/lib/Either.js'
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
  const text = (options: Parameters<typeof fakeWorld>[0], words: ReadonlyArray<string>) =>
    textOf(fakeWorld(options), words, 'as arguments')

  it('joins the words given with spaces, and then never reads standard input', async () => {
    expect(await text({ stdin: 'unused' }, ['Hello', 'there'])).toEqual(E.right('Hello there'))
  })

  it('else reads standard input, without one final newline', async () => {
    expect(await text({ stdin: 'line 1\nline 2\r\n' }, [])).toEqual(E.right('line 1\nline 2'))
    expect(await text({ stdin: 'two\n\n' }, [])).toEqual(E.right('two\n'))
    expect(await text({ stdin: '' }, [])).toEqual(E.right(''))
  })

  it('with no words and standard input a terminal, there is no text: bad input saying how to give it', async () => {
    expect(await text({}, [])).toEqual(
      E.left({
        _tag: 'InvalidInput',
        problems: [
          {
            path: 'text',
            message: 'no text given: give it as arguments, or pipe it in (echo "Hello" | clickatell ...)',
          },
        ],
      }),
    )
  })
})
