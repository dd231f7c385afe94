import t from 'tap'
import { request } from 'undici'
import { Journal } from '../../../server/control/journal.js'
import { FIXED_NOW } from '../../helpers/tiny-dataset.js'
import { startControlMock } from './control-mock.js'

const REPORT = '/api/reporting/audience_reports'

/** Sends a request and reads the whole answer; the bytes as they came. */
async function send (url: string, options: Parameters<typeof request>[1] = {}): Promise<{ body: Buffer }> {
  const response = await request(url, options)
  return { body: Buffer.from(await response.body.arrayBuffer()) }
}

t.test('a login, a report and a refusal, as the journal keeps them', async (t) => {
  const control = await startControlMock(t)
  const { mock, origin } = control
  const login = await send(`${origin}/api/login/json`, { query: { ver: '2.0', ...mock.credentials } })
  t.strictSame(mock.journal.list(), [{
    seq: 1,
    time: FIXED_NOW,
    method: 'GET',
    path: '/api/login/json',
    params: { ver: '2.0', username: 'demo@example.com', password: '[redacted]' },
    status: 200,
    returnCode: 1,
    errorCode: null,
    bytes: login.body.length,
    durationMs: mock.journal.list()[0]?.durationMs ?? -1,
    account: 'demo@example.com',
    eventId: null,
    faultId: null,
    outcome: 'complete',
  }], 'the password redacted, as the logs do')
  t.ok((mock.journal.list()[0]?.durationMs ?? -1) >= 0)

  const session = await control.login()
  const report = await send(`${origin}${REPORT}`, { query: { ver: '2.0', ...session, ei: control.small, tz: 'UTC' } })
  t.match(mock.journal.list().at(-1), {
    path: REPORT,
    params: { ver: '2.0', si: '[redacted]', ui: '[redacted]', ei: control.small, tz: 'UTC' },
    status: 200,
    returnCode: 1,
    bytes: report.body.length,
    account: 'demo@example.com',
    eventId: control.small,
    outcome: 'complete',
  })

  await send(`${origin}${REPORT}/csv`, { query: { ver: '2.0', si: 'x', ui: session.ui, ei: control.small } })
  t.match(mock.journal.list().at(-1), {
    path: `${REPORT}/csv`, status: 200, returnCode: 7, errorCode: 'invalid_session', account: null,
  }, 'an invalid session has no account; a CSV error has its returnCode')
  await send(`${origin}/api/login`, { query: { ver: '2.0', username: 'Nobody@Example.com', password: 'x' } })
  const failed = { returnCode: 6, errorCode: 'invalid_credentials', account: 'Nobody@Example.com' }
  t.match(mock.journal.list().at(-1), failed, 'a login names the username it sent, even one that fails')
  await send(`${origin}/api/nowhere?token=abc`)
  t.match(mock.journal.list().at(-1), {
    path: '/api/nowhere', params: { token: '[redacted]' }, status: 404, returnCode: 11, errorCode: 'unknown_path',
  })
})

t.test('a form body counts with the query string, secrets redacted', async (t) => {
  const control = await startControlMock(t)
  const { mock, origin } = control
  const { si, ui } = await control.login()
  await send(`${origin}/api/reporting/eventlist/json?ver=2.0`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ si, ui }).toString(),
  })
  t.match(mock.journal.list().at(-1), {
    method: 'POST',
    params: { ver: '2.0', si: '[redacted]', ui: '[redacted]' },
    returnCode: 1,
    account: 'demo@example.com',
  })
})

t.test('a request refused before its route is read is there too; the control plane is not', async (t) => {
  const control = await startControlMock(t, { limits: { maxUrlBytes: 200 } })
  const { mock, origin } = control
  await send(`${origin}/_mock/health`)
  await send(`${origin}/_mock/nowhere`)
  t.same(mock.journal.list(), [], 'requests to /_mock/ are not recorded')
  await send(`${origin}/api/login?username=${'a'.repeat(300)}`)
  t.match(mock.journal.list(), [{ status: 414, returnCode: 20, errorCode: 'url_too_long' }])
})

