import { readFileSync } from 'node:fs'
import t from 'tap'
import { filtersToParams, type ReportFilters } from '../../client/report-filters.js'
import { ENDPOINTS, endpointList, pathOf, requestSchemaIdOf } from '../../contracts/endpoints.js'
import {
  PARAMETERS, parameterList, parametersOf, type ParameterKind, type ParameterName,
} from '../../contracts/parameters.js'
import { REQUEST_CONTRACTS } from '../../contracts/request-schemas.js'
import { validateRequest } from '../../contracts/request-validators.js'
import { RESPONSE_SCHEMAS } from '../../contracts/response-schemas.js'
import { redactUrl } from '../../server/http/log-redaction.js'
import { FILTERS } from '../../contracts/filter-semantics.js'
import { buildTestServer } from '../helpers/test-server.js'

// Every place that derives from the parameter and endpoint registries, checked against them: a
// parameter or endpoint in a registry but missing from any of these places fails here.

const README = readFileSync(new URL('../../contracts/README.md', import.meta.url), 'utf8')
const GENERATED_TYPES = readFileSync(new URL('../../contracts/contract-types.generated.ts', import.meta.url), 'utf8')

/** A typed value of each kind, as a client passes it, and the wire value it must become. */
const SAMPLES: { [K in ParameterKind]: readonly [unknown, string] } = {
  version: ['2.0', '2.0'],
  text: ['someone@example.com', 'someone@example.com'],
  token: ['abc123', 'abc123'],
  eventId: ['1234567', '1234567'],
  zone: ['America/New_York', 'America/New_York'],
  usDate: ['2026-03-01', '03/01/2026'],
  onOff: [true, 'on'],
  pipeList: [['acme.com', 'globex.com'], 'acme.com|globex.com'],
}

/** The rows of the markdown table whose header starts with `| parameter | rule |`, by parameter. */
function ruleTableRows (): Map<string, string[]> {
  const lines = README.split('\n')
  const start = lines.findIndex((line) => line.startsWith('| parameter | rule |'))
  const rows = new Map<string, string[]>()
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break
    const cells = line.split(/(?<!\\)\|/).slice(1, -1).map((cell) => cell.trim())
    rows.set((cells[0] ?? '').replaceAll('`', ''), cells)
  }
  return rows
}

t.test('every parameter is in the request schema of each endpoint the registry gives it, and no other', async (t) => {
  for (const schema of REQUEST_CONTRACTS) {
    const [name] = endpointList().find(([endpoint]) => requestSchemaIdOf(endpoint) === schema.$id) ?? []
    t.ok(name, `${schema.$id} belongs to an endpoint`)
    if (name === undefined) continue
    const expected = parameterList().filter(([, p]) => p.endpoints[name] !== undefined)
    t.same(Object.keys(schema.properties), expected.map(([parameter]) => parameter), `${schema.$id}: its parameters`)
    const required = expected.filter(([, p]) => p.endpoints[name] === 'required').map(([parameter]) => parameter)
    t.same(schema.required, required, `${schema.$id}: the required ones`)
    for (const [parameter, { kind }] of expected) {
      t.equal(schema.properties[parameter]?.$ref, `parameters.json#/$defs/${kind}`,
        `${parameter} is checked as ${kind}`)
    }
  }
})

t.test(
  'every parameter of an audience report that the client may send is typed and encoded by the client',
  async (t) => {
    const optional = parameterList().filter(([, p]) => p.endpoints.audienceReport === 'optional')
    t.equal(optional.length, 14, 'tz and the 13 filters')
    for (const [name, { kind }] of optional) {
      const [typed, wire] = SAMPLES[kind]
      const params = filtersToParams({ [name]: typed })
      t.same(params, { [name]: wire }, `${name} (${kind}) is sent as ${wire}`)
      const request = { ver: '2.0', si: 'abc', ui: 'def', ei: '1234567', ...params }
      t.same(validateRequest('audience-report-request.json', request), [],
        `${name}: and the server's contract takes it`)
    }
    t.throws(() => filtersToParams({ no_show: true } as unknown as ReportFilters),
      /no_show is not an audience-report filter/, 'a name the registry does not have is refused')
  },
)

