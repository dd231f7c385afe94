import t, { type Test } from 'tap'
import { MockAgent } from 'undici'
import { createClient, type WebcastClient } from '../../client/create-client.js'
import { WebcastClientError } from '../../client/client-error.js'
import type { ReportAttendee } from '../../client/audience-report.js'
import type { RawAnswer } from '../../client/wire.js'
import { REPORT_CSV_COLUMNS } from '../../contracts/wire-format.js'
import { createDataset } from '../../fixtures/index.js'
import { startMock, type RunningMock } from '../../server/start-mock.js'

const dataset = createDataset({ seed: 1 })
const [thousand, , , , , big, , , edge] = dataset.events

async function mockAndClient (
  t: Test,
  options: { ttlSeconds?: number, clock?: () => number } = {},
): Promise<{ mock: RunningMock, client: WebcastClient }> {
  const mock = await startMock({
    dataset,
    ...(options.ttlSeconds === undefined ? {} : { sessionTtlSeconds: options.ttlSeconds }),
    ...(options.clock === undefined ? {} : { clock: options.clock }),
  })
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
    // What CSV cannot carry: each session, and the element as it came.
    const strip = (report: Awaited<ReturnType<WebcastClient['audienceReport']>>): unknown =>
      report.attendees.map(({ detail: _detail, sessions: _sessions, ...rest }) => rest)
    const json = await client.audienceReport(big?.id ?? '', filters)
    const xml = await client.audienceReport(big?.id ?? '', filters, { format: 'xml' })
    const csv = await client.audienceReport(big?.id ?? '', filters, { format: 'csv' })
    t.ok(json.attendees.length > 100, `${json.attendees.length} attendees`)
    t.same(strip(xml), strip(json), 'XML and JSON agree')
    t.same(strip(csv), strip(json), 'CSV and JSON agree on every field and aggregate')
    t.equal(json.eventId, big?.id)
  })

  t.test('sends typed filters as the wire expects them', async (t) => {
    const noShows = await client.audienceReport(thousand?.id ?? '', {
      no_shows: true,
      incl_domain: ['acme.com', 'gmail.com'],
    })
    t.ok(noShows.attendees.length > 0 && noShows.attendees.every((a) => a.liveSessions + a.odSessions + a.simliveSessions === 0 && /@(acme|gmail)\.com$/.test(a.email)))
    const ranged = await client.audienceReport(edge?.id ?? '', {
      date_range_start: new Date(Date.UTC(2026, 1, 25)),
      date_range_end: '2026-02-28',
      dr_sessions: false,
    })
    t.same(ranged.attendees.map((a) => a.email), [
      'night.owl@acme.com', 'late.viewer@outlook.com', 'spring.forward@acme.com', 'fall.back@yahoo.com',
    ])
  })

  t.test('streams a CSV report one attendee at a time, the same as reading it whole', async (t) => {
    const streamed = []
    for await (const attendee of client.audienceReportRows(big?.id ?? '', { sti_filter: ['partner'] })) {
      streamed.push(attendee)
    }
    const whole = await client.audienceReport(big?.id ?? '', { sti_filter: ['partner'] }, { format: 'csv' })
    t.ok(streamed.length > 100)
    t.same(streamed, whole.attendees)
  })

  t.test('raises API errors with the API\'s code and parameter, in every format', async (t) => {
    for (const format of ['json', 'xml', 'csv'] as const) {
      const conflicting = { incl_domain: ['a.com'], excl_domain: ['b.com'] }
      const error = await failure(client.audienceReport(thousand?.id ?? '', conflicting, { format }))
      t.match(error, {
        code: 'API_ERROR',
        apiCode: 'conflicting_parameters',
        parameter: 'excl_domain',
        returnCode: 5,
      }, format)
    }
    const streamError = await failure((async () => {
      for await (const _ of client.audienceReportRows('9999999')) break
    })())
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
  const body = {
    convey_api: {
      version: '2.0',
      currentDateTime: '2026-11-27 23:39:44',
      currentTimeZone: 'GMT',
      result: {
        returnCode: '1',
        success: {
          sessionid: { description: 'x', value: 'NOT-HEX' },
          userid: { description: 'y', value: 'a'.repeat(40) },
        },
      },
    },
  }
  agent.get('https://api.example').intercept({ path: /\/api\/login\/json/ }).reply(200, body).times(2)
  const strict = createClient({ baseUrl: 'https://api.example/api', username: 'u', password: 'p', dispatcher: agent, validate: true })
  const error = await failure(strict.login())
  t.match(error, { code: 'CONTRACT_VIOLATION', message: /sessionid\/value/ })
  const lenient = createClient({ baseUrl: 'https://api.example/api', username: 'u', password: 'p', dispatcher: agent })
  t.match(await lenient.login(), { sessionId: 'NOT-HEX' })
})

