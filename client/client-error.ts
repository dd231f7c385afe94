/** Why a client call failed; stable, for code that branches on it. */
export type ClientErrorCode =
  /** The server answered with an HTTP status other than 200. */
  | 'HTTP_ERROR'
  /** The API answered with a `returnCode` other than 1; `apiCode` and `parameter` say more. */
  | 'API_ERROR'
  /** No answer: connection refused, reset, broken off. */
  | 'NETWORK_ERROR'
  /** The answer's headers, or the next piece of its body, took longer than the client's `timeoutMs`. */
  | 'TIMEOUT'
  /** The answer could not be read as the format asked for. */
  | 'DECODE_ERROR'
  /**
   * The answer was read but breaks its contract: with `validate: true`, or where the client cannot
   * go on without what is missing (a login answer without a session id).
   */
  | 'CONTRACT_VIOLATION'

/**
 * The one error type the client throws. `code` is stable; `cause` holds what went wrong below.
 *
 * @example
 * try {
 *   await client.audienceReport('1087592', { incl_domain: ['a.com'], excl_domain: ['b.com'] })
 * } catch (error) {
 *   if (error instanceof WebcastClientError && error.apiCode === 'conflicting_parameters') …
 * }
 */
export class WebcastClientError extends Error {
  override readonly name = 'WebcastClientError'
  readonly code: ClientErrorCode
  /** The HTTP status, when there was an answer. */
  readonly status: number | undefined
  /** The API's `returnCode`, for `API_ERROR`. */
  readonly returnCode: number | undefined
  /** The API's error `code` (e.g. `invalid_session`), for `API_ERROR`. */
  readonly apiCode: string | undefined
  /** The parameter the API named, for `API_ERROR`. */
  readonly parameter: string | undefined

  constructor (code: ClientErrorCode, message: string, details: {
    status?: number, returnCode?: number, apiCode?: string, parameter?: string, cause?: unknown
  } = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause })
    this.code = code
    this.status = details.status
    this.returnCode = details.returnCode
    this.apiCode = details.apiCode
    this.parameter = details.parameter
  }
}
