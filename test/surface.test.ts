// The public surface is a decision (docs/design.md, "The public surface"): the root entry exports what a user
// calls, at most 20 values, and each subpath exactly its own few. A name added or dropped here is a change to
// the promise, made on purpose.
import { describe, expect, it } from 'vitest'
import * as handler from '../src/handler/index.js'
import * as root from '../src/index.js'
import * as ky from '../src/ky.js'
import * as node from '../src/node.js'

describe('the public surface', () => {
  it('the root exports the values a user calls, no more than 20', () => {
    const names = Object.keys(root).sort()
    expect(names).toEqual([
      'Batch',
      'Binary',
      'Callback',
      'Charset',
      'Client',
      'Codes',
      'Encode',
      'Errors',
      'Features',
      'Message',
      'Middleware',
      'Mo',
      'Msisdn',
      'Parse',
      'Parts',
      'Render',
      'Rest',
      'Ucs2',
      'fetchTransport',
    ])
    expect(names.length).toBeLessThanOrEqual(20)
  })

  it('the transport entries export their transport alone', () => {
    expect(Object.keys(node)).toEqual(['nodeTransport'])
    expect(Object.keys(ky)).toEqual(['kyTransport'])
  })

  it('the handler entry exports the handler and its body cap', () => {
    expect(Object.keys(handler).sort()).toEqual(['MAX_BODY_BYTES', 'createCallbackHandler'])
  })
})
