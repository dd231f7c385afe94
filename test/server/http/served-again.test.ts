import t from 'tap'
import { request } from 'undici'
import { startMock } from '../../../server/start-mock.js'
import { startControlMock } from '../control/control-mock.js'

const REPORT = '/api/reporting/audience_reports'

interface Answer { readonly status: number, readonly headers: Record<string, unknown>, readonly body: string }

async function ask (url: string): Promise<Answer> {
  const response = await request(url)
  const { date: _date, ...headers } = response.headers
  return { status: response.statusCode, headers, body: await response.body.text() }
}

t.test('a report asked again and again', async (t) => {
  const control = await startControlMock(t)
  const { mock, origin } = control
  const query = new URLSearchParams({ ver: '2.0', ...await control.login(), ei: control.small }).toString()
  const url = `${origin}${REPORT}/csv?${query}`
  const first = await ask(url)
  t.equal(mock.app.servedAgain?.sent, 0, 'is first answered by the whole pipeline')
  t.strictSame(await ask(url), first, 'then by the pipeline from the cache, which hands it to the lane')
  t.equal(mock.app.servedAgain?.sent, 0)
  const again = await ask(url)
  t.equal(mock.app.servedAgain?.sent, 1, 'then by the lane')
  t.strictSame(again, first, 'with the very same status, headers and bytes')
  const [fromPipeline, fromLane] = mock.journal.list().slice(-2)
  t.strictSame({ ...fromLane, seq: 0, durationMs: 0 }, { ...fromPipeline, seq: 0, durationMs: 0 },
    'and the journal records both alike')
  for (const format of ['', '/json']) {
    const other = url.replace(`${REPORT}/csv`, `${REPORT}${format}`)
    const [firstTime, , thirdTime] = [await ask(other), await ask(other), await ask(other)]
    t.strictSame(thirdTime, firstTime, `in ${format === '' ? 'XML' : 'JSON'} as well`)
  }
  t.equal(mock.app.servedAgain?.sent, 3)
})

t.test('a login asked again', async (t) => {
  const control = await startControlMock(t)
  const { mock, origin } = control
  const url = `${origin}/api/login/json?${new URLSearchParams({ ver: '2.0', ...mock.credentials }).toString()}`
  const first = await ask(url)
  const again = await ask(url)
  t.equal(mock.app.servedAgain?.sent, 1, 'within the same second is sent from the lane')
  t.strictSame(again, first, 'the very same answer, session id and all')
  const [fromPipeline, fromLane] = mock.journal.list().slice(-2)
  t.strictSame({ ...fromLane, seq: 0, durationMs: 0 }, { ...fromPipeline, seq: 0, durationMs: 0 },
    'and the journal records both alike')
  mock.clock.advance(1000)
  const later = await ask(url)
  t.not(later.body, first.body, 'a second later it is a new session')
  t.equal(mock.app.servedAgain?.sent, 1, 'issued by the pipeline')
  const wrong = url.replace('password=', 'password=x')
  t.match((await ask(wrong)).body, /invalid_credentials/)
  t.match((await ask(wrong)).body, /invalid_credentials/, 'and a refusal is never sent from the lane')
  t.equal(mock.app.servedAgain?.sent, 1)
})

t.test('the lane steps aside whenever the answer could differ', async (t) => {
  const control = await startControlMock(t)
  const { mock, origin } = control
  const query = new URLSearchParams({ ver: '2.0', ...await control.login(), ei: control.small }).toString()
  const url = `${origin}${REPORT}/json?${query}`
  const sentAfter = async (): Promise<{ sent: number | undefined, answer: Answer }> => {
    const answer = await ask(url)
    return { sent: mock.app.servedAgain?.sent, answer }
  }
  await ask(url)
  await ask(url)
  t.equal((await sentAfter()).sent, 1)

  mock.clock.advance(1000)
  const later = await sentAfter()
  t.equal(later.sent, 1, 'a second later: the whole pipeline answers')
  t.match(later.answer.body, /"currentDateTime":"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d"/, 'with the new time')
  t.equal((await sentAfter()).sent, 1, 'and again, from the cache')
  t.equal((await sentAfter()).sent, 2, 'and the lane answers the next one')

  const fault = mock.faults.add({ path: REPORT, error: 'internal_error', times: 'once' })
  const faulted = await sentAfter()
  t.equal(faulted.answer.status, 500, 'a fault rule fires on the pipeline')
  t.equal(faulted.answer.headers['x-webcast-mock-fault'], fault)
  t.equal(faulted.sent, 2)

  mock.clock.advance(2 * 3600 * 1000)
  const expired = await sentAfter()
  t.match(expired.answer.body, /session_expired/, 'an expired session is refused')
  t.equal(expired.sent, 2)
  t.equal((await sentAfter()).sent, 2, 'every time')
})

t.test('a removed event, an ignored parameter and a POST never meet the lane', async (t) => {
  const control = await startControlMock(t)
  const { mock, origin } = control
  const session = await control.login()
  const url = `${origin}${REPORT}/json?${new URLSearchParams({ ver: '2.0', ...session, ei: control.small }).toString()}`
  for (let time = 0; time < 3; time++) await ask(url)
  t.equal(mock.app.servedAgain?.sent, 1)
  const unknown = new URLSearchParams({ ver: '2.0', ...session, ei: control.small, no_show: 'on' }).toString()
  const ignoring = `${origin}${REPORT}/json?${unknown}`
  const answers = [await ask(ignoring), await ask(ignoring)]
  t.ok(answers.every((answer) => answer.headers['x-webcast-mock-ignored'] === 'no_show'),
    'an answer that names an ignored parameter names it every time')
  const form = new URLSearchParams({ ver: '2.0', ...session, ei: control.small }).toString()
  const posted = await request(`${origin}${REPORT}/json`, {
    method: 'POST', body: form, headers: { 'content-type': 'application/x-www-form-urlencoded' },
  })
  await posted.body.dump()
  mock.fixtures.removeEvent(control.small)
  t.match((await ask(url)).body, /event_not_found/, 'a removed event is not found')
  t.equal(mock.app.servedAgain?.sent, 1, 'and none of them was sent from the lane')
})

t.test('a mock that logs every request, or checks every answer, has no lane', async (t) => {
  const logging = await startMock({ port: 0, log: { level: 'debug', stream: { write: () => true } } })
  const checking = await startMock({ port: 0, selfCheck: true })
  t.teardown(async () => { await Promise.all([logging.close(), checking.close()]) })
  t.equal(logging.app.servedAgain, null)
  t.equal(checking.app.servedAgain, null)
})
