/**
 * Delivery-report callbacks (MT, specification v2.6 section 5.2.5) in the six forms, each with the
 * `DeliveryReport` it carries. Beyond the variations of `CallbackRequests`: charges of six decimals or (quirk
 * 13) `0`, `1`, `0.33`; SOAP's lower-case `apimsgid` and `climsgid` (quirk 17); no `api_id` in the XML form
 * (quirk 16).
 *
 * @since 0.1.0
 */
import * as fc from 'fast-check'
import { statusTable } from '../core/callback/CallbackValue.js'
import type { CallbackForm, DeliveryReport } from '../core/callback/Report.js'
import { type StatusCodeNumber, statusCodes } from '../core/reply/Codes.js'
import { DIGITS, oneOf, stringOf } from './Alphabets.js'
import { type CallbackCase, type CallbackConstraints, callbacks, type Written } from './CallbackRequests.js'
import { clientMessageId, hexId, msisdn, senderId } from './Identifiers.js'

interface DeliveryDraw {
  readonly apiId: string | undefined
  readonly apiMsgId: string
  readonly cliMsgId: string
  readonly to: string
  readonly from: string
  readonly timestamp: number
  readonly status: StatusCodeNumber
  readonly charge: string
}

const statusKeys = Object.keys(statusCodes) as ReadonlyArray<StatusCodeNumber>

const deliveryDraw = (quirks: boolean): fc.Arbitrary<DeliveryDraw> =>
  fc.record(
    {
      apiId: fc.option(stringOf(oneOf(DIGITS), 4, 7), { nil: undefined }),
      apiMsgId: hexId(),
      cliMsgId: fc.oneof(fc.constant(''), clientMessageId()),
      to: msisdn(),
      from: fc.oneof(fc.constant(''), senderId()),
      timestamp: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
      // Statuses a callback reports (callback 7 asks for every one, docs/gateway.md, 'Callback values'), the
      // others now and then.
      status: fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(...statusTable[7]) },
        { weight: 1, arbitrary: fc.constantFrom(...statusKeys) },
      ),
      // Six decimals in every documented example; `0`, `1`, `0.33` elsewhere (quirk 13).
      charge: quirks
        ? fc.oneof(
            { weight: 3, arbitrary: fc.integer({ min: 0, max: 5_000_000 }).map((n) => (n / 1e6).toFixed(6)) },
            { weight: 1, arbitrary: fc.constantFrom('0', '1', '0.33', '0.8') },
          )
        : fc.integer({ min: 0, max: 5_000_000 }).map((n) => (n / 1e6).toFixed(6)),
    },
    { noNullPrototype: true },
  )

const deliveryReport = (d: DeliveryDraw, form: CallbackForm): DeliveryReport => ({
  _tag: 'DeliveryReport',
  ...(d.apiId === undefined || form.startsWith('xml') ? {} : { apiId: d.apiId }),
  apiMsgId: d.apiMsgId,
  ...(d.cliMsgId === '' ? {} : { cliMsgId: d.cliMsgId }),
  to: d.to,
  ...(d.from === '' ? {} : { from: d.from }),
  timestamp: new Date(d.timestamp * 1000),
  status: statusCodes[d.status],
  charge: Number(d.charge),
  form,
})

// Spec v2.6 section 5.2.5's order for each form.
const written = (d: DeliveryDraw): Written => {
  const t = String(d.timestamp)
  return {
    root: 'mt_callback',
    pairs: [
      ...(d.apiId === undefined ? [] : [['api_id', d.apiId] as const]),
      ['apiMsgId', d.apiMsgId],
      ['cliMsgId', d.cliMsgId],
      ['timestamp', t],
      ['to', d.to],
      ['from', d.from],
      ['status', d.status],
      ['charge', d.charge],
    ],
    fields: (soap) =>
      soap
        ? [
            ...(d.apiId === undefined ? [] : [['api_id', d.apiId, 'int'] as const]),
            ['apimsgid', d.apiMsgId, 'string'],
            ['climsgid', d.cliMsgId, 'string'],
            ['to', d.to, 'string'],
            ['from', d.from, 'string'],
            ['timestamp', t, 'int'],
            ['status', d.status, 'int'],
            ['charge', d.charge, 'float'],
          ]
        : [
            ['apiMsgId', d.apiMsgId, 'string'],
            ['cliMsgId', d.cliMsgId, 'string'],
            ['timestamp', t, 'int'],
            ['to', d.to, 'string'],
            ['from', d.from, 'string'],
            ['charge', d.charge, 'float'],
            ['status', d.status, 'int'],
          ],
  }
}

/**
 * Delivery-report callbacks (MT) in all six forms, with the `DeliveryReport` each carries:
 * `Callback.parse(request)` gives `Right(report)`. Statuses are zero-padded, timestamps unix seconds, charges
 * six decimals or (with quirks) `0`, `1`, `0.33`.
 *
 * @example
 * import * as fc from 'fast-check'
 * import { Callback } from 'clickatell-fp'
 * import { deliveryCallback } from 'clickatell-fp/testing'
 * fc.assert(
 *   fc.property(deliveryCallback({ form: 'soap-get' }), ({ request, report }) => {
 *     const r = Callback.parse(request)
 *     return r._tag === 'Right' && r.right._tag === 'DeliveryReport' && r.right.apiMsgId === report.apiMsgId
 *   }),
 * )
 * @category callbacks
 * @since 0.1.0
 */
export const deliveryCallback: (
  constraints?: CallbackConstraints,
) => fc.Arbitrary<CallbackCase<DeliveryReport>> = callbacks(deliveryDraw, written, deliveryReport)
