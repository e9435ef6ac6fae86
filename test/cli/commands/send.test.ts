import { describe, expect, it } from 'vitest'
import {
  messageOf,
  outcomeJson,
  outcomeLine,
  recipientsOf,
  sendExit,
} from '../../../src/cli/commands/send.js'
import type { Io } from '../../../src/cli/Output.js'
import type { RecipientOutcome } from '../../../src/client/Send.js'
import { type ClickatellError, gatewayError, invalidInput, transportError } from '../../../src/core/errors.js'
import { cli } from '../fakeWorld.js'

const io: Io = { out: () => undefined, err: () => undefined, json: false, color: false, interactive: false }

const accepted: RecipientOutcome = {
  _tag: 'Accepted',
  to: '447900000001',
  apiMsgId: 'a1',
  clientMessageId: 'c1',
  attempts: 1,
  confirmed: false,
} as RecipientOutcome
const rejected = (error: ClickatellError) =>
  ({ _tag: 'Rejected', to: '447900000002', clientMessageId: 'c2', error, attempts: 1 }) as RecipientOutcome
const unknown = {
  _tag: 'Unknown',
  to: '447900000003',
  clientMessageId: 'c3',
  error: transportError('timeout', 'no answer'),
  attempts: 1,
} as RecipientOutcome

describe('the pieces', () => {
  it('recipientsOf splits on commas and drops blanks', () => {
    expect(recipientsOf('447900000001, 447900000002 ,,')).toEqual(['447900000001', '447900000002'])
    expect(recipientsOf(' , ')).toEqual([])
  })

  it('messageOf: one recipient as a string, several as an array, with the flags as options', () => {
    expect(messageOf(['1'], 'Hi', { from: 'Acme', ucs2: true })).toEqual({
      to: '1',
      text: 'Hi',
      from: 'Acme',
      encoding: 'ucs2',
    })
    expect(messageOf(['1', '2'], 'Hi', {})).toEqual({ to: ['1', '2'], text: 'Hi' })
  })

  it('outcomeLine for each outcome', () => {
    expect(outcomeLine(io, accepted)).toBe('accepted 447900000001  apiMsgId a1  clientMessageId c1')
    expect(outcomeLine(io, { ...accepted, confirmed: true } as RecipientOutcome)).toBe(
      'accepted 447900000001  apiMsgId a1  clientMessageId c1 (answer lost; confirmed by querymsg)',
    )
    expect(
      outcomeLine(io, rejected(gatewayError('sendmsg', '121', 'Destination mobile number blocked'))),
    ).toBe('rejected 447900000002  gateway error 121 on sendmsg: Destination mobile number blocked')
    expect(outcomeLine(io, unknown)).toBe(
      'unknown  447900000003  clientMessageId c3: transport error (timeout): no answer; check later with: clickatell status --client-id c3',
    )
    expect(outcomeLine({ ...io, color: true }, accepted).startsWith('\u001b[32maccepted\u001b[0m ')).toBe(
      true,
    )
  })

  it('outcomeJson: an accepted outcome as it is, an error JSON-safe with its message', () => {
    expect(outcomeJson(accepted)).toBe(accepted)
    expect(outcomeJson(unknown)).toEqual({
      ...unknown,
      error: { _tag: 'TransportError', kind: 'timeout', message: 'transport error (timeout): no answer' },
    })
  })

  it('sendExit: 0 all accepted, 2 every one refused as bad input (nothing sent), else 1', () => {
    const bad = rejected(invalidInput([{ path: 'to', message: 'bad' }]))
    expect(sendExit([accepted, accepted])).toBe(0)
    expect(sendExit([])).toBe(0)
    expect(sendExit([accepted, unknown])).toBe(1)
    expect(sendExit([accepted, rejected(gatewayError('sendmsg', '121', 'blocked'))])).toBe(1)
    expect(sendExit([bad, bad])).toBe(2)
    // Partly sent is 1, never 2.
    expect(sendExit([accepted, bad])).toBe(1)
    expect(sendExit([unknown, bad])).toBe(1)
  })
})

