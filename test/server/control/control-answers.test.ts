import t from 'tap'
import { CONTROL_ROUTES, type ControlRoute } from '../../../contracts/control-schemas.js'
import { describeViolations, validateContract, type SchemaId } from '../../../contracts/validator.js'
import { createDataset } from '../../../fixtures/create-dataset.js'
import { buildServer } from '../../../server/build-server.js'
import { Faults } from '../../../server/control/faults.js'
import { Fixtures } from '../../../server/control/fixtures.js'
import { Journal } from '../../../server/control/journal.js'
import { startMock } from '../../../server/start-mock.js'
import { createMockClock } from '../../../server/time/mock-clock.js'
import { ONE_EVENT_FIXTURE } from './control-mock.js'

const JSON_BODY = { 'content-type': 'application/json' }

/** For each route, a request it grants and one it refuses, as `[method, url, body]`. */
const CALLS: ReadonlyArray<readonly [string, string, string?]> = [
  ['GET', '/_mock/health'],
  ['GET', '/_mock/clock'],
  ['POST', '/_mock/clock/set', '{"now":"2027-02-10T18:30:00Z"}'],
  ['POST', '/_mock/clock/set', '{"now":"tomorrow"}'],
  ['POST', '/_mock/clock/advance', '{"ms":60000}'],
  ['POST', '/_mock/clock/advance', '{"ms":1.5}'],
  ['POST', '/_mock/clock/freeze'],
  ['POST', '/_mock/clock/resume'],
  ['GET', '/_mock/fixtures'],
  ['POST', '/_mock/fixtures', ONE_EVENT_FIXTURE],
  ['POST', '/_mock/fixtures?mode=replace', 'events: [{ id: 12 }]'],
  ['POST', '/_mock/fixtures?mode=again', ONE_EVENT_FIXTURE],
  ['DELETE', '/_mock/fixtures/events/7000001'],
  ['DELETE', '/_mock/fixtures/events/7000001'],
  ['POST', '/_mock/fixtures/reset'],
  ['POST', '/_mock/faults', '{"path":"/api/login","latencyMs":{"min":0,"max":5},"times":3,"params":{"ver":"2.0"}}'],
  ['POST', '/_mock/faults', '{"path":"/api/login","times":0}'],
  ['GET', '/api/login/json?ver=2.0&username=demo@example.com&password=demo'],
  ['GET', '/_mock/faults'],
  ['DELETE', '/_mock/faults/9999'],
  ['GET', '/_mock/journal?since=0&status=200'],
  ['GET', '/_mock/journal?status=ok'],
  ['DELETE', '/_mock/journal'],
  ['DELETE', '/_mock/faults/{fault}'],
  ['DELETE', '/_mock/faults'],
  ['PUT', '/_mock/clock'],
  ['GET', '/_mock/nothing'],
]

/** The route of the table a method and URL go to, if any. */
function routeOf (method: string, url: string): ControlRoute | undefined {
  const path = url.split('?', 1)[0] ?? ''
  return CONTROL_ROUTES.find((route) => route.method === method &&
    new RegExp(`^${route.path.replace(/:[a-z]+/g, '[^/]+')}$`).test(path))
}

t.test('every control answer, granted or refused, meets the schema the route table names', async (t) => {
  // With the self-check on, as `--self-check` runs: it holds control answers to the same table.
  const mock = await startMock({ port: 0, selfCheck: true })
  t.teardown(() => mock.close())
  const seen = new Set<string>()
  let fault = ''
  for (const [method, template, payload] of CALLS) {
    const url = template.replace('{fault}', fault)
    const response = await mock.app.inject({
      method: method as 'GET', url, ...(payload === undefined ? {} : { headers: JSON_BODY, payload }),
    })
    if (url.startsWith('/api/')) continue
    if (response.statusCode === 201) fault = response.json<{ id: string }>().id
    const route = routeOf(method, url)
    const granted = route !== undefined && response.statusCode === route.status
    const schema: SchemaId = granted ? route.answer : 'control-error.json'
    const violations = validateContract(schema, response.json())
    t.same(violations, [], `${method} ${url} → ${response.statusCode} meets ${schema}` +
      (violations.length === 0 ? '' : `\n${describeViolations(violations)}`))
    if (granted) seen.add(`${route.method} ${route.path}`)
    else t.ok(response.statusCode >= 400, `${method} ${url}: a refusal has a status of failure`)
  }
  t.same(CONTROL_ROUTES.map((route) => `${route.method} ${route.path}`).filter((route) => !seen.has(route)), [],
    'every route of the table answered with success once')
})

t.test('the route table is the control API the server routes, no route more or less', async (t) => {
  const clock = createMockClock()
  const dataset = createDataset({ seed: 1 })
  const app = buildServer({
    dataset,
    clock: clock.now,
    sessionSecret: 'routes',
    controlApi: { clock, fixtures: new Fixtures(dataset), faults: new Faults(), journal: new Journal() },
  })
  const routed: string[] = []
  // The console's page and the data it shows (`server/console/`, `server/control/data-api.ts`) are
  // the console's own routes beside the control API, answered for the browser, not for tests.
  const consoles = ['/_mock/console/', '/_mock/data/']
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/_mock/') || route.url === '/_mock/openapi.json') return
    if (consoles.some((prefix) => route.url.startsWith(prefix))) return
    for (const method of [route.method].flat()) if (method !== 'HEAD') routed.push(`${method} ${route.url}`)
  })
  await app.ready()
  t.teardown(() => app.close())
  t.same(routed.sort(), CONTROL_ROUTES.map((route) => `${route.method} ${route.path}`).sort())
})
