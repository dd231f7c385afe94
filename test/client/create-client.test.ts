import t, { type Test } from 'tap'
import { MockAgent } from 'undici'
import { createClient, type WebcastClient } from '../../client/create-client.js'
import { WebcastClientError } from '../../client/client-error.js'
import { createDataset } from '../../fixtures/index.js'
import { startMock, type RunningMock } from '../../server/start-mock.js'

const dataset = createDataset({ seed: 1 })
const [thousand, , , , , big, , , edge] = dataset.events

async function mockAndClient (t: Test, options: { ttlSeconds?: number, clock?: () => number } = {}): Promise<{ mock: RunningMock, client: WebcastClient }> {
  const mock = await startMock({ dataset, ...(options.ttlSeconds === undefined ? {} : { sessionTtlSeconds: options.ttlSeconds }), ...(options.clock === undefined ? {} : { clock: options.clock }) })
  t.teardown(() => mock.close())
  return { mock, client: createClient({ baseUrl: mock.baseUrl, ...mock.credentials, validate: true }) }
}

async function failure (promise: Promise<unknown>): Promise<WebcastClientError> {
  try {
    await promise
  } catch (error) {
    if (error instanceof WebcastClientError) return error
    throw error
  }
  throw new Error('the call did not fail')
}

t.test('against the mock over HTTP, with every response checked against its contract', async (t) => {
  const { client } = await mockAndClient(t)

  t.test('logs in and lists events', async (t) => {
    const session = await client.login()
    t.match(session, { sessionId: /^[0-9a-f]{40}$/, userId: /^[0-9a-f]{40}$/ })
    const events = await client.listEvents()
    t.same(events.map((e) => e.id), dataset.events.map((e) => e.id))
  })

  t.test('decodes the three formats of one report into the same attendees', async (t) => {
    const filters = { live_viewers: true, excl_domain: ['gmail.com'], tz: 'America/New_York' }
    const strip = (report: Awaited<ReturnType<WebcastClient['audienceReport']>>): unknown => report.attendees.map(({ detail: _detail, ...rest }) => rest)
    const json = await client.audienceReport(big?.id ?? '', filters)
    const xml = await client.audienceReport(big?.id ?? '', filters, { format: 'xml' })
    const csv = await client.audienceReport(big?.id ?? '', filters, { format: 'csv' })
    t.ok(json.attendees.length > 100, `${json.attendees.length} attendees`)
    t.same(strip(xml), strip(json), 'XML and JSON agree')
    t.same(strip(csv), strip(json), 'CSV and JSON agree on every field and aggregate')
    t.equal(json.eventId, big?.id)
  })

  t.test('sends typed filters as the wire expects them', async (t) => {
    const noShows = await client.audienceReport(thousand?.id ?? '', { no_shows: true, incl_domain: ['acme.com', 'gmail.com'] })
    t.ok(noShows.attendees.length > 0 && noShows.attendees.every((a) => a.liveSessions + a.odSessions + a.simliveSessions === 0 && /@(acme|gmail)\.com$/.test(a.email)))
    const ranged = await client.audienceReport(edge?.id ?? '', { date_range_start: new Date(Date.UTC(2026, 1, 25)), date_range_end: '2026-02-28', dr_sessions: false })
    t.same(ranged.attendees.map((a) => a.email), ['night.owl@acme.com', 'late.viewer@outlook.com', 'spring.forward@acme.com', 'fall.back@yahoo.com'])
  })

  t.test('streams a CSV report one attendee at a time, the same as reading it whole', async (t) => {
    const streamed = []
    for await (const attendee of client.audienceReportRows(big?.id ?? '', { sti_filter: ['partner'] })) streamed.push(attendee)
    const whole = await client.audienceReport(big?.id ?? '', { sti_filter: ['partner'] }, { format: 'csv' })
    t.ok(streamed.length > 100)
    t.same(streamed, whole.attendees)
  })

  t.test('raises API errors with the API\'s code and parameter, in every format', async (t) => {
    for (const format of ['json', 'xml', 'csv'] as const) {
      const error = await failure(client.audienceReport(thousand?.id ?? '', { incl_domain: ['a.com'], excl_domain: ['b.com'] }, { format }))
      t.match(error, { code: 'API_ERROR', apiCode: 'conflicting_parameters', parameter: 'excl_domain', returnCode: 5 }, format)
    }
    const streamError = await failure((async () => { for await (const _ of client.audienceReportRows('9999999')) break })())
    t.match(streamError, { code: 'API_ERROR', apiCode: 'event_not_found' }, 'also when streaming')
  })
})

t.test('logs in again, once, when the session has expired', async (t) => {
  let now = Date.UTC(2026, 10, 27)
  const { client } = await mockAndClient(t, { ttlSeconds: 60, clock: () => now })
  const first = await client.login()
  now += 61_000
  const events = await client.listEvents()
  t.ok(events.length > 0, 'the call succeeds')
  const second = await client.login()
  t.not(second.sessionId, first.sessionId, 'with a new session')
})

t.test('wrong credentials are an API error, not a loop of logins', async (t) => {
  const { mock } = await mockAndClient(t)
  const client = createClient({ baseUrl: mock.baseUrl, username: mock.credentials.username, password: 'wrong' })
  t.match(await failure(client.listEvents()), { code: 'API_ERROR', apiCode: 'invalid_credentials', returnCode: 6 })
})

t.test('no server is a NETWORK_ERROR', async (t) => {
  const client = createClient({ baseUrl: 'http://127.0.0.1:9/api', username: 'a', password: 'b' })
  t.match(await failure(client.login()), { code: 'NETWORK_ERROR' })
})

t.test('a response that breaks its contract is a CONTRACT_VIOLATION with validate, and passes without', async (t) => {
  const agent = new MockAgent()
  agent.disableNetConnect()
  t.teardown(() => agent.close())
  const body = { convey_api: { version: '2.0', currentDateTime: '2026-11-27 23:39:44', currentTimeZone: 'GMT', result: { returnCode: '1', success: { sessionid: { description: 'x', value: 'NOT-HEX' }, userid: { description: 'y', value: 'a'.repeat(40) } } } } }
  agent.get('https://api.example').intercept({ path: /\/api\/login\/json/ }).reply(200, body).times(2)
  const strict = createClient({ baseUrl: 'https://api.example/api', username: 'u', password: 'p', dispatcher: agent, validate: true })
  const error = await failure(strict.login())
  t.match(error, { code: 'CONTRACT_VIOLATION', message: /sessionid\/value/ })
  const lenient = createClient({ baseUrl: 'https://api.example/api', username: 'u', password: 'p', dispatcher: agent })
  t.match(await lenient.login(), { sessionId: 'NOT-HEX' })
})

t.test('an answer that is not the format asked for is a DECODE_ERROR', async (t) => {
  const agent = new MockAgent()
  agent.disableNetConnect()
  t.teardown(() => agent.close())
  agent.get('https://api.example').intercept({ path: /\/api\/login\/json/ }).reply(502, '<html>Bad gateway</html>')
  const client = createClient({ baseUrl: 'https://api.example/api', username: 'u', password: 'p', dispatcher: agent })
  t.match(await failure(client.login()), { code: 'DECODE_ERROR', status: 502 })
})
