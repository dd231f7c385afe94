/**
 * Every failure the API can report, as data: a stable `code`, the `returnCode` placed in the
 * envelope and the HTTP status it travels with. One renderer (server) and one decoder (client)
 * read this table; `contracts/README.md` explains each row.
 *
 * @example
 * ERROR_CATALOGUE.invalid_session.returnCode // 7
 */
export const ERROR_CATALOGUE = {
  missing_parameter: { returnCode: 2, httpStatus: 200, description: 'A required parameter is missing.' },
  invalid_parameter: { returnCode: 3, httpStatus: 200, description: 'A parameter has an invalid value.' },
  unsupported_version: {
    returnCode: 4, httpStatus: 200,
    description: 'The API version is not supported; send ver=2.0.',
  },
  conflicting_parameters: { returnCode: 5, httpStatus: 200, description: 'Two parameters cannot be used together.' },
  invalid_credentials: { returnCode: 6, httpStatus: 200, description: 'The username or password is incorrect.' },
  invalid_session: {
    returnCode: 7, httpStatus: 200,
    description: 'The session is not valid for this user; log in again.',
  },
  session_expired: { returnCode: 8, httpStatus: 200, description: 'The session has expired; log in again.' },
  event_not_found: { returnCode: 9, httpStatus: 200, description: 'No event has this id.' },
  event_forbidden: { returnCode: 10, httpStatus: 200, description: 'This account may not view this event.' },
  unknown_path: { returnCode: 11, httpStatus: 404, description: 'No API endpoint has this path.' },
  method_not_allowed: {
    returnCode: 12, httpStatus: 405,
    description: 'This endpoint does not accept this HTTP method.',
  },
  unsupported_media_type: {
    returnCode: 13, httpStatus: 415,
    description: 'The request body must be form-encoded (application/x-www-form-urlencoded).',
  },
  malformed_request: { returnCode: 14, httpStatus: 400, description: 'The request could not be read.' },
  request_too_large: {
    returnCode: 15, httpStatus: 413,
    description: 'The request is larger than this server accepts.',
  },
  headers_too_large: {
    returnCode: 17, httpStatus: 431,
    description: 'The request headers are larger than this server accepts.',
  },
  request_timeout: { returnCode: 18, httpStatus: 408, description: 'The request did not arrive in time.' },
  shutting_down: {
    returnCode: 19, httpStatus: 503,
    description: 'The server is shutting down; retry on another replica.',
  },
  url_too_long: {
    returnCode: 20, httpStatus: 414,
    description: 'The URL is longer than this server accepts; send the parameters as a form body (POST).',
  },
  server_busy: {
    returnCode: 21, httpStatus: 503,
    description: 'Too many large reports are streaming at once; retry after the Retry-After seconds.',
  },
  internal_error: { returnCode: 16, httpStatus: 500, description: 'The server failed to answer this request.' },
} as const satisfies Record<string, ErrorDefinition>

/** One row of {@link ERROR_CATALOGUE}. */
export interface ErrorDefinition {
  readonly returnCode: number
  readonly httpStatus: number
  readonly description: string
}

/** The stable name of an error kind, e.g. `'invalid_session'`. */
export type ErrorCode = keyof typeof ERROR_CATALOGUE

/** The `returnCode` of every successful response. */
export const SUCCESS_RETURN_CODE = 1

/**
 * Finds the catalogue entry for a `returnCode` read off a response.
 *
 * @example
 * errorCodeFor(7) // 'invalid_session'
 */
export function errorCodeFor (returnCode: number): ErrorCode | undefined {
  for (const [code, definition] of Object.entries(ERROR_CATALOGUE)) {
    if (definition.returnCode === returnCode) return code as ErrorCode
  }
  return undefined
}
