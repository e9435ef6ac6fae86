/**
 * The built CLI as a process, for the tests that run it: compiled into a folder of the test's own (so two test
 * files never race one build), and run with a clean environment of `PATH` and what the test gives.
 */
import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildCli } from '../../cli.build.js'

/** The repository's root. */
export const ROOT = join(import.meta.dirname, '..', '..')

/** What a run of the CLI gave. */
export interface Run {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
}

/** Where `buildBin(folder)` puts the bin. */
export const binIn = (folder: string): string => join(ROOT, 'test-results', folder, 'cli', 'main.js')

/** Bundles the bin as `npm run build` does (cli.build.ts) into `test-results/<folder>/cli`. */
export const buildBin = (folder: string): Promise<void> =>
  buildCli(ROOT, join(ROOT, 'test-results', folder, 'cli'))

/** Runs `bin` with `base` and `env` as its environment (besides `PATH`), `input` on its standard input. */
export const runner =
  (bin: string, base: Readonly<Record<string, string>>) =>
  (args: ReadonlyArray<string>, env: Record<string, string> = {}, input?: string): Promise<Run> =>
    new Promise((resolve) => {
      const child = execFile(
        process.execPath,
        [bin, ...args],
        {
          env: { PATH: process.env.PATH ?? '', ...base, ...env },
          timeout: 60_000,
          maxBuffer: 16 * 1024 * 1024,
        },
        (error, stdout, stderr) =>
          resolve({
            code: error ? ((error as { code?: number }).code ?? 1) : 0,
            stdout: String(stdout),
            stderr: String(stderr),
          }),
      )
      if (input !== undefined) child.stdin?.end(input)
      else child.stdin?.end()
    })

/** Whether util-linux `script` is there to give the CLI a terminal. */
export const SCRIPT = existsSync('/usr/bin/script')

const quote = (s: string): string => `'${s.replaceAll("'", "'\\''")}'`

/**
 * Runs `bin` with a terminal for its standard input, output and error (util-linux `script`), `base` and `env` as
 * its environment (besides `PATH`); `input` is typed in. What the terminal showed is `output` (newlines as CRLF).
 */
export const terminalRunner =
  (bin: string, base: Readonly<Record<string, string>>) =>
  (
    args: ReadonlyArray<string>,
    env: Record<string, string> = {},
    input = '',
  ): Promise<{ readonly code: number; readonly output: string }> =>
    new Promise((resolve) => {
      const command = [process.execPath, bin, ...args].map(quote).join(' ')
      const child = execFile(
        '/usr/bin/script',
        ['-qec', command, '/dev/null'],
        {
          env: { PATH: process.env.PATH ?? '', ...base, ...env },
          timeout: 60_000,
          maxBuffer: 16 * 1024 * 1024,
        },
        (error, stdout) =>
          resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, output: String(stdout) }),
      )
      child.stdin?.end(input)
    })

/** A temporary folder with a HOME and an XDG_STATE_HOME in it (the embedded simulator keeps its state there). */
export const sandbox = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  return { dir, HOME: join(dir, 'home'), STATE: join(dir, 'state') }
}
