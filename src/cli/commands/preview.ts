/**
 * `clickatell preview [text...]`: what a text costs before it is sent (see `Preview`). With `--coverage` the
 * charge per part is the gateway's answer to routecoverage. Exits 2 when the text needs more parts than
 * `--max-parts` allows.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import { invalidInput, messageTooLong } from '../../core/errors.js'
import { type Context, type Declare, textOf } from '../Context.js'
import { number } from '../Flags.js'
import { withClient } from '../Gateway.js'
import { EXIT, emit, errorJson, fail, failWith, type Io } from '../Output.js'
import * as Preview from '../Preview.js'

/**
 * The flags of `preview`.
 *
 * @category model
 * @since 0.1.0
 */
export interface PreviewFlags {
  readonly charge?: number
  readonly coverage?: string
  readonly from?: string
  readonly maxParts?: number
  readonly callback?: number
  readonly ucs2?: boolean
}

/**
 * Prints the report of `text` (JSON or its lines); resolves to 2 when it is too long (the report is then the
 * `value` of a `MessageTooLong` failure), else 0.
 *
 * @category commands
 * @since 0.1.0
 */
export const show = (io: Io, text: string, options: Preview.PreviewOptions): number => {
  const r = Preview.preview(text, options)
  const lines = () => Preview.render(io, r)
  if (r.tooLong === undefined) {
    emit(io, r, lines)
    return EXIT.ok
  }
  const tooLong = messageTooLong({
    encoding: r.encoding,
    units: r.units,
    parts: r.tooLong.parts,
    limit: r.tooLong.limit,
    perPart: r.perPart,
  })
  return failWith(io, EXIT.input, errorJson(tooLong), { value: r, lines })
}

/** The report with the charge per part the gateway answers for `msisdn`; a number it does not route to is bad input. */
const withCoverage = (ctx: Context, text: string, flags: PreviewFlags, msisdn: string): Promise<number> =>
  withClient(ctx, async (client) => {
    const r = await client.coverage(msisdn)()
    if (E.isLeft(r)) return fail(ctx.io, r.left)
    if (!r.right.routable)
      return fail(
        ctx.io,
        invalidInput([
          { path: 'coverage', message: `the gateway does not route to ${msisdn}: ${r.right.description}` },
        ]),
      )
    return show(ctx.io, text, { ...flags, charge: r.right.charge, chargeSource: 'gateway' })
  })

/**
 * Previews `text`, with the charge given or, with `--coverage`, the gateway's.
 *
 * @category commands
 * @since 0.1.0
 */
export const preview = (ctx: Context, text: string, flags: PreviewFlags): Promise<number> =>
  flags.coverage === undefined
    ? Promise.resolve(
        show(ctx.io, text, { ...flags, ...(flags.charge === undefined ? {} : { chargeSource: 'given' }) }),
      )
    : withCoverage(ctx, text, flags, flags.coverage)

/**
 * Declares `preview`.
 *
 * @category commands
 * @since 0.1.0
 */
export const declare: Declare = (program, perform) => {
  program
    .command('preview')
    .description(
      'what a text costs: encoding and why, parts, characters that force UCS-2, a cheaper text, req_feat, cost',
    )
    .argument('[text...]', 'the text (or standard input)')
    .option('--charge <credits>', 'credits per part, for the cost', number('--charge'))
    .option('--coverage <msisdn>', 'ask the gateway (routecoverage) for the charge per part to this number')
    .option('--from <sender>', 'sender id (affects req_feat)')
    .option('--max-parts <n>', 'most parts allowed (concat)', number('--max-parts'))
    .option('--callback <n>', 'callback value (affects req_feat)', number('--callback'))
    .option('--ucs2', 'force UCS-2')
    .action((words: string[], o: PreviewFlags) =>
      perform(async (ctx) => {
        const text = await textOf(ctx.world, words, 'as arguments (clickatell preview "Hello")')
        return E.isLeft(text) ? fail(ctx.io, text.left) : preview(ctx, text.right, o)
      }),
    )
}
