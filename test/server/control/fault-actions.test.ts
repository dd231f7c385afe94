import t from 'tap'
import { request } from 'undici'
import { decodeCsvRows } from '../../../contracts/decode-csv.js'
import { ERROR_CATALOGUE } from '../../../contracts/error-catalogue.js'
import { decodeXml } from '../../../contracts/decode-xml.js'
import { createClient } from '../../../client/create-client.js'
import { WebcastClientError } from '../../../client/client-error.js'
import { RESTRICTED_CREDENTIALS } from '../../../fixtures/accounts.js'
import { RESTRICTED_USERNAME, startControlMock, type ControlMock } from './control-mock.js'

const REPORT = '/api/reporting/audience_reports'

/** GETs a path of the mock and reads the whole body, noting when each piece arrived. */
async function get (control: ControlMock, path: string, query: Record<string, string> = {}): Promise<{
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
  arrivals: number[]
}> {
  const response = await request(`${control.origin}${path}`, { query })
  const chunks: Buffer[] = []
  const arrivals: number[] = []
  for await (const chunk of response.body) {
    chunks.push(chunk as Buffer)
    arrivals.push(performance.now())
  }
  return { status: response.statusCode, headers: response.headers, body: Buffer.concat(chunks).toString(), arrivals }
}

/** The error a promise rejects with. */
async function rejection (promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise
  } catch (error) {
    return error
  }
  throw new Error('expected a rejection')
}

t.test('an error of the catalogue answers in the API\'s envelope, in the format the path asks for', async (t) => {
  const control = await startControlMock(t)
  const query = { ver: '2.0', ...(await control.login()), ei: control.small }
  const id = control.mock.faults.add({ path: REPORT, error: 'session_expired', times: 3 })

  const xml = await get(control, REPORT, query)
  t.equal(xml.headers['content-type'], 'text/xml; charset=utf-8')
  t.equal(xml.headers['x-webcast-mock-fault'], id, 'a header names the rule that fired')
  t.match(decodeXml(xml.body), {
    convey_api: { result: { returnCode: '8', error: { code: 'session_expired', parameter: 'si' } } },
  })
  const json = await get(control, `${REPORT}/json`, query)
  t.equal(json.headers['content-type'], 'text/json; charset=utf-8')
  t.match(JSON.parse(json.body), { convey_api: { result: { returnCode: '8', error: { code: 'session_expired' } } } })
  const csv = await get(control, `${REPORT}/csv`, query)
  t.equal(csv.headers['content-type'], 'text/csv; charset=utf-8')
  const { description } = ERROR_CATALOGUE.session_expired
  t.strictSame(decodeCsvRows(csv.body), [{ returnCode: '8', code: 'session_expired', description, parameter: 'si' }])
  t.equal(json.status, 200, 'with the catalogue\'s HTTP status')

  const after = await get(control, `${REPORT}/json`, query)
  t.match(JSON.parse(after.body), { convey_api: { result: { returnCode: '1' } } }, 'spent after three')
  t.equal(after.headers['x-webcast-mock-fault'], undefined)
  t.match(control.mock.faults.list(), [{ id, fired: 3, remaining: 0 }])

  control.mock.faults.add({ path: REPORT, error: 'server_busy', times: 'once' })
  const busy = await get(control, `${REPORT}/json`, query)
  t.equal(busy.status, 503)
  t.equal(busy.headers['retry-after'], '1', 'with the headers the real error carries')
})

t.test('the typed client logs in again when a report is refused as expired once', async (t) => {
  const control = await startControlMock(t)
  const { mock } = control
  const client = createClient({ baseUrl: mock.baseUrl, ...mock.credentials })
  await client.login()
  const mark = mock.journal.lastSeq
  mock.faults.add({ path: REPORT, error: 'session_expired', times: 'once' })
  const report = await client.audienceReport(control.small)
  t.equal(report.attendees.length, 8)
  t.same(mock.journal.list({ since: mark }).map((entry) => [entry.path, entry.returnCode]), [
    [`${REPORT}/json`, 8],
    ['/api/login/json', 1],
    [`${REPORT}/json`, 1],
  ])
})

t.test('a bare status answers with an empty body and no envelope, as a proxy would', async (t) => {
  const control = await startControlMock(t)
  const { mock } = control
  const client = createClient({ baseUrl: mock.baseUrl, ...mock.credentials })
  await client.login()
  mock.faults.add({ pathPrefix: '/api/reporting/', status: 502, times: 2 })
  const answer = await get(control, '/api/reporting/eventlist/json', { ver: '2.0', ...(await control.login()) })
  t.equal(answer.status, 502)
  t.equal(answer.body, '')
  t.equal(answer.headers['content-length'], '0')
  t.equal(answer.headers['content-type'], undefined)
  const error = await rejection(client.listEvents())
  t.ok(error instanceof WebcastClientError)
  t.match(error, { code: 'HTTP_ERROR', status: 502 }, 'the status, not the empty body, is what the client reports')
})

