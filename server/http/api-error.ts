import { ERROR_CATALOGUE, type ErrorCode } from '../../contracts/error-catalogue.js'

/**
 * A failure the API reports in its envelope. The catalogue gives its return code and HTTP status;
 * `detail` adds what went wrong in this request, `parameter` names the parameter at fault.
 *
 * @example
 * throw new ApiError('invalid_parameter', { parameter: 'tz', detail: 'not a known time zone' })
 */
export class ApiError extends Error {
  readonly code: ErrorCode
  readonly parameter: string | undefined

  constructor (code: ErrorCode, options: { parameter?: string, detail?: string } = {}) {
    const base = ERROR_CATALOGUE[code].description
    super(options.detail === undefined ? base : `${base} ${options.detail}`)
    this.name = 'ApiError'
    this.code = code
    this.parameter = options.parameter
  }
}
