/**
 * `clickatell demo`: previews a message, sends it, then asks its status and the balance (against the embedded
 * simulator unless a gateway is configured). Exits 0 when the message was accepted, else 1.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import type { Client } from '../../client/Client.js'
import type { Context, Declare } from '../Context.js'
import { withClient } from '../Gateway.js'
import { bold, EXIT, emit, fail, type Io } from '../Output.js'
import { preview, render } from '../Preview.js'
import { outcomeLine } from './send.js'

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

/** Sends the demo text, then asks its status and the balance; prints a line for each answer. */
const sendAndAsk = async (io: Io, client: Client): Promise<number> => {
  const sent = await client.send({ to: DEMO_TO, text: DEMO_TEXT })()
  if (E.isLeft(sent)) return fail(io, sent.left)
  for (const x of sent.right.outcomes) io.out(outcomeLine(io, x))
  const first = sent.right.outcomes[0]
  if (first?._tag === 'Accepted') {
    const s = await client.status({ apiMsgId: first.apiMsgId })()
    if (E.isRight(s)) io.out(`status ${s.right.status.code} ${s.right.status.description}`)
  }
  const b = await client.balance()()
  if (E.isRight(b)) io.out(`${bold(io, 'Credit')} ${b.right.raw}`)
  return first?._tag === 'Accepted' ? EXIT.ok : EXIT.remote
}

/**
 * Runs the demo.
 *
 * @category commands
 * @since 0.1.0
 */
export const demo = (ctx: Context): Promise<number> => {
  const { io } = ctx
  const r = preview(DEMO_TEXT, { charge: 1 })
  emit(io, r, () => [bold(io, `Preview of ${JSON.stringify(DEMO_TEXT)}`), ...render(io, r), ''])
  return withClient(ctx, (client) => sendAndAsk(io, client))
}

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
