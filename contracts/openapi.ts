/**
 * The OpenAPI 3.1 document of the API and the mock, derived from the registries alone: a path
 * per endpoint and format (`endpoints.ts`), its parameters (`parameters.ts`), its answers (the
 * response schemas, whose dialect, JSON Schema 2020-12, is OpenAPI 3.1's own), and its errors
 * (`error-catalogue.ts`). A new entry in any of them appears here by itself.
 */
import { endpointList, pathOf, type EndpointDefinition, type EndpointName } from './endpoints.js'
import { ERROR_CATALOGUE, type ErrorCode, type ErrorDefinition } from './error-catalogue.js'
import { PARAMETER_KINDS, PARAMETERS, parametersOf, type ParameterDefinition } from './parameters.js'
import { RESPONSE_SCHEMAS } from './response-schemas.js'
import { CONTENT_TYPES, LIST_CONTAINERS, TEXT_CONTENT_KEY, type Format } from './wire-format.js'

type Json = Record<string, unknown>
type SchemaId = (typeof RESPONSE_SCHEMAS)[number]['$id']
type Method = EndpointDefinition['methods'][number]

/** An OpenAPI 3.1 document, as plain JSON (a type, not an interface, so that it is indexable as JSON). */
type OpenApiDocument = {
  readonly openapi: '3.1.0'
  readonly info: { readonly title: string, readonly version: string, readonly description: string }
  readonly servers: readonly Json[]
  readonly tags: readonly Json[]
  readonly paths: Readonly<Record<string, Json>>
  readonly components: {
    readonly schemas: Readonly<Record<string, Json>>
    readonly responses: Readonly<Record<string, Json>>
  }
}

const MOCK_SERVER = { url: 'http://127.0.0.1:4010', description: 'webcast-mock, as `webcast-mock serve` starts it' }
const REAL_SERVER = { url: 'https://api.webcasts.com', description: 'the Webcasts.com Reporting API' }

/** Paths that only the mock answers (`/_mock/health`): their path items name the mock as their one server. */
const MOCK_ONLY_PREFIX = '/_mock/'

/** The contract of a failure, per format: the one the server's error handler writes. */
const ERROR_CONTRACTS: Readonly<Record<Format, SchemaId>> = {
  xml: 'error-response.json',
  json: 'error-response.json',
  csv: 'error-csv-row.json',
}

/**
 * The one element whose text is carried under {@link TEXT_CONTENT_KEY} (see its comment in
 * `wire-format.ts`); an `attendee`'s `title` is an attribute like its other registration fields.
 */
const TEXT_CONTENT_ELEMENT = 'event_info'

/** Attributes of the root element: `<convey_api version="2.0">` (`contracts/README.md`, the envelope). */
const ROOT_ATTRIBUTES: readonly string[] = ['version']

const LIST_ITEMS = new Set<string>(Object.values(LIST_CONTAINERS))
const FORM = 'application/x-www-form-urlencoded'

/**
 * The OpenAPI 3.1 document of every endpoint in every format and method, with its parameters,
 * its answers in each format (XML described with OpenAPI's `xml` keywords) and every error of
 * the catalogue. The mock serves it at `/_mock/openapi.json`.
 *
 * @example
 * openApiDocument('0.1.0').paths['/api/login/json']?.get // { operationId: 'loginJsonGet', … }
 */
