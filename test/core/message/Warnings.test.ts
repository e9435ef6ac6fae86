import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import * as Message from '../../../src/core/message/Message.js'
import * as Warnings from '../../../src/core/message/Warnings.js'

describe('Warnings.of', () => {
  it.each([
    ['no sender', {}, []],
    ['letters only', { from: 'Acme' }, []],
    ['numeric', { from: '27831234567' }, []],
    ['a dot', { from: 'Dr.Smith' }, ['from']],
    ['a dash', { from: 'Acme-Co' }, ['from']],
  ])('%s', (_reason, options, paths) => {
    const m = Message.decode({ to: '447901231234', text: 'Hi', ...options })
    expect(E.isRight(m) && Warnings.of(m.right).map((w) => w.path)).toEqual(paths)
  })
})
