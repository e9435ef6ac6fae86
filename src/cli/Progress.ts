/**
 * The progress bars of `bulk`, on the world's stderr: one while the CSV is read and its rows checked (bytes read
 * of the file's size), one while the rows are sent. Drawn only when stderr is a terminal and the output is not
 * JSON; otherwise bars that do nothing, so the reader and the sender never ask whether there is one.
 *
 * @since 0.1.0
 */
import { SingleBar } from 'cli-progress'
import * as E from 'fp-ts/lib/Either.js'
import { type Io, plural } from './Output.js'
import type { Stream, World } from './World.js'

/**
 * A progress bar: items done, how many failed, the items per second.
 *
 * @category model
 * @since 0.1.0
 */
export interface ProgressBar {
  readonly update: (done: number, failed: number, speed: number) => void
  readonly stop: () => void
}

/**
 * A bar that draws nothing.
 *
 * @category constructors
 * @since 0.1.0
 */
export const silent: ProgressBar = { update: () => undefined, stop: () => undefined }

/**
 * Starts a bar of `total` items on `stream` (cli-progress, which writes through `stream.write` alone), or the
 * silent one when `io` is not interactive or speaks JSON.
 *
 * @example
 * import { progressBar } from './Progress.js'
 * const written: string[] = []
 * const stderr = { write: (s: string) => written.push(s), isTTY: true }
 * const bar = progressBar({ interactive: true, json: false } as never, stderr, 2)
 * bar.update(2, 0, 10)
 * bar.stop()
 * console.log(written.join('').includes('2/2 | failed 0 | 10/s')) // true
 * @category constructors
 * @since 0.1.0
 */
export const progressBar = (io: Io, stream: Stream, total: number): ProgressBar => {
  if (!io.interactive || io.json) return silent
  const bar = new SingleBar({
    format: 'sending [{bar}] {value}/{total} | failed {failed} | {speed}/s | {eta}s left',
    stream: stream as unknown as NodeJS.WritableStream,
    hideCursor: true,
  })
  bar.start(total, 0, { failed: 0, speed: 0 })
  return {
    update: (done, failed, speed) => bar.update(done, { failed, speed }),
    stop: () => bar.stop(),
  }
}

/**
 * A bar of a file being read and its rows checked: the bytes read of the file's size, and the rows so far.
 * Only two numbers are kept, so it costs nothing per row.
 *
 * @category model
 * @since 0.1.0
 */
export interface ReadingBar {
  /** The file's chunks as they are read, each counted once the reader is done with it. */
  readonly count: (chunks: AsyncIterable<Uint8Array>) => AsyncIterable<Uint8Array>
  /** One more row checked. */
  readonly row: () => void
  /** Draws where the reading ended, then takes the bar off the line, so what is printed next starts clean. */
  readonly stop: () => void
}

/**
 * A reading bar that draws nothing and passes the chunks on as they are.
 *
 * @category constructors
 * @since 0.1.0
 */
export const silentReading: ReadingBar = {
  count: (chunks) => chunks,
  row: () => undefined,
  stop: () => undefined,
}

/**
 * A number of bytes for people: `512 B`, `12.3 kB`, `47.9 MB` (powers of 1000, one decimal).
 *
 * @example
 * import { bytesText } from './Progress.js'
 * console.log([512, 12_345, 47_900_000].map(bytesText)) // ['512 B', '12.3 kB', '47.9 MB']
 * @category formatting
 * @since 0.1.0
 */
export const bytesText = (n: number): string =>
  n < 1000 ? `${n} B` : n < 1e6 ? `${(n / 1000).toFixed(1)} kB` : `${(n / 1e6).toFixed(1)} MB`

/** The rows between two updates of the bar (besides one with each chunk). */
const ROWS_A_DRAW = 1024

/**
 * Starts a bar for reading a file of `size` bytes on `stream`, or the silent one when `io` is not interactive,
 * speaks JSON, or the size is not known (a pipe has none: there is no end to show).
 *
 * @example
 * import { readingBar } from './Progress.js'
 * const written: string[] = []
 * const stderr = { write: (s: string) => written.push(s), isTTY: true }
 * const bar = readingBar({ interactive: true, json: false } as never, stderr, 4)
 * for await (const _ of bar.count((async function* () { yield new Uint8Array(4) })())) bar.row()
 * bar.stop()
 * console.log(written.join('').includes('100% | 4 B of 4 B | 1 row |')) // true
 * @category constructors
 * @since 0.1.0
 */
export const readingBar = (io: Io, stream: Stream, size: number | undefined): ReadingBar => {
  if (!io.interactive || io.json || size === undefined || size <= 0) return silentReading
  const bar = new SingleBar({
    // At most 80 columns for a file under 100 MB of under 10 million rows, whatever is left under 1,000 s.
    format: 'checking [{bar}] {percentage}% | {read} of {size} | {rows} | {eta}s left',
    barsize: 16,
    stream: stream as unknown as NodeJS.WritableStream,
    // The terminal's settings left alone (cursor shown, lines wrapped; the bar cut to its width instead): a long
    // read stopped with Ctrl-C leaves nothing to restore.
    hideCursor: false,
    linewrap: true,
    // Taken off the line at the end: the preview is printed where it was.
    clearOnComplete: true,
  })
  const at = { bytes: 0, rows: 0 }
  const rows = (): { readonly rows: string } => ({ rows: plural(at.rows, 'row') })
  const read = (): void => {
    // A file that grew while it was read ends at what was read.
    if (at.bytes > bar.getTotal()) bar.setTotal(at.bytes)
    bar.update(at.bytes, { read: bytesText(at.bytes), size: bytesText(bar.getTotal()), ...rows() })
  }
  bar.start(size, 0, { read: bytesText(0), size: bytesText(size), ...rows() })
  return {
    count: async function* (chunks) {
      for await (const chunk of chunks) {
        yield chunk
        // Counted once the reader asks for the next: by then the parser has taken it, so bytes and rows agree.
        at.bytes += chunk.length
        read()
      }
    },
    // The rows are told to the bar now and then as well (a chunk may hold thousands), as its payload alone: the
    // time left is reckoned from the bytes, and a new value with no more bytes would make it endless.
    row: () => {
      if (++at.rows % ROWS_A_DRAW === 0) bar.update(rows())
    },
    stop: () => {
      bar.update(rows())
      bar.stop()
    },
  }
}

/**
 * The reading bar of the file at `path` in `world`: its size asked for only when a bar can be drawn.
 *
 * @category constructors
 * @since 0.1.0
 */
export const readingBarOf = async (
  io: Io,
  world: Pick<World, 'stderr' | 'fileSize'>,
  path: string,
): Promise<ReadingBar> => {
  if (!io.interactive || io.json) return silentReading
  const size = await world.fileSize(path)
  return readingBar(io, world.stderr, E.isRight(size) ? size.right : undefined)
}
