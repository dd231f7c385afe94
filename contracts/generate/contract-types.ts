import { compile, type JSONSchema } from 'json-schema-to-typescript'
import { REQUEST_CONTRACTS, REQUEST_SCHEMAS } from '../request-schemas.js'
import { RESPONSE_CONTRACTS, RESPONSE_SCHEMAS } from '../response-schemas.js'

/** Where the types derived from the contracts live. */
export const GENERATED_TYPES = new URL('../contract-types.generated.ts', import.meta.url)

/** The type a contract compiles to is named for its `$id`: `event-list-request.json` → `EventListRequest`. */
function typeNameOf (id: string): string {
  return id.replace(/\.json$/, '').replace(/(?:^|-)([a-z])/g, (_dash, letter: string) => letter.toUpperCase())
}

type Schema = Record<string, unknown>
const SCHEMAS = new Map<string, Schema>(
  [...REQUEST_SCHEMAS, ...RESPONSE_SCHEMAS].map((schema) => [schema.$id, schema as Schema]),
)

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
    required: [...new Set([
      ...((target.required as string[] | undefined) ?? []),
      ...((local.required as string[] | undefined) ?? []),
    ])],
  }
}

/**
 * The source of `contracts/contract-types.generated.ts`: one TypeScript type per contract,
 * compiled from the JSON Schemas by json-schema-to-typescript, so the types cannot drift from
 * what the validator checks.
 */
export async function contractTypesSource (): Promise<string> {
  const parts: string[] = []
  for (const schema of [...REQUEST_CONTRACTS, ...RESPONSE_CONTRACTS]) {
    parts.push(await compile(inline(schema) as JSONSchema, typeNameOf(schema.$id), {
      bannerComment: '',
      additionalProperties: false,
      strictIndexSignatures: true,
      style: { semi: false, singleQuote: true, printWidth: 120 },
    }))
  }
  return [
    '// Generated from contracts/request-schemas.ts and contracts/response-schemas.ts ' +
      'by contracts/generate/contract-types.ts: do not edit.',
    '// After changing a schema, run `npm run contracts:compile`; a test fails until then.',
    '/* eslint-disable */',
    '',
    ...parts,
  ].join('\n')
}
