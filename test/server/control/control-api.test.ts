import t, { type Test } from 'tap'
import { startMock, type RunningMock } from '../../../server/start-mock.js'

const LOGIN = '/api/login/json?ver=2.0&username=demo@example.com&password=demo'

async function mockFor (t: Test, options: { controlToken?: string } = {}): Promise<RunningMock> {
  const mock = await startMock({ port: 0, ...options })
  t.teardown(() => mock.close())
  return mock
}

const json = (payload: unknown): { headers: Record<string, string>, payload: string } =>
  ({ headers: { 'content-type': 'application/json' }, payload: JSON.stringify(payload) })
const post = (url: string, payload: unknown): { method: 'POST', url: string } & ReturnType<typeof json> =>
  ({ method: 'POST', url, ...json(payload) })

t.test('the clock over HTTP: read, set, advance, freeze, resume', async (t) => {
  const mock = await mockFor(t)
  const read = await mock.app.inject('/_mock/clock')
  t.equal(read.statusCode, 200)
  t.match(read.json(), { frozen: false, moved: false, dataAsOf: '2026-11-27T00:00:00.000Z' })
  const set = await mock.app.inject(post('/_mock/clock/set', { now: '2027-02-10T18:30:00Z' }))
  t.match(set.json(), { moved: true, dataAsOf: /^2027-02-10T18:30/ })
  await mock.app.inject({ method: 'POST', url: '/_mock/clock/freeze' })
  const advanced = await mock.app.inject(post('/_mock/clock/advance', { ms: 3_600_000 }))
  t.match(advanced.json(), { now: /^2027-02-10T19:30:00/, frozen: true })
  t.equal(mock.clock.now(), Date.parse(advanced.json<{ now: string }>().now), 'the very clock the code sees')
  const resumed = await mock.app.inject({ method: 'POST', url: '/_mock/clock/resume' })
  t.match(resumed.json(), { frozen: false })
  const bad = await mock.app.inject(post('/_mock/clock/set', { now: '2027-02-10 18:30' }))
  t.equal(bad.statusCode, 400)
  t.match(bad.json(), { error: { code: 'invalid_body', message: /ISO 8601 with an offset/ } })
  const notJson = await mock.app.inject({
    method: 'POST', url: '/_mock/clock/advance', headers: { 'content-type': 'application/json' }, payload: '{',
  })
  t.match(notJson.json(), { error: { code: 'invalid_body', message: 'the body is not JSON' } })
})

t.test('faults over HTTP: add, list, fire, remove, clear', async (t) => {
  const mock = await mockFor(t)
  const rule = { path: '/api/login/json', error: 'invalid_credentials', times: 'once' }
  const added = await mock.app.inject(post('/_mock/faults', rule))
  t.equal(added.statusCode, 201)
  const { id } = added.json<{ id: string }>()
  t.match((await mock.app.inject('/_mock/faults')).json(), { faults: [{ id }] })
  const refused = { convey_api: { result: { error: { code: 'invalid_credentials' } } } }
  t.match((await mock.app.inject(LOGIN)).json(), refused, 'it fires once')
  t.match((await mock.app.inject(LOGIN)).json(), { convey_api: { result: { returnCode: '1' } } }, 'then no more')
  t.equal((await mock.app.inject({ method: 'DELETE', url: `/_mock/faults/${id}` })).statusCode, 200)
  const unknown = await mock.app.inject({ method: 'DELETE', url: `/_mock/faults/${id}` })
  t.match(unknown.json(), { error: { code: 'unknown_rule' } })
  t.equal(unknown.statusCode, 404)
  const badRule = await mock.app.inject(post('/_mock/faults', { path: '/api/login', times: -1 }))
  t.equal(badRule.statusCode, 400)
  t.match(badRule.json(), { error: { code: 'invalid_rule' } })
  await mock.app.inject(post('/_mock/faults', { path: '/api/login', status: 502 }))
  t.same((await mock.app.inject({ method: 'DELETE', url: '/_mock/faults' })).json(), { faults: [] })
  t.same(mock.faults.list(), [], 'the very faults the code sees')
})

t.test('the journal over HTTP: list with a filter, clear; the control plane is not in it', async (t) => {
  const mock = await mockFor(t)
  await mock.app.inject(LOGIN)
  await mock.app.inject('/api/reporting/eventlist/json?si=x&ui=y')
  const all = await mock.app.inject('/_mock/journal')
  t.match(all.json(), { entries: [{ path: '/api/login/json' }, { path: '/api/reporting/eventlist/json' }], dropped: 0 })
  t.equal(all.json<{ entries: unknown[] }>().entries.length, 2, 'its own requests are not journaled')
  const logins = await mock.app.inject('/_mock/journal?pathPrefix=/api/login')
  t.equal(logins.json<{ entries: unknown[] }>().entries.length, 1)
  t.match((await mock.app.inject('/_mock/journal?status=x')).json(), { error: { code: 'invalid_query' } })
  t.match((await mock.app.inject({ method: 'DELETE', url: '/_mock/journal' })).json(), { entries: [] })
  t.same(mock.journal.list(), [])
})

t.test('the control API is refused to other machines, unless they send the token', async (t) => {
  const open = await mockFor(t)
  const away = await open.app.inject({ url: '/_mock/clock', remoteAddress: '192.0.2.7' })
  t.equal(away.statusCode, 403)
  t.match(away.json(), { error: { code: 'control_refused', message: /--control-token/ } })
  const moved = await open.app.inject({ method: 'POST', url: '/_mock/clock/freeze', remoteAddress: '192.0.2.7' })
  t.equal(moved.statusCode, 403)
  t.equal(open.clock.state().frozen, false, 'nothing changed')
  const health = await open.app.inject({ url: '/_mock/health', remoteAddress: '192.0.2.7' })
  t.equal(health.statusCode, 200, 'health stays open')

  const guarded = await mockFor(t, { controlToken: 'tok-123' })
  const without = await guarded.app.inject({ url: '/_mock/clock' })
  t.equal(without.statusCode, 403, 'with a token, even this machine must send it')
  const withToken = await guarded.app.inject({
    url: '/_mock/clock', remoteAddress: '192.0.2.7', headers: { authorization: 'Bearer tok-123' },
  })
  t.equal(withToken.statusCode, 200)
  const wrong = await guarded.app.inject({ url: '/_mock/clock', headers: { authorization: 'Bearer tok-124' } })
  t.equal(wrong.statusCode, 403)
})