export function openApiDocument (version: string): OpenApiDocument {
  const paths: Record<string, Json> = {}
  for (const [name, endpoint] of endpointList()) {
    for (const format of endpoint.formats) {
      const path = pathOf(endpoint, format)
      paths[path] = {
        ...(path.startsWith(MOCK_ONLY_PREFIX) ? { servers: [MOCK_SERVER] } : {}),
        ...Object.fromEntries(endpoint.methods.map((method) =>
          [method.toLowerCase(), operationOf(name, endpoint, format, method)])),
      }
    }
  }
  return withoutRefSiblings({
    openapi: '3.1.0',
    info: {
      title: 'Webcasts.com Reporting API (webcast-mock)',
      version,
      description: 'The Reporting API as webcast-mock serves it, generated from its contracts. Every answer of ' +
        'the API carries a `returnCode` in its envelope: 1 on success. API errors answer HTTP 200 with the ' +
        'error in the envelope; errors about the HTTP request itself answer the HTTP status of their code.',
    },
    servers: [MOCK_SERVER, REAL_SERVER],
    tags: endpointList().map(([name, endpoint]) => ({ name, description: endpoint.summary })),
    paths,
    components: { schemas: componentSchemas(), responses: errorResponses() },
  }) as OpenApiDocument
}

/**
 * The document with every `$ref` that has sibling keywords (the envelope's header beside its
 * `result`, a time beside its `xml`) moved into an `allOf`: the same in JSON Schema 2020-12, and
 * read correctly by the many tools that replace a `$ref` by its target and drop what stands beside it.
 */
function withoutRefSiblings (node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutRefSiblings)
  if (node === null || typeof node !== 'object') return node
  const { $ref, ...rest } = node as Json
  const local = Object.fromEntries(Object.entries(rest).map(([key, value]) => [key, withoutRefSiblings(value)]))
  if ($ref === undefined) return local
  return Object.keys(local).length === 0 ? { $ref } : { allOf: [{ $ref }], ...local }
}

function operationOf (name: EndpointName, endpoint: EndpointDefinition, format: Format, method: Method): Json {
  const parameters = parametersOf(name).map((parameter) => {
    const definition: ParameterDefinition = PARAMETERS[parameter]
    return { name: parameter, required: definition.endpoints[name] === 'required', definition }
  })
  const input = method === 'GET'
    ? (parameters.length === 0
        ? {}
        : {
            parameters: parameters.map(({ name: parameter, required, definition }) =>
              ({ name: parameter, in: 'query', required, ...describedSchema(definition) })),
          })
    : (parameters.length === 0
        ? {}
        : {
            requestBody: {
              required: parameters.some(({ required }) => required),
              content: {
                [FORM]: {
                  schema: {
                    type: 'object',
                    required: parameters.filter(({ required }) => required).map(({ name: parameter }) => parameter),
                    properties: Object.fromEntries(parameters.map(({ name: parameter, definition }) => {
                      const { description, schema } = describedSchema(definition)
                      return [parameter, { ...schema, description: `${description}: ${String(schema.description)}` }]
                    })),
                  },
                },
              },
            },
          })
  return {
    operationId: `${name}${capitalized(format)}${capitalized(method.toLowerCase())}`,
    summary: endpoint.summary,
    tags: [name],
    ...(endpoint.session ? { description: 'Needs `si` and `ui`, the session id and user id that login gave.' } : {}),
    ...input,
    responses: responsesOf(endpoint, format),
  }
}

/** A parameter's description (its summary and conflicts) and its schema (its kind, its default). */
function describedSchema (definition: ParameterDefinition): { description: string, schema: Json } {
  const conflicts = (definition.conflicts ?? []).map((other) => `\`${other}\``).join(', ')
  return {
    description: conflicts === ''
      ? definition.summary
      : `${definition.summary}; cannot be sent with ${conflicts} (\`conflicting_parameters\`)`,
    schema: {
      ...PARAMETER_KINDS[definition.kind],
      ...(definition.default === undefined ? {} : { default: definition.default }),
    },
  }
}

/** The catalogue's errors by HTTP status, in the catalogue's order. */
function errorsByStatus (): Map<number, Array<[ErrorCode, ErrorDefinition]>> {
  const byStatus = new Map<number, Array<[ErrorCode, ErrorDefinition]>>()
  for (const entry of Object.entries(ERROR_CATALOGUE) as Array<[ErrorCode, ErrorDefinition]>) {
    byStatus.set(entry[1].httpStatus, [...(byStatus.get(entry[1].httpStatus) ?? []), entry])
  }
  return byStatus
}

