/**
 * Bodies the gateway answers with, each with the reply it must parse to: for testing a parser, a stub
 * transport, or code that reacts to the gateway's answers. Bodies are written here, line by line, with the
 * real-world quirks (docs/gateway.md, 'Quirks') on top of the live shapes ('Response shapes'), and the
 * expected reply is built from the same drawn values, not by parsing.
 *
 * Quirks drawn (unless `quirks: false`): a trailing space after a line (quirks 5, 6), LF or CRLF line ends and
 * a trailing line end or none (quirk 6), error codes without zero padding or without the comma (quirk 8),
 * descriptions in the live wording (quirk 7), `ERR:` lines with and without ` To:`, mixed `ID:`/`ERR:` lines,
 * a recipient twice, recipients with a leading zero (quirk 10), several `ID:` records on one line (quirk 11),
 * the four getmsgcharge shapes (quirk 12), `12.000`-style balances and charges from `0` to `0.300000` (quirk
 * 13), statuses `008`-`010` and unpadded ones (quirk 9), status 001 for an unknown id (quirk 3), and
 * routecoverage's `ERR:` without a code, which is the not-routable answer (quirk 4).
 *
 * @since 0.1.0
 */
import * as fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import type { GatewayError } from '../core/errors.js'
import { accepted, type Replies, rejected, type SendOutcome } from '../core/reply/Replies.js'
import { all as allCommands, type Command, isCommand } from '../core/request/Command.js'
import { ALNUM, clamp, DIGITS, oneOf, stringOf } from './Alphabets.js'
import { clientMessageId, hexId } from './Identifiers.js'
import { balance, charge, errorRecord, messageId, quirky, recipient, status } from './ReplyValues.js'

/**
 * A body for `command` and what `Parse.reply(command, body)` must give: `Right` with the reply, or `Left` with
 * the `GatewayError` of an `ERR:` answer.
 *
 * @category model
 * @since 0.1.0
 */
export type GatewayReply<C extends Command = Command> = C extends Command
  ? {
      readonly command: C
      readonly body: string
      readonly reply: E.Either<GatewayError, Replies[C]>
    }
  : never

/**
 * Constraints of `gatewayReply`.
 *
 * @category model
 * @since 0.1.0
 */
export interface GatewayReplyConstraints<C extends Command = Command> {
  /** The command answered; default any of the 13. */
  readonly command?: C
  /** Include `ERR:` answers (`Left`); default true. Per-recipient errors among several lines are data either way. */
  readonly errors?: boolean
  /**
   * Draw the quirks of docs/gateway.md ('Quirks'); default true. `false`: the live service's 2020 shapes
   * only.
   */
  readonly quirks?: boolean
  /** Most lines of a sendmsg or quicksend answer, 1 to 600; default 5. */
  readonly maxRecipients?: number
}

interface Options {
  readonly errors: boolean
  readonly quirks: boolean
  readonly maxRecipients: number
}

interface Case<C extends Command> {
  readonly lines: ReadonlyArray<string>
  readonly reply: E.Either<GatewayError, Replies[C]>
}

const right = <C extends Command>(line: string, value: Replies[C]): Case<C> => ({
  lines: [line],
  reply: E.right(value),
})

const errorCase = <C extends Command>(command: C, o: Options): fc.Arbitrary<Case<C>> =>
  errorRecord(command, o.quirks, undefined).map(({ line, error }) => ({
    lines: [line],
    reply: E.left(error),
  }))

const withErrors = <C extends Command>(command: C, o: Options, ok: fc.Arbitrary<Case<C>>) =>
  o.errors ? fc.oneof({ weight: 3, arbitrary: ok }, { weight: 1, arbitrary: errorCase(command, o) }) : ok

// --- one generator per command ---------------------------------------------------------------------------

const outcome = (command: 'sendmsg' | 'quicksend', o: Options, to: string | undefined, ok: boolean) =>
  ok
    ? messageId(o.quirks).map((id) => ({
        line: `ID: ${id}${to === undefined ? '' : ` To: ${to}`}`,
        outcome: accepted(id, to) as SendOutcome,
      }))
    : errorRecord(command, o.quirks, to).map(({ line, error }) => ({
        line,
        outcome: rejected(error) as SendOutcome,
      }))

