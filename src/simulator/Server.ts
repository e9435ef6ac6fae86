/**
 * Starting and stopping a simulator: the HTTP server on 127.0.0.1 (keep-alive on) answering every command of
 * the HTTP API v2.6 at its real path, GET and POST (see `Exchange`), the timer or clock listener that moves
 * message statuses, and the callback sender.
 *
 * @since 0.1.0
 */
import * as http from 'node:http'
import type { AddressInfo } from 'node:net'
import * as E from 'fp-ts/lib/Either.js'
import { type InvalidInput, invalidInput } from '../core/errors.js'
import { type Clock, isManualClock } from './Clock.js'
import { type Config, normalise } from './Config.js'
import { deliveries } from './Deliveries.js'
import { type Context, exchange } from './Exchange.js'
import { type FaultController, faultController } from './Faults.js'
import { gateway } from './Gateway.js'
import type { SimulatorOptions } from './Options.js'
import { random } from './Random.js'
import { restore, type SimulatorSnapshot, snapshot } from './Snapshot.js'
import type { SimulatorState } from './State.js'
import { view } from './Store.js'

/**
 * A running simulator.
 *
 * @category model
 * @since 0.1.0
 */
export interface Simulator {
  /** `http://127.0.0.1:<port>`: the base URL to give a client in place of `https://api.clickatell.com`. */
  readonly url: string
  readonly port: number
  /** The demo account's credentials (and its REST API token), when no accounts were given. */
  readonly demo:
    | { readonly apiId: string; readonly user: string; readonly password: string; readonly restToken: string }
    | undefined
  /** Read access to everything the simulator remembers. */
  readonly state: SimulatorState
  /** What it remembers as a JSON document, to start another simulator from (`state` option). */
  readonly snapshot: () => SimulatorSnapshot
  readonly clock: Clock
  /** Change the injected faults at run time. */
  readonly faults: FaultController
  /** Applies every status change and callback attempt due on the clock, and waits for the callbacks sent. */
  readonly tick: () => Promise<void>
  /** Waits until no callback attempt is in flight. */
  readonly idle: () => Promise<void>
  /** Stops the server, the timers and the callbacks; closes every connection. */
  readonly close: () => Promise<void>
}

const listen = (server: http.Server, config: Config): Promise<E.Either<InvalidInput, AddressInfo>> =>
  new Promise((resolve) => {
    const failed = (e: Error): void =>
      resolve(E.left(invalidInput([{ path: 'port', message: `cannot listen: ${e.message}` }])))
    server.once('error', failed)
    server.listen(config.port, config.host, () => {
      server.off('error', failed)
      resolve(E.right(server.address() as AddressInfo))
    })
  })

/**
 * Starts a simulator. Resolves to `Left` with every problem when the options are wrong or the port is taken.
 *
 * @example
 * import { start } from 'clickatell-fp/simulator'
 * const started = await start({ seed: 1 })()
 * if (started._tag === 'Right') {
 *   console.log(started.right.url.startsWith('http://127.0.0.1:')) // true
 *   await started.right.close()
 * }
 * @category constructors
 * @since 0.1.0
 */
export const start =
  (options: SimulatorOptions = {}) =>
  async (): Promise<E.Either<InvalidInput, Simulator>> => {
    const normalised = normalise(options)
    if (E.isLeft(normalised)) return normalised
    const config = normalised.right
    const restored =
      options.state === undefined ? E.right(gateway(config)) : restore(gateway(config), options.state)
    if (E.isLeft(restored)) return restored
    const gw = restored.right
    const faultRng = random(config.seed ^ 0xfa017)
    const ctx: Context = {
      gw,
      planned: () => arm(),
      faults: faultController(config.faults, faultRng),
      garbage: () =>
        Buffer.from(
          Array.from({ length: 16 + (faultRng.uint32() % 48) }, () => 0x80 + (faultRng.uint32() % 128)),
        ),
      timers: new Set(),
      maxBodyBytes: config.maxBodyBytes,
      seq: 0,
    }
    const clock = config.clock
    let timer: NodeJS.Timeout | undefined
    let timerDue = Number.POSITIVE_INFINITY
    const autoTick = config.autoTick ?? !isManualClock(clock)
    const arm = (): void => {
      const due = gw.agenda.nextDue()
      if (!autoTick || due === undefined || due >= timerDue) return
      if (timer !== undefined) clearTimeout(timer)
      timerDue = due
      // setTimeout fires at once beyond 2^31 - 1 ms: wait at most that long, then look again.
      timer = setTimeout(fire, Math.min(Math.max(0, due - clock.now()), 2 ** 31 - 1))
      timer.unref()
    }
    const fire = (): void => {
      timer = undefined
      timerDue = Number.POSITIVE_INFINITY
      // A timer's throw would end the process: record it as request 0 instead, and stop the timer.
      try {
        gw.agenda.runDue(clock.now())
        arm()
      } catch (error) {
        gw.store.errors.push({ request: 0, error })
      }
    }
    const sender = deliveries(gw, config.callback, arm)
    const unsubscribe = isManualClock(clock)
      ? clock.onAdvance((now) => gw.agenda.runDue(now))
      : () => undefined
    const server = http.createServer({ keepAlive: true }, (req, res) => exchange(ctx, req, res))
    server.keepAliveTimeout = 60_000
    const address = await listen(server, config)
    if (E.isLeft(address)) {
      unsubscribe()
      await sender.close()
      return address
    }
    const tick = async (): Promise<void> => {
      do {
        gw.agenda.runDue(clock.now())
        await sender.idle()
      } while ((gw.agenda.nextDue() ?? Number.POSITIVE_INFINITY) <= clock.now())
      arm()
    }
    return E.right({
      url: `http://${config.host}:${address.right.port}`,
      port: address.right.port,
      demo: config.demo,
      state: view(gw.store),
      snapshot: () => snapshot(gw),
      clock,
      faults: ctx.faults,
      tick,
      idle: sender.idle,
      close: async () => {
        unsubscribe()
        if (timer !== undefined) clearTimeout(timer)
        for (const t of ctx.timers) clearTimeout(t)
        ctx.timers.clear()
        await sender.close()
        await new Promise<void>((resolve) => {
          server.close(() => resolve())
          server.closeAllConnections()
        })
      },
    })
  }

/**
 * Starts a simulator and resolves to it; rejects with an `Error` listing the problems (in `cause`, an
 * `InvalidInput`) when the options are wrong or the port is taken. The Promise form is for test set-up;
 * `start` is the same without rejection.
 *
 * @example
 * import { manualClock, startSimulator } from 'clickatell-fp/simulator'
 * const sim = await startSimulator({ clock: manualClock() })
 * const res = await fetch(`${sim.url}/http/auth?api_id=${sim.demo?.apiId}&user=${sim.demo?.user}&password=${sim.demo?.password}`)
 * console.log((await res.text()).startsWith('OK: ')) // true
 * await sim.close()
 * @category constructors
 * @since 0.1.0
 */
export const startSimulator = async (options: SimulatorOptions = {}): Promise<Simulator> => {
  const started = await start(options)()
  if (E.isRight(started)) return started.right
  const detail = started.left.problems.map((p) => `${p.path}: ${p.message}`).join('; ')
  throw new Error(`clickatell-fp simulator: ${detail}`, { cause: started.left })
}
