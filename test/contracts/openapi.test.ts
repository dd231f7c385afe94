import { existsSync, readFileSync } from 'node:fs'
// The validator is @readme/openapi-parser, ReadMe's maintained fork of swagger-parser that
// supports OpenAPI 3.1: it validates against the specification's own schema and, beyond it,
// checks what that schema cannot (duplicate operationIds and parameters, component names), and
// it resolves every `$ref`, so a dangling one fails. Neither it nor the specification's schema
// checks a Schema Object's keywords, so the ajv test below does. @seriousme/openapi-schema-validator
// checks the same schema, but its `$ref` resolver drops the keywords beside a `$ref`; the document
// has none (tested below), for it and for the many tools that resolve the same way.
import { compileErrors, validate } from '@readme/openapi-parser'
import { Ajv2020 } from 'ajv/dist/2020.js'
import { XMLParser } from 'fast-xml-parser'
import t from 'tap'
import { endpointList, pathOf, type EndpointName } from '../../contracts/endpoints.js'
import { ERROR_CATALOGUE } from '../../contracts/error-catalogue.js'
import { openApiDocument } from '../../contracts/openapi.js'
import { PARAMETERS, parametersOf } from '../../contracts/parameters.js'
import {
  CONTENT_TYPES, LIST_CONTAINERS, REPORT_CSV_COLUMNS, TEXT_CONTENT_KEY, type Format,
} from '../../contracts/wire-format.js'
import { buildTestServer } from '../helpers/test-server.js'
import { reportDataset } from '../helpers/report-dataset.js'
import documented from './documented-parameters.json' with { type: 'json' }

type Json = Record<string, unknown>

const DOCUMENT = openApiDocument('1.2.3')
const TREE = DOCUMENT as unknown as Json

/** The value at a path of keys in the document; undefined where there is none. */
function at (node: unknown, ...keys: readonly (string | number)[]): unknown {
  let value = node
  for (const key of keys) value = (value as Json | undefined)?.[key]
  return value
}

/** What a `$ref` such as `#/components/schemas/attendee` points at in the document. */
function resolve (ref: string): Json {
  const keys = ref.replace(/^#\//, '').split('/').map((key) => key.replaceAll('~1', '/').replaceAll('~0', '~'))
  const target = at(TREE, ...keys)
  if (target === null || typeof target !== 'object') throw new Error(`${ref} points at nothing`)
  return target as Json
}

function resolved (node: Json): Json {
  return typeof node.$ref === 'string' ? resolved(resolve(node.$ref)) : node
}

const OPERATIONS = endpointList().flatMap(([name, endpoint]) => endpoint.formats.flatMap((format) =>
  endpoint.methods.map((method) => {
    const path = pathOf(endpoint, format)
    return { name, format, method, path, operation: at(TREE, 'paths', path, method.toLowerCase()) as Json | undefined }
  })))

t.test('the document is valid OpenAPI 3.1, by @readme/openapi-parser', async (t) => {
  t.equal(DOCUMENT.openapi, '3.1.0')
  t.equal(DOCUMENT.info.version, '1.2.3', 'its version is the one passed in')
  t.same(DOCUMENT.servers.map((server) => server.url), ['http://127.0.0.1:4010', 'https://api.webcasts.com'])
  const result = await validate(structuredClone(DOCUMENT) as never)
  t.ok(result.valid, compileErrors(result))
  t.same(result.warnings, [], 'without warnings')

  t.test('and the validator is not vacuous: it refuses a broken copy', async (t) => {
    const wrongPlace = structuredClone(DOCUMENT) as unknown as Json
    ;(at(wrongPlace, 'paths', '/api/login', 'get', 'parameters', 0) as Json).in = 'body'
    t.notOk((await validate(wrongPlace as never)).valid, 'a parameter in the body')
    const dangling = structuredClone(DOCUMENT) as unknown as Json
    ;(at(dangling, 'components', 'schemas', 'login-response') as Json).properties = {}
    t.notOk((await validate(dangling as never).catch(() => ({ valid: false }))).valid, 'a $ref to nothing')
  })
})

t.test('every schema is JSON Schema 2020-12 that compiles in strict mode, its `xml` an XML Object', async (t) => {
  const ajv = new Ajv2020({ strict: true, allErrors: true })
  ajv.addKeyword({
    keyword: 'xml',
    metaSchema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        name: { type: 'string' }, namespace: { type: 'string' }, prefix: { type: 'string' },
        attribute: { type: 'boolean' }, wrapped: { type: 'boolean' },
      },
    },
  })
  ajv.addVocabulary(['openapi', 'info', 'servers', 'tags', 'paths', 'components'])
  ajv.addSchema({ ...DOCUMENT, $id: 'openapi.json' })
  for (const name of Object.keys(DOCUMENT.components.schemas)) {
    t.doesNotThrow(() => ajv.compile({ $ref: `openapi.json#/components/schemas/${name}` }), name)
  }
})

