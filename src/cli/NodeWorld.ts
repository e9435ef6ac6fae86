/**
 * The real world, from Node: the process's streams, environment, standard input and signals, the file system,
 * the system clock, the Node transport and the simulator's HTTP server. The transport, the timers and the
 * simulator are loaded when first used, so a command that needs none of them (`preview`) starts without them.
 *
 * @since 0.1.0
 */
import { mkdir, open, readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import * as E from 'fp-ts/lib/Either.js'
import type { Transport } from '../transport/Transport.js'
import type { Signal, World, Writer } from './World.js'

const readStdin = async (): Promise<string | undefined> => {
  if (process.stdin.isTTY) return undefined
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

const reason = (e: unknown): string => (e instanceof Error ? e.message : String(e))

const replaceFile = async (path: string, text: string): Promise<void> => {
  await mkdir(dirname(path), { recursive: true })
  const beside = `${path}.${process.pid}.tmp`
  await writeFile(beside, text)
  await rename(beside, path)
}

const readChunks = async (path: string): Promise<E.Either<string, AsyncIterable<Uint8Array>>> => {
  try {
    // Opened here, so a file that is not there is a Left rather than a failure in the middle of reading.
    const handle = await open(path, 'r')
    return E.right(handle.createReadStream({ highWaterMark: 256 * 1024 }))
  } catch (e) {
    return E.left(reason(e))
  }
}

const fileSize = async (path: string): Promise<E.Either<string, number>> => {
  try {
    const s = await stat(path)
    return s.isFile() ? E.right(s.size) : E.left(`${path} is not a file: its size is not known`)
  } catch (e) {
    return E.left(reason(e))
  }
}

const openWriter = async (path: string): Promise<E.Either<string, Writer>> => {
  try {
    const handle = await open(path, 'w')
    let failed: string | undefined
    return E.right({
      write: async (text) => {
        if (failed === undefined) await handle.write(text).catch((e: unknown) => (failed = reason(e)))
      },
      close: async () => {
        await handle.close().catch((e: unknown) => (failed ??= reason(e)))
        return failed === undefined ? E.right(undefined) : E.left(failed)
      },
    })
  } catch (e) {
    return E.left(reason(e))
  }
}

const ask = async (question: string): Promise<string | undefined> => {
  if (process.stdin.isTTY !== true) return undefined
  const { createInterface } = await import('node:readline/promises')
  const terminal = createInterface({ input: process.stdin, output: process.stderr })
  try {
    return await terminal.question(question)
  } finally {
    terminal.close()
  }
}

/** The Node transport with keep-alive, loaded by the first request. */
const transport = (): Transport & { readonly close: () => void } => {
  const made = import('../transport/NodeTransport.js').then((m) =>
    m.nodeTransport({ keepAlive: true, maxSockets: 8 }),
  )
  return {
    send: (request) => async () => (await made).send(request)(),
    close: () => {
      void made.then((t) => t.close())
    },
  }
}

const sleep = async (ms: number, signal?: AbortSignal): Promise<void> =>
  (await import('../transport/middleware.js')).sleep(ms, signal)

const untilSignal = (signals: ReadonlyArray<Signal>): Promise<Signal> =>
  new Promise((resolve) => {
    const handlers = signals.map((signal) => {
      const handler = (): void => {
        for (const [s, h] of handlers) process.off(s, h)
        resolve(signal)
      }
      process.once(signal, handler)
      return [signal, handler] as const
    })
  })

/**
 * The world of a `clickatell` process.
 *
 * @example
 * import { nodeWorld } from './NodeWorld.js'
 * console.log(nodeWorld().stdout === process.stdout) // true
 * @category constructors
 * @since 0.1.0
 */
export const nodeWorld = (): World => ({
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  readStdin,
  readFile: (path) => readFile(path, 'utf8').then(E.right, (e: unknown) => E.left(reason(e))),
  writeFile: (path, text) => writeFile(path, text).then(E.right, (e: unknown) => E.left(reason(e))),
  readChunks,
  fileSize,
  openWriter,
  ask,
  replaceFile: (path, text) => replaceFile(path, text).then(E.right, (e: unknown) => E.left(reason(e))),
  removeFile: (path) => rm(path, { force: true }).then(E.right, (e: unknown) => E.left(reason(e))),
  clock: { now: () => Date.now(), sleep },
  untilSignal,
  transport,
  // Loaded only when a command needs it: a configured gateway never starts one.
  startSimulator: async (options) => (await import('../simulator/index.js')).startSimulator(options),
})
