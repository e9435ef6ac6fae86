// Shared set-up for the simulator's tests: a simulator on a manual clock with one known account, and plain
// `fetch` helpers that send hand-written (already percent-encoded) queries and bodies.
import { afterEach } from 'vitest'
import {
  type ManualClock,
  manualClock,
  type Simulator,
  type SimulatorOptions,
  startSimulator,
} from '../../src/simulator/index.js'

export const T0 = Date.UTC(2024, 0, 1, 12, 0, 0)
export const ACCOUNT = { apiId: '3000001', user: 'alice', password: 's3cret', credits: 100 } as const
export const CRED = `api_id=${ACCOUNT.apiId}&user=${ACCOUNT.user}&password=${ACCOUNT.password}`

export interface Answer {
  readonly status: number
  readonly contentType: string | null
  readonly body: string
}

export interface Harness {
  readonly sim: Simulator
  readonly clock: ManualClock
  readonly get: (path: string, query: string) => Promise<Answer>
  readonly post: (path: string, body: string, contentType?: string) => Promise<Answer>
  /** GET with the account's credentials prepended. */
  readonly call: (path: string, query?: string) => Promise<string>
  readonly session: () => Promise<string>
}

const running: Simulator[] = []
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.close()))
})

const answer = async (res: Response): Promise<Answer> => ({
  status: res.status,
  contentType: res.headers.get('content-type'),
  body: await res.text(),
})

export const boot = async (options: SimulatorOptions = {}): Promise<Harness> => {
  const clock = manualClock(T0)
  const sim = await startSimulator({ clock, accounts: [ACCOUNT], ...options })
  running.push(sim)
  const get = async (path: string, query: string): Promise<Answer> =>
    answer(await fetch(`${sim.url}${path}${query === '' ? '' : `?${query}`}`))
  const post = async (path: string, body: string, contentType = 'application/x-www-form-urlencoded') =>
    answer(
      await fetch(`${sim.url}${path}`, { method: 'POST', headers: { 'content-type': contentType }, body }),
    )
  const call = async (path: string, query = ''): Promise<string> =>
    (await get(path, query === '' ? CRED : `${CRED}&${query}`)).body
  const session = async (): Promise<string> => (await call('/http/auth')).slice(4)
  return { sim, clock, get, post, call, session }
}
