import t, { type Test } from 'tap'
import { ERROR_CATALOGUE } from '../../../contracts/error-catalogue.js'
import type { FixtureEvent, FixtureRegistrant } from '../../../contracts/fixture-types.generated.js'
import { FixtureError } from '../../../fixtures/load-fixtures.js'
import { RESTRICTED_CREDENTIALS } from '../../../fixtures/accounts.js'
import { startMock, type RunningMock } from '../../../server/start-mock.js'
import { FIXED_NOW } from '../../helpers/tiny-dataset.js'

const LIVE = { start: '2026-04-14T14:00:00Z', end: '2026-04-14T15:00:00Z' }
const ANN = { email: 'ann@acme.com', registered: '2026-04-01T09:00:00Z' }
const BOB = { email: 'bob@globex.com', registered: '2026-04-02T09:00:00Z' }
const event = (registrants: FixtureRegistrant[]): FixtureEvent =>
  ({ id: 7000001, title: 'Spring launch', kind: 'live', live: LIVE, registrants })

async function mockFor (t: Test): Promise<RunningMock> {
  const mock = await startMock({ port: 0, clock: () => FIXED_NOW, sessionSecret: 'fixtures' })
  t.teardown(() => mock.close())
  return mock
}

async function session (mock: RunningMock, credentials = mock.credentials): Promise<string> {
  const response = await mock.app.inject({ url: '/api/login/json', query: { ver: '2.0', ...credentials } })
  const { success } = response.json<{ convey_api: { result: { success: Record<string, { value: string }> } } }>()
    .convey_api.result
  return `si=${success.sessionid?.value ?? ''}&ui=${success.userid?.value ?? ''}`
}

const emails = (body: string): string[] => [...body.matchAll(/"email":"([^"]+)"/g)].map((match) => match[1] ?? '')

t.test('a report asked before and after a fixture is loaded differs: the cache keys the data served', async (t) => {
  const mock = await mockFor(t)
  await mock.fixtures.load({ events: [event([ANN])] })
  const auth = await session(mock)
  const url = `/api/reporting/audience_reports/json?ver=2.0&${auth}&ei=7000001`
  t.same(emails((await mock.app.inject(url)).body), ['ann@acme.com'])
  t.same(emails((await mock.app.inject(url)).body), ['ann@acme.com'], 'asked again: the same (from the cache)')
  const state = await mock.fixtures.load({ mode: 'replace', events: [event([ANN, BOB])] })
  t.equal(state.generation, 2)
  t.same(emails((await mock.app.inject(url)).body), ['ann@acme.com', 'bob@globex.com'], 'the same query, new data')
  mock.fixtures.reset()
  t.match((await mock.app.inject(url)).json(), { convey_api: { result: { error: { code: 'event_not_found' } } } },
    'reset: the event is gone again')
})

t.test('a removed event answers the API\'s own event_not_found; the event list and journal follow', async (t) => {
  const mock = await mockFor(t)
  const auth = await session(mock)
  const [first] = mock.dataset.events
  const count = mock.dataset.events.length
  const url = `/api/reporting/audience_reports/json?ver=2.0&${auth}&ei=${first?.id ?? ''}`
  t.match((await mock.app.inject(url)).json(), { convey_api: { result: { returnCode: '1' } } })
  t.equal(mock.fixtures.removeEvent(first?.id ?? ''), true)
  t.equal(mock.fixtures.removeEvent(first?.id ?? ''), false, 'once only')
  const gone = await mock.app.inject(url)
  t.equal(gone.statusCode, ERROR_CATALOGUE.event_not_found.httpStatus)
  t.match(gone.json(), { convey_api: { result: { error: { code: 'event_not_found', parameter: 'ei' } } } })
  const list = await mock.app.inject(`/api/reporting/eventlist/json?${auth}`)
  t.notOk(list.body.includes(`"${first?.id ?? ''}"`), 'nor is it listed')
  t.match(mock.journal.list({ pathPrefix: '/api/reporting/audience' }).map((entry) => entry.errorCode),
    [null, 'event_not_found'], 'the journal records both answers')
  t.equal(mock.dataset.events.length, count - 1, 'mock.dataset is the data served now')
})

t.test('replace keeps the admin who sees every event: other accounts\' sessions become invalid', async (t) => {
  const mock = await mockFor(t)
  const restricted = await session(mock, RESTRICTED_CREDENTIALS)
  const admin = await session(mock)
  await mock.fixtures.load('mode: replace\nevents: []\n')
  const answer = await mock.app.inject(`/api/reporting/eventlist/json?${restricted}`)
  t.match(answer.json(), { convey_api: { result: { error: { code: 'invalid_session' } } } }, 'the account is gone')
  const stillIn = await mock.app.inject(`/api/reporting/eventlist/json?${admin}`)
  t.match(stillIn.json(), { convey_api: { result: { returnCode: '1' } } }, 'the admin\'s session stays valid')
  const login = await mock.app.inject({ url: '/api/login/json', query: { ver: '2.0', ...RESTRICTED_CREDENTIALS } })
  t.match(login.json(), { convey_api: { result: { error: { code: 'invalid_credentials' } } } })
})

