/**
 * The simulator the CLI talks to when no gateway is configured, and the one `clickatell simulator` runs: both
 * start with the same demo account, credits and vouchers. The embedded one keeps its state between runs in a
 * small file in the user's state folder (`$XDG_STATE_HOME/clickatell-fp/simulator.json`, else
 * `~/.local/state/...`): each run starts from it and writes it back, so `send` then `status <apiMsgId>` works
 * across processes and ids differ from run to run. `clickatell simulator --reset` removes it.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import type { Credentials, SimulatorStart, World } from './World.js'

/**
 * What both simulators of the CLI start with: the demo account's credits and the demo vouchers (each spent
 * once; docs/simulator.md lists them).
 *
 * @category data
 * @since 0.1.0
 */
export const DEMO: Required<Pick<SimulatorStart, 'demoCredits' | 'vouchers'>> = {
  demoCredits: 100_000,
  vouchers: { '1234567890123456': 500, '1111222233334444': 1_000, '9999888877776666': 10_000 },
}

/**
 * Where the embedded simulator keeps its state: under `XDG_STATE_HOME` when it is an absolute path, else under
 * `HOME/.local/state`; nowhere when neither is set.
 *
 * @example
 * import { statePath } from './Embedded.js'
 * console.log(statePath({ HOME: '/home/ann' })) // '/home/ann/.local/state/clickatell-fp/simulator.json'
 * console.log(statePath({ XDG_STATE_HOME: '/var/st', HOME: '/home/ann' })) // '/var/st/clickatell-fp/simulator.json'
 * console.log(statePath({})) // undefined
 * @category utils
 * @since 0.1.0
 */
export const statePath = (env: Readonly<Record<string, string | undefined>>): string | undefined => {
  const xdg = env.XDG_STATE_HOME
  const home = env.HOME
  const base = xdg?.startsWith('/')
    ? xdg
    : home !== undefined && home !== ''
      ? `${home.replace(/\/+$/, '')}/.local/state`
      : undefined
  return base === undefined ? undefined : `${base.replace(/\/+$/, '')}/clickatell-fp/simulator.json`
}

/**
 * A running embedded simulator: where, who, the line that says it is used, and `close`, which writes its state
 * back when the run used it.
 *
 * @category model
 * @since 0.1.0
 */
export interface Embedded {
  readonly url: string
  /** The demo account's, with its REST API token. */
  readonly credentials: Credentials & { readonly restToken?: string }
  readonly banner: string
  /** Writes the state (when `used`) and stops the simulator; `Left` says why the state was not written. */
  readonly close: (used: boolean) => Promise<E.Either<string, void>>
}

/**
 * Starts from the state file when there is one; from scratch when there is none, or when it is not JSON or not
 * a snapshot (and then says so).
 */
const startFrom = async (world: World, path: string | undefined) => {
  const text = path === undefined ? E.left('no state folder') : await world.readFile(path)
  if (E.isLeft(text)) return { sim: await world.startSimulator(DEMO), note: '' }
  const state = E.tryCatch(
    () => JSON.parse(text.right) as unknown,
    () => 'not JSON',
  )
  if (E.isRight(state))
    try {
      return { sim: await world.startSimulator({ ...DEMO, state: state.right }), note: '' }
    } catch {
      // Not a snapshot: started afresh below.
    }
  return { sim: await world.startSimulator(DEMO), note: ' (its old state could not be read: started afresh)' }
}

/**
 * Starts the embedded simulator from its state file; rejects when no simulator can start. `unset` names the
 * variables that would have named a gateway, for the line that says the simulator is used.
 *
 * @category constructors
 * @since 0.1.0
 */
export const startEmbedded = async (
  world: World,
  unset = 'CLICKATELL_URL, CLICKATELL_API_ID, CLICKATELL_USER, CLICKATELL_PASSWORD',
): Promise<Embedded> => {
  const path = statePath(world.env)
  const { sim, note } = await startFrom(world, path)
  const where =
    path === undefined
      ? ', keeping no state (set HOME or XDG_STATE_HOME to keep it between runs)'
      : `, its state in ${path}${note} (clickatell simulator --reset clears it)`
  return {
    url: sim.url,
    credentials: sim.demo!,
    banner: `No gateway configured (${unset}): using an embedded simulator at ${sim.url}${where}.`,
    close: async (used) => {
      const written =
        used && path !== undefined
          ? await world.replaceFile(path, `${JSON.stringify(sim.snapshot())}\n`)
          : E.right(undefined)
      await sim.close()
      return written
    },
  }
}

/**
 * Removes the embedded simulator's state file; resolves to its path (`undefined` when there is no state
 * folder), or why it cannot be removed.
 *
 * @category main
 * @since 0.1.0
 */
export const resetState = async (world: World): Promise<E.Either<string, string | undefined>> => {
  const path = statePath(world.env)
  if (path === undefined) return E.right(undefined)
  const removed = await world.removeFile(path)
  return E.isLeft(removed) ? removed : E.right(path)
}
