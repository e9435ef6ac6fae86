/**
 * `clickatell demo`: previews a message, sends it, then asks its status and the balance (against the embedded
 * simulator unless a gateway is configured). Exits 0 when the message was accepted, else 1.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import type { RestClient } from '../../client/Client.js'
import type { Context, Declare } from '../Context.js'
import { withClient } from '../Gateway.js'
import { bold, cliError, EXIT, emit, fail, failWith, type Io } from '../Output.js'
import { type PreviewReport, preview, render } from '../Preview.js'
import { outcomeJson, outcomeLine } from './send.js'

/**
 * The demo's text: an apostrophe and a euro sign, so the preview has something to say.
 *
 * @category data
 * @since 0.1.0
 */
export const DEMO_TEXT = 'Hello from clickatell-fp: it’s 5€ [demo]'

/**
 * The demo's recipient.
 *
 * @category data
 * @since 0.1.0
 */
export const DEMO_TO = '447900000001'

/** Sends the demo text, then asks its status and the balance; prints the preview and every answer. */
const sendAndAsk = async (io: Io, client: RestClient, report: PreviewReport): Promise<number> => {
  const sent = await client.send({ to: DEMO_TO, text: DEMO_TEXT })()
  if (E.isLeft(sent)) return fail(io, sent.left)
  const outcomes = sent.right.outcomes
  const first = outcomes[0]
  const status = first?._tag === 'Accepted' ? await client.status({ apiMsgId: first.apiMsgId })() : undefined
  const balance = await client.balance()()
  const value = {
    preview: report,
    outcomes: outcomes.map(outcomeJson),
    ...(status !== undefined && E.isRight(status) ? { status: status.right } : {}),
    ...(E.isRight(balance) ? { balance: balance.right } : {}),
  }
  const lines = () => [
    ...previewLines(io, report),
    ...outcomes.map((x) => outcomeLine(io, x)),
    ...(value.status === undefined
      ? []
      : [`status ${value.status.status.code} ${value.status.status.description}`]),
    ...(value.balance === undefined ? [] : [`${bold(io, 'Credit')} ${value.balance.raw}`]),
  ]
  if (first?._tag === 'Accepted') {
    emit(io, value, lines)
    return EXIT.ok
  }
  return failWith(io, EXIT.remote, cliError('NotAllAccepted', 'the demo message was not accepted'), {
    value,
    lines,
  })
}

const previewLines = (io: Io, r: PreviewReport): ReadonlyArray<string> => [
  bold(io, `Preview of ${JSON.stringify(DEMO_TEXT)}`),
  ...render(io, r),
  '',
]

/**
 * Runs the demo.
 *
 * @category commands
 * @since 0.1.0
 */
export const demo = (ctx: Context): Promise<number> =>
  withClient(ctx, (client) => sendAndAsk(ctx.io, client, preview(DEMO_TEXT, { charge: 1 })))

/**
 * Declares `demo`.
 *
 * @category commands
 * @since 0.1.0
 */
export const declare: Declare = (program, perform) => {
  program
    .command('demo')
    .description('preview a message, send it, then ask its status and the balance')
    .action(() => perform(demo))
}
