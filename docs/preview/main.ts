// The preview page: reads the form, asks model.ts for the figures, writes them into the DOM. Plain DOM, no
// framework; every figure has a data-testid (test/site/preview.test.ts).
import * as O from 'fp-ts/lib/Option.js'
import { Charset, type InvalidInput, type MessageTooLong } from '../../src/index.js'
import {
  excessUnits,
  LISTED,
  type OffenderView,
  PARTS_LISTED,
  type PartView,
  type Preview,
  preview,
} from './model.js'

const byTestId = <T extends HTMLElement>(id: string): T => {
  const el = document.querySelector<T>(`[data-testid="${id}"]`)
  if (el === null) throw new Error(`the page has no [data-testid="${id}"]`)
  return el
}

const text = byTestId<HTMLTextAreaElement>('text')
const mirror = byTestId<HTMLDivElement>('highlighted')
const maxParts = byTestId<HTMLInputElement>('max-parts')
const sender = byTestId<HTMLInputElement>('sender')
const senderProblem = byTestId<HTMLParagraphElement>('sender-problem')
const charge = byTestId<HTMLInputElement>('charge')
const lossy = byTestId<HTMLInputElement>('lossy')
const warning = byTestId<HTMLParagraphElement>('warning')
const figure = (id: string): HTMLElement => byTestId(id)
const offendersSection = byTestId<HTMLElement>('offenders-section')
const offenderList = byTestId<HTMLOListElement>('offenders')
const replaceAll = byTestId<HTMLButtonElement>('replace-all')
const saving = byTestId<HTMLParagraphElement>('saving')
const more = byTestId<HTMLParagraphElement>('more')
const splitList = byTestId<HTMLOListElement>('split')
const splitMore = byTestId<HTMLParagraphElement>('split-more')
const hexSection = byTestId<HTMLElement>('hex-section')
const hex = byTestId<HTMLOutputElement>('hex')

const number = new Intl.NumberFormat('en', { maximumFractionDigits: 6 })

const REASONS: { readonly [K in Charset.WirePlan['reason']]-?: string } = {
  gsm7: 'every character is GSM 03.38 and ISO-8859-1: plain text, counted in septets',
  'not-gsm': 'a character is outside the GSM 03.38 alphabet: sent as UCS-2 hex with unicode=1',
  'not-latin1':
    'every character is GSM, but € or a Greek capital cannot travel as ISO-8859-1 plain text: sent as UCS-2',
  forced: 'UCS-2 was asked for',
}

const PROBLEMS: { readonly [K in Charset.Offender['problem']]-?: string } = {
  'not-gsm': 'not GSM',
  'not-latin1': 'GSM, not ISO-8859-1',
  'lone-surrogate': 'lone surrogate, cannot be sent',
}

const set = (id: string, value: string | number): void => {
  const el = figure(id)
  el.textContent = String(value)
  el.dataset['value'] = String(value)
}