t.test('a reset before the headers: the client sees ECONNRESET, the typed client NETWORK_ERROR', async (t) => {
  const control = await startControlMock(t)
  const { mock } = control
  mock.faults.add({ path: '/api/login', reset: true, times: 2 })
  const raw = await rejection(request(`${mock.baseUrl}/login/json`, { query: { ver: '2.0', ...mock.credentials } }))
  t.match(raw, { code: 'ECONNRESET' })
  const client = createClient({ baseUrl: mock.baseUrl, ...mock.credentials })
  const error = await rejection(client.login())
  t.ok(error instanceof WebcastClientError)
  t.match(error, { code: 'NETWORK_ERROR', cause: { code: 'ECONNRESET' } })
  await client.login()
  t.pass('the next login goes through')
})

t.test('the client\'s timeoutMs: an answer later than that is a TIMEOUT, on every path', async (t) => {
  const control = await startControlMock(t)
  const { mock } = control
  const client = createClient({ baseUrl: mock.baseUrl, ...mock.credentials, timeoutMs: 200 })
  await client.login()
  mock.faults.add({ pathPrefix: '/api/reporting/', latencyMs: 1500, times: 2 })
  const late = await rejection(client.listEvents())
  t.ok(late instanceof WebcastClientError)
  t.match(late, { code: 'TIMEOUT', cause: { code: 'UND_ERR_HEADERS_TIMEOUT' } }, 'no headers in time')
  const rows = client.audienceReportRows(control.small)
  t.match(await rejection(rows.next()), { code: 'TIMEOUT' }, 'the streaming report too')
  t.match(await client.listEvents(), [{ id: control.small }], 'the rule spent, the next call goes through')
})

t.test('latency holds the answer back: a request slowed down finishes after one sent after it', async (t) => {
  const control = await startControlMock(t)
  const query = { ver: '2.0', ...(await control.login()) }
  control.mock.faults.add({ ei: control.small, latencyMs: 500 })
  const finished: string[] = []
  const slow = get(control, `${REPORT}/json`, { ...query, ei: control.small }).then((answer) => {
    finished.push('slowed')
    return answer
  })
  await new Promise((resolve) => setTimeout(resolve, 20))
  const fast = get(control, '/api/reporting/eventlist/json', query).then(() => finished.push('not slowed'))
  const [answer] = await Promise.all([slow, fast])
  t.same(finished, ['not slowed', 'slowed'])
  t.match(JSON.parse(answer.body), { convey_api: { result: { returnCode: '1' } } }, 'and then answers as usual')
})

t.test('a bandwidth cap trickles the body out: the pieces arrive spread out, the bytes are the same', async (t) => {
  const control = await startControlMock(t)
  const query = { ver: '2.0', ...(await control.login()), ei: control.small }
  const whole = await get(control, `${REPORT}/csv`, query)
  control.mock.faults.add({ path: `${REPORT}/csv`, bytesPerSecond: 1024 })
  const slowed = await get(control, `${REPORT}/csv`, query)
  t.equal(slowed.body, whole.body)
  t.equal(slowed.headers['content-length'], String(Buffer.byteLength(whole.body)), 'the length is told up front')
  const [first = 0, last = 0] = [slowed.arrivals[0], slowed.arrivals.at(-1)]
  const bytes = Buffer.byteLength(whole.body)
  t.ok(bytes > 2000, `a report of ${bytes} bytes`)
  t.ok(slowed.arrivals.length >= 5, `in pieces (${slowed.arrivals.length})`)
  // About 103 bytes go at once, the rest at 1024 bytes a second; timers never fire early by more than a millisecond.
  t.ok(last - first >= 0.8 * (bytes - 103) / 1024 * 1000, `over ${Math.round(last - first)} ms`)
})

t.test('a body cut after N bytes: fewer bytes than promised, and never an answer that looks whole', async (t) => {
  const control = await startControlMock(t)
  const { mock } = control
  const query = { ver: '2.0', ...(await control.login()), ei: control.small }
  const client = createClient({ baseUrl: mock.baseUrl, ...mock.credentials })
  await client.login()

  t.test('the raw client gets the headers, the first bytes, then a broken connection', async (t) => {
    mock.faults.add({ path: `${REPORT}/json`, cutAfterBytes: 100, times: 'once' })
    const response = await request(`${control.origin}${REPORT}/json`, { query })
    t.equal(response.statusCode, 200)
    const promised = Number(response.headers['content-length'])
    let received = 0
    const error = await rejection((async () => {
      for await (const chunk of response.body) received += (chunk as Buffer).length
    })())
    t.equal(received, 100)
    t.ok(promised > 100, `Content-Length said ${promised}`)
    t.match(error, { code: 'UND_ERR_SOCKET' })
  })

  t.test('the typed client raises NETWORK_ERROR in every format', async (t) => {
    for (const format of ['xml', 'json', 'csv'] as const) {
      mock.faults.add({ path: REPORT, format, cutAfterBytes: 300, times: 'once' })
      const error = await rejection(client.audienceReport(control.small, {}, { format }))
      t.ok(error instanceof WebcastClientError, format)
      t.match(error, { code: 'NETWORK_ERROR', message: /broke off/ }, format)
    }
  })

  t.test('a streamed report cut off: the rows stop with NETWORK_ERROR, not a short report', async (t) => {
    mock.faults.add({ path: `${REPORT}/csv`, ei: control.large, cutAfterBytes: 100_000, times: 'once' })
    let rows = 0
    const error = await rejection((async () => {
      for await (const _row of client.audienceReportRows(control.large)) rows++
    })())
    t.match(error, { code: 'NETWORK_ERROR' })
    t.ok(rows > 0 && rows < 20_001, `after ${rows} of 20001 rows`)
    const [entry] = mock.journal.list({ pathPrefix: `${REPORT}/csv` }).slice(-1)
    t.match(entry, { outcome: 'cut', bytes: 100_000, status: 200 })
  })

  t.test('a cut at 0 bytes sends the headers alone; a body no longer than N goes whole', async (t) => {
    mock.faults.add({ path: `${REPORT}/json`, cutAfterBytes: 0, times: 'once' })
    const response = await request(`${control.origin}${REPORT}/json`, { query })
    t.equal(response.statusCode, 200)
    t.match(await rejection(response.body.text()), { code: 'UND_ERR_SOCKET' })
    mock.faults.add({ path: `${REPORT}/json`, cutAfterBytes: 1_000_000, times: 'once' })
    const whole = await get(control, `${REPORT}/json`, query)
    t.match(JSON.parse(whole.body), { convey_api: { result: { returnCode: '1' } } })
  })
})

