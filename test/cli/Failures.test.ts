import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { failureLines, failuresFile } from '../../src/cli/Failures.js'
import { fakeWorld } from './fakeWorld.js'

describe('failureLines', () => {
  it('the kept columns, then outcome and error, quoted as CSV', () => {
    const lines = failureLines({ header: ['name', 'number'], kept: 2 })
    expect(lines.header).toBe('name,number,outcome,error\n')
    expect(lines.row(['Ann, Jr', '447900000001'], 'rejected', 'gateway error 121')).toBe(
      '"Ann, Jr",447900000001,rejected,gateway error 121\n',
    )
    expect(lines.row(['Ann'], 'invalid', 'says "no"\nand more')).toBe(
      'Ann,,invalid,"says ""no""\nand more"\n',
    )
  })

  it("a failures file's own outcome and error are replaced, not added to", () => {
    const lines = failureLines({ header: ['name', 'number', 'outcome', 'error'], kept: 2 })
    expect(lines.header).toBe('name,number,outcome,error\n')
    expect(lines.row(['Ann', '1', 'invalid', 'old'], 'unknown', 'new')).toBe('Ann,1,unknown,new\n')
  })
})

describe('failuresFile', () => {
  it('writes nothing, and makes no file, when no row failed', async () => {
    const world = fakeWorld()
    expect(await failuresFile(world, 'f.csv', { header: ['a'], kept: 1 }).close()).toEqual(E.right(false))
    expect(world.files.has('f.csv')).toBe(false)
  })

  it('writes the header once, then each row as it is added', async () => {
    const world = fakeWorld()
    const f = failuresFile(world, 'f.csv', { header: ['a'], kept: 1 })
    for (let i = 0; i < 3000; i++) await f.add([`row ${i} ${'x'.repeat(40)}`], 'invalid', 'why')
    expect(await f.close()).toEqual(E.right(true))
    const lines = world.files.get('f.csv')!.split('\n')
    expect([lines[0], lines[1], lines.length]).toEqual([
      'a,outcome,error',
      `row 0 ${'x'.repeat(40)},invalid,why`,
      3002,
    ])
  })

  it('a file that cannot be opened: why', async () => {
    const world = fakeWorld({ readOnly: ['f.csv'] })
    const f = failuresFile(world, 'f.csv', { header: ['a'], kept: 1 })
    await f.add(['x'], 'invalid', 'why')
    expect(await f.close()).toEqual(E.left("EACCES: permission denied, open 'f.csv'"))
  })
})