const codePoint = (cp: number): string => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`

// Spaces, controls and invisible characters get a visible stand-in in the list.
const INVISIBLE = /^[\s\p{Cc}\p{Cf}\p{Zs}]$/u
const glyph = (char: string): string => (INVISIBLE.test(char) ? '␣' : char)
const shown = (replacement: string): string =>
  replacement === '' ? '(remove)' : replacement.replaceAll('\n', '↵').replaceAll(' ', '␣')

const el = <K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<Record<'className' | 'textContent', string>> = {},
  data: Record<string, string> = {},
): HTMLElementTagNameMap[K] => {
  const e = document.createElement(tag)
  Object.assign(e, props)
  for (const [k, v] of Object.entries(data)) e.dataset[k] = v
  return e
}

/** The text again behind the textarea, each offender in a <mark> at the same place as in the textarea. */
const renderMirror = (value: string, offenders: ReadonlyArray<Charset.Offender>): void => {
  const nodes: Node[] = []
  let last = 0
  for (const o of offenders) {
    nodes.push(document.createTextNode(value.slice(last, o.index)))
    const fixable = O.isSome(o.replacement)
    nodes.push(
      el(
        'mark',
        { className: fixable ? 'fixable' : 'stuck', textContent: o.char },
        { index: String(o.index), testid: 'mark' },
      ),
    )
    last = o.index + o.char.length
  }
  // The trailing space keeps a final newline's empty line, so the mirror is as tall as the textarea's text.
  nodes.push(document.createTextNode(`${value.slice(last)} `))
  mirror.replaceChildren(...nodes)
}

const offenderRow = (view: OffenderView, lossyOn: boolean): HTMLLIElement => {
  const { offender: o, replacement } = view
  const li = el('li', { className: 'offender' }, { testid: 'offender', index: String(o.index) })
  li.append(
    el('span', { className: O.isSome(o.replacement) ? 'glyph' : 'glyph stuck', textContent: glyph(o.char) }),
    el('span', { className: 'meta', textContent: `${codePoint(o.codePoint)} at index ${o.index}` }),
    el('span', { className: 'problem', textContent: PROBLEMS[o.problem] }),
  )
  if (O.isSome(replacement)) {
    const r = replacement.value
    const button = el(
      'button',
      { textContent: 'Replace with ' },
      { testid: 'replace', index: String(o.index) },
    )
    button.append(el('span', { className: 'by', textContent: shown(r.text) }))
    button.type = 'button'
    button.setAttribute(
      'aria-label',
      `Replace ${codePoint(o.codePoint)} at index ${o.index} with ${shown(r.text)}`,
    )
    button.addEventListener('click', () => {
      const position = [...offenderList.querySelectorAll('button')].indexOf(button)
      // 'preserve' keeps the caret where the writer left it.
      text.setRangeText(r.text, o.index, o.index + o.char.length, 'preserve')
      update()
      keepFocus(position)
    })
    const note = r.kind === 'lossy' ? 'lossy' : 'typographic'
    const saves =
      view.savedParts > 0 ? `, saves ${view.savedParts} part${view.savedParts === 1 ? '' : 's'}` : ''
    li.append(button, el('span', { className: 'note', textContent: `${note}${saves}` }))
  } else {
    const hidden = O.isSome(o.replacement) && !lossyOn
    li.append(
      el('span', {
        className: 'note',
        textContent: hidden ? 'lossy: tick the box to offer it' : 'no GSM replacement',
      }),
    )
  }
  return li
}

/** One part: its number and size (units used of its capacity), its text as sent, and the word cut after it. */
const partRow = (part: PartView, index: number, unitName: string): HTMLLIElement => {
  const li = el('li', { className: 'part' }, { testid: 'part', units: String(part.units) })
  const full = part.units === part.capacity ? ' (full)' : ''
  li.append(
    el(
      'span',
      {
        className: 'part-size',
        textContent: `Part ${index + 1}: ${part.units} of ${part.capacity} ${unitName}${full}`,
      },
      { testid: 'part-size' },
    ),
    // The trailing mark shows where the part ends even when it ends in spaces.
    el('span', { className: 'part-text', textContent: part.text }, { testid: 'part-text' }),
  )
  if (O.isSome(part.cut))
    li.append(
      el(
        'span',
        { className: 'note', textContent: `the word “${part.cut.value}” runs on into part ${index + 2}` },
        { testid: 'part-cut' },
      ),
    )
  return li
}

const limitMessage = (e: InvalidInput | MessageTooLong, unitName: string): string =>
  e._tag === 'InvalidInput'
    ? `Maximum parts ${e.problems.map((p) => p.message).join('; ')}.`
    : `Too long: ${e.units} ${unitName} need ${e.parts} parts (${e.perPart} per part), but at most ${e.limit} ${e.limit === 1 ? 'is' : 'are'} allowed. Remove at least ${excessUnits(e)} ${excessUnits(e) === 1 ? unitName.replace(/s$/, '') : unitName} or raise the maximum.`

const render = (p: Preview): void => {
  const { plan } = p
  const count = plan.count
  set('encoding', plan.encoding === 'gsm7' ? 'GSM-7' : 'UCS-2')
  figure('encoding').dataset['value'] = plan.encoding
  set('reason', REASONS[plan.reason])
  figure('reason').dataset['value'] = plan.reason
  set('units', count.units)
  set('unit-name', p.unitName)
  set('parts', count.parts)
  set('per-part', count.perPart)
  set('remaining', count.remaining)
  set('cost', O.isSome(p.cost) ? number.format(p.cost.value) : '—')
  set(
    'cost-formula',
    O.isSome(p.cost)
      ? `${count.parts} part${count.parts === 1 ? '' : 's'} × ${charge.value.trim()}`
      : 'no charge given',
  )
  set('req-feat', p.reqFeat)
  set('features', p.features.length === 0 ? '(not sent)' : p.features.join(' + '))

  senderProblem.hidden = O.isNone(p.senderProblem)
  senderProblem.textContent = O.isSome(p.senderProblem)
    ? `Not a valid sender: it ${p.senderProblem.value}.`
    : ''
  sender.setAttribute('aria-invalid', String(O.isSome(p.senderProblem)))
  warning.hidden = p.limit.ok
  figure('parts-figure').classList.toggle('over', !p.limit.ok)
  if (!p.limit.ok) {
    warning.textContent = limitMessage(p.limit.error, p.unitName)
    warning.dataset['tag'] = p.limit.error._tag
  } else warning.textContent = ''

  renderMirror(text.value, plan.offenders)
  offendersSection.hidden = plan.offenders.length === 0
  offenderList.replaceChildren(...p.offenders.map((v) => offenderRow(v, lossy.checked)))
  more.hidden = plan.offenders.length <= LISTED
  more.textContent = `…and ${plan.offenders.length - LISTED} more.`
  replaceAll.disabled = O.isNone(p.suggestion)
  saving.textContent = O.isSome(p.suggestion)
    ? savingText(p.suggestion.value, count.parts)
    : plan.offenders.some((o) => O.isSome(o.replacement))
      ? 'Only lossy replacements exist here: tick the box to offer them.'
      : 'None of these characters has a GSM replacement.'

  splitList.replaceChildren(...p.split.map((part, i) => partRow(part, i, p.unitName)))
  splitMore.hidden = count.parts <= PARTS_LISTED
  splitMore.textContent = `…and ${count.parts - PARTS_LISTED} more parts: over the gateway's maximum of ${PARTS_LISTED}.`

  hexSection.hidden = O.isNone(p.hex)
  hex.textContent = O.isSome(p.hex) ? p.hex.value : ''
}

