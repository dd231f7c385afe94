import type { HealthResponse } from '../../contracts/response-types.js'

/**
 * The answer of `/_mock/health`: the mock serves, and which version it is. The mock's own
 * endpoints answer in plain JSON, outside the API's envelope.
 *
 * @example
 * healthPayload('0.1.0') // '{"status":"ok","version":"0.1.0"}'
 */
export function healthPayload (version: string): string {
  const health: HealthResponse = { status: 'ok', version }
  return JSON.stringify(health)
}
