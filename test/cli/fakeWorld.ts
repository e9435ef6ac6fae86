// A World held in memory for the CLI's tests: streams that record, files in a Map, a clock that only moves when
// something sleeps, signals sent by the test, and a transport that answers from the simulator's gateway
// (`gateway` + `handle`, no HTTP server): one configured gateway at TARGET_URL and, for each embedded simulator
// the program starts, a demo one of its own (from the state it is given, as the real one). No process, disk or
// socket.
import * as E from 'fp-ts/lib/Either.js'
import type { TaskEither } from 'fp-ts/lib/TaskEither.js'
import { run } from '../../src/cli/Program.js'
import type { Credentials, EmbeddedSimulator, Signal, SimulatorStart, World } from '../../src/cli/World.js'
import { type TransportError, transportError } from '../../src/core/errors.js'
import type { HttpRequest, HttpResponse } from '../../src/core/http.js'
import {
  commandPaths,
  Form,
  type Gateway,
  gateway,
  handle,
  manualClock,
  normalise,
  type SimulatorOptions,
} from '../../src/simulator/index.js'
import { restore, snapshot } from '../../src/simulator/Snapshot.js'

export const T0 = Date.UTC(2024, 0, 1, 12, 0, 0)
export const TARGET_URL = 'http://gateway.test'
export const ACCOUNT = { apiId: '1001', user: 'alice', password: 'pa55-word-Xq' } as const
/** The environment naming the configured gateway. */
export const TARGET_ENV = {
  CLICKATELL_URL: TARGET_URL,
  CLICKATELL_API_ID: ACCOUNT.apiId,
  CLICKATELL_USER: ACCOUNT.user,
  CLICKATELL_PASSWORD: ACCOUNT.password,
}

export interface FakeOptions {
  readonly env?: Readonly<Record<string, string | undefined>>
  /** What was piped in; none: standard input is a terminal. */
  readonly stdin?: string
  readonly files?: Readonly<Record<string, string>>
  /** Paths whose writing fails. */
  readonly readOnly?: ReadonlyArray<string>
  readonly stdoutTTY?: boolean
  readonly stderrTTY?: boolean
  /** The configured gateway's simulator options (its account is ACCOUNT with 5000 credits). */
  readonly gateway?: SimulatorOptions
  /** Commands whose requests never arrive (a network failure). */
  readonly down?: ReadonlyArray<string>
  /** Commands the gateway carries out, whose answers are lost on the way back. */
  readonly lost?: ReadonlyArray<string>
  /** Makes starting a simulator reject with this message. */
  readonly simulatorFails?: string
  /** Standard input is a terminal where someone answers every question so; none: not a terminal. */
  readonly answer?: string
  /** Files have no size (as a pipe has none). */
  readonly sizeUnknown?: boolean
  /** The size of the chunks a file is read in (default 7 bytes, to cut records and characters apart). */
  readonly chunkBytes?: number
}

export interface FakeWorld extends World {
  readonly stdoutText: () => string
  readonly stderrText: () => string
  readonly files: Map<string, string>
  /** The gateway behind TARGET_URL. */
  readonly target: Gateway
  /** Every gateway by origin: TARGET_URL's and the embedded simulators'. */
  readonly gateways: Map<string, Gateway>
  /** The commands received, in order. */
  readonly received: string[]
  readonly simulators: { started: SimulatorStart[]; closed: number }
  readonly transports: { made: number; closed: number }
  /** The signals the program waits for, once it waits. */
  readonly waitingFor: () => ReadonlyArray<Signal> | undefined
  readonly signal: (s: Signal) => void
  readonly now: () => number
  readonly slept: number[]
  /** The questions asked on the terminal. */
  readonly asked: string[]
  /** How many times each file was read in chunks. */
  readonly reads: Map<string, number>
}

const gatewayOf = (options: SimulatorOptions): Gateway => {
  const config = normalise({ clock: manualClock(T0), ...options })
  if (E.isLeft(config)) throw new Error(JSON.stringify(config.left))
  return gateway(config.right)
}

const byteLength = (text: string): number => new TextEncoder().encode(text).length

const HTML = { 'content-type': 'text/html; charset=UTF-8' }

/** The gateway's answer to a request, as the simulator's HTTP server gives it (status 200, errors included). */
const answer = (gw: Gateway, request: HttpRequest, command: string): HttpResponse => {
  const params = new Map<string, string>()
  const duplicates: string[] = []
  const url = new URL(request.url)
  if (url.search !== '') Form.decodeInto(params, duplicates)(url.search.slice(1))
  if (request.body !== undefined) Form.decodeInto(params, duplicates)(request.body)
  const body = handle(gw, {
    command: command as never,
    method: request.method === 'GET' ? 'GET' : 'POST', // the HTTP API's commands only: no DELETE here
    params,
    duplicates,
    ip: '127.0.0.1',
    formEncoded: true,
  })
  return { status: 200, headers: HTML, body }
}

