/**
 * What a command runs with: the world, how to speak (from the global flags), and the flags naming the gateway.
 * Each command module declares its subcommand and hands `perform` the action the arguments ask for; the program
 * runs that action once parsing is done and exits with the code it resolves to.
 *
 * @since 0.1.0
 */
import type { Command as Program } from 'commander'
import * as E from 'fp-ts/lib/Either.js'
import { type InvalidInput, invalidInput } from '../core/errors.js'
import type { Io } from './Output.js'
import type { TargetFlags } from './Target.js'
import type { World } from './World.js'

/**
 * The flags every command takes (before its name).
 *
 * @category model
 * @since 0.1.0
 */
export interface GlobalFlags extends TargetFlags {
  readonly json?: boolean
  /** False with `--no-color`. */
  readonly color?: boolean
  /** `--timeout <ms>`: the longest one request may take. */
  readonly timeout?: number
  /** `--deadline <ms>`: the longest one call may take, its retries and checks included. */
  readonly deadline?: number
}

/**
 * How long the client may wait, as the flags ask (the client's defaults otherwise: 30 s a request, no deadline).
 *
 * @category model
 * @since 0.1.0
 */
export interface Limits {
  readonly timeoutMs?: number
  readonly deadlineMs?: number
}

/**
 * What an action runs with.
 *
 * @category model
 * @since 0.1.0
 */
export interface Context {
  readonly world: World
  readonly io: Io
  readonly target: TargetFlags
  readonly limits: Limits
}

/**
 * A command's work for the arguments given: resolves to the exit code.
 *
 * @category model
 * @since 0.1.0
 */
export type Action = (ctx: Context) => Promise<number>

/**
 * A command module: declares its subcommand on the program; commander's action hands `perform` the work.
 *
 * @category model
 * @since 0.1.0
 */
export type Declare = (program: Program, perform: (action: Action) => void) => void

/**
 * How the program speaks in a world with these flags: JSON with `--json`; colour only on a terminal, without
 * `--no-color` and without `NO_COLOR`; the progress bar only when stderr is a terminal.
 *
 * @example
 * import { ioOf } from './Context.js'
 * const lines: string[] = []
 * const stream = { write: (s: string) => lines.push(s), isTTY: true }
 * const io = ioOf({ stdout: stream, stderr: stream, env: {} } as never, { json: true })
 * io.out('hi')
 * console.log(lines, io.json, io.color) // ['hi\n'] true true
 * @category constructors
 * @since 0.1.0
 */
export const ioOf = (world: World, flags: GlobalFlags): Io => ({
  out: (l) => world.stdout.write(`${l}\n`),
  err: (l) => world.stderr.write(`${l}\n`),
  json: flags.json === true,
  color: flags.color !== false && world.stdout.isTTY === true && world.env.NO_COLOR === undefined,
  interactive: world.stderr.isTTY === true,
})

/**
 * The context of an action, from the world and the parsed global flags.
 *
 * @category constructors
 * @since 0.1.0
 */
export const contextOf = (world: World, flags: GlobalFlags): Context => ({
  world,
  io: ioOf(world, flags),
  target: {
    ...(flags.url === undefined ? {} : { url: flags.url }),
    ...(flags.apiId === undefined ? {} : { apiId: flags.apiId }),
    ...(flags.user === undefined ? {} : { user: flags.user }),
    ...(flags.password === undefined ? {} : { password: flags.password }),
    ...(flags.rest === true ? { rest: true } : {}),
    ...(flags.token === undefined ? {} : { token: flags.token }),
  },
  limits: {
    ...(flags.timeout === undefined ? {} : { timeoutMs: flags.timeout }),
    ...(flags.deadline === undefined ? {} : { deadlineMs: flags.deadline }),
  },
})

/**
 * The text of a message: the words given, joined by spaces, or else standard input without its last newline.
 * With no words and standard input a terminal, there is no text: bad input naming both ways to give it.
 *
 * @example
 * import { textOf } from './Context.js'
 * const world = { readStdin: async () => 'from stdin\n' } as never
 * console.log(await textOf(world, ['a', 'b'], '--text'), await textOf(world, [], '--text'))
 * // { _tag: 'Right', right: 'a b' } { _tag: 'Right', right: 'from stdin' }
 * @category utils
 * @since 0.1.0
 */
export const textOf = async (
  world: World,
  words: ReadonlyArray<string>,
  how: string,
): Promise<E.Either<InvalidInput, string>> => {
  if (words.length > 0) return E.right(words.join(' '))
  const piped = await world.readStdin()
  return piped === undefined
    ? E.left(
        invalidInput([
          {
            path: 'text',
            message: `no text given: give it ${how}, or pipe it in (echo "Hello" | clickatell ...)`,
          },
        ]),
      )
    : E.right(piped.replace(/\r?\n$/, ''))
}
