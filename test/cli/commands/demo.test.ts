import { describe, expect, it } from 'vitest'
import { DEMO_TEXT, DEMO_TO } from '../../../src/cli/commands/demo.js'
import { DEMO } from '../../../src/cli/Embedded.js'
import { cli } from '../fakeWorld.js'

const PREVIEW = [
  'Preview of "Hello from clickatell-fp: it’s 5€ [demo]"',
  'Encoding  UCS-2, sent as UCS-2 hex (unicode=1): some characters are not in GSM 03.38',
  'Length    40 UTF-16 units in 1 part of 70; 30 left in the last part',
  'Forces UCS-2',
  `  position   28: "’" U+2019 not-gsm -> "'" (typographic)`,
  '  position   32: "€" U+20AC not-latin1 -> "EUR" (lossy)',
  'Cheaper   GSM-7, 1 part (changes spelling):',
  "  Hello from clickatell-fp: it's 5EUR [demo]",
  'UCS-2 hex 00480065006C006C006F002000660072006F006D00200063006C00690063006B006100740065006C006C002D00660070003A00200069007420190073...',
  'req_feat  8 (UCS2)',
  'Cost      1 part x 1 credit = 1 credit',
  '',
]

describe('clickatell demo', () => {
  it('previews, sends, asks the status and the balance, on the embedded simulator: exit 0', async () => {
    const r = await cli(['demo'], { env: {} })
    expect(r.code).toBe(0)
    const sim = r.world.gateways.get('http://127.0.0.1:40001')!
    const sent = sim.store.messages[0]!
    expect([sent.to, sent.text]).toEqual([DEMO_TO, DEMO_TEXT])
    expect(r.out.split('\n')).toEqual([
      ...PREVIEW,
      `accepted 447900000001  apiMsgId ${sent.apiMsgId}  clientMessageId ${sent.cliMsgId}`,
      'status 002 Message queued',
      'Credit 99999.000',
      '',
    ])
    expect(r.err).toBe(
      'No gateway configured (CLICKATELL_URL, CLICKATELL_API_ID, CLICKATELL_USER, CLICKATELL_PASSWORD): using an embedded simulator at http://127.0.0.1:40001, keeping no state (set HOME or XDG_STATE_HOME to keep it between runs).\n',
    )
    expect(r.world.received).toEqual(['auth', 'sendmsg', 'querymsg', 'getbalance'])
    expect(r.world.simulators).toEqual({ started: [DEMO], closed: 1 })
  })

  it('a message that does not go: its line, the balance, exit 1', async () => {
    const r = await cli(['demo'], { down: ['sendmsg'] })
    expect(r.code).toBe(1)
    expect(r.out.split('\n').slice(PREVIEW.length)).toEqual([
      'rejected 447900000001  transport error (network): connect ECONNREFUSED http://gateway.test',
      'Credit 5000.000',
      '',
    ])
    expect(r.err).toBe('error: the demo message was not accepted\n')
  })

  it('with --json, one document: the preview, the outcome, the status and the balance', async () => {
    const r = await cli(['--json', 'demo'])
    expect(r.code).toBe(0)
    const doc = JSON.parse(r.out)
    expect(doc).toMatchObject({
      ok: true,
      value: {
        preview: { text: DEMO_TEXT, encoding: 'ucs2', parts: 1 },
        outcomes: [{ _tag: 'Accepted', to: DEMO_TO }],
        status: { status: { code: '002' } },
        balance: { credit: 4999 },
      },
    })
  })

  it('a gateway that refuses the account: the preview, the refusal, no balance, exit 1', async () => {
    const r = await cli(['--password', 'wrong', 'demo'])
    expect([r.code, r.err]).toEqual([1, 'error: the demo message was not accepted\n'])
    expect(r.out.split('\n').slice(PREVIEW.length)).toEqual([
      'rejected 447900000001  gateway error 001 on auth: Authentication failed',
      '',
    ])
  })
})