t.test('no `$ref` has sibling keywords, which many tools would drop', async (t) => {
  const siblings: string[] = []
  const walk = (node: unknown, where: string): void => {
    if (node === null || typeof node !== 'object') return
    if ('$ref' in node && Object.keys(node).length > 1) siblings.push(where)
    for (const [key, value] of Object.entries(node)) walk(value, `${where}/${key}`)
  }
  walk(DOCUMENT, '#')
  t.same(siblings, [])
})

t.test('every endpoint of the registry, in each format and method, is an operation', async (t) => {
  t.same(Object.keys(DOCUMENT.paths).sort(),
    endpointList().flatMap(([, endpoint]) => endpoint.formats.map((format) => pathOf(endpoint, format))).sort(),
    'a path per endpoint and format, and no other')
  for (const { name, format, method, path, operation } of OPERATIONS) {
    const label = `${method} ${path}`
    t.ok(operation, label)
    t.ok(at(operation, 'responses', 200, 'content', CONTENT_TYPES[format], 'schema'), `${label}: answers ${format}`)
    const parameters = parametersOf(name)
    const requiredOnes = parameters.filter((parameter) =>
      (PARAMETERS[parameter].endpoints as Partial<Record<EndpointName, string>>)[name] === 'required')
    if (method === 'GET') {
      const listed = (at(operation, 'parameters') ?? []) as Json[]
      t.same(listed.map((parameter) => parameter.name), parameters, `${label}: its parameters`)
      t.same(listed.filter((parameter) => parameter.required === true).map((parameter) => parameter.name),
        requiredOnes, `${label}: the required ones`)
      t.ok(listed.every((parameter) => parameter.in === 'query'), `${label}: in the query string`)
    } else {
      const form = at(operation, 'requestBody', 'content', 'application/x-www-form-urlencoded', 'schema')
      t.same(Object.keys((at(form, 'properties') ?? {})), parameters, `${label}: its form fields`)
      t.same(at(form, 'required') ?? [], requiredOnes, `${label}: the required ones`)
    }
  }
  for (const [path, item] of Object.entries(DOCUMENT.paths)) {
    const endpoint = endpointList().find(([, e]) => e.formats.some((format) => pathOf(e, format) === path))?.[1]
    const methods = Object.keys(item).filter((key) => key !== 'servers')
    t.same(methods, endpoint?.methods.map((method) => method.toLowerCase()), `${path}: no other method`)
  }
})

t.test('every parameter carries its kind, its default and its summary', async (t) => {
  const tz = (at(TREE, 'paths', '/api/reporting/audience_reports', 'get', 'parameters') as Json[])
    .find((parameter) => parameter.name === 'tz')
  t.same(tz, {
    name: 'tz',
    in: 'query',
    required: false,
    description: 'the zone every time is shown in',
    schema: {
      type: 'string', maxLength: 64, pattern: '^[A-Za-z0-9_+\\-/]+$',
      description: 'an IANA time zone name, GMT or UTC', default: 'GMT',
    },
  })
  const form = at(TREE, 'paths', '/api/reporting/audience_reports/json', 'post', 'requestBody', 'content',
    'application/x-www-form-urlencoded', 'schema', 'properties', 'excl_domain')
  t.same(form, {
    type: 'string', maxLength: 2048,
    description: 'email domains left out; cannot be sent with `incl_domain` (`conflicting_parameters`): ' +
      'values separated by |, at most 2048 characters',
  })
})

t.test('every error of the catalogue is documented on every operation, at its HTTP status', async (t) => {
  for (const { method, path, operation } of OPERATIONS) {
    for (const [code, { httpStatus, returnCode }] of Object.entries(ERROR_CATALOGUE)) {
      const response = at(operation, 'responses', httpStatus) as Json | undefined
      const description = response === undefined ? '' : String(resolved(response).description)
      t.match(description, `\`${code}\` (returnCode ${returnCode})`, `${method} ${path}: ${code} (${httpStatus})`)
    }
  }
})

