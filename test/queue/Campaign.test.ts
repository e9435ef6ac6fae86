// The campaign's plain data: ids, keys, and reading back what Redis holds.
import { describe, expect, it } from 'vitest'
import { ClientMessageId } from '../../src/core/message/IdCodecs.js'
import {
  campaignIdOf,
  clientMessageIdOf,
  decodeCampaignId,
  jobIdOf,
  keysOf,
  rowOutcomeOf,
  statusOf,
} from '../../src/queue/Campaign.js'

describe('Campaign', () => {
  it('a fresh id is a valid campaign id, and its rows get valid client message ids up to 10^11 rows', () => {
    const id = campaignIdOf(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]))
    expect(id).toBe('c0102030405060708')
    expect(decodeCampaignId(id)._tag).toBe('Right')
    expect(ClientMessageId.is(clientMessageIdOf('a'.repeat(20), 99_999_999_999))).toBe(true)
    expect(jobIdOf(id, 3)).toBe(`${id}-3`)
  })

  it.each([
    ['', 'empty'],
    ['a'.repeat(21), 'too long'],
    ['c-1', 'a dash'],
    [42, 'not a string'],
  ])('refuses %j as a campaign id (%s)', (id: unknown, _why: string) => {
    expect(decodeCampaignId(id)._tag).toBe('Left')
  })

  it("keeps a campaign's keys in one hash slot", () => {
    const k = keysOf('c1')
    expect(Object.values(k).every((key) => key.includes('{c1}'))).toBe(true)
  })

  it('reads a status: pending is what is not recorded; a hash without a state is no campaign', () => {
    expect(
      statusOf('c1', { state: 'paused', total: '10', accepted: '3', rejected: '1', cancelled: '2' }),
    ).toEqual({
      campaignId: 'c1',
      name: '',
      state: 'paused',
      total: 10,
      accepted: 3,
      rejected: 1,
      unknown: 0,
      cancelled: 2,
      pending: 4,
    })
    expect(statusOf('c1', {})).toBeUndefined()
    expect(statusOf('c1', { state: 'running', total: 'x', accepted: '-1' })?.pending).toBe(0)
  })

  it('reads a stream entry, and nothing from one that is not an outcome', () => {
    expect(
      rowOutcomeOf([
        'row',
        '7',
        'outcome',
        'unknown',
        'to',
        '4477',
        'id',
        'c1r7',
        'api',
        '',
        'attempts',
        '2',
        'error',
        'lost',
      ]),
    ).toEqual({
      row: 7,
      outcome: 'unknown',
      to: '4477',
      clientMessageId: 'c1r7',
      apiMsgId: '',
      attempts: 2,
      error: 'lost',
    })
    expect(rowOutcomeOf(['row', '7', 'outcome', 'sent'])).toBeUndefined()
    expect(rowOutcomeOf(['row', 'x', 'outcome', 'accepted'])).toBeUndefined()
  })
})
