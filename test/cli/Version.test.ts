import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { VERSION } from '../../src/cli/Version.js'

describe('VERSION', () => {
  it("is package.json's version", () => {
    const manifest = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8'))
    expect(VERSION).toBe(manifest.version)
  })
})
