import { openApiDocument } from '../../contracts/openapi.js'
import type { OpenapiResponse } from '../../contracts/response-types.js'

/**
 * The answer of `/_mock/openapi.json`: the OpenAPI 3.1 document of the API and the mock, built
 * from the contracts' registries (`contracts/openapi.ts`). Like every answer of the mock's own
 * endpoints, plain JSON outside the API's envelope.
 *
 * @example
 * JSON.parse(openApiPayload('0.1.0')).info.version // '0.1.0'
 */
export function openApiPayload (version: string): string {
  const document: OpenapiResponse = openApiDocument(version)
  return JSON.stringify(document)
}