/** The statuses other than 200 that the catalogue names, each answered in every format. */
function errorStatuses (): number[] {
  return [...errorsByStatus().keys()].filter((status) => status !== 200).sort((a, b) => a - b)
}

/** A list of errors, for a response's description: code, returnCode and what it means. */
function errorList (status: number): string {
  return (errorsByStatus().get(status) ?? [])
    .map(([code, { returnCode, description }]) => `- \`${code}\` (returnCode ${returnCode}): ${description}`)
    .join('\n')
}

/** The name of the shared response of one error status in one format, under `components/responses`. */
function errorResponseName (status: number, format: Format): string {
  return `error-${status}-${format}`
}

/** Every error status in every format, answered the same way by every endpoint. */
function errorResponses (): Record<string, Json> {
  const formats = Object.keys(CONTENT_TYPES) as Format[]
  return Object.fromEntries(errorStatuses().flatMap((status) => formats.map((format) => [
    errorResponseName(status, format),
    {
      description: errorList(status),
      content: { [CONTENT_TYPES[format]]: { schema: bodySchema(format, [ERROR_CONTRACTS[format]]) } },
    },
  ])))
}

/** 200 with the answer or an API error in the envelope; every other status of the catalogue with its errors. */
function responsesOf (endpoint: EndpointDefinition, format: Format): Json {
  const success = endpoint.responses[format]
  if (success === undefined) throw new Error(`${endpoint.path} answers ${format} with no contract`)
  return {
    200: {
      description: `The answer, or an API error in the envelope (its \`returnCode\` and \`code\`):\n${errorList(200)}`,
      content: { [CONTENT_TYPES[format]]: { schema: bodySchema(format, [success, ERROR_CONTRACTS[format]]) } },
    },
    ...Object.fromEntries(errorStatuses().map((status) =>
      [status, { $ref: `#/components/responses/${errorResponseName(status, format)}` }])),
  }
}

/** The body of an answer that meets one of the contracts: its XML root element, its JSON, or its CSV text. */
function bodySchema (format: Format, contracts: readonly SchemaId[]): Json {
  const either = (schemas: Json[]): Json => (schemas.length === 1 ? schemas[0] ?? {} : { oneOf: schemas })
  switch (format) {
    case 'json':
      return either(contracts.map((id) => ({ $ref: refOf(id) })))
    case 'xml': {
      const root = xmlRootOf(contracts[0] ?? ERROR_CONTRACTS.xml)
      return {
        ...either(contracts.map((id) => ({ $ref: `${refOf(id)}/properties/${xmlRootOf(id)}` }))),
        xml: { name: root },
      }
    }
    case 'csv':
      return {
        type: 'string',
        description: contracts.map((id) => {
          const columns = Object.keys(schemaOf(id).properties as Json).map((column) => `\`${column}\``).join(', ')
          return `${id === ERROR_CONTRACTS.csv ? 'An error' : 'Success'}: a header row, then ` +
            `${id === ERROR_CONTRACTS.csv ? 'one row' : 'one row per record'}, each as the schema ` +
            `\`${componentName(id)}\` describes. Columns, in order: ${columns}.`
        }).join('\n\n'),
      }
  }
}

/** The name of an XML answer's root element: the one property of its contract (`convey_api`). */
function xmlRootOf (id: SchemaId): string {
  const names = Object.keys(schemaOf(id).properties ?? {})
  const [root] = names
  if (names.length !== 1 || root === undefined) throw new Error(`${id} has no single root element`)
  return root
}

function schemaOf (id: SchemaId): Json {
  const schema = RESPONSE_SCHEMAS.find((candidate) => candidate.$id === id)
  if (schema === undefined) throw new Error(`no response schema has the id ${id}`)
  return schema
}

function componentName (id: string): string {
  return id.replace(/\.json$/, '')
}

