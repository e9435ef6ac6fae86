import { describe, expect, it } from 'vitest'
import { cli } from '../fakeWorld.js'

describe('clickatell quicksend', () => {
  it('sends one text to many numbers as a batch: startbatch, quicksend, endbatch', async () => {
    const r = await cli([
      'quicksend',
      '--to',
      '447900000001,07900000002',
      '--text',
      'Sale today',
      '--country',
      '44',
    ])
    expect([r.code, r.err]).toEqual([0, ''])
    expect(r.world.received.filter((c) => c !== 'auth')).toEqual(['startbatch', 'quicksend', 'endbatch'])
    const stored = r.world.target.store.messages
    expect(stored.map((m) => [m.to, m.text, m.command])).toEqual([
      ['447900000001', 'Sale today', 'quicksend'],
      ['447900000002', 'Sale today', 'quicksend'],
    ])
    expect(r.out).toMatch(/^Message {3}GSM-7, 1 part/)
    expect(r.out).toMatch(/accepted 447900000002 {2}apiMsgId /)
  })

  it('--json: the batch id and one outcome per recipient', async () => {
    const r = await cli(['--json', 'quicksend', '--to', '447900000001', '--text', 'Hi', '--from', 'Acme'])
    const doc = JSON.parse(r.out)
    expect([r.code, doc.ok, doc.value.outcomes.length, typeof doc.value.batchId]).toEqual([
      0,
      true,
      1,
      'string',
    ])
  })

  it('--data and --udh send 8-bit content as the batch, without reading a text', async () => {
    const r = await cli([
      'quicksend',
      '--to',
      '447900000001,447900000002',
      '--udh',
      '0605040B8423F0',
      '--data',
      'CAFE',
    ])
    expect([r.code, r.err]).toEqual([0, ''])
    expect(r.out).toMatch(/^Message {3}8-bit, 1 part \(9 bytes\)/)
    const stored = r.world.target.store.messages
    expect(stored.map((m) => [m.text, m.encoding, m.units])).toEqual([
      ['CAFE', '8bit', 9],
      ['CAFE', '8bit', 9],
    ])
    const both = await cli(['quicksend', '--to', '447900000001', '--text', 'Hi', '--data', 'CAFE'])
    expect([both.code, both.world.received]).toEqual([2, []])
  })

  it('a bad number sends nothing, exit 2', async () => {
    const r = await cli(['quicksend', '--to', '447900000001,abc', '--text', 'Hi'])
    expect([r.code, r.world.received]).toEqual([2, []])
  })
})
