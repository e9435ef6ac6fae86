import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { records } from '../../src/cli/Csv.js'

/** The text's UTF-8 bytes in chunks of `size`. */
const chunked = (text: string, size: number): AsyncIterable<Uint8Array> => {
  const bytes = new TextEncoder().encode(text)
  return (async function* () {
    for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size)
  })()
}

const read = async (text: string, size = 3) => {
  const out: E.Either<string, { line: number; values: ReadonlyArray<string> }>[] = []
  for await (const r of records(chunked(text, size))) out.push(r)
  return out
}

const lines = async (text: string, size = 3) =>
  (await read(text, size)).map((r) => (E.isRight(r) ? [r.right.line, ...r.right.values] : r.left))

describe('records', () => {
  it.each([
    [
      'one record a line',
      'a,b\n1,2\n3,4\n',
      [
        [1, 'a', 'b'],
        [2, '1', '2'],
        [3, '3', '4'],
      ],
    ],
    [
      'no newline at the end',
      'a,b\n1,2',
      [
        [1, 'a', 'b'],
        [2, '1', '2'],
      ],
    ],
    [
      'empty lines skipped, still counted',
      'a,b\n\n1,2\n\n\n3,4',
      [
        [1, 'a', 'b'],
        [3, '1', '2'],
        [6, '3', '4'],
      ],
    ],
    [
      'a quoted field over two lines: the next record is on line 4, not 3',
      'a,b\n"x\ny",1\nz,2\n',
      [
        [1, 'a', 'b'],
        [2, 'x\ny', '1'],
        [4, 'z', '2'],
      ],
    ],
    [
      'CRLF line ends, and a CRLF inside quotes',
      'a,b\r\n"x\r\ny",1\r\n\r\nz,2\r\n',
      [
        [1, 'a', 'b'],
        [2, 'x\r\ny', '1'],
        [5, 'z', '2'],
      ],
    ],
    [
      'a byte order mark, values trimmed',
      '\ufeffa , b\n Zoë ,1\n',
      [
        [1, 'a', 'b'],
        [2, 'Zoë', '1'],
      ],
    ],
  ])('%s', async (_case, text, expected) => {
    for (const size of [1, 2, 3, 1024]) expect(await lines(text, size)).toEqual(expected)
  })

  it('a file that is not CSV ends with a Left, however it is cut', async () => {
    for (const size of [1, 3, 1024]) {
      expect((await read('a,b\n1,2\n"open,3\n', size)).at(-1)).toEqual(
        E.left(expect.stringMatching(/quote/i)),
      )
      expect((await read('a,b\n1,2,3\n', size)).at(-1)).toEqual(
        E.left(expect.stringMatching(/record length/i)),
      )
      expect((await read(`a,b\n${'1,2\n'.repeat(100)}"x"y,1\n${'3,4\n'.repeat(100)}`, size)).at(-1)).toEqual(
        E.left(expect.any(String)),
      )
    }
  })

  it('law: the line of each record is where an editor shows it, however the bytes are cut', async () => {
    const field = fc.oneof(
      fc.stringMatching(/^[a-zë]{0,4}$/),
      fc.stringMatching(/^[a-z]{1,3}\n[a-z]{1,3}$/).map((s) => `"${s}"`),
    )
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(field, field, fc.nat(2)), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 9 }),
        async (rows, size) => {
          let text = ''
          let line = 1
          const starts: number[] = []
          for (const [a, b, blanks] of rows) {
            text += '\n'.repeat(blanks)
            line += blanks
            starts.push(line)
            const record = `${a},${b},x`
            text += `${record}\n`
            line += record.split('\n').length
          }
          expect((await read(text, size)).map((r) => E.isRight(r) && r.right.line)).toEqual(starts)
        },
      ),
    )
  })
})
