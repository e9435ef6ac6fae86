/**
 * The bodies the simulator's REST front answers with, in the shapes seen live (docs/gateway.md, 'Legacy REST
 * API'; quirks 13 and 19): `{"data": …}` or `{"error": {"code", "description", "documentation"}}`, codes and
 * statuses as zero-padded strings, the balance as a string with three decimals, charges as numbers; or the same
 * tree as XML (`<response><data>…`, booleans `1`/`0`, a list as a repeated element) when `Accept` asks for it.
 * Written here, not taken from the library, so the simulator checks `Rest.reply` instead of agreeing with it.
 *
 * Inferred shapes (docs/simulator.md): the not-routable coverage answer (`routable: false`, `minimumCharge: 0`),
 * every XML element but `<accepted>1</accepted>`, and the HTTP status of each error (`statusOf`).
 *
 * @since 0.1.0
 */
import { type ErrorCodeNumber, type StatusCodeNumber, statusCodes } from '../core/reply/Codes.js'
import { roundCredits } from './Gateway.js'
import { describe } from './Replies.js'

/**
 * A value of an answer: text, a number, a flag, a list (an XML element repeated), or named fields.
 *
 * @category model
 * @since 0.1.0
 */
export type Node = string | number | boolean | ReadonlyArray<Node> | { readonly [name: string]: Node }

/**
 * What the client asked for with `Accept`.
 *
 * @category model
 * @since 0.1.0
 */
export type Flavour = 'json' | 'xml'

/**
 * An answer: its HTTP status, content type and body.
 *
 * @category model
 * @since 0.1.0
 */
export interface RestAnswer {
  readonly status: number
  readonly contentType: string
  readonly body: string
}

const escapeXml = (text: string): string =>
  text.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'))

const xmlOf = (name: string, node: Node): string => {
  if (Array.isArray(node)) return node.map((n) => xmlOf(name, n)).join('')
  if (typeof node === 'object')
    return `<${name}>${Object.entries(node)
      .map(([k, v]) => xmlOf(k, v))
      .join('')}</${name}>`
  const text = typeof node === 'boolean' ? (node ? '1' : '0') : escapeXml(String(node))
  return `<${name}>${text}</${name}>`
}

/**
 * Writes an answer's tree in a flavour.
 *
 * @example
 * import { write } from './RestReplies.js'
 * console.log(write('json', 200, { data: { balance: '1.000' } }).body) // '{"data":{"balance":"1.000"}}'
 * console.log(write('xml', 200, { data: { ok: true } }).body) // '<?xml version="1.0" encoding="UTF-8"?><response><data><ok>1</ok></data></response>'
 * @category replies
 * @since 0.1.0
 */
export const write = (
  flavour: Flavour,
  status: number,
  root: { readonly [name: string]: Node },
): RestAnswer =>
  flavour === 'json'
    ? { status, contentType: 'application/json', body: JSON.stringify(root) }
    : {
        status,
        contentType: 'application/xml',
        body: `<?xml version="1.0" encoding="UTF-8"?>${xmlOf('response', root)}`,
      }

/**
 * The HTTP status of a global error (inferred): 401 for authentication (001) and IP lockdown (007), 404 for an
 * unknown resource (161), 405 for a method (160), 500 for the internal error (901), else 400.
 *
 * @example
 * import { statusOf } from './RestReplies.js'
 * console.log(statusOf('001'), statusOf('161'), statusOf('101')) // 401 404 400
 * @category replies
 * @since 0.1.0
 */
export const statusOf = (code: string): number =>
  code === '001' || code === '007'
    ? 401
    : code === '161'
      ? 404
      : code === '160'
        ? 405
        : code === '901'
          ? 500
          : 400

/**
 * An error as the REST API writes it, with its documentation link (quirk 19).
 *
 * @example
 * import { errorNode } from './RestReplies.js'
 * console.log(errorNode('105', 'Invalid Destination Address').documentation) // 'http://www.clickatell.com/help/apidocs/error/105.htm'
 * @category replies
 * @since 0.1.0
 */
export const errorNode = (code: string, description: string): { readonly [name: string]: Node } => ({
  code,
  description,
  documentation: `http://www.clickatell.com/help/apidocs/error/${code}.htm`,
})

/**
 * A global error: `{"error": {...}}` with the status `statusOf` gives it. The description is the code's own
 * (`Replies.describe`) unless one is given (130 carries a time).
 *
 * @example
 * import { failure } from './RestReplies.js'
 * console.log(failure('json', '001')) // { status: 401, contentType: 'application/json', body: '{"error":{"code":"001","description":"Authentication failed","documentation":"http://www.clickatell.com/help/apidocs/error/001.htm"}}' }
 * @category replies
 * @since 0.1.0
 */
export const failure = (flavour: Flavour, code: string, description?: string): RestAnswer =>
  write(flavour, statusOf(code), {
    error: errorNode(code, description ?? describe(code as ErrorCodeNumber)),
  })

/**
 * A message's status as the status and stop answers write it: the status's code and description.
 *
 * @example
 * import { statusFields } from './RestReplies.js'
 * console.log(statusFields('006')) // { messageStatus: '006', description: 'User cancelled message delivery' }
 * @category replies
 * @since 0.1.0
 */
export const statusFields = (code: StatusCodeNumber): { readonly [name: string]: Node } => ({
  messageStatus: code,
  description: statusCodes[code].description,
})

/**
 * A balance: a string with three decimals (quirk 13, `"36.000"`).
 *
 * @example
 * import { balance } from './RestReplies.js'
 * console.log(balance(36)) // { balance: '36.000' }
 * @category replies
 * @since 0.1.0
 */
export const balance = (credits: number): { readonly [name: string]: Node } => ({
  balance: credits.toFixed(3),
})

/**
 * A charge as a JSON number, rounded to six decimals (`"charge": 0` in the documented answer).
 *
 * @example
 * import { charge } from './RestReplies.js'
 * console.log(charge(0.1 + 0.2)) // 0.3
 * @category replies
 * @since 0.1.0
 */
export const charge = (credits: number): number => roundCredits(credits)