const savingText = (s: Charset.Suggestion, before: number): string => {
  const after = s.plan.count.parts
  const chars = `${s.replaced} character${s.replaced === 1 ? '' : 's'}`
  const enc = s.plan.encoding === 'gsm7' ? 'GSM-7' : 'still UCS-2'
  return `Replacing ${chars}: ${before} → ${after} part${after === 1 ? '' : 's'} (${enc}), saves ${s.savedParts} part${s.savedParts === 1 ? '' : 's'}.`
}

const update = (): void =>
  render(
    preview({
      text: text.value,
      maxParts: maxParts.value,
      sender: sender.value,
      charge: charge.value,
      lossy: lossy.checked,
    }),
  )

/** The clicked button is gone after a replacement: focus moves to the one now in its place, or to the text. */
const keepFocus = (position: number): void => {
  const buttons = offenderList.querySelectorAll('button')
  const next = buttons[Math.min(position, buttons.length - 1)]
  if (next === undefined) text.focus({ preventScroll: true })
  else next.focus()
}

replaceAll.addEventListener('click', () => {
  const s = Charset.suggestWith({ lossy: lossy.checked })(text.value)
  if (O.isSome(s)) text.value = s.value.text
  update()
  text.focus({ preventScroll: true })
})
for (const input of [text, maxParts, sender, charge, lossy]) input.addEventListener('input', update)
update()
