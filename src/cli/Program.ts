/**
 * The `clickatell` program: the global flags, one module per command (`commands/`), and `run`, which parses the
 * arguments with commander, runs the action they name, and resolves to the exit code: 0 done, 1 the gateway or
 * the network failed, 2 refused before sending (bad input or usage).
 *
 * @since 0.1.0
 */
import { CommanderError, Option, Command as Program } from 'commander'
import { type Action, contextOf, type Declare, type GlobalFlags } from './Context.js'
import * as balance from './commands/balance.js'
import * as bulk from './commands/bulk.js'
import * as campaign from './commands/campaign.js'
import * as cancel from './commands/cancel.js'
import * as charge from './commands/charge.js'
import * as coverage from './commands/coverage.js'
import * as demo from './commands/demo.js'
import * as preview from './commands/preview.js'
import * as quicksend from './commands/quicksend.js'
import * as send from './commands/send.js'
import * as simulator from './commands/simulator.js'
import * as status from './commands/status.js'
import * as voucher from './commands/voucher.js'
import { deadlineFlag, timeoutFlag } from './Flags.js'
import { EXIT } from './Output.js'
import { configured, guarded } from './Secrets.js'
import { VERSION } from './Version.js'
import type { World } from './World.js'

export type { World } from './World.js'

/**
 * The commands, in the order `--help` lists them.
 *
 * @category data
 * @since 0.1.0
 */
export const COMMANDS: ReadonlyArray<Declare> = [
  preview.declare,
  send.declare,
  status.declare,
  charge.declare,
  cancel.declare,
  balance.declare,
  coverage.declare,
  voucher.declare,
  bulk.declare,
  quicksend.declare,
  campaign.declare,
  simulator.declare,
  demo.declare,
]

/**
 * The program and its global flags, writing its help and usage errors to the world's streams. Every command's
 * `--help` lists the global flags too.
 *
 * @category constructors
 * @since 0.1.0
 */
export const program = (world: World): Program =>
  new Program('clickatell')
    .description(
      'Clickatell HTTP API v2.6 from the command line. With no gateway configured, commands use an embedded simulator.',
    )
    .option('--json', 'print one JSON document')
    .option('--no-color', 'no colour')
    .option('--url <url>', 'gateway base URL (CLICKATELL_URL; default https://api.clickatell.com)')
    .option('--api-id <id>', 'API id (CLICKATELL_API_ID)')
    .option('--user <user>', 'user name (CLICKATELL_USER)')
    .addOption(new Option('--password <password>', 'password (CLICKATELL_PASSWORD)'))
    .option('--rest', 'use the legacy REST API, with a token, instead of the HTTP API')
    .addOption(new Option('--token <token>', 'REST API token, with --rest (CLICKATELL_TOKEN)'))
    .addOption(timeoutFlag())
    .addOption(deadlineFlag())
    .version(VERSION, '-V, --version', 'print the version')
    .configureHelp({ showGlobalOptions: true })
    .exitOverride()
    .configureOutput({
      writeOut: (s) => world.stdout.write(s),
      writeErr: (s) => world.stderr.write(s),
    })

/** The exit code of a usage error commander threw: 0 after --help or --version, else 2. */
const usageExit = (e: CommanderError, world: World): number => {
  if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.exitCode === 0)
    return EXIT.ok
  if (!/^error:/.test(e.message)) world.stderr.write(`error: ${e.message}\n`)
  return EXIT.input
}

/** Anything thrown that is not a usage error (a simulator that cannot start, say): one line, exit 1. */
const unexpected = (e: unknown, world: World): number => {
  world.stderr.write(`error: ${e instanceof Error ? e.message : String(e)}\n`)
  return EXIT.remote
}

/**
 * Runs the program; resolves to the exit code.
 *
 * @example
 * import { run } from './Program.js'
 * const out: string[] = []
 * const stream = { write: (s: string) => out.push(s) }
 * const code = await run(['--json', 'preview', 'Hi'], { stdout: stream, stderr: stream, env: {} } as never)
 * console.log(code, JSON.parse(out.join('')).parts) // 0 1
 * @category main
 * @since 0.1.0
 */
export const run = async (argv: ReadonlyArray<string>, unguarded: World): Promise<number> => {
  // Every output of the program, commander's included, goes through the scrub of its secrets.
  const world = guarded(unguarded, configured(argv, unguarded.env))
  const p = program(world)
  // Commander drops what an action returns: the action only names the work, which runs once parsing is done.
  const chosen: Action[] = []
  for (const declare of COMMANDS) declare(p, (action) => chosen.push(action))
  try {
    await p.parseAsync([...argv], { from: 'user' })
  } catch (e) {
    return e instanceof CommanderError ? usageExit(e, world) : unexpected(e, world)
  }
  const action = chosen[0]
  if (action === undefined) return EXIT.ok
  try {
    return await action(contextOf(world, p.opts<GlobalFlags>()))
  } catch (e) {
    return unexpected(e, world)
  }
}
