import t, { type Test } from 'tap'
import { ENDPOINTS } from '../../../contracts/endpoints.js'
import { parametersOf } from '../../../contracts/parameters.js'
import { createDataset } from '../../../fixtures/create-dataset.js'
import { indexDataset, registrantsOf, type WebcastEvent } from '../../../fixtures/dataset.js'
import { parseEventSpec } from '../../../fixtures/event-specs.js'
import { summarizeEvent } from '../../../fixtures/summarize-dataset.js'
import type { RegistrantPage, ReportForm } from '../../../server/control/data-api.js'
import type { EventStats } from '../../../server/control/event-stats.js'
import { startMock, type MockOptions, type RunningMock } from '../../../server/start-mock.js'

async function mockFor (t: Test, options: MockOptions = {}): Promise<RunningMock> {
  const mock = await startMock({ port: 0, ...options })
  t.teardown(() => mock.close())
  return mock
}

/** The default dataset and one more event of `count` registrants whose reads are counted. */
function withCountedEvent (count: number): { dataset: ReturnType<typeof createDataset>, reads: () => number } {
  const spec = parseEventSpec(String(count), 0)
  if (spec === undefined) throw new Error('the event spec did not parse')
  const base = createDataset({ seed: 1, extraEvents: [spec] })
  const large = base.events.at(-1) as WebcastEvent
  let reads = 0
  const counted: WebcastEvent = { ...large, registrantAt: (index) => { reads++; return large.registrantAt(index) } }
  return {
    dataset: indexDataset({ seed: 1, accounts: base.accounts, events: [...base.events.slice(0, -1), counted] }),
    reads: () => reads,
  }
}

t.test('the events: every one of the dataset, with its windows and size', async (t) => {
  const mock = await mockFor(t)
  const answer = await mock.app.inject('/_mock/data/events')
  t.equal(answer.statusCode, 200)
  const { events, asOf } = answer.json<{ events: Array<{ id: string, registrants: number }>, asOf: string }>()
  t.same(events.map((event) => event.id), mock.dataset.events.map((event) => event.id))
  t.equal(asOf, '2026-11-27T00:00:00.000Z', 'counted as of the data\'s fixed moment')
  t.match(events[0], {
    id: '4851630', kind: 'live', liveStart: '2026-03-10T15:00:00.000Z', simliveStart: null, expired: false,
    registrants: 1000,
  })
})

t.test('an event\'s stats: the counts `webcast-mock dataset` prints, and every session in a bucket', async (t) => {
  const mock = await mockFor(t)
  const stats = (await mock.app.inject('/_mock/data/events/7844575/stats')).json<EventStats>()
  const event = mock.dataset.eventById('7844575') as WebcastEvent
  const summary = summarizeEvent(event)
  t.match(stats, {
    registrants: 400, noShows: summary.noShows, liveViewers: summary.liveViewers, odViewers: summary.odViewers,
    simliveViewers: summary.simliveViewers, askers: summary.askers, surveyResponders: summary.surveyResponders,
  })
  const sessions = [...registrantsOf(event)].flatMap((registrant) => registrant.sessions)
  t.equal(stats.viewing.reduce((sum, b) => sum + b.live + b.simlive + b.od, 0), sessions.length, 'no session lost')
  t.equal(stats.viewing.reduce((sum, b) => sum + b.simlive, 0),
    sessions.filter((session) => session.kind === 'simlive').length, 'each under its kind')
  t.ok(stats.viewing.length <= 48 && stats.bucketMs % 3_600_000 === 0, 'at most 48 bars of whole hours')
  t.same(stats.viewing.map((b) => Date.parse(b.start) - Date.parse(stats.viewing[0]?.start ?? '')),
    stats.viewing.map((_, index) => index * stats.bucketMs), 'bars keep time: the empty ones are there too')
  const empty = (await mock.app.inject('/_mock/data/events/9288309/stats')).json<EventStats>()
  t.match(empty, { registrants: 0, noShows: 0, viewing: [] }, 'an empty event has no bar')
})

t.test('the stats follow the clock: a future event fills up as its live window passes', async (t) => {
  const mock = await mockFor(t)
  const before = (await mock.app.inject('/_mock/data/events/3176865/stats')).json<EventStats>()
  t.equal(before.liveViewers, 0)
  mock.clock.set(Date.UTC(2027, 1, 10, 18, 30))
  mock.clock.freeze()
  const during = (await mock.app.inject('/_mock/data/events/3176865/stats')).json<EventStats>()
  t.equal(during.liveViewers, summarizeEvent(mock.dataset.eventById('3176865') as WebcastEvent, mock.clock.dataNow())
    .liveViewers)
  t.ok(during.liveViewers > 0 && during.asOf === '2027-02-10T18:30:00.000Z')
})

