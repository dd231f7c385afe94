import { Ajv2020 } from 'ajv/dist/2020.js'
import { CONTROL_SCHEMAS } from './control-schemas.js'
import { REQUEST_SCHEMAS } from './request-schemas.js'
import { RESPONSE_SCHEMAS } from './response-schemas.js'
import { toViolation, type ContractViolation } from './violations.js'

export { describeViolations, type ContractViolation } from './violations.js'

/** The `$id` of every schema the validator knows. */
export type SchemaId = (typeof REQUEST_SCHEMAS)[number]['$id'] | (typeof RESPONSE_SCHEMAS)[number]['$id'] |
  (typeof CONTROL_SCHEMAS)[number]['$id']

/**
 * Ajv options for the contracts. `validateSchema` is off at run time: checking each schema
 * against the draft 2020-12 meta-schema compiles that meta-schema first, which would take most of
 * the server's start-up time. `test/contracts/schemas.test.ts` checks them with it on.
 */
export const AJV_OPTIONS = { allErrors: true, strict: true, verbose: true } as const

const ajv = new Ajv2020({ ...AJV_OPTIONS, validateSchema: false })
ajv.addSchema([...REQUEST_SCHEMAS, ...RESPONSE_SCHEMAS, ...CONTROL_SCHEMAS])

/**
 * Checks a value against one of the contracts; an empty list means it conforms. Each schema is
 * compiled once, on first use, by one shared ajv instance.
 *
 * @example
 * validateContract('login-request.json', { ver: '2.0', username: 'a@b.c' })
 * // [{ path: '', keyword: 'required', property: 'password', message: "must have required property 'password'" }]
 */
export function validateContract (schemaId: SchemaId, value: unknown): readonly ContractViolation[] {
  const validate = ajv.getSchema(schemaId)
  if (validate === undefined) throw new Error(`no contract has the id ${schemaId}`)
  if (validate(value) === true) return []
  return (validate.errors ?? []).map(toViolation)
}
