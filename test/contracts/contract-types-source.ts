import { compile, type JSONSchema } from 'json-schema-to-typescript'
import { REQUEST_SCHEMAS } from '../../contracts/request-schemas.js'
import { RESPONSE_SCHEMAS } from '../../contracts/response-schemas.js'

/** Where the types derived from the contracts live. */
export const GENERATED_TYPES = new URL('../../contracts/contract-types.generated.ts', import.meta.url)

/** The type each top-level contract becomes, by its `$id`. */
export const TYPE_NAMES = {
  'login-request.json': 'LoginRequest',
  'eventlist-request.json': 'EventListRequest',
  'audience-report-request.json': 'AudienceReportRequest',
  'error-response.json': 'ErrorResponse',
  'login-response.json': 'LoginResponse',
  'eventlist-response.json': 'EventListResponse',
  'audience-report-response.json': 'AudienceReportResponse',
  'report-csv-row.json': 'ReportCsvRow',
  'error-csv-row.json': 'ErrorCsvRow',
} as const

type Schema = Record<string, unknown>
const SCHEMAS = new Map<string, Schema>([...REQUEST_SCHEMAS, ...RESPONSE_SCHEMAS].map((schema) => [schema.$id, schema as Schema]))

/** The schema a `$ref` such as `envelope.json#/$defs/wireTime` or `attendee.json` points at. */
function resolve (ref: string): Schema {
  const [id = '', pointer = ''] = ref.split('#')
  let target: unknown = SCHEMAS.get(id)
  for (const key of pointer.split('/').filter((part) => part !== '')) target = (target as Schema | undefined)?.[key]
  if (target === undefined || target === null || typeof target !== 'object') throw new Error(`cannot resolve ${ref}`)
  return target as Schema
}

/**
 * The schema with every `$ref` replaced by what it points at, so that each contract compiles
 * to one self-contained type. A `$ref` beside other keywords (the envelope's header beside its
 * `result`) is merged: properties joined, required names joined, the local keywords winning.
 */
function inline (node: unknown): unknown {
  if (Array.isArray(node)) return node.map(inline)
  if (node === null || typeof node !== 'object') return node
  const { $ref, $id: _id, $schema: _schema, $defs: _defs, unevaluatedProperties, ...rest } = node as Schema
  const local = Object.fromEntries(Object.entries(rest).map(([key, value]) => [key, inline(value)]))
  if (unevaluatedProperties === false) local.additionalProperties = false
  if (typeof $ref !== 'string') return local
  const target = inline(resolve($ref)) as Schema
  return {
    ...target,
    ...local,
    properties: { ...(target.properties as Schema | undefined), ...(local.properties as Schema | undefined) },
    required: [...new Set([...((target.required as string[] | undefined) ?? []), ...((local.required as string[] | undefined) ?? [])])],
  }
}

/**
 * The source of `contracts/contract-types.generated.ts`: one TypeScript type per contract,
 * compiled from the JSON Schemas by json-schema-to-typescript, so the types cannot drift from
 * what the validator checks.
 */
export async function contractTypesSource (): Promise<string> {
  const parts: string[] = []
  for (const [id, name] of Object.entries(TYPE_NAMES)) {
    const schema = SCHEMAS.get(id)
    if (schema === undefined) throw new Error(`no contract has the id ${id}`)
    parts.push(await compile(inline(schema) as JSONSchema, name, { bannerComment: '', additionalProperties: false, strictIndexSignatures: true, style: { semi: false, singleQuote: true, printWidth: 120 } }))
  }
  return [
    '// Generated from contracts/request-schemas.ts and contracts/response-schemas.ts by json-schema-to-typescript: do not edit.',
    '// After changing a schema, run `npm run contracts:compile`; a test fails until then.',
    '/* eslint-disable */',
    '',
    ...parts,
  ].join('\n')
}
