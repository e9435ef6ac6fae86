/**
 * The `clickatell` program: argument parsing (commander), then one function per command. `run` takes the
 * arguments and the world (streams, environment) and resolves to the exit code, so it can be driven in a test.
 *
 * @since 0.1.0
 */
import { readFileSync } from 'node:fs'
import { CommanderError, Option, Command as Program } from 'commander'
import * as E from 'fp-ts/lib/Either.js'
import type * as TE from 'fp-ts/lib/TaskEither.js'
import { type Client, make } from '../client/Client.js'
import type { RecipientOutcome } from '../client/Send.js'
import { type ClickatellError, invalidInput, toMessage } from '../core/errors.js'
import type { MessageInput } from '../core/message/Message.js'
import { nodeTransport } from '../transport/NodeTransport.js'
import { emitPreview, prepareBulk, sendBulk } from './Bulk.js'
import { type MessageFlags, messageOptions, number, optionsOf } from './Flags.js'
import { bold, EXIT, emit, errorJson, exitCodeOf, fail, green, type Io, red, yellow } from './Output.js'
import { preview, render } from './Preview.js'
import { resolveTarget, type TargetFlags } from './Target.js'

/**
 * What the program reads and writes: injected so tests can drive it.
 *
 * @category model
 * @since 0.1.0
 */
export interface World {
  readonly stdout: { write: (s: string) => unknown; isTTY?: boolean }
  readonly stderr: { write: (s: string) => unknown; isTTY?: boolean }
  readonly readStdin: () => Promise<string>
  readonly env: Readonly<Record<string, string | undefined>>
}

const messageOf = (to: ReadonlyArray<string>, text: string, f: MessageFlags): MessageInput => ({
  to: to.length === 1 ? to[0]! : to,
  text,
  ...optionsOf(f),
})

const outcomeLine = (io: Io, o: RecipientOutcome): string =>
  o._tag === 'Accepted'
    ? `${green(io, 'accepted')} ${o.to}  apiMsgId ${o.apiMsgId}  clientMessageId ${o.clientMessageId}${o.confirmed ? ' (answer lost; confirmed by querymsg)' : ''}`
    : o._tag === 'Rejected'
      ? `${red(io, 'rejected')} ${o.to}  ${toMessage(o.error)}`
      : `${yellow(io, 'unknown')}  ${o.to}  clientMessageId ${o.clientMessageId}: ${toMessage(o.error)}; check later with: clickatell status --client-id ${o.clientMessageId}`

/** What status, charge and cancel answer, as far as their line needs it. */
interface MessageAnswer {
  readonly apiMsgId?: string
  readonly cliMsgId?: string
  readonly status: { readonly code: string; readonly description: string }
  readonly charge?: number
}

const outcomeJson = (o: RecipientOutcome) => (o._tag === 'Accepted' ? o : { ...o, error: errorJson(o.error) })

/**
 * Runs the program; resolves to the exit code.
 *
 * @category main
 * @since 0.1.0
 */
