/**
 * What the simulator must do later, in time order: status changes, callback attempts. A binary min-heap on
 * (due time, insertion order), so actions due at the same millisecond run in the order they were planned and a
 * run is the same on every machine.
 *
 * @since 0.1.0
 */

interface Entry {
  readonly due: number
  readonly seq: number
  readonly run: (due: number) => void
}

/**
 * A time-ordered queue of actions.
 *
 * @category model
 * @since 0.1.0
 */
export interface Agenda {
  /** Plans `run(due)` for time `due`. */
  readonly at: (due: number, run: (due: number) => void) => void
  /** Runs, in order, every action due at or before `now`, including those planned by the actions it runs. */
  readonly runDue: (now: number) => number
  /** The due time of the earliest action, or `undefined` when nothing is planned. */
  readonly nextDue: () => number | undefined
  /** How many actions are planned. */
  readonly size: () => number
}

const before = (a: Entry, b: Entry): boolean => a.due < b.due || (a.due === b.due && a.seq < b.seq)

/**
 * An empty agenda.
 *
 * @example
 * import { agenda } from './Agenda.js'
 * const plan = agenda()
 * const log: number[] = []
 * plan.at(20, (t) => log.push(t))
 * plan.at(10, (t) => log.push(t))
 * plan.runDue(15)
 * console.log(log, plan.nextDue()) // [10] 20
 * @category constructors
 * @since 0.1.0
 */
export const agenda = (): Agenda => {
  const heap: Entry[] = []
  let seq = 0
  const swap = (i: number, j: number): void => {
    const t = heap[i]!
    heap[i] = heap[j]!
    heap[j] = t
  }
  const up = (start: number): void => {
    let i = start
    while (i > 0) {
      const parent = (i - 1) >> 1
      if (!before(heap[i]!, heap[parent]!)) return
      swap(i, parent)
      i = parent
    }
  }
  const down = (): void => {
    let i = 0
    for (;;) {
      const l = 2 * i + 1
      const r = l + 1
      let least = i
      if (l < heap.length && before(heap[l]!, heap[least]!)) least = l
      if (r < heap.length && before(heap[r]!, heap[least]!)) least = r
      if (least === i) return
      swap(i, least)
      i = least
    }
  }
  const pop = (): Entry => {
    const top = heap[0]!
    const last = heap.pop()!
    if (heap.length > 0) {
      heap[0] = last
      down()
    }
    return top
  }
  return {
    at: (due, run) => {
      heap.push({ due, seq: seq++, run })
      up(heap.length - 1)
    },
    runDue: (now) => {
      let ran = 0
      while (heap.length > 0 && heap[0]!.due <= now) {
        const entry = pop()
        entry.run(entry.due)
        ran++
      }
      return ran
    },
    nextDue: () => heap[0]?.due,
    size: () => heap.length,
  }
}