t.test('an answer that is not the format asked for is a DECODE_ERROR; a proxy\'s 502 an HTTP_ERROR', async (t) => {
  const agent = new MockAgent()
  agent.disableNetConnect()
  t.teardown(() => agent.close())
  const login = agent.get('https://api.example').intercept({ path: /\/api\/login\/json/ })
  login.reply(200, '<html>Welcome</html>')
  agent.get('https://api.example').intercept({ path: /\/api\/login\/json/ }).reply(502, '<html>Bad gateway</html>')
  agent.get('https://api.example').intercept({ path: /\/api\/login\/json/ }).reply(502, '')
  const client = createClient({ baseUrl: 'https://api.example/api', username: 'u', password: 'p', dispatcher: agent })
  t.match(await failure(client.login()), { code: 'DECODE_ERROR', status: 200 })
  t.match(await failure(client.login()), { code: 'HTTP_ERROR', status: 502, message: /^HTTP 502 / })
  t.match(await failure(client.login()), { code: 'HTTP_ERROR', status: 502 }, 'a bare 502, no body at all')
})

/** Every attendee a stream yields, and the error that ended it, if one did. */
async function drain (
  rows: AsyncIterable<ReportAttendee>,
): Promise<{ attendees: ReportAttendee[], error?: WebcastClientError }> {
  const attendees: ReportAttendee[] = []
  try {
    for await (const attendee of rows) attendees.push(attendee)
  } catch (error) {
    if (error instanceof WebcastClientError) return { attendees, error }
    throw error
  }
  return { attendees }
}

const HEX = 'ab'.repeat(20)
const LOGIN = {
  convey_api: {
    version: '2.0',
    currentDateTime: '2026-11-27 23:39:44',
    currentTimeZone: 'GMT',
    result: {
      returnCode: '1',
      success: { sessionid: { description: 'x', value: HEX }, userid: { description: 'y', value: HEX } },
    },
  },
}

/** A CSV report row with every column, `email` and `reg_date` as given and no viewing. */
function csvRecord (email: string, regDate: string): string {
  const cells: Record<string, string> = { email, reg_date: regDate }
  const counted = /sessions|seconds|questions|surveys/
  return REPORT_CSV_COLUMNS.map((column) => cells[column] ?? (counted.test(column) ? '0' : '')).join(',')
}

/** A `MockAgent` that logs anyone in and answers the CSV report with the status and body given. */
function csvAgent (t: Test, status: number, csv: string): MockAgent {
  const agent = new MockAgent()
  agent.disableNetConnect()
  t.teardown(() => agent.close())
  const origin = agent.get('https://api.example')
  origin.intercept({ path: /\/api\/login\/json/ }).reply(200, LOGIN).persist()
  const headers = { 'content-type': 'text/csv; charset=utf-8' }
  origin.intercept({ path: /\/api\/reporting\/audience_reports\/csv/ }).reply(status, csv, { headers }).persist()
  return agent
}

t.test('streamed rows log in again, once, when the session has expired', async (t) => {
  let now = Date.UTC(2026, 10, 27)
  const { client } = await mockAndClient(t, { ttlSeconds: 60, clock: () => now })
  const first = await client.login()
  now += 61_000
  const { attendees, error } = await drain(client.audienceReportRows(big?.id ?? ''))
  t.equal(error, undefined, 'the stream does not fail')
  t.ok(attendees.length > 100, `and yields ${attendees.length} attendees`)
  const second = await client.login()
  t.not(second.sessionId, first.sessionId, 'with a new session')
})

t.test('streamed rows: an HTTP status other than 200 is an HTTP_ERROR, before any row', async (t) => {
  const csv = `${REPORT_CSV_COLUMNS.join(',')}\r\n${csvRecord('ann@acme.com', '2026-11-27 23:39:44')}\r\n`
  const agent = csvAgent(t, 503, csv)
  const client = createClient({ baseUrl: 'https://api.example/api', username: 'u', password: 'p', dispatcher: agent })
  const { attendees, error } = await drain(client.audienceReportRows('1087592'))
  t.same(attendees, [], 'no row is handed out')
  t.match(error, { code: 'HTTP_ERROR', status: 503 })
})

