// The built package for the tests that use it (test/package.test.ts, test/runtimes): `ensureDist()` runs
// `npm run build` only when dist/ is missing or older than the sources (CI builds it just before the tests), and
// under a lock, so two test files that find it stale at once do not both write dist/.
import { execFile } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'

export const ROOT = join(import.meta.dirname, '..', '..')

/** Every file named anywhere in a conditional exports value. */
export const targets = (node: unknown): string[] =>
  typeof node === 'string'
    ? [node]
    : typeof node === 'object' && node !== null
      ? Object.values(node).flatMap(targets)
      : []

const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)],
  )
const mtime = (file: string): number => statSync(file).mtimeMs

const isStale = (): boolean => {
  const built = join(ROOT, 'dist', 'index.cjs')
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    readonly exports: unknown
    readonly bin: Readonly<Record<string, string>>
  }
  const all = targets(manifest.exports).concat(Object.values(manifest.bin))
  if (!existsSync(built) || all.some((t) => !existsSync(join(ROOT, t)))) return true
  const inputs = files(join(ROOT, 'src')).concat(
    ['package.json', 'tsup.config.ts', 'cli.build.ts'].map((f) => join(ROOT, f)),
  )
  return inputs.some((f) => mtime(f) > mtime(built))
}

// One lock per checkout; a lock older than the longest build is left over from a killed run.
const LOCK = join(tmpdir(), `clickatell-fp-build-${ROOT.replace(/[^A-Za-z0-9]+/g, '_')}`)
const STALE_LOCK_MS = 300_000

const ageOfLock = (): number => {
  try {
    return Date.now() - mtime(LOCK)
  } catch {
    return 0 // released meanwhile
  }
}

const acquire = async (): Promise<void> => {
  for (;;) {
    try {
      mkdirSync(LOCK)
      return
    } catch {
      if (ageOfLock() > STALE_LOCK_MS) rmSync(LOCK, { recursive: true, force: true })
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
  }
}

/** Builds dist/ when it is missing or stale; resolves when it is current. */
export const ensureDist = async (): Promise<void> => {
  await acquire()
  try {
    if (isStale()) await promisify(execFile)('npm', ['run', 'build', '--silent'], { cwd: ROOT })
  } finally {
    rmSync(LOCK, { recursive: true, force: true })
  }
}
