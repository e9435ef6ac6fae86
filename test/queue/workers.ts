// Worker processes for the queue's integration test and benchmark: each a real child process running
// test/queue/workerProcess.ts with tsx, started and stopped by its pid.
import { type ChildProcess, spawn } from 'node:child_process'
import { join } from 'node:path'

const ROOT = join(import.meta.dirname, '..', '..')

export interface WorkerProcess {
  readonly child: ChildProcess
  /** What it printed on stdout. */
  readonly output: () => string
  /** Resolves to its exit code (null after a signal). */
  readonly exited: Promise<number | null>
}

/** Starts a worker process with these settings and resolves once it says it is ready. */
export const startWorkerProcess = async (env: Readonly<Record<string, string>>): Promise<WorkerProcess> => {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'test', 'queue', 'workerProcess.ts')],
    {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let out = ''
  let err = ''
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString()
  })
  child.stderr.on('data', (d: Buffer) => {
    err += d.toString()
  })
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  const started = Date.now()
  while (!out.includes('ready')) {
    if (child.exitCode !== null) throw new Error(`worker exited with ${child.exitCode}: ${err}`)
    if (Date.now() - started > 60_000) throw new Error(`worker did not start within 60 s: ${err}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  return { child, output: () => out, exited }
}
