import * as E from 'fp-ts/lib/Either.js'
import * as TE from 'fp-ts/lib/TaskEither.js'
import { describe, expect, it } from 'vitest'
import { configured, guarded } from '../../src/cli/Secrets.js'
import type { World } from '../../src/cli/World.js'

const worldOf = (answer: string) => {
  const out: string[] = []
  const files: string[] = []
  const world = {
    stdout: { write: (s: string) => out.push(s) },
    stderr: { write: (s: string) => out.push(s) },
    env: {},
    writeFile: async (_path: string, text: string) => {
      files.push(text)
      return E.right(undefined)
    },
    openWriter: async () =>
      E.right({
        write: async (text: string) => {
          files.push(text)
        },
        close: async () => E.right(undefined),
      }),
    transport: () => ({
      send: () => TE.right({ status: 200, headers: {}, body: answer }),
      close: () => undefined,
    }),
  } as unknown as World
  return { world, out, files }
}

describe('configured', () => {
  it.each([
    [['--password', 'p1', 'balance'], {}, ['p1']],
    [['--password=p1'], { CLICKATELL_PASSWORD: 'p2' }, ['p1', 'p2']],
    [['--url', 'http://me:p3@h/'], {}, ['p3', 'me:p3']],
    [['balance'], { CLICKATELL_URL: 'https://u@h' }, ['u']],
    [['--password', ''], {}, []],
  ])('%j %j -> %j', (argv, env, expected) => {
    expect(configured(argv, env)).toEqual(expected)
  })
})

describe('guarded', () => {
  it('scrubs every stream and file of the configured secrets', async () => {
    const { world, out, files } = worldOf('')
    const g = guarded(world, ['S3cr3t'])
    g.stdout.write('a S3cr3t b\n')
    g.stderr.write('error: S3cr%33t\n')
    await g.writeFile('f', 'x,S3cr3t\n')
    const w = await g.openWriter('f')
    if (E.isRight(w)) await w.right.write('y,S3cr3t\n')
    expect(out).toEqual(['a [redacted] b\n', 'error: [redacted]\n'])
    expect(files).toEqual(['x,[redacted]\n', 'y,[redacted]\n'])
  })

  it('a JSON document stays a document even when the secret is a word of JSON', () => {
    const { world, out } = worldOf('')
    guarded(world, ['true']).stdout.write(
      `${JSON.stringify({ ok: true, value: { said: 'it is true' } }, null, 2)}\n`,
    )
    expect(JSON.parse(out[0]!)).toEqual({ ok: true, value: { said: 'it is [redacted]' } })
  })

  it('learns the session id from an auth answer and from the requests that carry it', async () => {
    const { world, out } = worldOf('OK: abc123sess')
    const g = guarded(world, [])
    const t = g.transport()
    await t.send({ method: 'POST', url: 'http://h/http/auth', headers: {}, body: 'api_id=1' })()
    await t.send({ method: 'GET', url: 'http://h/http/ping?session_id=other42', headers: {} })()
    g.stderr.write('abc123sess other42\n')
    expect(out).toEqual(['[redacted] [redacted]\n'])
  })
})
