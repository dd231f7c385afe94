import t from 'tap'
import { request } from 'undici'
import { buildAccount, indexDataset, type WebcastEvent } from '../../../fixtures/index.js'
import { checkResponse } from '../../../server/http/self-check.js'
import { startMock } from '../../../server/start-mock.js'
import { REPORT_REGISTRANTS } from '../../helpers/report-dataset.js'
import { buildTestServer, jsonOf } from '../../helpers/test-server.js'
import { DEMO, EVENTS, withRegistrants } from '../../helpers/tiny-dataset.js'

t.test('checkResponse passes answers that meet their contracts and names what breaks one', async (t) => {
  const server = buildTestServer(t)
  const login = await server.app.inject('/api/login/json?ver=2.0&username=demo@example.com&password=demo')
  t.same(checkResponse('json', 'login-response.json', login.body), [], 'a login meets the login contract')
  const xmlError = (await server.app.inject('/api/login?ver=2.0')).body
  t.same(checkResponse('xml', 'login-response.json', xmlError), [], 'an XML error meets the error contract')
  const csvError = 'returnCode,code,description,parameter\r\n3,invalid_parameter,Bad.,ei\r\n'
  t.same(checkResponse('csv', 'report-csv-row.json', csvError), [], 'so does a CSV error')
  const renamed = login.body.replace('"sessionid"', '"session_id"')
  t.match(checkResponse('json', 'login-response.json', renamed), [/sessionid/], 'a renamed field is named')
  t.match(checkResponse('csv', 'report-csv-row.json', 'email,fname\r\nnobody,Ann\r\n'), [/^row 1 /],
    'a CSV row is named by its number')
  t.match(checkResponse('xml', 'login-response.json', '<convey_api>'), [/not XML/],
    'a body that is not its format is named')
  t.match(checkResponse('json', 'login-response.json', '{"status":"ok"}'), [/convey_api/],
    'an answer without the envelope is held to the route\'s contract, not let through as an error')
})

t.test('a response that breaks its contract is not sent: the self-check turns it into internal_error', async (t) => {
  const registrant = REPORT_REGISTRANTS[0] as (typeof REPORT_REGISTRANTS)[number]
  const broken: WebcastEvent = {
    ...(EVENTS[0] as WebcastEvent),
    id: '4000004',
    ...withRegistrants([{ ...registrant, email: 'no-at-sign' }]),
  }
  const server = buildTestServer(t, {
    dataset: indexDataset({ seed: 0, accounts: [buildAccount(DEMO, 'all')], events: [broken] }),
  })
  const response = await server.app.inject({
    url: '/api/reporting/audience_reports/json',
    query: { ver: '2.0', ...(await server.login()), ei: '4000004' },
  })
  t.equal(response.statusCode, 500)
  t.match(jsonOf(response), {
    convey_api: {
      result: { error: { code: 'internal_error', description: /Self-check: .*email.*must match pattern/ } },
    },
  })
})

t.test('startMock({ selfCheck: true }) checks what it sends, and still answers', async (t) => {
  const mock = await startMock({ selfCheck: true })
  t.teardown(() => mock.close())
  const response = await request(`${mock.baseUrl}/login/json`, { query: { ver: '2.0', ...mock.credentials } })
  t.match(await response.body.json(), { convey_api: { result: { returnCode: '1' } } })
})
