/**
 * Everything the program does to the world, as one record of capabilities: its streams, environment, standard
 * input, files, clock, signals, network and the embedded simulator. `main.ts` passes the real one
 * (`NodeWorld`); tests pass one held in memory, so every command runs without a process, a disk or a socket.
 *
 * @since 0.1.0
 */
import type * as E from 'fp-ts/lib/Either.js'
import type { Transport } from '../transport/Transport.js'

/**
 * A stream the program writes to; `isTTY` says whether it is a terminal (colour, the progress bar).
 *
 * @category model
 * @since 0.1.0
 */
export interface Stream {
  readonly write: (s: string) => unknown
  readonly isTTY?: boolean
}

/**
 * Account credentials, as the simulator's demo account and a configured target give them.
 *
 * @category model
 * @since 0.1.0
 */
export interface Credentials {
  readonly apiId: string
  readonly user: string
  readonly password: string
}

/**
 * A running gateway simulator, as far as the program needs it.
 *
 * @category model
 * @since 0.1.0
 */
export interface EmbeddedSimulator {
  /** `http://127.0.0.1:<port>`. */
  readonly url: string
  /** The demo account, with its REST API token (the program starts the simulator without accounts of its own). */
  readonly demo: (Credentials & { readonly restToken?: string }) | undefined
  /** What it remembers, as a JSON document to start the next one from (`SimulatorStart.state`). */
  readonly snapshot: () => unknown
  readonly close: () => Promise<void>
}

/**
 * The options the program starts a simulator with.
 *
 * @category model
 * @since 0.1.0
 */
export interface SimulatorStart {
  readonly port?: number
  readonly demoCredits?: number
  /** 16-digit voucher numbers and the credits each adds once. */
  readonly vouchers?: Readonly<Record<string, number>>
  /** A snapshot to start from; starting rejects when it is not one. */
  readonly state?: unknown
}

/**
 * The signals the program waits for.
 *
 * @category model
 * @since 0.1.0
 */
export type Signal = 'SIGINT' | 'SIGTERM'

/**
 * A clock and a sleep: the bulk rate limit and the client's waits between retries run on them.
 *
 * @category model
 * @since 0.1.0
 */
export interface Clock {
  /** Milliseconds, as `Date.now()`. */
  readonly now: () => number
  /** Resolves after `ms` milliseconds (or at once when the signal is aborted). */
  readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>
}

/**
 * A file being written, a piece at a time.
 *
 * @category model
 * @since 0.1.0
 */
export interface Writer {
  /** Writes `text` (UTF-8) after what was written before; resolves when it may write again. */
  readonly write: (text: string) => Promise<void>
  /** Finishes the file; `Left` says why it could not be written. */
  readonly close: () => Promise<E.Either<string, void>>
}

/**
 * What the program reads and writes: injected so tests can drive it.
 *
 * @category model
 * @since 0.1.0
 */
export interface World {
  readonly stdout: Stream
  readonly stderr: Stream
  readonly env: Readonly<Record<string, string | undefined>>
  /** The whole of standard input, as UTF-8; `undefined` when it is a terminal (nothing was piped in). */
  readonly readStdin: () => Promise<string | undefined>
  /** A file's text (UTF-8), or why it cannot be read. */
  readonly readFile: (path: string) => Promise<E.Either<string, string>>
  /**
   * A file's bytes as they are read, a chunk at a time, so a file of any size is read in little memory; or
   * why it cannot be opened. Reading them again reads the file again.
   */
  readonly readChunks: (path: string) => Promise<E.Either<string, AsyncIterable<Uint8Array>>>
  /**
   * A file's size in bytes (what reading it will come to, for a progress bar), or why it cannot be known. A pipe
   * or a terminal has none: `Left`.
   */
  readonly fileSize: (path: string) => Promise<E.Either<string, number>>
  /** A file to write a piece at a time (made empty first), or why it cannot be opened. */
  readonly openWriter: (path: string) => Promise<E.Either<string, Writer>>
  /**
   * Asks a question on the terminal and resolves to the answer (without its newline); `undefined` when standard
   * input is not a terminal, so there is no one to ask.
   */
  readonly ask: (question: string) => Promise<string | undefined>
  /** Writes a file's text (UTF-8), or says why it cannot. */
  readonly writeFile: (path: string, text: string) => Promise<E.Either<string, void>>
  /**
   * Writes a file whole or not at all (a file beside it, renamed over it), making its folder if need be; so two
   * runs at once leave one of their files, never a mix.
   */
  readonly replaceFile: (path: string, text: string) => Promise<E.Either<string, void>>
  /** Removes a file; a file that is not there is removed already. */
  readonly removeFile: (path: string) => Promise<E.Either<string, void>>
  readonly clock: Clock
  /** Resolves with the first of these signals the process receives. */
  readonly untilSignal: (signals: ReadonlyArray<Signal>) => Promise<Signal>
  /** A transport to the gateway, and how to close the sockets it keeps. */
  readonly transport: () => Transport & { readonly close: () => void }
  /** Starts a gateway simulator on 127.0.0.1; rejects when it cannot (the port is taken). */
  readonly startSimulator: (options: SimulatorStart) => Promise<EmbeddedSimulator>
}
