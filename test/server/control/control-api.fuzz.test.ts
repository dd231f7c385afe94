import fc from 'fast-check'
import t from 'tap'
import { CONTROL_ROUTES } from '../../../contracts/control-schemas.js'
import { describeViolations, validateContract, type SchemaId } from '../../../contracts/validator.js'
import { startMock } from '../../../server/start-mock.js'
import { ONE_EVENT_FIXTURE } from './control-mock.js'

/** Cases per run; set WEBCAST_FUZZ_RUNS for a longer run. */
const RUNS = Number(process.env.WEBCAST_FUZZ_RUNS ?? '2000')

const encoded = (text: string): string => encodeURIComponent(text)

const part = fc.oneof(
  fc.constantFrom('7000001', '4851630', '1', '%zz', '..', '', '__proto__', 'x'.repeat(300)),
  fc.string({ maxLength: 12 }).map(encoded),
)
const path = fc.oneof(
  fc.constantFrom(...CONTROL_ROUTES.map((route) => route.path)).chain((template) =>
    part.map((value) => template.replace(/:[a-z]+/g, value))),
  fc.string({ maxLength: 20 }).map((text) => `/_mock/${encoded(text)}`),
  fc.constantFrom('/_mock', '/_mock/', '/_mock//clock', '/_mock/clock/', '/_mock/fixtures/events/'),
)
const value = fc.oneof(
  fc.constantFrom('replace', 'extend', '0', '200', '-1', '1e3', '', '%zz', '/api/', 'demo@example.com'),
  fc.string({ maxLength: 20 }).map(encoded),
)
const name = fc.oneof(
  fc.constantFrom('mode', 'since', 'status', 'returnCode', 'pathPrefix', 'account', 'faultId', '__proto__'),
  fc.string({ minLength: 1, maxLength: 8 }).map(encoded),
)
const query = fc.array(fc.tuple(name, value), { maxLength: 4 })
  .map((pairs) => pairs.map(([n, v]) => `${n}=${v}`).join('&'))
const body = fc.oneof(
  fc.constant(undefined),
  fc.json({ maxDepth: 3 }),
  fc.string({ maxLength: 80 }),
  fc.record({ now: fc.oneof(fc.integer(), fc.string(), fc.constant('2027-02-10T18:30:00Z')) })
    .map((o) => JSON.stringify(o)),
  fc.record({ ms: fc.oneof(fc.integer({ min: -1e9, max: 1e9 }), fc.double(), fc.string()) })
    .map((o) => JSON.stringify(o)),
  fc.record({
    path: fc.constantFrom('/api/login', '/api/reporting/audience_reports', '/_mock/clock', '/api/nope'),
    latencyMs: fc.oneof(fc.nat({ max: 5 }), fc.constant(-1), fc.record({ min: fc.nat(9), max: fc.nat(9) })),
    times: fc.oneof(fc.constantFrom('once', 'always', 'twice'), fc.integer({ min: -1, max: 3 })),
    probability: fc.double({ min: -1, max: 2, noNaN: true }),
  }, { requiredKeys: [] }).map((o) => JSON.stringify(o)),
  fc.constantFrom(ONE_EVENT_FIXTURE, 'events: [{ id: 12 }]',
    `${ONE_EVENT_FIXTURE}accounts: [{ username: a@b.c, password: x, events: [1234567] }]\n`,
    'mode: replace\nevents: []\n', '{"events":', '- a\n- b', 'events: !!binary x'),
)
const request = fc.record({
  method: fc.constantFrom('GET', 'POST', 'DELETE', 'PUT', 'PATCH', 'HEAD', 'OPTIONS'),
  path,
  query,
  contentType: fc.constantFrom(undefined, 'application/json', 'application/yaml', 'text/plain', 'application/xml',
    'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x'),
  body,
})

/** The schema a control answer must meet: the route's on success, `control-error.json` on a refusal. */
function schemaOf (method: string, url: string, status: number): SchemaId {
  // As the request reaches the server: `..` and `.` segments resolved.
  const bare = new URL(url, 'http://mock').pathname
  const route = CONTROL_ROUTES.find((candidate) => candidate.method === method &&
    new RegExp(`^${candidate.path.replace(/:[a-z]+/g, '[^/]+')}/?$`).test(bare))
  return route !== undefined && status === route.status ? route.answer : 'control-error.json'
}

t.test(`${RUNS} random control requests: never a 5xx, always JSON that meets its schema; a refusal changes nothing`,
  async (t) => {
    const mock = await startMock({ port: 0 })
    t.teardown(() => mock.close())
    const problems: string[] = []
    await fc.assert(fc.asyncProperty(request, async (r) => {
      const url = r.query === '' ? r.path : `${r.path}?${r.query}`
      const before = { generation: mock.fixtures.generation, faults: JSON.stringify(mock.faults.list()) }
      const response = await mock.app.inject({
        method: r.method as 'GET',
        url,
        ...(r.contentType === undefined ? {} : { headers: { 'content-type': r.contentType } }),
        ...(r.body === undefined || r.method === 'GET' || r.method === 'HEAD' ? {} : { payload: r.body }),
      })
      const where = `${r.method} ${url.slice(0, 100)} ${String(r.contentType)} ${String(r.body).slice(0, 60)}`
      if (response.statusCode >= 500) problems.push(`${where}: HTTP ${response.statusCode}`)
      if (r.method === 'HEAD') return true
      // `/_mock/health` answers in the API's JSON content type, as an endpoint of the registry.
      if (!/^(application|text)\/json; charset=utf-8$/.test(String(response.headers['content-type']))) {
        problems.push(`${where}: content type ${String(response.headers['content-type'])}`)
        return true
      }
      if (/\n\s+at /.test(response.body)) problems.push(`${where}: a stack trace`)
      let answer: unknown
      try {
        answer = JSON.parse(response.body)
      } catch {
        problems.push(`${where}: not JSON: ${response.body.slice(0, 80)}`)
        return true
      }
      const schema = schemaOf(r.method, url, response.statusCode)
      const violations = validateContract(schema, answer)
      if (violations.length > 0) problems.push(`${where}: breaks ${schema}: ${describeViolations(violations)}`)
      if (schema === 'control-error.json') {
        const after = { generation: mock.fixtures.generation, faults: JSON.stringify(mock.faults.list()) }
        if (JSON.stringify(after) !== JSON.stringify(before)) problems.push(`${where}: refused, yet something changed`)
      }
      return true
    }), { numRuns: RUNS })
    t.same(problems.slice(0, 10), [], `${problems.length} problems`)
    const health = await mock.app.inject('/_mock/health')
    t.equal(health.statusCode, 200, 'and the mock still answers')
  })
