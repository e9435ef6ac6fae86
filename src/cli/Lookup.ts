/**
 * The commands that ask about one message (`status`, `charge`, `cancel`): the gateway's id as the argument, or
 * yours with `--client-id`; one line with the id, the status and the charge when there is one.
 *
 * @since 0.1.0
 */
import type { Command as Program } from 'commander'
import type * as TE from 'fp-ts/lib/TaskEither.js'
import type { MessageRef, RestClient } from '../client/Client.js'
import type { ClickatellError } from '../core/errors.js'
import type { Declare } from './Context.js'
import { query } from './Gateway.js'
import { bold, type Io } from './Output.js'

/**
 * What a lookup makes of an answer: `undefined` when it is as asked, else the exit code of the failure it
 * printed (see `query`).
 *
 * @category model
 * @since 0.1.0
 */
export type Judge = (io: Io, answer: MessageAnswer, lines: () => ReadonlyArray<string>) => number | undefined

/**
 * What status, charge and cancel answer, as far as their line needs it.
 *
 * @category model
 * @since 0.1.0
 */
export interface MessageAnswer {
  readonly apiMsgId?: string
  readonly cliMsgId?: string
  readonly status: { readonly code: string; readonly description: string }
  readonly charge?: number
}

/**
 * The message a lookup names: your client message id when given, else the gateway's id (the client refuses an
 * empty one, as bad input).
 *
 * @example
 * import { refOf } from './Lookup.js'
 * console.log(refOf('abc', undefined), refOf(undefined, 'order42')) // { apiMsgId: 'abc' } { clientMessageId: 'order42' }
 * @category constructors
 * @since 0.1.0
 */
export const refOf = (id: string | undefined, clientId: string | undefined): MessageRef =>
  clientId !== undefined ? { clientMessageId: clientId } : { apiMsgId: id ?? '' }

/**
 * The readable line of an answer.
 *
 * @example
 * import { answerLine } from './Lookup.js'
 * const io = { color: false } as never
 * console.log(answerLine(io, { apiMsgId: 'a1', status: { code: '004', description: 'Received by recipient' }, charge: 1 }))
 * // 'a1  status 004 Received by recipient  charge 1'
 * @category formatting
 * @since 0.1.0
 */
export const answerLine = (io: Io, v: MessageAnswer): string =>
  `${bold(io, v.apiMsgId ?? v.cliMsgId ?? '')}  status ${v.status.code} ${v.status.description}${v.charge === undefined ? '' : `  charge ${v.charge}`}`

/**
 * Declares a lookup command: `name [apiMsgId] [--client-id <id>]`, asking the gateway with `call`; `judge`
 * tells an answer that means the command did not do what it was asked.
 *
 * @category constructors
 * @since 0.1.0
 */
export const lookup =
  (
    name: string,
    description: string,
    call: (client: RestClient) => (ref: MessageRef) => TE.TaskEither<ClickatellError, MessageAnswer>,
    judge?: Judge,
  ): Declare =>
  (program: Program, perform) => {
    program
      .command(name)
      .description(description)
      .argument('[apiMsgId]', 'the gateway message id')
      .option('--client-id <id>', 'your client message id instead')
      .action((id: string | undefined, o: { clientId?: string }) =>
        perform((ctx) =>
          query(
            ctx,
            (client) => call(client)(refOf(id, o.clientId)),
            (io, v) => [answerLine(io, v)],
            judge,
          ),
        ),
      )
  }
