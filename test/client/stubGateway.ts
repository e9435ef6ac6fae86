// An in-memory gateway for client tests: a Transport that answers like the live service, with a script of
// faults per request. No socket, no waiting.
import * as E from 'fp-ts/lib/Either.js'
import type { TaskEither } from 'fp-ts/lib/TaskEither.js'
import { type TransportError, transportError } from '../../src/core/errors.js'
import type { HttpRequest, HttpResponse } from '../../src/core/http.js'
import { decodeForm } from '../../src/core/request/Latin1Form.js'
import type { Transport } from '../../src/transport/Transport.js'

export type Fault =
  | 'timeout-before' // the request never arrives
  | 'timeout-after' // accepted and stored, the answer lost
  | 'refused' // connection refused: nothing arrives
  | 'http-503'
  | 'garbage'
  | { readonly body: string } // answer this body instead

export interface StubMessage {
  readonly apiMsgId: string
  readonly to: string
  readonly cliMsgId: string
  readonly text: string
}

export const stubGateway = (
  options: { readonly sessionIdleMs?: number; readonly now?: () => number } = {},
) => {
  const requests: Array<{ command: string; params: Record<string, string>; request: HttpRequest }> = []
  const messages: StubMessage[] = []
  const sessions = new Map<string, number>()
  const faults: Array<{ command: string; fault: Fault; times: number }> = []
  let ids = 0
  const now = options.now ?? (() => 0)

  const answer = (command: string, p: Record<string, string>): string => {
    if (command !== 'auth') {
      if (p.session_id !== undefined) {
        const t = sessions.get(p.session_id)
        if (t === undefined || now() - t > (options.sessionIdleMs ?? 15 * 60_000))
          return 'ERR: 001, Authentication failed'
        sessions.set(p.session_id, now())
      } else if (p.password !== 'secret') return 'ERR: 001, Authentication failed'
    }
    switch (command) {
      case 'auth': {
        if (p.password !== 'secret') return 'ERR: 001, Authentication failed'
        const id = `s${++ids}`.padEnd(32, '0')
        sessions.set(id, now())
        return `OK: ${id}`
      }
      case 'ping':
        return 'OK: '
      case 'sendmsg': {
        const to = (p.to ?? '').split(',')
        const lines = to.map((n) => {
          if (n.startsWith('999'))
            return `ERR: 105, Invalid Destination Address${to.length > 1 ? ` To: ${n}` : ''}`
          const apiMsgId = `m${++ids}`.padEnd(32, 'a')
          messages.push({ apiMsgId, to: n, cliMsgId: p.climsgid ?? '', text: p.text ?? '' })
          return to.length > 1 ? `ID: ${apiMsgId} To: ${n}` : `ID: ${apiMsgId}`
        })
        return lines.join('\n')
      }
      case 'querymsg': {
        const m = [...messages]
          .reverse()
          .find((x) => (p.climsgid ? x.cliMsgId === p.climsgid : x.apiMsgId === p.apimsgid))
        return m ? `ID: ${m.apiMsgId} Status: 003` : `ID: ${p.apimsgid ?? p.climsgid} Status: 001`
      }
      case 'getbalance':
        return 'Credit: 12.000'
      case 'startbatch':
        return 'ID: b1'
      case 'senditem': {
        const apiMsgId = `m${++ids}`.padEnd(32, 'a')
        return `ID: ${apiMsgId}`
      }
      case 'quicksend':
        return (p.to ?? '')
          .split(',')
          .map((n) => `ID: ${`m${++ids}`.padEnd(32, 'a')} To: ${n}`)
          .join('\n')
      case 'endbatch':
        return 'OK'
      default:
        return 'ERR: 101, Invalid or missing parameters'
    }
  }

  const transport: Transport = {
    send:
      (request: HttpRequest): TaskEither<TransportError, HttpResponse> =>
      async () => {
        const url = new URL(request.url)
        const command = url.pathname.split('/').pop()!.replace('routeCoverage', 'routecoverage')
        const raw = request.method === 'POST' ? (request.body ?? '') : url.search.slice(1)
        const form = decodeForm(raw)
        const params = Object.fromEntries(E.isRight(form) ? form.right : [])
        requests.push({ command, params, request })
        const f = faults.find((x) => x.command === command && x.times > 0)
        if (f !== undefined) {
          f.times--
          const fault = f.fault
          if (fault === 'timeout-before') return E.left(transportError('timeout', 'no answer'))
          if (fault === 'refused')
            return E.left(transportError('network', 'connect ECONNREFUSED', { code: 'ECONNREFUSED' }))
          if (fault === 'http-503') return E.right({ status: 503, headers: {}, body: 'busy' })
          if (fault === 'garbage') return E.right({ status: 200, headers: {}, body: '<html>oops' })
          if (typeof fault === 'object') return E.right({ status: 200, headers: {}, body: fault.body })
          answer(command, params)
          return E.left(transportError('timeout', 'no answer'))
        }
        return E.right({
          status: 200,
          headers: { 'content-type': 'text/html' },
          body: answer(command, params),
        })
      },
  }

  return {
    transport,
    requests,
    messages,
    sessions,
    /** The next `times` requests of `command` fail with `fault`. */
    fail: (command: string, fault: Fault, times = 1) => faults.push({ command, fault, times }),
    count: (command: string) => requests.filter((r) => r.command === command).length,
  }
}