describe('clickatell send', () => {
  it('sends to one recipient: one line, exit 0, the flags on the wire', async () => {
    const r = await cli([
      'send',
      '--to',
      '447900000001',
      '--text',
      'Hello',
      '--client-id',
      'order42',
      '--from',
      'Acme',
      '--deliver-after',
      '60',
    ])
    const stored = r.world.target.store.messages
    expect(stored).toHaveLength(1)
    expect([r.code, r.err]).toEqual([0, ''])
    expect(r.out).toBe(
      `Message   GSM-7, 1 part (5 septets)\naccepted 447900000001  apiMsgId ${stored[0]!.apiMsgId}  clientMessageId order42\n`,
    )
    expect(stored[0]).toMatchObject({ to: '447900000001', text: 'Hello', from: 'Acme', cliMsgId: 'order42' })
    expect(stored[0]!.params.get('deliv_time')).toBe('60')
  })

  it('sends to several with --json: one outcome each, in order', async () => {
    const r = await cli(['--json', 'send', '--to', '447900000001,447900000002', '--text', 'Grüße'])
    expect([r.code, r.err]).toEqual([0, ''])
    const doc = JSON.parse(r.out)
    expect(doc.ok).toBe(true)
    expect(doc.value.outcomes.map((o: { _tag: string; to: string }) => [o._tag, o.to])).toEqual([
      ['Accepted', '447900000001'],
      ['Accepted', '447900000002'],
    ])
    expect(r.world.target.store.messages.map((m) => m.text)).toEqual(['Grüße', 'Grüße'])
  })

  it('reads the text from standard input without its last newline', async () => {
    const r = await cli(['send', '--to', '447900000001'], { stdin: 'From stdin\n' })
    expect(r.code).toBe(0)
    expect(r.world.target.store.messages.map((m) => m.text)).toEqual(['From stdin'])
  })

  it('bad input exits 2 with one line, before anything is sent', async () => {
    const r = await cli(['send', '--to', 'abc', '--text', 'hi'])
    expect([r.code, r.out]).toEqual([2, ''])
    expect(r.err).toBe(
      'error: invalid input: to: must be digits only; "a" at 0 is not (Msisdn.normalise removes spaces, dashes and brackets)\n',
    )
    expect(r.world.received).toEqual([])
  })

  it('a recipient the gateway refuses: its line, exit 1, the others still sent', async () => {
    const r = await cli(['send', '--to', '447900000001,447900000009', '--text', 'hi'], {
      gateway: { blocked: ['447900000009'] },
    })
    expect(r.code).toBe(1)
    expect(r.out.split('\n')).toEqual([
      'Message   GSM-7, 1 part (2 septets)',
      expect.stringMatching(/^accepted 447900000001 {2}apiMsgId [0-9a-f]{32} {2}clientMessageId \w+$/),
      'rejected 447900000009  gateway error 121 on sendmsg: Destination mobile number blocked',
      '',
    ])
    expect(r.err).toBe('error: 1 of 2 not accepted\n')
  })

  it('an answer lost, then confirmed by querymsg, is accepted: exit 0', async () => {
    const r = await cli(['send', '--to', '447900000001', '--text', 'hi', '--client-id', 'order7'], {
      lost: ['sendmsg'],
    })
    expect(r.code).toBe(0)
    expect(r.out).toMatch(/ clientMessageId order7 \(answer lost; confirmed by querymsg\)\n$/)
    expect(r.world.received).toEqual(['auth', 'sendmsg', 'querymsg'])
  })

  it('an answer lost that cannot be checked is unknown: exit 1, and how to check later', async () => {
    const r = await cli(['--json', 'send', '--to', '447900000001', '--text', 'hi', '--client-id', 'order8'], {
      lost: ['sendmsg'],
      down: ['querymsg'],
    })
    expect(r.code).toBe(1)
    expect(JSON.parse(r.out)).toEqual({
      ok: false,
      error: { _tag: 'NotAllAccepted', message: '1 of 1 not accepted' },
      value: {
        message: { text: 'hi', encoding: 'gsm7', units: 2, unitName: 'septets', parts: 1 },
        outcomes: [
          {
            _tag: 'Unknown',
            to: '447900000001',
            clientMessageId: 'order8',
            error: {
              _tag: 'TransportError',
              kind: 'network',
              message: 'transport error (network): socket hang up',
            },
            attempts: 1,
          },
        ],
      },
    })
  })

  it('reports the encoding, the parts and, with --charge, the cost of each message and of all', async () => {
    const text = `We’re open ${'x'.repeat(140)}`
    const r = await cli(['send', '--to', '447900000001,447900000002', '--text', text, '--charge', '0.8'])
    expect(r.code).toBe(0)
    expect(r.out.split('\n').slice(0, 2)).toEqual([
      'Message   UCS-2, 3 parts (151 UTF-16 units)',
      'Cost      3 parts x 0.8 credits = 2.4 credits a message; 4.8 credits for 2 messages',
    ])
    // A curly apostrophe tripled the cost: the warning says so, and how to avoid it.
    expect(r.err).toBe(
      'warning: a cheaper text exists: GSM-7 in 1 part instead of UCS-2 in 3; --smart-encoding makes it (lossless replacements), or see: clickatell preview\n',
    )
    const json = await cli(['--json', 'send', '--to', '447900000001', '--text', text, '--charge', '0.8'])
    expect(JSON.parse(json.out).value.message).toEqual({
      text,
      encoding: 'ucs2',
      units: 151,
      unitName: 'UTF-16 units',
      parts: 3,
      cheaper: {
        text: text.replace('’', "'"),
        encoding: 'gsm7',
        parts: 1,
        savedParts: 2,
        lossy: false,
        smart: true,
      },
      cost: { perPart: 0.8, perMessage: 2.4, messages: 1, total: 2.4 },
    })
  })

  it('--smart-encoding makes the lossless replacements before sending, and says which', async () => {
    const text = `We’re open – ${'x'.repeat(140)}`
    const r = await cli(['send', '--to', '447900000001', '--text', text, '--smart-encoding'])
    expect([r.code, r.err]).toEqual([0, ''])
    expect(r.out.split('\n').slice(0, 2)).toEqual([
      'Message   GSM-7, 1 part (153 septets)',
      `Replaced  "’" -> "'" at 2, "–" -> "-" at 11 (--smart-encoding)`,
    ])
    expect(r.world.target.store.messages.map((m) => [m.text, m.encoding, m.parts])).toEqual([
      [`We're open - ${'x'.repeat(140)}`, 'gsm7', 1],
    ])
  })

  it('--smart-encoding leaves the lossy replacements to you, and the warning says why', async () => {
    const r = await cli(['send', '--to', '447900000001', '--text', 'Zoë’s 5€', '--smart-encoding'])
    expect(r.code).toBe(0)
    expect(r.world.target.store.messages[0]!.text).toBe("Zoë's 5€")
    expect(r.err).toBe(
      'warning: a cheaper text exists: GSM-7 in 1 part instead of UCS-2 in 1; it changes the spelling, so it is not made for you: see clickatell preview\n',
    )
  })

  it('no --text and standard input a terminal: says how to give it, exit 2, nothing sent', async () => {
    const r = await cli(['send', '--to', '447900000001'])
    expect([r.code, r.out]).toEqual([2, ''])
    expect(r.err).toBe(
      'error: invalid input: text: no text given: give it with --text "Hello", or pipe it in (echo "Hello" | clickatell ...)\n',
    )
    expect(r.world.received).toEqual([])
  })

  it('input refused before sending never mentions the embedded simulator', async () => {
    const r = await cli(['send', '--to', 'abc', '--text', 'Hello'], { env: {} })
    expect(r.code).toBe(2)
    expect(r.err).not.toContain('embedded simulator')
  })

  it('against the embedded simulator when nothing is configured, saying so in one line', async () => {
    const r = await cli(['send', '--to', '447900000001', '--text', 'Hello'], { env: { HOME: '/home/ann' } })
    expect(r.code).toBe(0)
    expect(r.err).toBe(
      'No gateway configured (CLICKATELL_URL, CLICKATELL_API_ID, CLICKATELL_USER, CLICKATELL_PASSWORD): using an embedded simulator at http://127.0.0.1:40001, its state in /home/ann/.local/state/clickatell-fp/simulator.json (clickatell simulator --reset clears it).\n',
    )
    expect(r.world.gateways.get('http://127.0.0.1:40001')!.store.messages).toHaveLength(1)
    expect(r.world.simulators.closed).toBe(1)
  })
})