t.test('a streamed report counts its bytes as they go; one the client leaves is aborted', async (t) => {
  const control = await startControlMock(t)
  const { mock, origin } = control
  const query = { ver: '2.0', ...(await control.login()), ei: control.large }
  const csv = await send(`${origin}${REPORT}/csv`, { query })
  await waitFor(() => mock.journal.list().at(-1)?.outcome !== 'sending')
  t.match(mock.journal.list().at(-1), { bytes: csv.body.length, returnCode: null, status: 200, outcome: 'complete' })
  t.ok(csv.body.length > 1_000_000, `${csv.body.length} bytes`)
  await send(`${origin}${REPORT}/json`, { query })
  await waitFor(() => mock.journal.list().at(-1)?.outcome !== 'sending')
  t.match(mock.journal.list().at(-1), { returnCode: 1, outcome: 'complete' }, 'a streamed envelope has its returnCode')

  const response = await request(`${origin}${REPORT}/csv`, { query })
  let received = 0
  for await (const chunk of response.body) {
    received += (chunk as Buffer).length
    if (received > 200_000) break
  }
  const seq = mock.journal.lastSeq
  await waitFor(() => mock.journal.list({ since: seq - 1 })[0]?.outcome !== 'sending')
  const [aborted] = mock.journal.list({ since: seq - 1 })
  t.equal(aborted?.outcome, 'aborted')
  t.ok((aborted?.bytes ?? 0) < csv.body.length, `${aborted?.bytes ?? 0} bytes went before the client left`)
})

t.test('faults in the journal: the rule that fired, a reset, a cut', async (t) => {
  const control = await startControlMock(t)
  const { mock, origin } = control
  const query = { ver: '2.0', ...(await control.login()), ei: control.small }
  const expired = mock.faults.add({ path: REPORT, error: 'session_expired', times: 'once' })
  const reset = mock.faults.add({ path: REPORT, format: 'csv', reset: true, times: 'once' })
  const cut = mock.faults.add({ path: REPORT, format: 'xml', cutAfterBytes: 120, times: 'once' })
  await send(`${origin}${REPORT}/json`, { query })
  await send(`${origin}${REPORT}/csv`, { query }).catch(() => undefined)
  await send(`${origin}${REPORT}`, { query }).catch(() => undefined)
  await waitFor(() => mock.journal.list().at(-1)?.outcome === 'cut')
  const refused = { returnCode: 8, errorCode: 'session_expired', outcome: 'complete' }
  t.match(mock.journal.list({ faultId: expired }), [refused])
  t.match(mock.journal.list({ faultId: reset }), [{ status: null, bytes: 0, returnCode: null, outcome: 'reset' }])
  t.match(mock.journal.list({ faultId: cut }), [{ status: 200, bytes: 120, returnCode: 1, outcome: 'cut' }])
  t.equal(mock.journal.list({ pathPrefix: REPORT }).length, 3)
  t.equal(mock.journal.list({ account: 'DEMO@example.com' }).length, 4, 'the login and the three reports')
})

t.test('a client that leaves while its answer is held back: aborted, nothing sent', async (t) => {
  const control = await startControlMock(t)
  const { mock, origin } = control
  const query = { ver: '2.0', ...(await control.login()) }
  const id = mock.faults.add({ path: '/api/reporting/eventlist', latencyMs: 200, times: 'once' })
  const leaving = new AbortController()
  const sent = request(`${origin}/api/reporting/eventlist/json`, { query, signal: leaving.signal })
  await waitFor(() => mock.faults.list()[0]?.fired === 1)
  leaving.abort()
  await sent.catch(() => undefined)
  await waitFor(() => mock.journal.list({ faultId: id }).length === 1)
  await new Promise((resolve) => setTimeout(resolve, 300))
  t.match(mock.journal.list({ faultId: id }), [{ status: null, returnCode: null, bytes: 0, outcome: 'aborted' }],
    'the answer made after the client left is not counted as sent')
})

t.test('the journal given to startMock keeps as many as it may, and says how many it let go', async (t) => {
  const control = await startControlMock(t, { journal: new Journal({ capacity: 2 }) })
  const { mock, origin } = control
  for (let index = 0; index < 4; index++) await send(`${origin}/api/login/json?ver=2.0&n=${index}`)
  t.same(mock.journal.list().map((entry) => entry.seq), [3, 4])
  t.equal(mock.journal.dropped, 2)
  mock.journal.clear()
  t.same(mock.journal.list(), [])
  await send(`${origin}/api/login/json`)
  t.same(mock.journal.list().map((entry) => entry.seq), [5])
})

/** Waits, a turn at a time, for what happens when a response's connection closes. */
async function waitFor (condition: () => boolean): Promise<void> {
  for (let turn = 0; turn < 1000 && !condition(); turn++) await new Promise((resolve) => setTimeout(resolve, 5))
}
