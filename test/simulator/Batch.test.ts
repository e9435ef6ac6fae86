import { describe, expect, it } from 'vitest'
import { substitute } from '../../src/simulator/Batch.js'
import { ACCOUNT, boot } from './harness.js'

const ID = /^ID: [0-9a-f]{32}$/
const MINUTE = 60_000

describe('substitute', () => {
  it.each([
    [
      'Hi #field1#, at #field2#',
      { field1: 'Fred', field2: '10:30' },
      'Hi Fred, at 10:30',
      'the spec example',
    ],
    ['Hi #field1#', {}, 'Hi ', 'a missing field is empty'],
    ['#field10##field1#', { field1: 'a', field10: 'b' }, 'ba', 'fields past 9'],
    ['#field#, #Field1#', { field1: 'x' }, '#field#, #Field1#', 'not place-holders'],
  ])('%s with %j -> %s (%s)', (template, fields, expected, _reason) => {
    expect(substitute(template, new Map(Object.entries(fields)))).toBe(expected)
  })
})

describe('batches', () => {
  it('startbatch, senditem with fields, quicksend, endbatch; the batch id is invalid afterwards', async () => {
    const { call, sim } = await boot()
    const start = await call(
      '/http_batch/startbatch',
      'template=Hi+%23field1%23%2C+your+balance+is+%23field2%23.&from=Shop',
    )
    expect(start).toMatch(ID)
    const batch = start.slice(4)
    const item = await call(
      '/http_batch/senditem',
      `batch_id=${batch}&to=447700900001&field1=Fr%E9d&field2=%24150`,
    )
    expect(item).toMatch(ID)
    expect(sim.state.message(item.slice(4))).toMatchObject({
      text: 'Hi Fréd, your balance is $150.',
      from: 'Shop',
      command: 'senditem',
      batchId: batch,
    })
    const quick = (
      await call('/http_batch/quicksend', `batch_id=${batch}&to=447700900002,447700900003`)
    ).split('\n')
    expect(quick).toHaveLength(2)
    expect(quick[0]).toMatch(/^ID: [0-9a-f]{32} To: 447700900002$/)
    expect(quick[1]).toMatch(/^ID: [0-9a-f]{32} To: 447700900003$/)
    expect(sim.state.message(quick[0]!.slice(4, 36))?.text).toBe('Hi , your balance is .')
    expect(await call('/http_batch/endbatch', `batch_id=${batch}`)).toBe('OK')
    expect(await call('/http_batch/senditem', `batch_id=${batch}&to=447700900001`)).toBe(
      'ERR: 201, Invalid batch ID',
    )
    expect(await call('/http_batch/endbatch', `batch_id=${batch}`)).toBe('ERR: 201, Invalid batch ID')
    expect(sim.state.batches[0]?.apiMsgIds).toHaveLength(3)
  })

  it('quicksend to one recipient still says To:', async () => {
    const { call } = await boot()
    const batch = (await call('/http_batch/startbatch', 'template=Hello')).slice(4)
    expect(await call('/http_batch/quicksend', `batch_id=${batch}&to=447700900002`)).toMatch(
      /^ID: [0-9a-f]{32} To: 447700900002$/,
    )
  })

  it.each([
    ['/http_batch/startbatch', 'from=Shop', 'ERR: 202, No batch template', 'no template'],
    ['/http_batch/startbatch', 'template=', 'ERR: 202, No batch template', 'empty template'],
    ['/http_batch/startbatch', 'template=x&to=447700900001', 'ERR: 101, Invalid or missing parameters', 'to'],
    ['/http_batch/startbatch', 'template=x&from=%2B1', 'ERR: 106, Invalid source address', 'bad sender'],
    ['/http_batch/startbatch', 'template=00D&unicode=1', 'ERR: 116, Invalid Unicode data', 'bad hex'],
    ['/http_batch/senditem', 'batch_id=nope&to=447700900001', 'ERR: 201, Invalid batch ID', 'unknown batch'],
    ['/http_batch/senditem', 'to=447700900001', 'ERR: 201, Invalid batch ID', 'no batch id'],
    ['/http_batch/quicksend', 'batch_id=nope&to=447700900001', 'ERR: 201, Invalid batch ID', 'unknown batch'],
    ['/http_batch/endbatch', 'batch_id=nope', 'ERR: 201, Invalid batch ID', 'unknown batch'],
  ])('%s?%s -> %s (%s)', async (path, query, expected) => {
    const { call } = await boot()
    expect(await call(path, query)).toBe(expected)
  })

  it('checks each item: too long after substitution is 113, a bad number 105', async () => {
    const { call } = await boot()
    const batch = (await call('/http_batch/startbatch', 'template=%23field1%23')).slice(4)
    expect(
      await call('/http_batch/senditem', `batch_id=${batch}&to=447700900001&field1=${'x'.repeat(161)}`),
    ).toBe('ERR: 113, Max message parts exceeded')
    expect(await call('/http_batch/senditem', `batch_id=${batch}&to=12&field1=x`)).toBe(
      'ERR: 105, Invalid Destination Address',
    )
    expect(await call('/http_batch/senditem', `batch_id=${batch}&to=447700900001&field1=x&text=y`)).toBe(
      'ERR: 101, Invalid or missing parameters',
    )
  })

  it('sends a unicode template unchanged, with no substitution', async () => {
    const { call, sim } = await boot()
    const batch = (
      await call('/http_batch/startbatch', 'template=03A90023006600690065006C006400310023&unicode=1')
    ).slice(4)
    await call('/http_batch/senditem', `batch_id=${batch}&to=447700900001&field1=x`)
    expect(sim.state.messages[0]).toMatchObject({ text: 'Ω#field1#', encoding: 'ucs2' })
  })

  it('8-bit: the template (or data) is hex bytes, counted at startbatch, sent unchanged', async () => {
    const { call, sim } = await boot()
    const start = await call('/http_batch/startbatch', 'template=CAFE%23field1%23&binary=1')
    expect(start).toBe('ERR: 101, Invalid or missing parameters')
    expect(await call('/http_batch/startbatch', `template=${'00'.repeat(141)}&binary=1`)).toBe(
      'ERR: 113, Max message parts exceeded',
    )
    expect(await call('/http_batch/startbatch', 'udh=06050415810000&data=CAFE')).toBe(
      'ERR: 202, No batch template',
    )
    const batch = (await call('/http_batch/startbatch', 'template=CAFE&udh=06050415810000')).slice(4)
    const item = await call('/http_batch/senditem', `batch_id=${batch}&to=447700900001&field1=x`)
    expect(sim.state.message(item.slice(4))).toMatchObject({
      text: 'CAFE',
      encoding: '8bit',
      units: 9,
      parts: 1,
    })
    const withData = (
      await call('/http_batch/startbatch', `template=x&data=${'AB'.repeat(141)}&concat=2`)
    ).slice(4)
    const quick = await call('/http_batch/quicksend', `batch_id=${withData}&to=447700900002`)
    expect(sim.state.message(quick.slice(4, 36))).toMatchObject({ encoding: '8bit', units: 141, parts: 2 })
  })

  it('items carry their own climsgid, and deliv_time counts from each item', async () => {
    const { call, clock, sim } = await boot()
    const batch = (await call('/http_batch/startbatch', 'template=x&deliv_time=10')).slice(4)
    clock.advance(MINUTE)
    await call('/http_batch/senditem', `batch_id=${batch}&to=447700900001&climsgid=item1`)
    expect(sim.state.messages[0]).toMatchObject({ cliMsgId: 'item1', releaseAt: clock.now() + 10 * MINUTE })
    expect(sim.state.acceptedByCliMsgId.get('item1')).toBe(1)
  })

  it('expires after 24 hours', async () => {
    const { call, clock } = await boot()
    const batch = (await call('/http_batch/startbatch', 'template=x')).slice(4)
    clock.advance(24 * 60 * MINUTE)
    expect(await call('/http_batch/quicksend', `batch_id=${batch}&to=447700900001`)).toBe(
      'ERR: 201, Invalid batch ID',
    )
  })

  it('is not usable by another account', async () => {
    const { call, get } = await boot({
      accounts: [ACCOUNT, { apiId: '3000002', user: 'bob', password: 'pw' }],
    })
    const batch = (await call('/http_batch/startbatch', 'template=x')).slice(4)
    expect(
      (await get('/http_batch/endbatch', `api_id=3000002&user=bob&password=pw&batch_id=${batch}`)).body,
    ).toBe('ERR: 201, Invalid batch ID')
  })
})
