import { describe, expect, it } from 'vitest'
import { knownSecrets } from '../../src/client/KnownSecrets.js'

describe('knownSecrets', () => {
  it('scrubs what it started with and what it learns, and nothing before it is learnt', () => {
    const known = knownSecrets(['pa55word', ''])
    expect(known.scrub('pa55word 7f3c2a9e41b04d6a')).toBe('[redacted] 7f3c2a9e41b04d6a')
    known.learn(['7f3c2a9e41b04d6a', '', '7f3c2a9e41b04d6a'])
    expect(known.scrub('pa55word 7f3c2a9e41b04d6a')).toBe('[redacted] [redacted]')
  })

  it('keeps a value without a secret as the same value', () => {
    const value = { _tag: 'Right', right: { body: 'nothing here' } }
    expect(knownSecrets(['pa55word']).scrub(value)).toBe(value)
  })
})
