// The jobs of a send: one per recipient, in order; a refused message becomes Refused jobs for what can be read
// of its recipients (and its own id when valid); an async source gives the same jobs as a plain one.
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { type Job, jobsFrom } from '../../src/client/Jobs.js'
import type { MessagesDeps } from '../../src/client/Messages.js'
import type { MessageInput } from '../../src/core/message/Message.js'

const deps = {
  env: { now: () => Date.UTC(2030, 0, 1) },
  prepare: () => E.right(async () => E.right({ outcomes: [] })),
  defaultCountryCode: '44',
} as unknown as MessagesDeps

const messages: ReadonlyArray<MessageInput> = [
  { to: ['447900000001', '07900000002'], text: 'Hi' },
  { to: ['447900000003', 'nope'], text: 'Hi', clientMessageId: 'order42' },
  { to: '447900000004', text: 'Hi', clientMessageId: 'order43' },
]

const summary = (jobs: ReadonlyArray<Job>) => jobs.map((j) => [j._tag, j.message, j.to, j.ownId])

async function* slowly<A>(xs: ReadonlyArray<A>) {
  for (const x of xs) yield x
}

describe('jobsFrom', () => {
  it('one job per recipient, in order, refused with what was given', () => {
    const jobs = [...(jobsFrom(deps, messages, {}) as Iterable<Job>)]
    expect(summary(jobs)).toEqual([
      ['Ready', 0, '447900000001', undefined],
      ['Ready', 0, '447900000002', undefined],
      ['Refused', 1, '447900000003', 'order42'],
      ['Refused', 1, 'nope', 'order42'],
      ['Ready', 2, '447900000004', 'order43'],
    ])
  })

  it('an async source gives the same jobs', async () => {
    const jobs: Job[] = []
    for await (const j of jobsFrom(deps, slowly(messages), {}) as AsyncIterable<Job>) jobs.push(j)
    expect(summary(jobs)).toEqual(summary([...(jobsFrom(deps, messages, {}) as Iterable<Job>)]))
  })
})
