/**
 * Sends status callbacks and retries the failed ones on the documented schedule (specification v2.6 section
 * 5.2.5): a first attempt when the status changes, then retries 2, 4, 8, 16, 32, 64 and 128 minutes and 3
 * days after the previous attempt was due, on the simulator clock: nine attempts at most. An attempt
 * succeeds on any 2xx answer; anything else (another status, a refused connection, no answer within
 * `callbackTimeoutMs` of real time) fails it. Every attempt is recorded in `state.callbacks`.
 *
 * @since 0.1.0
 */
import * as http from 'node:http'
import * as https from 'node:https'
import { type CallbackRequest, render, type StatusReport, wants } from './Callbacks.js'
import type { Config } from './Config.js'
import type { Gateway } from './Gateway.js'
import type { CallbackAttempt, StatusChange } from './State.js'
import type { MessageRow, Mutable } from './Store.js'

/**
 * The callback sender of one simulator.
 *
 * @category model
 * @since 0.1.0
 */
export interface Deliveries {
  /** Resolves when no attempt is in flight. */
  readonly idle: () => Promise<void>
  /** Stops sending: in-flight attempts are aborted and no retry runs any more. */
  readonly close: () => Promise<void>
}

type Result =
  | { readonly ok: true; readonly status: number }
  | { readonly ok: false; readonly status?: number; readonly error: string }

const send = (
  request: CallbackRequest,
  agents: { readonly http: http.Agent; readonly https: https.Agent },
  timeoutMs: number,
): Promise<Result> =>
  new Promise((resolve) => {
    const secure = request.url.startsWith('https:')
    const options = {
      method: request.method,
      headers: request.headers,
      agent: secure ? agents.https : agents.http,
    }
    const req = (secure ? https : http).request(request.url, options, (res) => {
      res.resume()
      res.on('end', () => {
        const status = res.statusCode ?? 0
        resolve(
          status >= 200 && status < 300
            ? { ok: true, status }
            : { ok: false, status, error: `HTTP ${status}` },
        )
      })
      res.on('error', (e) => resolve({ ok: false, status: res.statusCode ?? 0, error: e.message }))
    })
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)))
    req.on('error', (e) => resolve({ ok: false, error: e.message }))
    req.end(request.body)
  })

/**
 * Starts sending callbacks for a gateway: listens to its status changes. `planned` is called whenever a retry
 * is put on the agenda (the server re-arms its timer). Without `callback` in the configuration, sends nothing.
 *
 * @example
 * import { gateway, normalise } from 'clickatell-fp/simulator'
 * import { deliveries } from './Deliveries.js'
 * const config = normalise({ accounts: [{ apiId: '1', user: 'u', password: 'p' }] })
 * if (config._tag === 'Right') {
 *   const gw = gateway(config.right)
 *   const sender = deliveries(gw, undefined, () => undefined) // no callbackUrl: sends nothing
 *   await sender.idle()
 *   console.log(gw.store.callbacks.length) // 0
 * }
 * @category constructors
 * @since 0.1.0
 */
export const deliveries = (gw: Gateway, target: Config['callback'], planned: () => void): Deliveries => {
  if (target === undefined) return { idle: () => Promise.resolve(), close: () => Promise.resolve() }
  const inFlight = new Set<Promise<void>>()
  const agents = { http: new http.Agent({ keepAlive: true }), https: new https.Agent({ keepAlive: true }) }
  let closed = false
  const toRequest = render(target.form, target.url, target.auth)

  const attempt = (report: StatusReport, n: number, due: number): void => {
    if (closed) return
    const request = toRequest(report)
    const record: Mutable<CallbackAttempt> = {
      apiMsgId: report.apiMsgId,
      status: report.status,
      attempt: n,
      due,
      at: gw.now(),
      form: target.form,
      method: request.method,
      url: request.url,
      body: request.body,
      outcome: 'pending',
      httpStatus: undefined,
      error: undefined,
      nextDue: undefined,
    }
    gw.store.callbacks.push(record)
    const done = send(request, agents, target.timeoutMs).then((result) => {
      record.httpStatus = result.status
      if (result.ok) {
        record.outcome = 'delivered'
        return
      }
      record.outcome = 'failed'
      record.error = result.error
      const delay = target.retriesMs[n - 1]
      if (delay === undefined || closed) return
      const next = due + delay
      record.nextDue = next
      gw.agenda.at(next, (at) => attempt(report, n + 1, at))
      planned()
    })
    const tracked = done.finally(() => inFlight.delete(tracked))
    inFlight.add(tracked)
  }

  gw.listeners.push((message: MessageRow, change: StatusChange) => {
    if (!wants(message.callback, change.status)) return
    const report: StatusReport = {
      apiId: message.apiId,
      apiMsgId: message.apiMsgId,
      cliMsgId: message.cliMsgId,
      to: message.to,
      from: message.from,
      timestamp: Math.floor(change.at / 1000),
      status: change.status,
      charge: message.charge,
    }
    attempt(report, 1, change.at)
  })

  return {
    idle: async () => {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight])
    },
    close: async () => {
      closed = true
      agents.http.destroy()
      agents.https.destroy()
      await Promise.allSettled([...inFlight])
    },
  }
}
