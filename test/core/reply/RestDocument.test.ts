import { fc, test } from '@fast-check/vitest'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { field, flavourOf, read } from '../../../src/core/reply/RestDocument.js'

const numRuns = process.env.CI ? 200 : 1000

describe('flavourOf', () => {
  it.each<[unknown, string, string, string]>([
    [{ 'content-type': 'application/json; charset=utf-8' }, '<x/>', 'json', 'the header wins over the body'],
    [{ 'content-type': 'application/xml' }, '{}', 'xml', 'the header wins over the body'],
    [{ 'content-type': 'text/xml' }, '', 'xml', 'any XML type'],
    [{ 'content-type': 'text/html' }, '  <html/>', 'xml', 'no JSON or XML type: the first character decides'],
    [{}, '{"data":{}}', 'json', 'no header, a JSON body'],
    [null, '', 'json', 'headers that are no object'],
  ])('%j with %j is %s (%s)', (headers, body, flavour) => {
    expect(flavourOf(headers, body)).toBe(flavour)
  })
})

describe('read', () => {
  it.each<[string, string, unknown, string]>([
    ['json', '{"data":{"balance":"1"}}', { data: { balance: '1' } }, 'the object itself'],
    [
      'xml',
      '<?xml version="1.0"?><response><data><balance>1</balance></data></response>',
      { data: { balance: '1' } },
      'the <response> element',
    ],
    [
      'xml',
      '<response><data><a>x</a><a>y</a></data></response>',
      { data: { a: ['x', 'y'] } },
      'a repeated element is a list',
    ],
    [
      'xml',
      '<response><data><a> 1 </a><b></b></data></response>',
      { data: { a: '1', b: '' } },
      'text trimmed; empty is ""',
    ],
  ])('%s %j (%s)', (flavour, body, root) => {
    const r = read(flavour as 'json' | 'xml')(body)
    expect(E.isRight(r) && r.right.root).toEqual(root)
  })

  it.each([
    ['json', '', 'empty'],
    ['json', 'null', 'null'],
    ['json', '"x"', 'a string'],
    ['xml', '<a><b>1</b></a>', 'no <response>'],
    ['xml', '<response>text</response>', '<response> without children'],
    ['xml', '<!DOCTYPE response SYSTEM "http://evil/x.dtd"><response><data/></response>', 'a DTD'],
    ['xml', `${'<a>'.repeat(40)}${'</a>'.repeat(40)}`, 'nesting deeper than 16'],
  ])('%s %j is Left (%s)', (flavour, body) => {
    expect(read(flavour as 'json' | 'xml')(body)._tag).toBe('Left')
  })

  it('reads own fields only', () => {
    expect(field(JSON.parse('{"__proto__":{"data":1}}'), 'data')).toBeUndefined()
    expect(field({}, 'constructor')).toBeUndefined()
  })

  test.prop([fc.constantFrom('json' as const, 'xml' as const), fc.string()], { numRuns })(
    'never throws on any text',
    (flavour, body) => {
      expect(() => read(flavour)(body)).not.toThrow()
    },
  )
})