t.test('a CSV answer is text whose columns are those of the report', async (t) => {
  const schema = at(TREE, 'paths', '/api/reporting/audience_reports/csv', 'get', 'responses', 200, 'content',
    CONTENT_TYPES.csv, 'schema') as Json
  t.equal(schema.type, 'string')
  t.match(String(schema.description), `Columns, in order: ${REPORT_CSV_COLUMNS.map((c) => `\`${c}\``).join(', ')}.`)
  t.match(String(schema.description), 'Columns, in order: `returnCode`, `code`, `description`, `parameter`.',
    'and those of an error')
})

/** The parameters of an operation, whether a query string's or a form's. */
function parameterNames (operation: Json | undefined): string[] {
  const query = ((at(operation, 'parameters') ?? []) as Json[]).map((parameter) => String(parameter.name))
  const form = Object.keys((at(operation, 'requestBody', 'content', 'application/x-www-form-urlencoded',
    'schema', 'properties') ?? {}))
  return [...query, ...form]
}

t.test('every path, method and parameter of the API\'s documentation is in the document', async (t) => {
  t.match(documented.source, /^The Webcasts\.com Reporting API documentation/)
  for (const request of documented.requests) {
    for (const path of request.paths) {
      for (const method of request.methods) {
        const operation = at(TREE, 'paths', path, method.toLowerCase()) as Json | undefined
        t.ok(operation, `${method} ${path}`)
        const names = parameterNames(operation)
        for (const parameter of request.parameters) t.ok(names.includes(parameter), `${method} ${path}: ${parameter}`)
      }
    }
  }
})

/**
 * The requests of each section of the documentation's text: the paths of its Base Path (after
 * the host), its HTTP Methods ("GET or POST") and the first column of its Parameters table.
 */
function documentedRequests (text: string): Array<{ paths: string[], methods: string[], parameters: string[] }> {
  const requests: Array<{ paths: string[], methods: string[], parameters: string[] }> = []
  let inTable = false
  for (const line of text.split('\n')) {
    const methods = /^HTTP Methods\t(.+)$/.exec(line)?.[1]
    if (methods !== undefined) {
      requests.push({ paths: [], methods: methods.split(/\s+or\s+|,\s*/).map((m) => m.trim()), parameters: [] })
      inTable = false
      continue
    }
    const current = requests.at(-1)
    if (current === undefined) continue
    for (const [, path = ''] of line.matchAll(/https:\/\/api\.webcasts\.com(\/[^\s`>]*)/g)) current.paths.push(path)
    if (line.startsWith('Parameter\tRequired')) inTable = true
    const parameter = /^([a-z_]+)\t/.exec(line)?.[1]
    if (inTable && parameter !== undefined) current.parameters.push(parameter)
  }
  return requests
}

// The documentation's text sits beside the repository in a development checkout and in CI, not in
// a user's clone: where it is, the committed list must still say what it says.
const DOCUMENTATION = new URL('../../../shared/reference/reporting-api-docs.txt', import.meta.url)
t.test('the committed list of documented parameters is what the documentation lists', {
  skip: existsSync(DOCUMENTATION) ? false : 'the documentation\'s text is not beside this checkout',
}, async (t) => {
  t.same(documentedRequests(readFileSync(DOCUMENTATION, 'utf8')), documented.requests)
})

/** A request per endpoint that it answers with success, so that its answer can be held to the document. */
const SUCCESSFUL_QUERIES: Record<EndpointName, (session: { si: string, ui: string }) => Record<string, string>> = {
  login: () => ({ ver: '2.0', username: 'demo@example.com', password: 'demo' }),
  eventList: (session) => ({ ver: '2.0', ...session }),
  audienceReport: (session) => ({ ver: '2.0', ...session, ei: '2000001' }),
  health: () => ({}),
  openapi: () => ({}),
}

t.test('the mock\'s JSON answers, success and error, meet the document\'s schemas', async (t) => {
  const ajv = new Ajv2020({ strict: false, allErrors: true })
  ajv.addSchema({ ...DOCUMENT, $id: 'openapi.json' })
  const server = buildTestServer(t, { dataset: reportDataset() })
  const session = await server.login()
  for (const { name, format, method, path } of OPERATIONS.filter((o) => o.format === 'json' && o.method === 'GET')) {
    const pointer = ['paths', path, 'get', 'responses', '200', 'content', CONTENT_TYPES.json, 'schema']
      .map((key) => encodeURIComponent(key.replaceAll('~', '~0').replaceAll('/', '~1'))).join('/')
    const check = ajv.compile({ $ref: `openapi.json#/${pointer}` })
    const success = await server.app.inject({ method, url: path, query: SUCCESSFUL_QUERIES[name](session) })
    t.ok(check(JSON.parse(success.body)), `${path} (${format}): success`, { errors: check.errors })
    if (parametersOf(name).length === 0) continue
    const failure = await server.app.inject({ method, url: path })
    t.match(failure.body, '"code":"missing_parameter"')
    t.ok(check(JSON.parse(failure.body)), `${path}: an error`, { errors: check.errors })
  }
})

