import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import * as Callback from '../../src/core/callback/Callback.js'
import { reassemble } from '../../src/core/callback/Mo.js'
import type { MoReport } from '../../src/core/callback/Report.js'
import { FORMS } from '../../src/testing/CallbackRequests.js'
import { type CallbackCase, moCallback } from '../../src/testing/index.js'

const numRuns = process.env.CI ? 100 : 200

describe('moCallback', () => {
  it.each(FORMS.map((f) => [f]))('%s: every request parses to its stated report', (form) => {
    fc.assert(
      fc.property(moCallback({ form }), ({ request, report }) => {
        expect(report.form).toBe(form)
        expect(Callback.parse(request)).toStrictEqual({ _tag: 'Right', right: report })
      }),
      { numRuns },
    )
  })

  test.prop([moCallback()], { numRuns })(
    'survives a URL parser, as a request sent with fetch does',
    ({ request, report }) => {
      const query = new URL(`http://127.0.0.1/callback?${request.query}`).search.slice(1)
      expect(Callback.parse({ ...request, query })).toStrictEqual({ _tag: 'Right', right: report })
    },
  )

  test.prop([moCallback({ quirks: false })], { numRuns })(
    'without quirks, the request is exactly what Callback.render writes for the report',
    ({ request, report }) => {
      expect(request).toStrictEqual(Callback.render(report, report.form))
    },
  )

  test.prop([moCallback()], { numRuns })(
    'a report with no concatenation header is a whole message',
    ({ report }) => {
      const { completed } = reassemble([report])
      if (report.udh === undefined) expect(completed.map((m) => m.text)).toEqual([report.text])
    },
  )

  const drawn = fc.sample(moCallback(), { numRuns: 3000, seed: 1 })
  const payload = (c: CallbackCase<MoReport>): string => c.request.query + c.request.body
  it.each<[string, (c: CallbackCase<MoReport>) => boolean]>([
    [
      'UTF-16BE as raw bytes (a live capture, quirk 22)',
      (c) => c.report.charset === 'UTF-16BE' && /text=%[0-9A-F]{2}/.test(payload(c)),
    ],
    [
      'UTF-16BE as UCS-2 hex',
      (c) => c.report.charset === 'UTF-16BE' && /text=([0-9A-F]{4})+(&|$)/.test(payload(c)),
    ],
    [
      'ISO-8859-1 bytes above 0x7F',
      (c) => c.report.charset !== 'UTF-16BE' && /text=[^&]*%[A-F][0-9A-F]/.test(payload(c)),
    ],
    ['no charset', (c) => c.report.charset === undefined],
    ['characters outside the BMP', (c) => [...c.report.text].length < c.report.text.length],
    ['a timestamp written as captured, unencoded', (c) => /timestamp=[0-9-]+ [0-9:]+/.test(payload(c))],
    ['a concatenation header', (c) => c.report.udh !== undefined],
    [
      'lower-case momsgid in SOAP (quirk 17)',
      (c) => c.report.form.startsWith('soap') && payload(c).includes('momsgid'),
    ],
    [
      'no api_id in the XML form (quirk 16)',
      (c) => c.report.form.startsWith('xml') && c.report.apiId === undefined,
    ],
    ['a network', (c) => c.report.network !== undefined],
  ])('draws %s', (_variation, test) => {
    expect(drawn.some(test)).toBe(true)
  })
})