t.test('accounts loaded at run time log in and see their events', async (t) => {
  const mock = await mockFor(t)
  const yaml = [
    'accounts:',
    '  - { username: team@acme.com, password: s3cret, events: [7000001] }',
    'events:',
    '  - { id: 7000001, title: Launch, kind: live, live: { start: 2026-04-14T14:00:00Z, end: 2026-04-14T15:00:00Z } }',
    '',
  ].join('\n')
  const state = await mock.fixtures.load(yaml)
  t.match(state.accounts.at(-1), { username: 'team@acme.com', events: ['7000001'] })
  const team = await session(mock, { username: 'team@acme.com', password: 's3cret' })
  const list = await mock.app.inject(`/api/reporting/eventlist/json?${team}`)
  t.match(list.json(), { convey_api: { result: { success: { event_list: { core_event: { event_info: [
    { id: '7000001', title: 'Launch' },
  ] } } } } } })
})

t.test('a fixture with problems changes nothing and names every problem where it is', async (t) => {
  const mock = await mockFor(t)
  const before = mock.fixtures.list()
  const error = await mock.fixtures.load('events:\n  - id: 12\n    kind: soon\n', { name: 'team.yaml' })
    .catch((caught: unknown) => caught)
  t.ok(error instanceof FixtureError)
  t.match((error as FixtureError).message, /^team\.yaml:2:5: /m)
  t.ok((error as FixtureError).problems.length >= 3, 'every problem, not the first')
  t.same(mock.fixtures.list(), before, 'nothing served changed')
  await mock.fixtures.load({ events: [event([ANN])] })
  const again = await mock.fixtures.load({ events: [event([BOB])] }).catch((caught: unknown) => caught)
  t.match((again as FixtureError).message, /event 7000001 is taken by an event loaded already/)
})

t.test('over HTTP: list, load YAML or JSON (extend or replace), remove an event, reset', async (t) => {
  const mock = await mockFor(t)
  const listed = await mock.app.inject('/_mock/fixtures')
  t.equal(listed.statusCode, 200)
  t.match(listed.json(), { generation: 0, accounts: [{ username: 'demo@example.com', events: 'all' }] })
  const json = JSON.stringify({ events: [event([ANN])] })
  const loaded = await mock.app.inject({
    method: 'POST', url: '/_mock/fixtures', headers: { 'content-type': 'application/json' }, payload: json,
  })
  t.equal(loaded.statusCode, 200)
  t.match(loaded.json(), { generation: 1, events: { length: 10 } })
  const replaced = await mock.app.inject({
    method: 'POST',
    url: '/_mock/fixtures?mode=replace',
    headers: { 'content-type': 'application/yaml' },
    payload: `events:\n  - { id: 7000002, title: B, kind: on_demand, live: ${JSON.stringify(LIVE)} }\n`,
  })
  t.match(replaced.json(), { generation: 2, accounts: { length: 1 }, events: [{ id: '7000002', kind: 'on_demand' }] })
  const bad = await mock.app.inject({
    method: 'POST', url: '/_mock/fixtures', headers: { 'content-type': 'application/yaml' },
    payload: 'events:\n  - id: 7000002\n    title: B\n',
  })
  t.equal(bad.statusCode, 400)
  t.match(bad.json(), { error: { code: 'invalid_fixture', problems: [
    /^body:2:5: events\[0\]: missing kind/, /^body:2:5: events\[0\]: missing live/,
    /^body:2:9: events\[0\]\.id: event 7000002 is taken/,
  ] } })
  const removed = await mock.app.inject({ method: 'DELETE', url: '/_mock/fixtures/events/7000002' })
  t.match(removed.json(), { generation: 3, events: [] })
  const unknown = await mock.app.inject({ method: 'DELETE', url: '/_mock/fixtures/events/7000002' })
  t.equal(unknown.statusCode, 404)
  t.match(unknown.json(), { error: { code: 'unknown_event' } })
  const reset = await mock.app.inject({ method: 'POST', url: '/_mock/fixtures/reset' })
  t.match(reset.json(), { generation: 4, accounts: { length: 2 }, events: { length: 9 } })
  const mode = await mock.app.inject({ method: 'POST', url: '/_mock/fixtures?mode=merge', payload: 'events: []' })
  t.match(mode.json(), { error: { code: 'invalid_query', message: /mode/ } })
  t.equal(mock.fixtures.generation, 4, 'the very fixtures the code sees')
})

t.test('two loads at once both land: neither is lost to the other', async (t) => {
  const mock = await mockFor(t)
  const other: FixtureEvent = { ...event([BOB]), id: 7000002 }
  await Promise.all([mock.fixtures.load({ events: [event([ANN])] }), mock.fixtures.load({ events: [other] })])
  t.same(mock.dataset.events.slice(-2).map(({ id }) => id).sort(), ['7000001', '7000002'])
  t.equal(mock.fixtures.generation, 2)
})