// Spec v2.6 sections 4.3 and 7.3 with quirks 10 and 11.
const sendCase =
  <C extends 'sendmsg' | 'quicksend'>(command: C) =>
  (o: Options): fc.Arbitrary<Case<C>> =>
    fc
      .tuple(
        fc.array(fc.tuple(recipient(o.quirks), fc.nat(9), fc.boolean()), {
          minLength: 1,
          maxLength: o.maxRecipients,
        }),
        fc.boolean(),
        fc.boolean(),
      )
      .chain(([rows, twice, oneLine]) => {
        const single = rows.length === 1
        return fc
          .tuple(
            ...rows.map(([number, roll, bare], i) => {
              // Quirk 10: the same recipient twice, with two ids.
              const to = o.quirks && twice && i === 1 ? rows[0]![0] : number
              const ok = roll < 7 || (single && !o.errors)
              // One recipient: `ID: <id>` bare (sendmsg) or with ` To:`; an ERR line may lack ` To:` (quirk 10).
              const withTo = single
                ? command === 'quicksend' || (o.quirks && bare)
                : ok || !(o.quirks && bare)
              return outcome(command, o, withTo ? to : undefined, ok)
            }),
          )
          .map((records): Case<C> => {
            const outcomes = records.map((r) => r.outcome)
            const lines = records.map((r) => r.line)
            // Quirk 11: several `ID: … To: …` records on one line.
            const joined =
              o.quirks && oneLine && !single && outcomes.every((x) => x._tag === 'Accepted' && x.to)
            const only = outcomes[0]!
            return {
              lines: joined ? [lines.join(' ')] : lines,
              reply: (single && only._tag === 'Rejected'
                ? E.left(only.error)
                : E.right({ outcomes })) as Case<C>['reply'],
            }
          })
      })

const statusCase =
  <C extends 'querymsg' | 'delmsg'>(command: C) =>
  (o: Options): fc.Arbitrary<Case<C>> =>
    withErrors(
      command,
      o,
      fc
        .tuple(messageId(o.quirks), status(o.quirks))
        .map(([id, s]) =>
          right<C>(`ID: ${id} Status: ${s.text}`, { apiMsgId: id, status: s.value } as Replies[C]),
        ),
    )

// Quirk 12: v2.6's two shapes, the overview's `ID: … Charge: … Status: …`, and a fixture's shape without an id.
const chargeCase = (o: Options) =>
  withErrors(
    'getmsgcharge',
    o,
    fc
      .tuple(
        messageId(o.quirks),
        clientMessageId(),
        charge(o.quirks),
        status(o.quirks),
        fc.nat(o.quirks ? 3 : 1),
      )
      .map(([id, cid, raw, s, shape]) => {
        const value = Number(raw)
        const st = s.value
        switch (shape) {
          case 0:
            return right<'getmsgcharge'>(`apiMsgId: ${id} charge: ${raw} status: ${s.text}`, {
              apiMsgId: id,
              charge: value,
              status: st,
            })
          case 1:
            return right<'getmsgcharge'>(
              `cliMsgId: ${cid} charge: ${raw} apiMsgId: ${id} status: ${s.text}`,
              {
                apiMsgId: id,
                cliMsgId: cid,
                charge: value,
                status: st,
              },
            )
          case 2:
            return right<'getmsgcharge'>(`ID: ${id} Charge: ${raw} Status: ${s.text}`, {
              apiMsgId: id,
              charge: value,
              status: st,
            })
          default:
            return right<'getmsgcharge'>(`status: ${s.text} charge: ${raw}`, { charge: value, status: st })
        }
      }),
  )

// Spec v2.6 section 6.3, and both answers verbatim from the live service (2020).
const ROUTED = 'This prefix is currently supported. Messages sent to this prefix will be routed.'
const NOT_ROUTED =
  'This prefix is not currently supported. Messages sent to this prefix will fail. Please contact support for assistance.'

const coverageCase = (o: Options) =>
  withErrors(
    'routecoverage',
    o,
    fc.oneof(
      charge(o.quirks).map((raw) =>
        right<'routecoverage'>(`OK: ${ROUTED} Charge: ${raw}`, {
          routable: true,
          charge: Number(raw),
          description: ROUTED,
        }),
      ),
      fc.constant(right<'routecoverage'>(`ERR: ${NOT_ROUTED}`, { routable: false, description: NOT_ROUTED })),
    ),
  )

const word = (o: Options): fc.Arbitrary<string> => quirky(o.quirks, hexId(), stringOf(oneOf(ALNUM), 1, 40))

