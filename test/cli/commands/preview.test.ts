import { describe, expect, it } from 'vitest'
import { show } from '../../../src/cli/commands/preview.js'
import type { Io } from '../../../src/cli/Output.js'
import { cli } from '../fakeWorld.js'

describe('show', () => {
  it('prints the report and exits 2 only when it is too long', () => {
    const out: string[] = []
    const io: Io = {
      out: (l) => out.push(l),
      err: () => undefined,
      json: false,
      color: false,
      interactive: false,
    }
    expect(show(io, 'Hi', {})).toBe(0)
    expect(out[1]).toBe('Length    2 septets in 1 part of 160; 158 left in the last part')
    expect(show(io, 'x'.repeat(200), { maxParts: 1 })).toBe(2)
  })
})

describe('clickatell preview', () => {
  it('reports encoding, parts, offenders, a cheaper text and the given cost as JSON, with no gateway', async () => {
    const r = await cli(['--json', 'preview', `We’re open ${'x'.repeat(140)}`, '--charge', '0.8'], {
      env: {},
    })
    expect([r.code, r.err]).toEqual([0, ''])
    expect(JSON.parse(r.out)).toMatchObject({
      ok: true,
      value: {
        encoding: 'ucs2',
        reason: 'not-gsm',
        units: 151,
        parts: 3,
        perPart: 67,
        offenders: [{ position: 2, char: '’', codePoint: 'U+2019', replacement: "'", kind: 'typographic' }],
        suggestion: { encoding: 'gsm7', parts: 1, savedParts: 2, lossy: false },
        reqFeat: { mask: 16392, features: ['UCS2', 'CONCAT'] },
        cost: { perPart: 0.8, total: 2.4, source: 'given' },
      },
    })
    expect(r.world.simulators.started).toEqual([])
    expect(r.world.transports.made).toBe(0)
  })

  it('joins the words given; else reads standard input; prints readable lines', async () => {
    const words = await cli(['preview', 'Hello', '[world]'])
    const stdin = await cli(['preview'], { stdin: 'Hello [world]\n' })
    const lines = [
      'Encoding  GSM-7, sent as ISO-8859-1 text: every character is GSM 03.38 and ISO-8859-1',
      'Length    15 septets in 1 part of 160; 145 left in the last part',
      'req_feat  0 (none)',
      '',
    ].join('\n')
    expect([words.code, words.out]).toEqual([0, lines])
    expect([stdin.code, stdin.out]).toEqual([0, lines])
  })

  it('no text and standard input a terminal: says how to give the text, exit 2', async () => {
    const r = await cli(['preview'])
    expect([r.code, r.out, r.err]).toEqual([
      2,
      '',
      'error: invalid input: text: no text given: give it as arguments (clickatell preview "Hello"), or pipe it in (echo "Hello" | clickatell ...)\n',
    ])
  })

  it('the cost in words: parts and credits, singular and plural', async () => {
    const one = await cli(['preview', 'Hi', '--charge', '1'])
    expect(one.out).toContain('Cost      1 part x 1 credit = 1 credit\n')
    const three = await cli(['preview', `We’re open ${'x'.repeat(140)}`, '--charge', '0.8'])
    expect(three.out).toContain('Cost      3 parts x 0.8 credits = 2.4 credits\n')
  })

  it('passes --from, --callback and --ucs2 to the report', async () => {
    const r = await cli(['--json', 'preview', 'Hi', '--from', 'Acme', '--callback', '3', '--ucs2'])
    expect(JSON.parse(r.out).value).toMatchObject({
      encoding: 'ucs2',
      reason: 'forced',
      reqFeat: { mask: 8216, features: ['UCS2', 'ALPHA', 'DELIVACK'] },
    })
  })

  it('exits 2 when the text needs more parts than --max-parts', async () => {
    const r = await cli(['preview', 'x'.repeat(400), '--max-parts', '2'])
    expect(r.code).toBe(2)
    expect(r.out).toContain('Too long    needs 3 parts, but at most 2 are allowed (--max-parts)\n')
    expect(r.err).toBe(
      'error: message too long: 400 GSM-7 septets need 3 parts (153 per part), but at most 2 are allowed\n',
    )
    const json = await cli(['--json', 'preview', 'x'.repeat(400), '--max-parts', '2'])
    expect(JSON.parse(json.out)).toMatchObject({
      ok: false,
      error: { _tag: 'MessageTooLong', parts: 3, limit: 2 },
      value: { parts: 3, tooLong: { parts: 3, limit: 2 } },
    })
  })

  it('--coverage asks the gateway for the charge per part', async () => {
    const r = await cli(['preview', 'Hi', '--coverage', '447900000001'])
    expect([r.code, r.err]).toEqual([0, ''])
    expect(r.out.split('\n').at(-2)).toBe(
      'Cost      1 part x 1 credit = 1 credit (charge per part from routecoverage)',
    )
    expect(r.world.received).toEqual(['auth', 'routecoverage'])
  })

  it('--coverage to a number the gateway does not route to is bad input', async () => {
    const r = await cli(['--json', 'preview', 'Hi', '--coverage', '999'])
    expect(r.code).toBe(2)
    expect(JSON.parse(r.out)).toEqual({
      ok: false,
      error: {
        _tag: 'InvalidInput',
        problems: [
          {
            path: 'coverage',
            message:
              'the gateway does not route to 999: This prefix is not currently supported. Messages sent to this prefix will fail. Please contact support for assistance.',
          },
        ],
        message:
          'invalid input: coverage: the gateway does not route to 999: This prefix is not currently supported. Messages sent to this prefix will fail. Please contact support for assistance.',
      },
    })
  })

  it('--coverage when the gateway cannot be reached exits 1', async () => {
    const r = await cli(['preview', 'Hi', '--coverage', '447900000001'], { down: ['auth'] })
    expect([r.code, r.out, r.err]).toEqual([
      1,
      '',
      'error: transport error (network): connect ECONNREFUSED http://gateway.test\n',
    ])
  })
})