/** `envelope.json#/$defs/wireTime` → `#/components/schemas/envelope/$defs/wireTime`. */
function refOf (ref: string): string {
  const [id = '', pointer = ''] = ref.split('#')
  if (!RESPONSE_SCHEMAS.some((schema) => schema.$id === id)) throw new Error(`no response schema has the id ${id}`)
  return `#/components/schemas/${componentName(id)}${pointer}`
}

/** Every response schema as a component, without `$id` and `$schema`, `$ref`s pointing into the document. */
function componentSchemas (): Record<string, Json> {
  const components = Object.fromEntries(RESPONSE_SCHEMAS.map((schema) =>
    [componentName(schema.$id), relocated(schema) as Json]))
  const resolve = (ref: string): Json => {
    let target: unknown = components
    for (const key of ref.replace(/^#\/components\/schemas\//, '').split('/')) target = (target as Json)[key]
    return target as Json
  }
  const xmlContracts = new Set(endpointList().flatMap(([, endpoint]) =>
    endpoint.responses.xml === undefined ? [] : [endpoint.responses.xml, ERROR_CONTRACTS.xml]))
  for (const id of xmlContracts) {
    const root = resolve(`${refOf(id)}/properties/${xmlRootOf(id)}`)
    root.xml = { name: xmlRootOf(id) }
    markXml(root, { element: xmlRootOf(id), kind: 'root' }, resolve)
  }
  return components
}

/** A fresh copy of a schema (nothing shared, so {@link markXml} may annotate it), its `$ref`s rewritten. */
function relocated (node: unknown): unknown {
  if (Array.isArray(node)) return node.map(relocated)
  if (node === null || typeof node !== 'object') return node
  const { $id: _id, $schema: _schema, ...rest } = node as Json
  return Object.fromEntries(Object.entries(rest).map(([key, value]) =>
    [key, key === '$ref' && typeof value === 'string' ? refOf(value) : relocated(value)]))
}

/** Where a schema's properties are in the XML tree: the root, an item of a list, or another element. */
interface XmlContext {
  readonly element: string
  readonly kind: 'root' | 'listItem' | 'element'
}

/**
 * Marks how each property of an element is written in XML (`contracts/README.md`): the root's
 * version and every value of a list item (`event_info`, `attendee`, a session, a question, a
 * survey) are attributes; every other value is a child element; `event_info`'s title is its text,
 * which OpenAPI 3.1's `xml` keywords cannot say, so its description does. Lists are unwrapped:
 * each item is an element named like the list's key. Annotates the copy in place.
 */
function markXml (node: Json, context: XmlContext, resolve: (ref: string) => Json): void {
  if (typeof node.$ref === 'string') markXml(resolve(node.$ref), context, resolve)
  for (const [key, property] of Object.entries((node.properties ?? {}) as Record<string, unknown>)) {
    if (property === null || typeof property !== 'object') continue
    const schema = property as Json
    if (schema.type === 'array') {
      const items = schema.items as Json
      items.xml = { name: key }
      markXml(items, { element: key, kind: LIST_ITEMS.has(key) ? 'listItem' : 'element' }, resolve)
    } else if (!isLeaf(schema, resolve)) {
      markXml(schema, { element: key, kind: 'element' }, resolve)
    } else if (context.kind === 'listItem' && context.element === TEXT_CONTENT_ELEMENT && key === TEXT_CONTENT_KEY) {
      schema.description = `In XML, the text of \`${context.element}\`; in JSON, the key \`${key}\`.`
    } else if (context.kind === 'listItem' || (context.kind === 'root' && ROOT_ATTRIBUTES.includes(key))) {
      schema.xml = { attribute: true }
    }
  }
}

function isLeaf (schema: Json, resolve: (ref: string) => Json): boolean {
  if (typeof schema.$ref === 'string') return isLeaf(resolve(schema.$ref), resolve)
  return schema.properties === undefined && schema.type !== 'object' && schema.type !== 'array'
}

function capitalized (word: string): string {
  return `${word.charAt(0).toUpperCase()}${word.slice(1)}`
}
