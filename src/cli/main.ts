#!/usr/bin/env node
/**
 * The `clickatell` executable.
 *
 * @since 0.1.0
 */
import { run } from './Program.js'

const readStdin = async (): Promise<string> => {
  if (process.stdin.isTTY) return ''
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

run(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  readStdin,
  env: process.env,
}).then((code) => {
  process.exitCode = code
})
