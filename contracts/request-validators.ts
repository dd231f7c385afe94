import type { ErrorObject } from 'ajv'
import type { RequestSchemaId } from './endpoints.js'
import { REQUEST_VALIDATORS } from './request-validators.generated.js'
import { toViolation, type ContractViolation } from './violations.js'

/** A validator ajv compiled ahead of time: true when the value conforms, else `errors` says why. */
interface CompiledValidator {
  (value: unknown): boolean
  errors?: ErrorObject[] | null
}

const VALIDATORS = REQUEST_VALIDATORS as Record<RequestSchemaId, CompiledValidator>

/**
 * Checks request parameters against their contract with validators compiled ahead of time from
 * `request-schemas.ts` (so the server loads no schema compiler at start); an empty list means
 * they conform. Gives the same violations as `validateContract`, which a test keeps true.
 *
 * @example
 * validateRequest('login-request.json', { ver: '2.0', username: 'a@b.c' })
 * // [{ path: '', keyword: 'required', property: 'password', message: "must have required property 'password'" }]
 */
export function validateRequest (schemaId: RequestSchemaId, value: unknown): readonly ContractViolation[] {
  const validate = VALIDATORS[schemaId]
  if (validate(value)) return []
  return (validate.errors ?? []).map(toViolation)
}