t.test('a value reaches the log exactly when its parameter is not secret', async (t) => {
  for (const [name, { secret }] of parameterList()) {
    const logged = redactUrl(`/api/x?${name}=VALUE42`).includes('VALUE42')
    t.equal(logged, !secret, `${name}: ${secret ? 'redacted' : 'logged'}`)
  }
  t.notOk(redactUrl('/api/x?pasword=VALUE42').includes('VALUE42'), 'a name the registry does not have is redacted')
})

t.test('the server reads every filter with one predicate, and nothing that is not a filter', async (t) => {
  const filters = parameterList().filter(([, p]) => p.filter === true).map(([name]) => name)
  t.same(Object.keys(FILTERS).sort(), [...filters].sort())
})

t.test(
  'the rules table of contracts/README.md has a row per optional audience-report parameter, with its default',
  async (t) => {
    const rows = ruleTableRows()
    const optional = parameterList().filter(([, p]) => p.endpoints.audienceReport === 'optional')
    t.same([...rows.keys()].sort(), optional.map(([name]) => name).sort(), 'the same parameters')
    for (const [name, parameter] of optional) {
      const expected = parameter.default !== undefined
        ? `\`${parameter.default}\``
        : parameter.kind === 'onOff' ? '`off`' : 'none'
      t.equal(rows.get(name)?.[2], expected, `${name}: default ${expected}`)
    }
  },
)

t.test('the generated tables of contracts/README.md name every parameter and endpoint', async (t) => {
  for (const name of Object.keys(PARAMETERS) as ParameterName[]) t.match(README, `| \`${name}\` |`, name)
  for (const [name, endpoint] of endpointList()) {
    const paths = endpoint.formats.map((format) => `\`${pathOf(endpoint, format)}\``).join(', ')
    t.match(README, `| ${name} | ${paths} |`, name)
  }
})

t.test('every endpoint is routed in each of its formats and methods, and in no other method', async (t) => {
  const server = buildTestServer(t)
  for (const [name, endpoint] of endpointList()) {
    for (const format of endpoint.formats) {
      for (const method of ['GET', 'POST', 'PUT'] as const) {
        const response = await server.app.inject({ method, url: pathOf(endpoint, format) })
        const routed = response.statusCode !== 404 && response.statusCode !== 405
        t.equal(routed, (endpoint.methods as readonly string[]).includes(method),
          `${name} ${method} ${pathOf(endpoint, format)}`)
      }
    }
  }
})

t.test(
  'every endpoint has a request contract, a compiled validator and type, and response contracts that exist',
  async (t) => {
    const responseIds = new Set<string>(RESPONSE_SCHEMAS.map((schema) => schema.$id))
    for (const [name, endpoint] of endpointList()) {
      const id = requestSchemaIdOf(name)
      t.ok(REQUEST_CONTRACTS.some((schema) => schema.$id === id), `${name}: ${id}`)
      t.same(validateRequest(id, {}).filter((v) => v.keyword !== 'required'), [], `${name}: its validator is compiled`)
      const pascal = endpoint.contract.replace(/(?:^|-)([a-z])/g, (_dash, letter: string) => letter.toUpperCase())
      const typeName = `${pascal}Request`
      t.match(GENERATED_TYPES, `export interface ${typeName} {`, `${name}: the type ${typeName}`)
      for (const [format, contract] of Object.entries(endpoint.responses)) {
        t.ok(responseIds.has(contract), `${name} answers ${format} with ${contract}`)
        t.ok((endpoint.formats as readonly string[]).includes(format), `${name}: ${format} is one of its formats`)
      }
      t.same(Object.keys(endpoint.responses).sort(), [...endpoint.formats].sort(), `${name}: a contract per format`)
      const properties = REQUEST_CONTRACTS.find((s) => s.$id === id)?.properties ?? {}
      t.same(parametersOf(name).length, Object.keys(properties).length)
    }
    t.equal(ENDPOINTS.login.formats[0], 'xml', 'the bare path answers XML')
  },
)
