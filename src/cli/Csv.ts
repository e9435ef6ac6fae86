/**
 * A CSV file read as a stream: records come out as the bytes go in (csv-parse's stream API), each with the
 * physical line it starts on, so a file of any size is read in little memory and an error names the line an
 * editor shows, even after a quoted field that runs over several lines.
 *
 * @since 0.1.0
 */
import { parse } from 'csv-parse'
import * as E from 'fp-ts/lib/Either.js'

/**
 * One record: the line it starts on (1 for the first line of the file) and its values.
 *
 * @category model
 * @since 0.1.0
 */
export interface CsvRecord {
  readonly line: number
  readonly values: ReadonlyArray<string>
}

const NEWLINE = 0x0a

/**
 * Counts the newlines before a byte offset in the bytes written so far. Offsets are asked for in order, so
 * each byte is looked at once, and the chunks behind the last offset are let go.
 */
const lineCounter = () => {
  const chunks: Uint8Array[] = []
  let start = 0 // offset of chunks[0]
  let at = 0 // offset counted up to, within or past chunks[0]
  let lines = 0 // newlines before `at`
  const countTo = (offset: number): number => {
    while (at < offset && chunks.length > 0) {
      const chunk = chunks[0]!
      const end = Math.min(offset, start + chunk.length)
      for (let i = at - start; i < end - start; i++) if (chunk[i] === NEWLINE) lines++
      at = end
      if (at === start + chunk.length) {
        start += chunk.length
        chunks.shift()
      }
    }
    return lines
  }
  const byteAt = (offset: number): number | undefined => {
    let from = start
    for (const chunk of chunks) {
      if (offset < from + chunk.length) return offset >= from ? chunk[offset - from] : undefined
      from += chunk.length
    }
    return undefined
  }
  return { add: (chunk: Uint8Array) => chunks.push(chunk), countTo, byteAt }
}

const newlinesIn = (values: ReadonlyArray<string>): number => {
  let n = 0
  for (const v of values) for (let i = v.indexOf('\n'); i >= 0; i = v.indexOf('\n', i + 1)) n++
  return n
}

interface Parsed {
  readonly record: string[]
  readonly info: { readonly bytes: number }
}

/** Resolves when the parser takes more, or is closed (its listeners removed either way). */
const drained = (parser: ReturnType<typeof parse>): Promise<void> =>
  new Promise((resolve) => {
    const done = (): void => {
      parser.off('drain', done)
      parser.off('close', done)
      resolve()
    }
    parser.on('drain', done)
    parser.on('close', done)
  })

/** Writes the chunks into the parser, waiting whenever it asks to, then ends it. */
const feed = async (
  chunks: AsyncIterable<Uint8Array>,
  parser: ReturnType<typeof parse>,
  counter: ReturnType<typeof lineCounter>,
): Promise<void> => {
  for await (const chunk of chunks) {
    if (parser.destroyed) return
    counter.add(chunk)
    if (!parser.write(chunk)) await drained(parser)
  }
  parser.end()
}

/**
 * The records of a CSV, in order, as it is read; a `Left` (the last item) when it is not valid CSV. Empty lines
 * are skipped, values trimmed, and a byte order mark dropped.
 *
 * @example
 * import { records } from './Csv.js'
 * const bytes = new TextEncoder().encode('name,number\n"Ann\nMarie",447900000001\nBob,447900000002\n')
 * const out = []
 * for await (const r of records((async function* () { yield bytes })())) out.push(r)
 * console.log(out.map((r) => r._tag === 'Right' && r.right.line)) // [1, 2, 4]
 * @category parsing
 * @since 0.1.0
 */
export async function* records(
  chunks: AsyncIterable<Uint8Array>,
): AsyncGenerator<E.Either<string, CsvRecord>, void> {
  const parser = parse({ bom: true, skip_empty_lines: true, trim: true, info: true })
  const counter = lineCounter()
  const feeding = feed(chunks, parser, counter).catch((e: unknown) => parser.destroy(e as Error))
  try {
    for await (const parsed of parser as AsyncIterable<Parsed>) {
      const end = parsed.info.bytes
      // The record's last line: newlines before its end, plus one when it does not end with one (the last line).
      const endsInNewline = counter.byteAt(end - 1) === NEWLINE
      const last = counter.countTo(end) + (endsInNewline ? 0 : 1)
      yield E.right({ line: last - newlinesIn(parsed.record), values: parsed.record })
    }
  } catch (e) {
    yield E.left(e instanceof Error ? e.message : String(e))
  } finally {
    parser.destroy()
    await feeding
  }
}