export const run = async (argv: ReadonlyArray<string>, world: World): Promise<number> => {
  let code: number = EXIT.ok
  const program = new Program('clickatell')
    .description(
      'Clickatell HTTP API v2.6 from the command line. With no gateway configured, commands use an embedded simulator.',
    )
    .option('--json', 'print one JSON document')
    .option('--no-color', 'no colour')
    .option('--url <url>', 'gateway base URL (CLICKATELL_URL; default https://api.clickatell.com)')
    .option('--api-id <id>', 'API id (CLICKATELL_API_ID)')
    .option('--user <user>', 'user name (CLICKATELL_USER)')
    .addOption(new Option('--password <password>', 'password (CLICKATELL_PASSWORD)'))
    .exitOverride()
    .configureOutput({
      writeOut: (s) => world.stdout.write(s),
      writeErr: (s) => world.stderr.write(s),
    })

  const io = (): Io => {
    const g = program.opts<{ json?: boolean; color?: boolean }>()
    return {
      out: (l) => world.stdout.write(`${l}\n`),
      err: (l) => world.stderr.write(`${l}\n`),
      json: g.json === true,
      color: g.color !== false && world.stdout.isTTY === true && world.env.NO_COLOR === undefined,
      interactive: world.stderr.isTTY === true,
    }
  }

  // Every gateway command: resolve the target, make a client over the Node transport, run, clean up.
  const withClient = async (f: (client: Client, io: Io) => Promise<number>): Promise<void> => {
    const out = io()
    const flags = program.opts<TargetFlags>()
    const target = await resolveTarget(flags, world.env, (l) => out.err(l))
    if (E.isLeft(target)) {
      code = fail(out, target.left)
      return
    }
    const transport = nodeTransport({ keepAlive: true, maxSockets: 8 })
    const made = make({ transport, credentials: target.right.credentials, baseUrl: target.right.baseUrl })
    try {
      code = E.isLeft(made) ? fail(out, made.left) : await f(made.right, out)
    } finally {
      if (E.isRight(made)) made.right.close()
      transport.close()
      await target.right.close()
    }
  }

  const textOf = async (words: ReadonlyArray<string>): Promise<string> =>
    words.length > 0 ? words.join(' ') : (await world.readStdin()).replace(/\r?\n$/, '')

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
    .action(
      async (
        words: string[],
        o: {
          charge?: number
          coverage?: string
          from?: string
          maxParts?: number
          callback?: number
          ucs2?: boolean
        },
      ) => {
        const text = await textOf(words)
        const show = (charge: number | undefined, source: 'given' | 'gateway') => {
          const r = preview(text, {
            ...o,
            ...(charge === undefined ? {} : { charge, chargeSource: source }),
          })
          const out = io()
          emit(out, r, () => render(out, r))
          code = r.tooLong === undefined ? EXIT.ok : EXIT.input
        }
        if (o.coverage === undefined) return show(o.charge, 'given')
        await withClient(async (client, out) => {
          const r = await client.coverage(o.coverage!)()
          if (E.isLeft(r)) return fail(out, r.left)
          if (!r.right.routable)
            return fail(
              out,
              invalidInput([
                {
                  path: 'coverage',
                  message: `the gateway does not route to ${o.coverage}: ${r.right.description}`,
                },
              ]),
            )
          show(r.right.charge, 'gateway')
          return code
        })
      },
    )

  messageOptions(
    program
      .command('send')
      .description('send a message, safely: one request per recipient, never sent twice')
      .requiredOption('--to <numbers>', 'recipients, comma-separated, international format')
      .option('--text <text>', 'the text (or standard input)'),
  ).action(async (o: MessageFlags & { to: string; text?: string }) => {
    const text = o.text ?? (await textOf([]))
    const to = o.to
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '')
    await withClient(async (client, out) => {
      const r = await client.send(messageOf(to, text, o))()
      if (E.isLeft(r)) return fail(out, r.left)
      const outcomes = r.right.outcomes
      const allAccepted = outcomes.every((x) => x._tag === 'Accepted')
      emit(out, { ok: allAccepted, outcomes: outcomes.map(outcomeJson) }, () =>
        outcomes.map((x) => outcomeLine(out, x)),
      )
      return allAccepted
        ? EXIT.ok
        : outcomes.some((x) => x._tag === 'Rejected' && exitCodeOf(x.error) === EXIT.input)
          ? EXIT.input
          : EXIT.remote
    })
  })

  // Every query command: ask, print the failure or the answer, then the exit code the answer means.
  const query = <A>(
    call: (client: Client) => TE.TaskEither<ClickatellError, A>,
    lines: (out: Io, answer: A) => ReadonlyArray<string>,
    exitOf: (answer: A) => number = () => EXIT.ok,
  ): Promise<void> =>
    withClient(async (client, out) => {
      const r = await call(client)()
      if (E.isLeft(r)) return fail(out, r.left)
      emit(out, r.right, () => lines(out, r.right))
      return exitOf(r.right)
    })

  const refOf = (id: string | undefined, clientId: string | undefined) =>
    clientId !== undefined ? { clientMessageId: clientId } : { apiMsgId: id ?? '' }

  for (const [name, description, call] of [
    ['status', 'the status of a message (querymsg)', (c: Client) => c.status],
    ['charge', 'the charge and status of a message (getmsgcharge)', (c: Client) => c.charge],
    ['cancel', 'stop a queued message (delmsg)', (c: Client) => c.cancel],
  ] as const) {
    program
      .command(name)
      .description(description)
      .argument('[apiMsgId]', 'the gateway message id')
      .option('--client-id <id>', 'your client message id instead')
      .action((id: string | undefined, o: { clientId?: string }) =>
        query(
          (client) =>
            call(client)(refOf(id, o.clientId) as never) as TE.TaskEither<ClickatellError, MessageAnswer>,
          (out, v) => [
            `${bold(out, v.apiMsgId ?? v.cliMsgId ?? '')}  status ${v.status.code} ${v.status.description}${v.charge === undefined ? '' : `  charge ${v.charge}`}`,
          ],
        ),
      )
  }

  program
    .command('balance')
    .description('credits left on the account (getbalance)')
    .action(() =>
      query(
        (client) => client.balance(),
        (out, v) => [`${bold(out, 'Credit')} ${v.raw}`],
      ),
    )

  program
    .command('coverage')
    .description('whether the gateway routes to a number, and the charge (routecoverage)')
    .argument('<msisdn>', 'the number or prefix')
    .action((msisdn: string) =>
      query(
        (client) => client.coverage(msisdn),
        (out, v) => [
          v.routable
            ? `${green(out, 'routable')}  charge ${v.charge}  ${v.description}`
            : `${red(out, 'not routable')}  ${v.description}`,
        ],
        (v) => (v.routable ? EXIT.ok : EXIT.remote),
      ),
    )

  program
    .command('voucher')
    .description('spend a voucher (token_pay)')
    .argument('<token>', 'the voucher number')
    .action((token: string) =>
      query(
        (client) => client.voucher(token),
        (out, v) => [`${green(out, 'OK')} ${v.value}`],
      ),
    )

  messageOptions(
    program
      .command('bulk')
      .description('personalised messages from a CSV through the batch commands, previewed first')
      .requiredOption('--csv <file>', 'CSV with a header row: a number column and the fields')
      .requiredOption('--template <text>', 'the template: #field1#.. or #<column name>#')
      .option(
        '--number-column <name>',
        'the column with the numbers (default: the first named number/msisdn/to/phone/mobile, else the first)',
      )
      .option('--charge <credits>', 'credits per part, for the cost', number('--charge'))
      .option('--dry-run', 'preview only')
      .option('--failures <file>', 'where to write the rows that failed (default: <csv>.failures.csv)')
      .option('--concurrency <n>', 'items in flight', number('--concurrency'))
      .option('--rate <n>', 'items per second (default 100)', number('--rate')),
  ).action(
    async (
      o: MessageFlags & {
        csv: string
        template: string
        numberColumn?: string
        charge?: number
        dryRun?: boolean
        failures?: string
        concurrency?: number
        rate?: number
      },
    ) => {
      let content: string
      try {
        content = readFileSync(o.csv, 'utf8')
      } catch (e) {
        code = fail(
          io(),
          invalidInput([{ path: '--csv', message: `cannot read ${o.csv}: ${(e as Error).message}` }]),
        )
        return
      }
      const out = io()
      const plan = prepareBulk({ ...o, content })
      if (E.isLeft(plan)) {
        code = fail(out, plan.left)
        return
      }
      // With --json a real send prints one document: the preview goes into the result.
      if (!(out.json && o.dryRun !== true)) emitPreview(out, plan.right)
      if (o.dryRun === true || plan.right.good.length === 0) {
        code = plan.right.good.length === 0 ? EXIT.input : EXIT.ok
        return
      }
      await withClient((client, out) => sendBulk(plan.right, o, client, out))
    },
  )

  program
    .command('simulator')
    .description('start the gateway simulator and print its URL and demo credentials')
    .option('--port <n>', 'port on 127.0.0.1 (default: any free port)', number('--port'))
    .action(async (o: { port?: number }) => {
      const { startSimulator } = await import('../simulator/index.js')
      const sim = await startSimulator(o.port === undefined ? {} : { port: o.port })
      const out = io()
      const demo = sim.demo!
      emit(out, { url: sim.url, demo }, () => [
        `${bold(out, 'Simulator')} listening on ${sim.url}`,
        `export CLICKATELL_URL=${sim.url}`,
        `export CLICKATELL_API_ID=${demo.apiId} CLICKATELL_USER=${demo.user} CLICKATELL_PASSWORD=${demo.password}`,
        'Press Ctrl+C to stop.',
      ])
      await new Promise<void>((resolve) => {
        const stop = () => resolve()
        process.once('SIGINT', stop)
        process.once('SIGTERM', stop)
      })
      await sim.close()
    })

  program
    .command('demo')
    .description('preview a message, send it, then ask its status and the balance')
    .action(async () => {
      const text = 'Hello from clickatell-fp: it’s 5€ [demo]'
      const out = io()
      const r = preview(text, { charge: 1 })
      emit(out, r, () => [bold(out, `Preview of ${JSON.stringify(text)}`), ...render(out, r), ''])
      await withClient(async (client, o2) => {
        const sent = await client.send({ to: '447900000001', text })()
        if (E.isLeft(sent)) return fail(o2, sent.left)
        for (const x of sent.right.outcomes) o2.out(outcomeLine(o2, x))
        const first = sent.right.outcomes[0]
        if (first?._tag === 'Accepted') {
          const s = await client.status({ apiMsgId: first.apiMsgId })()
          if (E.isRight(s)) o2.out(`status ${s.right.status.code} ${s.right.status.description}`)
        }
        const b = await client.balance()()
        if (E.isRight(b)) o2.out(`${bold(o2, 'Credit')} ${b.right.raw}`)
        return first?._tag === 'Accepted' ? EXIT.ok : EXIT.remote
      })
    })

  try {
    await program.parseAsync([...argv], { from: 'user' })
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end here with code 0; anything else is a usage error: bad input.
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.exitCode === 0)
        return EXIT.ok
      if (!/^error:/.test(e.message)) world.stderr.write(`error: ${e.message}\n`)
      return EXIT.input
    }
    world.stderr.write(`error: ${e instanceof Error ? e.message : String(e)}\n`)
    return EXIT.remote
  }
  return code
}