t.test('a rule with account fires for that account only, in any case', async (t) => {
  const control = await startControlMock(t)
  const { mock } = control
  const [demo, restricted] = [await control.login(), await control.login('restricted')]
  const shouting = RESTRICTED_USERNAME.toUpperCase()
  mock.faults.add({ pathPrefix: '/api/reporting/', account: shouting, error: 'session_expired' })
  mock.faults.add({ path: '/api/login', account: RESTRICTED_USERNAME, status: 503 })
  const list = async (session: { si: string, ui: string }): Promise<unknown> =>
    JSON.parse((await get(control, '/api/reporting/eventlist/json', { ver: '2.0', ...session })).body)
  t.match(await list(demo), { convey_api: { result: { returnCode: '1' } } })
  t.match(await list(restricted), { convey_api: { result: { returnCode: '8' } } })
  t.equal((await get(control, '/api/login/json', { ver: '2.0', ...mock.credentials })).status, 200)
  t.equal((await get(control, '/api/login/json', { ver: '2.0', ...RESTRICTED_CREDENTIALS })).status, 503)

  t.test('so parallel workers logged in as their own accounts never see each other\'s faults', async (t) => {
    mock.faults.clear()
    mock.faults.add({
      account: RESTRICTED_USERNAME, pathPrefix: '/api/reporting/', error: 'session_expired', times: 'once',
    })
    const workers = [mock.credentials, RESTRICTED_CREDENTIALS].map((credentials) =>
      createClient({ baseUrl: mock.baseUrl, ...credentials }))
    const mark = mock.journal.lastSeq
    const lists = await Promise.all(workers.map(async (worker) => await worker.listEvents()))
    t.ok(lists.every((events) => events.length > 0))
    t.same(mock.journal.list({ since: mark, returnCode: 8 }).map((entry) => entry.account),
      [RESTRICTED_USERNAME], 'only the restricted worker was refused, once, and logged in again')
  })
})

t.test('faults apply to requests the API would answer, never to the control plane', async (t) => {
  const control = await startControlMock(t)
  const { mock } = control
  const id = mock.faults.add({ status: 500 })
  t.equal((await get(control, '/_mock/health')).status, 200)
  t.equal((await get(control, '/api/login/json', { ver: '2.0', ...mock.credentials })).status, 500)
  const refused = await get(control, '/api/reporting/eventlist/json', { ver: '2.0', si: 'nope', ui: 'nope' })
  const invalid = { convey_api: { result: { returnCode: '7' } } }
  t.match(JSON.parse(refused.body), invalid, 'a request with an invalid session gets its refusal')
  t.equal((await get(control, '/api/nowhere')).status, 404, 'an unknown path is unknown')
  t.match(mock.faults.list(), [{ id, matched: 1, fired: 1 }])
})

t.test('the same seed and the same calls give the same bytes, faults included', async (t) => {
  const run = async (): Promise<string[]> => {
    const control = await startControlMock(t)
    control.mock.faults.add({ path: REPORT, probability: 0.5, error: 'internal_error' })
    control.mock.faults.add({ pathPrefix: '/api/reporting/', probability: 0.3, latencyMs: { min: 0, max: 30 } })
    const query = { ver: '2.0', ...(await control.login()), ei: control.small }
    const answers: string[] = []
    for (let index = 0; index < 12; index++) {
      const answer = await get(control, `${REPORT}/json`, query)
      answers.push(`${answer.status} ${String(answer.headers['x-webcast-mock-fault'])} ${answer.body}`)
    }
    return answers
  }
  const first = await run()
  t.same(await run(), first)
  t.ok(first.some((answer) => answer.includes('"returnCode":"16"')), 'some were refused')
  t.ok(first.some((answer) => answer.includes('"returnCode":"1"')), 'some were not')
})
