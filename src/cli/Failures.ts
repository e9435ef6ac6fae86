/**
 * The failures file of a bulk run: the rows that did not go, as the CSV had them, with `outcome` and `error`
 * columns added. It can be run again as it is: the two added columns are dropped from a failures file that is
 * read again (`Layout.kept`), and replaced by fresh ones when it fails again. Written as rows fail, a piece at
 * a time, and only when one does.
 *
 * @since 0.1.0
 */
import { stringify } from 'csv-stringify/sync'
import * as E from 'fp-ts/lib/Either.js'
import type { Layout } from './Bulk.js'
import type { World, Writer } from './World.js'

/**
 * How a row did not go.
 *
 * @category model
 * @since 0.1.0
 */
export type Outcome = 'invalid' | 'rejected' | 'unknown'

/**
 * The lines of the failures CSV for rows of a layout: the header, then a row with its outcome and reason.
 *
 * @example
 * import { failureLines } from './Failures.js'
 * const lines = failureLines({ header: ['name', 'number', 'outcome', 'error'], kept: 2 } as never)
 * console.log(lines.header, lines.row(['Ann, Jr', '447900000001', 'invalid', 'old'], 'rejected', 'says "no"'))
 * // 'name,number,outcome,error\n' '"Ann, Jr",447900000001,rejected,"says ""no"""\n'
 * @category formatting
 * @since 0.1.0
 */
export const failureLines = (layout: Pick<Layout, 'header' | 'kept'>) => ({
  header: stringify([[...layout.header.slice(0, layout.kept), 'outcome', 'error']]),
  row: (values: ReadonlyArray<string>, outcome: Outcome, reason: string): string =>
    stringify([[...Array.from({ length: layout.kept }, (_, i) => values[i] ?? ''), outcome, reason]]),
})

const FLUSH_AT = 64 * 1024

/**
 * A failures file at `path`, opened on the first row added; `close` says whether any row was written, or why
 * the file could not be.
 *
 * @category constructors
 * @since 0.1.0
 */
export const failuresFile = (world: World, path: string, layout: Pick<Layout, 'header' | 'kept'>) => {
  const lines = failureLines(layout)
  let writer: E.Either<string, Writer> | undefined
  let pending: string[] = []
  let size = 0
  const flush = async (): Promise<void> => {
    if (writer === undefined || E.isLeft(writer) || pending.length === 0) return
    const text = pending.join('')
    pending = []
    size = 0
    await writer.right.write(text)
  }
  return {
    add: async (values: ReadonlyArray<string>, outcome: Outcome, reason: string): Promise<void> => {
      if (writer === undefined) {
        writer = await world.openWriter(path)
        pending.push(lines.header)
      }
      const line = lines.row(values, outcome, reason)
      pending.push(line)
      size += line.length
      if (size >= FLUSH_AT) await flush()
    },
    close: async (): Promise<E.Either<string, boolean>> => {
      if (writer === undefined) return E.right(false)
      if (E.isLeft(writer)) return writer
      await flush()
      const closed = await writer.right.close()
      return E.isLeft(closed) ? closed : E.right(true)
    },
  }
}
