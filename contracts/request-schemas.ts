/**
 * JSON Schemas (draft 2020-12) for the parameters of every request, as the server receives them
 * after the query string and a form-encoded body are merged, derived from the parameter registry
 * (`parameters.ts`). Values are strings on the wire; an empty value counts as absent (see
 * `contracts/README.md`).
 */
import { endpointList, requestSchemaIdOf, type EndpointName, type RequestSchemaId } from './endpoints.js'
import { PARAMETER_KINDS, parameterList } from './parameters.js'

/** One definition per kind of value, shared by every request schema through `$ref`. */
const ParametersSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'parameters.json',
  $defs: PARAMETER_KINDS,
} as const

/**
 * The request contract of one endpoint: every parameter the registry gives it, required or not.
 *
 * @example
 * requestSchemaOf('login').required // ['ver', 'username', 'password']
 */
function requestSchemaOf (endpoint: EndpointName): {
  $schema: string
  $id: RequestSchemaId
  type: 'object'
  required: string[]
  properties: Record<string, { $ref: string, description: string }>
} {
  const taken = parameterList().filter(([, parameter]) => parameter.endpoints[endpoint] !== undefined)
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: requestSchemaIdOf(endpoint),
    type: 'object',
    required: taken.filter(([, parameter]) => parameter.endpoints[endpoint] === 'required').map(([name]) => name),
    properties: Object.fromEntries(taken.map(([name, { kind, summary }]) =>
      [name, { $ref: `parameters.json#/$defs/${kind}`, description: summary }])),
  }
}

/** The request contract of every endpoint, in registry order. */
export const REQUEST_CONTRACTS = endpointList().map(([name]) => requestSchemaOf(name))

/** Every request schema, for registration with the validator. */
export const REQUEST_SCHEMAS = [ParametersSchema, ...REQUEST_CONTRACTS] as const
