// The declaration of `bulk`; what it does is in test/cli/BulkSend.test.ts.
import { Command as Program } from 'commander'
import { describe, expect, it } from 'vitest'
import type { Action } from '../../../src/cli/Context.js'
import { declare } from '../../../src/cli/commands/bulk.js'
import { cli } from '../fakeWorld.js'

describe('bulk', () => {
  it('declares its flags, the message flags but --client-id, and hands over one action', () => {
    const program = new Program('x').exitOverride()
    const chosen: Action[] = []
    declare(program, (a) => chosen.push(a))
    program.parse(['bulk', '--csv', 'a.csv', '--template', 'x'], { from: 'user' })
    const flags = program.commands[0]!.options.map((o) => o.long)
    expect(flags).toEqual(
      expect.arrayContaining([
        '--csv',
        '--template',
        '--yes',
        '--allow-ucs2',
        '--smart-encoding',
        '--dry-run',
      ]),
    )
    expect(flags).not.toContain('--client-id')
    expect(chosen).toHaveLength(1)
  })

  it('runs the bulk work when chosen', async () => {
    const r = await cli(['bulk', '--csv', 'p.csv', '--template', 'Hi #name#', '--dry-run'], {
      files: { 'p.csv': 'name,number\nAnn,447900000001\n' },
    })
    expect([r.code, r.out]).toEqual([0, 'Bulk preview 1 row: 1 ready, 0 invalid; 1 part\n'])
  })
})