const LIST_ITEMS = new Set<string>(Object.values(LIST_CONTAINERS))
const xmlParser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  textNodeName: '#text',
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreDeclaration: true,
  isArray: (name, _path, _isLeaf, isAttribute) => !isAttribute && LIST_ITEMS.has(name),
})

/** The properties a schema gives its instances, through `$ref` and `allOf`. */
function propertiesOf (schema: Json): Json {
  const own = resolved(schema)
  return Object.assign({}, ...((own.allOf ?? []) as Json[]).map(propertiesOf), own.properties ?? {}) as Json
}

/**
 * Where an XML tree differs from what the document's `xml` keywords say: an attribute the schema
 * does not mark as one, an element it marks as an attribute or does not know, a list item not
 * named like its list, text where the schema has no text.
 */
function xmlDifferences (node: unknown, schema: Json, where: string): string[] {
  if (node === null || typeof node !== 'object') return []
  const properties = propertiesOf(schema)
  return Object.entries(node as Json).flatMap(([key, value]): string[] => {
    if (key === '#text') {
      const text = properties[TEXT_CONTENT_KEY] as Json | undefined
      return text !== undefined && at(text, 'xml', 'attribute') !== true && String(text.description).includes('text')
        ? []
        : [`${where}: text where the schema has none`]
    }
    const name = key.replace(/^@/, '')
    const property = properties[name] as Json | undefined
    if (property === undefined) return [`${where}/${key}: not in the schema`]
    const isAttribute = at(property, 'xml', 'attribute') === true
    if (key.startsWith('@') !== isAttribute) return [`${where}/${key}: ${isAttribute ? 'an attribute' : 'an element'}`]
    if (isAttribute) return []
    const own = resolved(property)
    if (own.type !== 'array') return xmlDifferences(value, property, `${where}/${key}`)
    const items = own.items as Json
    if (at(items, 'xml', 'name') !== key) return [`${where}/${key}: its items are not named ${key}`]
    return (value as unknown[]).flatMap((item, index) => xmlDifferences(item, items, `${where}/${key}[${index}]`))
  })
}

t.test('the mock\'s XML answers have the attributes, elements and text the `xml` keywords say', async (t) => {
  const server = buildTestServer(t, { dataset: reportDataset() })
  const session = await server.login()
  const xmlOperations = OPERATIONS.filter((o) => o.format === 'xml' && o.method === 'GET')
  t.ok(xmlOperations.length > 0)
  for (const { name, path, operation } of xmlOperations) {
    const schema = at(operation, 'responses', 200, 'content', CONTENT_TYPES.xml, 'schema') as Json
    const root = String(at(schema, 'xml', 'name'))
    const [success, error] = schema.oneOf as [Json, Json]
    const answer = await server.app.inject({ url: path, query: SUCCESSFUL_QUERIES[name](session) })
    const tree = xmlParser.parse(answer.body) as Json
    t.match(answer.body, '<returnCode>1</returnCode>', `${path}: success`)
    t.same(xmlDifferences(tree[root], success, root), [], `${path}: success`)
    const failure = await server.app.inject({ url: path, query: { ver: '9' } })
    t.match(failure.body, '<parameter>', `${path}: an error that names a parameter`)
    t.same(xmlDifferences((xmlParser.parse(failure.body) as Json)[root], error, root), [], `${path}: an error`)
  }
  const report = await server.app.inject({ url: '/api/reporting/audience_reports', query: SUCCESSFUL_QUERIES
    .audienceReport(session) })
  for (const element of ['attendee', 'live_session', 'od_session', 'question', 'survey', 'sti=']) {
    t.match(report.body, element, `the report checked has ${element}`)
  }
})

t.test('the document describes every format of the wire', async (t) => {
  const formats = new Set<Format>(OPERATIONS.map((o) => o.format))
  t.same([...formats].sort(), Object.keys(CONTENT_TYPES).sort())
})
