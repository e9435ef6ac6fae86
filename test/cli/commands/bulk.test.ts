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

  it('--country gives national numbers their code; without it, the refusal names --country', async () => {
    const files = { 'p.csv': 'name,number\nAnn,07900000001\nBob,447900000002\n' }
    const args = ['bulk', '--csv', 'p.csv', '--template', 'Hi #name#', '--yes']
    const r = await cli([...args, '--country', '44'], { files })
    expect(r.code).toBe(0)
    expect(r.world.target.store.messages.map((m) => m.to)).toEqual(['447900000001', '447900000002'])
    const plain = await cli([...args, '--dry-run'], { files })
    expect(plain.out).toMatch(/1 ready, 1 invalid/)
    const json = await cli(['--json', ...args, '--dry-run'], { files })
    expect(json.out).toMatch(/--country <code> gives national numbers their country code/)
  })
})
