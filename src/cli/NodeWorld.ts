/**
 * The real world, from Node: the process's streams, environment, standard input and signals, the file system,
 * the system clock, the Node transport and the simulator's HTTP server.
 *
 * @since 0.1.0
 */
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import * as E from 'fp-ts/lib/Either.js'
import { sleep } from '../transport/middleware.js'
import { nodeTransport } from '../transport/NodeTransport.js'
import type { Signal, World } from './World.js'

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
  replaceFile: (path, text) => replaceFile(path, text).then(E.right, (e: unknown) => E.left(reason(e))),
  removeFile: (path) => rm(path, { force: true }).then(E.right, (e: unknown) => E.left(reason(e))),
  clock: { now: () => Date.now(), sleep },
  untilSignal,
  transport: () => nodeTransport({ keepAlive: true, maxSockets: 8 }),
  // Loaded only when a command needs it: a configured gateway never starts one.
  startSimulator: async (options) => (await import('../simulator/index.js')).startSimulator(options),
})
