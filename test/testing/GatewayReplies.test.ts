import { fc, test } from '@fast-check/vitest'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import type { GatewayError } from '../../src/core/errors.js'
import * as Parse from '../../src/core/reply/Parse.js'
import * as ReplyText from '../../src/core/reply/Print.js'
import type { SendReply } from '../../src/core/reply/Replies.js'
import { all as commands } from '../../src/core/request/Command.js'
import { type GatewayReply, type GatewayReplyConstraints, gatewayReply } from '../../src/testing/index.js'

const numRuns = process.env.CI ? 100 : 200

describe('gatewayReply', () => {
  it.each(commands.map((c) => [c]))('%s: every body parses to its stated reply', (command) => {
    fc.assert(
      fc.property(gatewayReply({ command }), (g) => {
        expect(g.command).toBe(command)
        expect(Parse.reply(g.command, g.body)).toStrictEqual(g.reply)
      }),
      { numRuns },
    )
  })

  test.prop([gatewayReply({ quirks: false })], { numRuns })(
    'without quirks, the body is exactly what ReplyText writes for the reply',
    (g) => {
      const reply = g.reply as E.Either<GatewayError, never>
      const written = E.isLeft(reply) ? ReplyText.error(reply.left) : ReplyText.reply(g.command, reply.right)
      expect(g.body).toBe(written)
      expect(Parse.reply(g.command, g.body)).toStrictEqual(g.reply)
    },
  )

  test.prop([gatewayReply({ errors: false })], { numRuns })(
    'with errors: false, every reply is Right',
    (g) => {
      expect(g.reply._tag).toBe('Right')
      expect(Parse.reply(g.command, g.body)).toStrictEqual(g.reply)
    },
  )

  test.prop([gatewayReply({ command: 'quicksend', maxRecipients: 40 })], { numRuns: 20 })(
    'maxRecipients bounds the lines of a send',
    (g) => {
      if (E.isRight(g.reply)) expect((g.reply.right as SendReply).outcomes.length).toBeLessThanOrEqual(40)
      expect(Parse.reply(g.command, g.body)).toStrictEqual(g.reply)
    },
  )

  it('ignores a command it does not know: any command', () => {
    const drawn = fc.sample(gatewayReply({ command: 'sendsms' } as unknown as GatewayReplyConstraints), {
      numRuns: 300,
      seed: 1,
    })
    expect(new Set(drawn.map((g) => g.command)).size).toBe(13)
  })

  // Each quirk in docs/gateway.md ('Quirks') that a body can show, found among the drawn bodies.
  const drawn = fc.sample(gatewayReply(), { numRuns: 5000, seed: 2 })
  const find = (test: (g: GatewayReply) => boolean): boolean => drawn.some(test)
  const sendTos = (g: GatewayReply): ReadonlyArray<string | undefined> =>
    (g.command === 'sendmsg' || g.command === 'quicksend') && E.isRight(g.reply)
      ? g.reply.right.outcomes.map((o) => (o._tag === 'Accepted' ? o.to : o.error.to))
      : []
  it.each<[string, (g: GatewayReply) => boolean]>([
    ['a trailing space (quirks 5, 6)', (g) => /\S $/.test(g.body) || /\S \r?\n/.test(g.body)],
    ['CRLF line ends (quirk 6)', (g) => g.body.includes('\r\n')],
    ['a trailing LF (quirk 6)', (g) => /[^\r]\n$/.test(g.body)],
    ['ping as `OK: `, live (quirk 5)', (g) => g.command === 'ping' && g.body.startsWith('OK: ')],
    [
      'ping as `OK:`, fixtures (quirk 5)',
      (g) => g.command === 'ping' && /^OK:\s*$/.test(g.body) && !/^OK: /.test(g.body),
    ],
    ['an unpadded error code (quirk 8)', (g) => /^ERR: [1-9][0-9]?[, ]/m.test(g.body)],
    ['an error code without its comma (quirk 8)', (g) => /^ERR: [0-9]+ [A-Za-z]/m.test(g.body)],
    ['the live wording of a description (quirk 7)', (g) => g.body.includes('Invalid Destination Address')],
    [
      'routecoverage ERR without a code: not routable (quirk 4)',
      (g) => g.command === 'routecoverage' && E.isRight(g.reply) && !g.reply.right.routable,
    ],
    ['mixed ID and ERR lines (quirk 10)', (g) => /^ID: /m.test(g.body) && /^ERR: /m.test(g.body)],
    [
      'an ERR line without To among several (quirk 10)',
      (g) => sendTos(g).length > 1 && sendTos(g).includes(undefined),
    ],
    ['one recipient twice (quirk 10)', (g) => new Set(sendTos(g)).size < sendTos(g).filter(Boolean).length],
    ['a recipient with a leading zero (quirk 10)', (g) => / To: 0[0-9]+/.test(g.body)],
    ['several ID records on one line (quirk 11)', (g) => /ID: \S+ To: \S+ ID: /.test(g.body)],
    ['getmsgcharge by cliMsgId (quirk 12)', (g) => g.body.startsWith('cliMsgId: ')],
    ['getmsgcharge as ID: Charge: Status: (quirk 12)', (g) => /^ID: \S+ Charge: /.test(g.body)],
    ['getmsgcharge without an id (quirk 12)', (g) => g.body.startsWith('status: ')],
    ['a balance of three decimals (quirk 13)', (g) => /^Credit: [0-9]+\.[0-9]{3}\s*$/.test(g.body)],
    ['a balance below zero', (g) => g.body.startsWith('Credit: -')],
    ['a charge of six decimals (quirk 13)', (g) => /charge: [0-9]+\.[0-9]{6}\b/i.test(g.body)],
    ['a status of 008 to 010 (quirk 9)', (g) => /Status: 0(08|09|10)\b/i.test(g.body)],
    ['an unpadded status (quirk 9)', (g) => /Status: [1-9][0-9]?\b/i.test(g.body)],
    ['a status no document lists', (g) => /Status: (0[2-9][0-9]|[1-9][0-9]{2})\b/i.test(g.body)],
    ['a 33-character apimsgid (quirk 20)', (g) => /ID: [0-9a-f]{33}\b/.test(g.body)],
    ['ERR with To on one recipient', (g) => E.isLeft(g.reply) && g.reply.left.to !== undefined],
  ])('draws %s', (_quirk, test) => {
    expect(find(test)).toBe(true)
  })
})
