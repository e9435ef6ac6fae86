/**
 * The progress bar of a bulk send, on the world's stderr: drawn only when stderr is a terminal and the output is
 * not JSON; otherwise a bar that does nothing, so the sender never asks whether there is one.
 *
 * @since 0.1.0
 */
import { SingleBar } from 'cli-progress'
import type { Io } from './Output.js'
import type { Stream } from './World.js'

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
