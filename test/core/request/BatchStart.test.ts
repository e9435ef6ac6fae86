import { fc, test } from '@fast-check/vitest'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import * as Batch from '../../../src/core/message/Batch.js'
import { planBatch, startbatch } from '../../../src/core/request/BatchStart.js'
import { session } from '../../../src/core/request/Credentials.js'
import * as UnboundBatch from '../../../src/core/request/UnboundBatch.js'
import type { Param, UnboundRequest } from '../../../src/core/request/Wire.js'
import { numRuns } from '../../support/arbitraries.js'
import { inMemoryGateway } from '../../support/inMemoryGateway.js'

const hex = (min: number, max: number) =>
  fc
    .uint8Array({ minLength: min, maxLength: max })
    .map((b) => [...b].map((x) => x.toString(16).padStart(2, '0')).join(''))
    .chain((h) => fc.constantFrom(h, h.toUpperCase()))
const udhOf = (body: string) => `${(body.length / 2).toString(16).padStart(2, '0')}${body}`
const RINGTONE = '06050415810000'

describe('startbatch with 8-bit content', () => {
  it('sends the data as the template, the udh beside it and binary=1; the plan counts bytes', () => {
    const r = planBatch({})({ udh: RINGTONE, data: 'CAFE', from: '27831234567', callback: 3 })
    expect(E.isRight(r) && r.right.request.params).toEqual([
      ['template', 'CAFE'],
      ['udh', RINGTONE],
      ['binary', '1'],
      ['from', '27831234567'],
      ['callback', '3'],
      ['req_feat', '8230'],
    ])
    expect(E.isRight(r) && r.right.plan).toEqual({
      template: 'CAFE',
      encoding: 'binary',
      concat: 1,
      udh: RINGTONE,
    })
  })

  it.each([
    [140, undefined, 1, 'one part holds 140 bytes'],
    [141, 2, 2, 'over 140 the parts hold 134 each'],
    [268, 2, 2, 'two whole concatenated parts'],
    [269, 3, 3, 'one byte more'],
  ])('%i bytes of data: concat %s, plan %i (%s)', (bytes, concat, planned, _reason) => {
    const r = planBatch({})({ data: '00'.repeat(bytes) })
    expect(E.isRight(r) && r.right.request.params.find(([k]) => k === 'concat')?.[1]).toBe(
      concat === undefined ? undefined : String(concat),
    )
    expect(E.isRight(r) && r.right.plan.concat).toBe(planned)
  })

  it('refuses, before sending, content over maxParts or over one part with a udh (with the numbers)', () => {
    expect(planBatch({})({ data: '00'.repeat(141), maxParts: 1 })).toEqual(
      E.left({ _tag: 'MessageTooLong', encoding: 'binary', units: 141, parts: 2, limit: 1, perPart: 134 }),
    )
    expect(planBatch({})({ udh: RINGTONE, data: '00'.repeat(134) })).toEqual(
      E.left({ _tag: 'MessageTooLong', encoding: 'binary', units: 141, parts: 2, limit: 1, perPart: 134 }),
    )
    expect(E.isRight(planBatch({})({ udh: RINGTONE, data: '00'.repeat(133) }))).toBe(true)
  })

  it.each([
    [{ template: 'Hi', data: 'CAFE' }, ['template'], 'text and 8-bit content at once'],
    [{ udh: RINGTONE }, ['data'], 'a udh alone leaves the required template empty'],
    [{ template: 'Hi', binary: true }, ['binary'], 'binary applies to 8-bit content'],
    [{ data: 'CAFE', encoding: 'ucs2' }, ['encoding'], 'no character encoding for bytes'],
    [{ data: 'CAFE', items: [{ fields: ['x'] }] }, ['items'], 'an 8-bit batch has no fields'],
    [{ data: 'CAF', udh: '05050415810000' }, ['data', 'udh'], 'odd hex, a wrong header length'],
    [{ from: 'Acme' }, ['template'], 'no content at all'],
  ])('%j is refused at %j (%s)', (input, paths, _reason) => {
    const r = planBatch({})(input as never)
    expect(E.isLeft(r) && r.left._tag === 'InvalidInput' && r.left.problems.map((p) => p.path)).toEqual(paths)
  })

  it('never throws on odd input', () => {
    for (const input of [null, 7, 'x', [], { data: 7 }, { udh: null, data: {} }, Object.create(null)])
      expect(() => startbatch(input as never)).not.toThrow()
  })

  it('is what UnboundBatch and Batch give (one path)', () => {
    const input = { data: 'CAFE', binary: true }
    expect(UnboundBatch.startbatch(input)).toEqual(startbatch(input))
    const bound = Batch.startbatch(session('abc'))(input)
    expect(E.isRight(bound) && bound.right.params.slice(1)).toEqual([
      ['template', 'CAFE'],
      ['binary', '1'],
      ['req_feat', '6'],
    ])
  })
})

