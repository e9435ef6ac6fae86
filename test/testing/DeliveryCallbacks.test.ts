import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import * as Callback from '../../src/core/callback/Callback.js'
import type { DeliveryReport } from '../../src/core/callback/Report.js'
import { FORMS } from '../../src/testing/CallbackRequests.js'
import { type CallbackCase, deliveryCallback } from '../../src/testing/index.js'

const numRuns = process.env.CI ? 100 : 200

describe('deliveryCallback', () => {
  it.each(FORMS.map((f) => [f]))('%s: every request parses to its stated report', (form) => {
    fc.assert(
      fc.property(deliveryCallback({ form }), ({ request, report }) => {
        expect(report.form).toBe(form)
        expect(request.method).toBe(form.endsWith('post') ? 'POST' : 'GET')
        expect(Callback.parse(request)).toStrictEqual({ _tag: 'Right', right: report })
      }),
      { numRuns },
    )
  })

  test.prop([deliveryCallback()], { numRuns })(
    'survives a URL parser, as a request sent with fetch does',
    ({ request, report }) => {
      const query = new URL(`http://127.0.0.1/callback?${request.query}`).search.slice(1)
      expect(Callback.parse({ ...request, query })).toStrictEqual({ _tag: 'Right', right: report })
    },
  )

  test.prop([deliveryCallback({ quirks: false })], { numRuns })(
    'without quirks, the request is exactly what Callback.render writes for the report',
    ({ request, report }) => {
      expect(request).toStrictEqual(Callback.render(report, report.form))
    },
  )

  it('has no api_id in the XML form (quirk 16)', () => {
    for (const { report } of fc.sample(deliveryCallback({ form: 'xml-post' }), { numRuns: 100, seed: 1 }))
      expect(report.apiId).toBeUndefined()
  })

  // The variations of real requests, each found among the drawn ones.
  const drawn = fc.sample(deliveryCallback(), { numRuns: 3000, seed: 2 })
  const payload = (c: CallbackCase<DeliveryReport>): string => c.request.query + c.request.body
  it.each<[string, (c: CallbackCase<DeliveryReport>) => boolean]>([
    ['XML data not URL-encoded (quirk 15)', (c) => /data=<\?xml|data=<callback>/.test(c.request.query)],
    ['SOAP data in literal double quotes (quirk 15)', (c) => c.request.query.includes('data="<')],
    ['SOAP data in encoded double quotes (quirk 15)', (c) => c.request.query.includes('data=%22%3C')],
    ['only the spaces of the data encoded', (c) => /data=<[^%]*%20/.test(c.request.query)],
    [
      'an empty cliMsgId written empty (quirk 16)',
      (c) => /cliMsgId=(&|$)|<cliMsgId><\/cliMsgId>/.test(payload(c)),
    ],
    [
      'an empty cliMsgId left out (quirk 16)',
      (c) => c.report.cliMsgId === undefined && !/climsgid/i.test(decodeURIComponent(payload(c))),
    ],
    ['an empty from (quirk 16)', (c) => c.report.from === undefined],
    [
      'lower-case apimsgid in SOAP (quirk 17)',
      (c) => c.report.form.startsWith('soap') && payload(c).includes('apimsgid'),
    ],
    ['a charge of six decimals', (c) => /charge=[0-9]\.[0-9]{6}/.test(payload(c))],
    ['a charge of 0.33 (quirk 13)', (c) => c.report.charge === 0.33],
    ['the fields in another order', (c) => /^(?:[^&]*&)*to=.*apiMsgId=/.test(c.request.query)],
    [
      'parameters of the callback URL',
      (c) => payload(c).startsWith('key=') || payload(c).startsWith('tenant='),
    ],
    ['a space as %20', (c) => c.report.from?.includes(' ') === true && /from=[^&]*%20/.test(payload(c))],
    ['pretty-printed XML', (c) => /%0A|\n/.test(payload(c))],
    ['a charset on the content type', (c) => c.request.contentType.includes('charset')],
  ])('draws %s', (_variation, test) => {
    expect(drawn.some(test)).toBe(true)
  })
})
