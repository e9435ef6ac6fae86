#!/usr/bin/env node
/**
 * The `clickatell` executable: the program in the real world.
 *
 * @since 0.1.0
 */
import { nodeWorld } from './NodeWorld.js'
import { run } from './Program.js'

run(process.argv.slice(2), nodeWorld()).then((code) => {
  process.exitCode = code
})
