// Runs every benchmark in bench/ one after another, each in a process of its own (so one cannot warm up or
// slow down the next), and prints their tables. `npm run bench`; `npm run bench -- parts` runs the ones whose
// file name contains "parts".
import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'

const dir = import.meta.dirname
const filter = process.argv[2] ?? ''
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts') && f.includes(filter))
  .sort()
let failed = 0
for (const f of files) {
  console.log(`\n## ${f}\n`)
  const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', join(dir, f)], {
    stdio: 'inherit',
  })
  if (r.status !== 0) failed++
}
process.exit(failed === 0 ? 0 : 1)
