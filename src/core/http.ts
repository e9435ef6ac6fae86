/**
 * Transport-neutral HTTP shapes. The core builds `HttpRequest` values and reads `HttpResponse` values;
 * it never sends or receives anything itself (see docs/design.md).
 *
 * @since 0.1.0
 */

/**
 * An HTTP request as a plain value: method, absolute URL, lower-case headers, an optional body that is
 * already encoded (the core writes `application/x-www-form-urlencoded` bodies as ASCII text) and an
 * optional `AbortSignal` the transport must honour.
 *
 * @example
 * import type { HttpRequest } from 'clickatell-fp'
 * const request: HttpRequest = { method: 'GET', url: 'https://api.clickatell.com/http/ping?session_id=x', headers: {} }
 * console.log(request.method) // 'GET'
 * @category model
 * @since 0.1.0
 */
export interface HttpRequest {
  /** `DELETE` only for the REST dialect's stop (`DELETE /rest/message/{apiMessageId}`). */
  readonly method: 'GET' | 'POST' | 'DELETE'
  readonly url: string
  readonly headers: Readonly<Record<string, string>>
  readonly body?: string
  readonly signal?: AbortSignal
}

/**
 * An HTTP response as a plain value: status, headers with lower-case names, and the body as text.
 * Transports do not judge the status: a 500 is still a response.
 *
 * @example
 * import type { HttpResponse } from 'clickatell-fp'
 * const response: HttpResponse = { status: 200, headers: { 'content-type': 'text/html' }, body: 'OK: ' }
 * console.log(response.body) // 'OK: '
 * @category model
 * @since 0.1.0
 */
export interface HttpResponse {
  readonly status: number
  readonly headers: Readonly<Record<string, string>>
  readonly body: string
}