t.test('streamed rows are checked against the row contract with validate, and pass without', async (t) => {
  const good = csvRecord('ann@acme.com', '2026-11-27 23:39:44')
  const bad = csvRecord('bob@acme.com', '2026-11-27T23:39:44Z')
  const agent = csvAgent(t, 200, `${REPORT_CSV_COLUMNS.join(',')}\r\n${good}\r\n${bad}\r\n`)
  const options = { baseUrl: 'https://api.example/api', username: 'u', password: 'p', dispatcher: agent }
  const strict = await drain(createClient({ ...options, validate: true }).audienceReportRows('1087592'))
  t.same(strict.attendees.map((a) => a.email), ['ann@acme.com'], 'the good row comes first')
  t.match(strict.error, { code: 'CONTRACT_VIOLATION', message: /reg_date/ }, 'then the bad one is refused')
  const lenient = await drain(createClient(options).audienceReportRows('1087592'))
  t.same(lenient.attendees.map((a) => a.email), ['ann@acme.com', 'bob@acme.com'])
  t.equal(lenient.error, undefined)
})

t.test('a CSV that ends inside a quoted cell is a DECODE_ERROR, read whole or streamed', async (t) => {
  const agent = csvAgent(t, 200, `${REPORT_CSV_COLUMNS.join(',')}\r\n"ann@acme.com,`)
  const client = createClient({ baseUrl: 'https://api.example/api', username: 'u', password: 'p', dispatcher: agent })
  t.match(await failure(client.audienceReport('1087592', {}, { format: 'csv' })), { code: 'DECODE_ERROR', status: 200 })
  t.match((await drain(client.audienceReportRows('1087592'))).error, { code: 'DECODE_ERROR', status: 200 })
})

t.test('a login answer without a session id is a CONTRACT_VIOLATION, also without validate', async (t) => {
  const agent = new MockAgent()
  agent.disableNetConnect()
  t.teardown(() => agent.close())
  const body = { convey_api: { ...LOGIN.convey_api, result: { returnCode: '1', success: {} } } }
  agent.get('https://api.example').intercept({ path: /\/api\/login\/json/ }).reply(200, body)
  const client = createClient({ baseUrl: 'https://api.example/api', username: 'u', password: 'p', dispatcher: agent })
  t.match(await failure(client.login()), { code: 'CONTRACT_VIOLATION', message: /session id/ })
})

t.test('exchange returns an answer as it came, through the client\'s one request path', async (t) => {
  const { mock } = await mockAndClient(t)
  const seen: RawAnswer[] = []
  const onAnswer = (answer: RawAnswer): void => { seen.push(answer) }
  const client = createClient({ baseUrl: `${mock.baseUrl}/`, ...mock.credentials, validate: true, onAnswer })

  t.test('unchecked, with its status, content type, text and the path and query sent', async (t) => {
    const { sessionId: si, userId: ui } = await client.login()
    const answer = await client.exchange('/reporting/audience_reports/csv', { ver: '2.0', si, ui, ei: '12' })
    const errorRow = /^returnCode,code,description,parameter\r\n3,invalid_parameter,/
    t.match(answer, { contentType: /^text\/csv/, text: errorRow })
    t.equal(answer.path, `/reporting/audience_reports/csv?ver=2.0&si=${si}&ui=${ui}&ei=12`)
    const paths = seen.map((a) => a.path.split('?')[0])
    t.same(paths, ['/login/json', '/reporting/audience_reports/csv'], 'onAnswer sees each answer')
  })

  t.test('with no parameters, no query', async (t) => {
    const answer = await client.exchange('/reporting/nothing/json', {})
    t.equal(answer.path, '/reporting/nothing/json')
    t.not(answer.status, 200)
  })

  t.test('through the dispatcher given', async (t) => {
    const agent = new MockAgent()
    agent.disableNetConnect()
    t.teardown(() => agent.close())
    const headers = { 'content-type': 'text/plain' }
    const path = '/api/reporting/eventlist?si=a&ui=b'
    agent.get('https://api.example').intercept({ path }).reply(418, 'teapot', { headers })
    const client = createClient({ baseUrl: 'https://api.example/api', username: 'u', password: 'p', dispatcher: agent })
    const answer = await client.exchange('/reporting/eventlist', { si: 'a', ui: 'b' })
    t.same(answer, { status: 418, contentType: 'text/plain', text: 'teapot', path: '/reporting/eventlist?si=a&ui=b' })
  })

  t.test('and no server is a NETWORK_ERROR, as for every call', async (t) => {
    const nowhere = createClient({ baseUrl: 'http://127.0.0.1:9/api', username: 'a', password: 'b' })
    t.match(await failure(nowhere.exchange('/login/json', { ver: '2.0' })), { code: 'NETWORK_ERROR' })
  })
})