export const fakeWorld = (options: FakeOptions = {}): FakeWorld => {
  const out: string[] = []
  const err: string[] = []
  const files = new Map(Object.entries(options.files ?? {}))
  const target = gatewayOf({
    accounts: [{ ...ACCOUNT, credits: 5000 }],
    vouchers: { '1234567890123456': 50 },
    ...options.gateway,
  })
  const gateways = new Map<string, Gateway>([[TARGET_URL, target]])
  const received: string[] = []
  const simulators = { started: [] as SimulatorStart[], closed: 0 }
  const transports = { made: 0, closed: 0 }
  let now = T0
  const slept: number[] = []
  const asked: string[] = []
  const reads = new Map<string, number>()
  let waiting: { signals: ReadonlyArray<Signal>; resolve: (s: Signal) => void } | undefined

  const send = (request: HttpRequest): TaskEither<TransportError, HttpResponse> => {
    return async () => {
      const url = new URL(request.url)
      const gw = gateways.get(url.origin)
      const command = commandPaths.get(url.pathname)
      if (gw === undefined || command === undefined || options.down?.includes(command))
        return E.left(transportError('network', `connect ECONNREFUSED ${url.origin}`))
      received.push(command)
      const response = answer(gw, request, command)
      return options.lost?.includes(command)
        ? E.left(transportError('network', 'socket hang up'))
        : E.right(response)
    }
  }

  const startSimulator = async (o: SimulatorStart): Promise<EmbeddedSimulator> => {
    if (options.simulatorFails !== undefined) throw new Error(options.simulatorFails)
    simulators.started.push(o)
    const { state, ...rest } = o
    const made = gatewayOf({ seed: simulators.started.length, ...rest })
    const restored = state === undefined ? E.right(made) : restore(made, state)
    if (E.isLeft(restored)) throw new Error(`clickatell-fp simulator: ${JSON.stringify(restored.left)}`)
    const gw = restored.right
    const url = `http://127.0.0.1:${o.port ?? 40_000 + simulators.started.length}`
    gateways.set(url, gw)
    const demo: Credentials | undefined = gw.config.demo
    return {
      url,
      demo,
      snapshot: () => snapshot(gw),
      close: async () => {
        simulators.closed++
      },
    }
  }

  return {
    stdout: { write: (s) => out.push(s), isTTY: options.stdoutTTY === true },
    stderr: { write: (s) => err.push(s), isTTY: options.stderrTTY === true },
    env: options.env ?? {},
    readStdin: async () => options.stdin,
    readFile: async (path) => {
      const text = files.get(path)
      return text === undefined ? E.left(`ENOENT: no such file or directory, open '${path}'`) : E.right(text)
    },
    writeFile: async (path, text) => {
      if (options.readOnly?.includes(path)) return E.left(`EACCES: permission denied, open '${path}'`)
      files.set(path, text)
      return E.right(undefined)
    },
    readChunks: async (path) => {
      const text = files.get(path)
      if (text === undefined) return E.left(`ENOENT: no such file or directory, open '${path}'`)
      const bytes = new TextEncoder().encode(text)
      const size = options.chunkBytes ?? 7
      return E.right({
        async *[Symbol.asyncIterator]() {
          reads.set(path, (reads.get(path) ?? 0) + 1)
          for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size)
        },
      })
    },
    fileSize: async (path) => {
      const text = files.get(path)
      if (text === undefined) return E.left(`ENOENT: no such file or directory, stat '${path}'`)
      return options.sizeUnknown === true ? E.left(`${path} is not a file`) : E.right(byteLength(text))
    },
    openWriter: async (path) => {
      if (options.readOnly?.includes(path)) return E.left(`EACCES: permission denied, open '${path}'`)
      const pieces: string[] = []
      files.set(path, '')
      return E.right({
        write: async (text) => {
          pieces.push(text)
        },
        close: async () => {
          files.set(path, pieces.join(''))
          return E.right(undefined)
        },
      })
    },
    ask: async (question) => {
      if (options.answer === undefined) return undefined
      asked.push(question)
      return options.answer
    },
    replaceFile: async (path, text) => {
      if (options.readOnly?.includes(path)) return E.left(`EACCES: permission denied, open '${path}'`)
      files.set(path, text)
      return E.right(undefined)
    },
    removeFile: async (path) => {
      if (options.readOnly?.includes(path)) return E.left(`EACCES: permission denied, unlink '${path}'`)
      files.delete(path)
      return E.right(undefined)
    },
    clock: {
      now: () => now,
      sleep: async (ms) => {
        slept.push(ms)
        now += Math.max(0, ms)
      },
    },
    untilSignal: (signals) =>
      new Promise((resolve) => {
        waiting = { signals, resolve }
      }),
    transport: () => {
      transports.made++
      return {
        send,
        close: () => {
          transports.closed++
        },
      }
    },
    startSimulator,
    stdoutText: () => out.join(''),
    stderrText: () => err.join(''),
    files,
    target,
    gateways,
    received,
    simulators,
    transports,
    waitingFor: () => waiting?.signals,
    signal: (s) => {
      if (waiting?.signals.includes(s)) waiting.resolve(s)
    },
    now: () => now,
    slept,
    asked,
    reads,
  }
}

/** Runs the program in a fresh fake world (the configured gateway unless `env` says otherwise). */
export const cli = async (args: ReadonlyArray<string>, options: FakeOptions = {}) => {
  const world = fakeWorld({ env: TARGET_ENV, ...options })
  const code = await run(args, world)
  return { code, out: world.stdoutText(), err: world.stderrText(), world }
}