t.test('a page of a million registrants reads that page only; a search reads until its page is full', async (t) => {
  const { dataset, reads } = withCountedEvent(1_000_000)
  const mock = await mockFor(t, { dataset })
  const id = dataset.events.at(-1)?.id ?? ''
  const last = (await mock.app.inject(`/_mock/data/events/${id}/registrants?offset=999990&limit=25`))
    .json<RegistrantPage>()
  t.match(last, { offset: 999990, total: 1_000_000, more: false })
  t.same(last.rows.map((row) => row.index), Array.from({ length: 10 }, (_, i) => 999_990 + i), 'the last ten')
  t.equal(reads(), 10, 'ten registrants read, of a million')
  const search = (await mock.app.inject(`/_mock/data/events/${id}/registrants?q=ACME.com&limit=5`))
    .json<RegistrantPage>()
  t.match(search, { q: 'acme.com', total: null, more: true })
  t.equal(search.rows.length, 5)
  t.ok(search.rows.every((row) => row.email.toLowerCase().includes('acme.com')), 'every row matches')
  t.ok(reads() - 10 < 100, `the search stopped after ${reads() - 10} reads, once it had a sixth match`)
})

t.test('a large event is counted a slice at a time: other requests are answered meanwhile', async (t) => {
  const { dataset } = withCountedEvent(20_000)
  const mock = await mockFor(t, { dataset })
  const order: string[] = []
  const stats = mock.app.inject(`/_mock/data/events/${dataset.events.at(-1)?.id ?? ''}/stats`)
    .then(() => { order.push('stats') })
  // The counting starts within this turn; the health check arrives while it is under way.
  await new Promise((resolve) => setImmediate(resolve))
  const health = mock.app.inject('/_mock/health').then(() => { order.push('health') })
  await Promise.all([stats, health])
  t.same(order, ['health', 'stats'])
})

t.test('the report form is the registry\'s audience report parameters, formats and paths', async (t) => {
  const mock = await mockFor(t)
  const form = (await mock.app.inject('/_mock/data/report-form')).json<ReportForm>()
  t.same(form.parameters.map((p) => p.name), parametersOf('audienceReport'))
  t.same(form.formats, ENDPOINTS.audienceReport.formats)
  t.same(form.paths, { xml: '/api/reporting/audience_reports', json: '/api/reporting/audience_reports/json',
    csv: '/api/reporting/audience_reports/csv' })
  t.match(form.parameters.find((p) => p.name === 'no_shows'), { kind: 'onOff', filter: true, required: false })
  t.match(form.parameters.find((p) => p.name === 'ver'), { allowed: ['2.0'], required: true })
  t.match(form.parameters.find((p) => p.name === 'excl_domain'), { conflicts: ['incl_domain'] })
  const login = (await mock.app.inject('/_mock/data/login')).json<unknown>()
  t.same(login, mock.credentials, 'and the login the console runs reports with')
})

t.test('bad requests get a JSON error; other machines are refused unless they bring the token', async (t) => {
  const mock = await mockFor(t)
  const unknown = await mock.app.inject('/_mock/data/events/1234567/registrants')
  t.equal(unknown.statusCode, 404)
  t.same(unknown.json(), { error: { code: 'unknown_event', message: 'no event has the id 1234567' } })
  const offset = await mock.app.inject('/_mock/data/events/4851630/registrants?offset=-1')
  t.equal(offset.statusCode, 400)
  t.same(offset.json(), { error: { code: 'invalid_query', message: 'offset must be a whole number, not "-1"' } })
  const remote = await mock.app.inject({ url: '/_mock/data/events', remoteAddress: '10.0.0.7' })
  t.equal(remote.statusCode, 403)
  t.match(remote.json(), { error: { code: 'control_refused' } })
  const tokened = await mockFor(t, { controlToken: 'open-sesame' })
  const without = await tokened.app.inject({ url: '/_mock/data/login', remoteAddress: '10.0.0.7' })
  t.equal(without.statusCode, 403)
  const withToken = await tokened.app.inject({
    url: '/_mock/data/login', remoteAddress: '10.0.0.7', headers: { authorization: 'Bearer open-sesame' },
  })
  t.equal(withToken.statusCode, 200)
})