describe('an 8-bit batch end to end in the simulator', () => {
  test.prop([fc.option(hex(1, 10).map(udhOf), { nil: undefined }), hex(1, 300)], {
    numRuns: Math.min(numRuns, 200),
  })('the template round-trips: every item arrives as the data, counted in bytes', (udh, data) => {
    const started = planBatch({})({ data, ...(udh === undefined ? {} : { udh }) })
    fc.pre(E.isRight(started))
    if (E.isLeft(started)) return
    const { ask, gw } = inMemoryGateway()
    const answer = ask(started.right.request)
    expect(answer).toMatch(/^ID: /)
    const batchId = answer.slice(4)
    const item = UnboundBatch.senditem({ batchId, to: '447700900001', plan: started.right.plan })
    expect(E.isRight(item) && ask(item.right)).toMatch(/^ID: /)
    const quick = UnboundBatch.quicksend({ batchId, to: ['447700900002', '447700900003'] })
    expect(E.isRight(quick) && ask(quick.right[0]!).split('\n')).toHaveLength(2)
    const bytes = ((udh ?? '').length + data.length) / 2
    expect(gw.store.messages).toHaveLength(3)
    for (const m of gw.store.messages)
      expect([m.text, m.encoding, m.units, m.parts]).toEqual([
        data,
        '8bit',
        bytes,
        bytes <= 140 ? 1 : Math.ceil(bytes / 134),
      ])
  })

  test.prop(
    [
      fc.option(hex(1, 10).map(udhOf), { nil: undefined }),
      hex(1, 400),
      fc.integer({ min: 1, max: 4 }),
      fc.array(fc.constantFrom('x', 'Joe'), { maxLength: 1 }),
    ],
    { numRuns: Math.min(numRuns, 200) },
  )('any item senditem lets through against a plan, the simulator accepts', (udh, data, concat, fields) => {
    // A plan as a caller may hand it back, not only as startbatch made it; the simulator's batch has the same
    // concat, so it judges the item by the same numbers.
    const plan = {
      template: data,
      encoding: 'binary',
      concat,
      ...(udh === undefined ? {} : { udh }),
    } as const
    const { ask } = inMemoryGateway()
    const params: ReadonlyArray<Param> = [
      ['template', data],
      ...(udh === undefined ? [] : [['udh', udh] as Param]),
      ['binary', '1'],
      ['concat', String(concat)],
    ]
    const answer = ask({ _tag: 'UnboundRequest', command: 'startbatch', params } as UnboundRequest)
    const item = UnboundBatch.senditem({ batchId: answer.slice(4), to: '447700900001', fields, plan })
    if (E.isRight(item)) {
      expect(answer).toMatch(/^ID: /)
      expect(ask(item.right)).toMatch(/^ID: /)
    } else if (item.left._tag === 'MessageTooLong') expect(item.left.parts).toBeGreaterThan(item.left.limit)
    else expect(fields.length).toBeGreaterThan(0)
  })
})