describe('clickatell send: the limits of HTTP API v2.6', () => {
  const iso = (ms: number) => new Date(ms).toISOString()
  const T0 = Date.UTC(2024, 0, 1, 12, 0, 0)

  it.each([
    ['8 days ahead', iso(T0 + 8 * 86_400_000), /7 days \(10080 minutes\)/],
    ['in the past', iso(T0 - 3_600_000), /in the past/],
  ])('--deliver-at %s is refused by the clock, exit 2, nothing sent', async (_reason, at, why) => {
    const r = await cli(['send', '--to', '447900000001', '--text', 'Hi', '--deliver-at', at])
    expect(r.code).toBe(2)
    expect(r.err).toMatch(why)
    expect(r.world.received).toEqual([])
  })

  it('--deliver-at within 7 days is sent', async () => {
    const r = await cli([
      'send',
      '--to',
      '447900000001',
      '--text',
      'Hi',
      '--deliver-at',
      iso(T0 + 86_400_000),
    ])
    expect(r.code).toBe(0)
    expect(r.world.target.store.messages[0]!.params.get('scheduled_time')).toBe(
      String((T0 + 86_400_000) / 1000),
    )
  })

  it('--country 44 sends a national number internationally; without it, the refusal names --country', async () => {
    const r = await cli(['send', '--to', '07900000001', '--text', 'Hi', '--country', '44'])
    expect(r.code).toBe(0)
    expect(r.world.target.store.messages.map((m) => m.to)).toEqual(['447900000001'])
    const bad = await cli(['send', '--to', '07900000001', '--text', 'Hi', '--country', '+44'])
    expect([bad.code, bad.world.received]).toEqual([2, []])
    expect(bad.err).toMatch(/--country: must be a country code/)
  })

  it('--from with punctuation is sent, with a warning on standard error and in the JSON report', async () => {
    const r = await cli(['send', '--to', '447900000001', '--text', 'Hi', '--from', 'Dr.Smith'])
    expect(r.code).toBe(0)
    expect(r.err).toMatch(
      /^warning: from contains "\." at 2: punctuation in a sender id may not be supported/,
    )
    expect(r.world.target.store.messages[0]!.from).toBe('Dr.Smith')
    const json = await cli(['--json', 'send', '--to', '447900000001', '--text', 'Hi', '--from', 'Acme-Co'])
    expect(JSON.parse(json.out).value.message.warnings.map((w: { path: string }) => w.path)).toEqual(['from'])
  })

  it('--udh, --data and --binary send 8-bit content, without reading a text', async () => {
    const r = await cli(['send', '--to', '447900000001', '--udh', '0605040B8423F0', '--data', 'CAFE'])
    expect(r.code).toBe(0)
    expect(r.out).toMatch(/^Message {3}8-bit, 1 part \(9 bytes\)/)
    const stored = r.world.target.store.messages[0]!
    expect([stored.encoding, stored.params.get('udh'), stored.params.get('data')]).toEqual([
      '8bit',
      '0605040B8423F0',
      'CAFE',
    ])
    const both = await cli(['send', '--to', '447900000001', '--text', 'Hi', '--data', 'CAFE'])
    expect([both.code, both.world.received]).toEqual([2, []])
  })

  it('--require adds route features to req_feat, by name', async () => {
    const r = await cli(['send', '--to', '447900000001', '--text', 'Hi', '--require', 'flash,DELIVACK'])
    expect(r.code).toBe(0)
    const mask = Number(r.world.target.store.messages[0]!.params.get('req_feat'))
    expect(mask & 0x0200 && mask & 0x2000).toBeTruthy()
    const bad = await cli(['send', '--to', '447900000001', '--text', 'Hi', '--require', 'TELEPATHY'])
    expect([bad.code, bad.world.received]).toEqual([2, []])
  })
})