const cases: { readonly [C in Command]-?: (o: Options) => fc.Arbitrary<Case<C>> } = {
  // Quirk 6: `OK: foo ` with a trailing space (2013).
  auth: (o) =>
    withErrors(
      'auth',
      o,
      word(o).map((id) => right<'auth'>(`OK: ${id}`, { sessionId: id })),
    ),
  // Quirk 5: `OK: ` with one trailing space, live; `OK:` in fixtures.
  ping: (o) =>
    withErrors(
      'ping',
      o,
      quirky(o.quirks, fc.constant('OK: '), fc.constant('OK:')).map((line) =>
        right<'ping'>(line, { ok: true }),
      ),
    ),
  sendmsg: sendCase('sendmsg'),
  querymsg: statusCase('querymsg'),
  delmsg: statusCase('delmsg'),
  getbalance: (o) =>
    withErrors(
      'getbalance',
      o,
      balance(o.quirks).map((raw) => right<'getbalance'>(`Credit: ${raw}`, { credit: Number(raw), raw })),
    ),
  getmsgcharge: chargeCase,
  token_pay: (o) =>
    withErrors(
      'token_pay',
      o,
      quirky(o.quirks, fc.constant('605'), stringOf(oneOf(DIGITS), 1, 6)).map((v) =>
        right<'token_pay'>(`OK: ${v}`, { value: v }),
      ),
    ),
  routecoverage: coverageCase,
  startbatch: (o) =>
    withErrors(
      'startbatch',
      o,
      word(o).map((id) => right<'startbatch'>(`ID: ${id}`, { batchId: id })),
    ),
  senditem: (o) =>
    withErrors(
      'senditem',
      o,
      fc
        .tuple(messageId(o.quirks), fc.option(recipient(o.quirks), { nil: undefined }))
        .map(([id, to]) =>
          right<'senditem'>(
            `ID: ${id}${to === undefined ? '' : ` To: ${to}`}`,
            to === undefined ? { apiMsgId: id } : { apiMsgId: id, to },
          ),
        ),
    ),
  quicksend: sendCase('quicksend'),
  endbatch: (o) => withErrors('endbatch', o, fc.constant(right<'endbatch'>('OK', { ok: true }))),
}

/**
 * The lines as bytes: `\n` between them and after several (the live shapes), or with the quirks a trailing
 * space after any line, CRLF, and a final line end or none.
 */
const layout = (lines: ReadonlyArray<string>, quirks: boolean): fc.Arbitrary<string> =>
  quirks
    ? fc
        .tuple(
          fc.array(fc.boolean(), { minLength: lines.length, maxLength: lines.length }),
          fc.constantFrom('\n', '\r\n'),
          fc.constantFrom('', '\n', '\r\n'),
        )
        .map(([spaces, eol, end]) => lines.map((l, i) => (spaces[i] ? `${l} ` : l)).join(eol) + end)
    : fc.constant(lines.length === 1 ? lines[0]! : lines.map((l) => `${l}\n`).join(''))

/**
 * Answers of the gateway with the reply each must parse to: `Parse.reply(command, body)` gives exactly
 * `reply`. Every command's live shape, `ERR:` answers (`Left`) unless `errors: false`, and the quirks of
 * docs/gateway.md ('Quirks') unless `quirks: false`.
 *
 * @example
 * import * as fc from 'fast-check'
 * import { Parse } from 'clickatell-fp'
 * import { gatewayReply } from 'clickatell-fp/testing'
 * fc.assert(
 *   fc.property(gatewayReply({ command: 'sendmsg' }), ({ command, body, reply }) =>
 *     JSON.stringify(Parse.reply(command, body)) === JSON.stringify(reply),
 *   ),
 * )
 * @category replies
 * @since 0.1.0
 */
export const gatewayReply = <C extends Command = Command>(
  constraints: GatewayReplyConstraints<C> = {},
): fc.Arbitrary<GatewayReply<C>> => {
  const o: Options = {
    errors: constraints.errors !== false,
    quirks: constraints.quirks !== false,
    maxRecipients: clamp(1, 600, 5)(constraints.maxRecipients),
  }
  const commands: ReadonlyArray<Command> = isCommand(constraints.command)
    ? [constraints.command]
    : allCommands
  return fc
    .constantFrom(...commands)
    .chain((command) =>
      (cases[command] as (o: Options) => fc.Arbitrary<Case<Command>>)(o).chain(({ lines, reply }) =>
        layout(lines, o.quirks).map((body) => ({ command, body, reply }) as unknown as GatewayReply<C>),
      ),
    )
}
