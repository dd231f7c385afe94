import t, { type Test } from 'tap'
import { decodeXml } from '../../../contracts/decode-xml.js'
import { validateContract } from '../../../contracts/validator.js'
import { buildTestServer, jsonOf } from '../../helpers/test-server.js'
import { RESTRICTED } from '../../helpers/tiny-dataset.js'

const resultOf = (body: unknown): unknown => (body as { convey_api: { result: unknown } }).convey_api.result

t.test('the event list for the demo admin', async (t) => {
  const server = buildTestServer(t)
  const session = await server.login()

  t.test('lists every event in XML, expired ones included, titles escaped', async (t) => {
    const response = await server.app.inject({ url: '/api/reporting/eventlist', query: session })
    t.equal(response.headers['content-type'], 'text/xml; charset=utf-8')
    t.equal(response.body,
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<convey_api version="2.0"><currentDateTime>2026-11-27 23:39:44</currentDateTime>' +
      '<currentTimeZone>GMT</currentTimeZone>' +
      '<result><returnCode>1</returnCode><success><event_list><core_event>' +
      '<event_info id="1087592" sched_start="2026-03-10 15:00:00" sched_end="2026-03-10 16:00:00" expired="false">' +
      'Q&amp;A &lt;Live&gt; &quot;Kick-off&quot;</event_info>' +
      '<event_info id="1739608" sched_start="2025-01-21 16:00:00" sched_end="2025-01-21 17:00:00" expired="true">' +
      'Archive</event_info>' +
      '</core_event></event_list></success></result></convey_api>\n')
  })

  t.test('lists the same tree in JSON, the title under title', async (t) => {
    const response = await server.app.inject({ url: '/api/reporting/eventlist/json', query: session })
    t.equal(response.headers['content-type'], 'text/json; charset=utf-8')
    t.same(resultOf(jsonOf(response)), {
      returnCode: '1',
      success: {
        event_list: {
          core_event: {
            event_info: [
              {
                id: '1087592', sched_start: '2026-03-10 15:00:00', sched_end: '2026-03-10 16:00:00', expired: 'false',
                title: 'Q&A <Live> "Kick-off"',
              },
              {
                id: '1739608', sched_start: '2025-01-21 16:00:00', sched_end: '2025-01-21 17:00:00', expired: 'true',
                title: 'Archive',
              },
            ],
          },
        },
      },
    })
    const xml = await server.app.inject({ url: '/api/reporting/eventlist', query: session })
    t.strictSame(decodeXml(xml.body), jsonOf(response), 'the XML decodes to the JSON body')
    t.same(validateContract('event-list-response.json', jsonOf(response)), [], 'and meets the event-list contract')
  })

  t.test('answers a POST with a form-encoded body the same as a GET', async (t) => {
    const get = await server.app.inject({ url: '/api/reporting/eventlist/json', query: session })
    const post = await server.app.inject({
      method: 'POST',
      url: '/api/reporting/eventlist/json',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(session).toString(),
    })
    t.equal(post.body, get.body)
  })

  t.test('reads a text/html body as a form, as the documentation\'s samples send it', async (t) => {
    const post = await server.app.inject({
      method: 'POST',
      url: '/api/reporting/eventlist/json',
      headers: { 'content-type': 'text/html' },
      payload: new URLSearchParams(session).toString(),
    })
    t.match(post.body, '"returnCode":"1"')
  })

  t.test('accepts ver=2.0 and refuses any other ver', async (t) => {
    const ok = await server.app.inject({ url: '/api/reporting/eventlist/json', query: { ...session, ver: '2.0' } })
    t.match(ok.body, '"returnCode":"1"')
    const wrong = await server.app.inject({ url: '/api/reporting/eventlist/json', query: { ...session, ver: '1.0' } })
    t.match(resultOf(jsonOf(wrong)), { error: { code: 'unsupported_version', parameter: 'ver' } })
  })
})

t.test('the event list for the restricted admin shows only the events it may view', async (t) => {
  const server = buildTestServer(t)
  const session = await server.login(RESTRICTED)
  const response = await server.app.inject({ url: '/api/reporting/eventlist/json', query: session })
  t.same(resultOf(jsonOf(response)), {
    returnCode: '1',
    success: {
      event_list: {
        core_event: {
          event_info: [{
            id: '1739608', sched_start: '2025-01-21 16:00:00', sched_end: '2025-01-21 17:00:00', expired: 'true',
            title: 'Archive',
          }],
        },
      },
    },
  })
})

t.test('the event list refuses', async (t) => {
  const server = buildTestServer(t, { ttlSeconds: 60 })
  const session = await server.login()
  const errorOf = async (t: Test, query: Record<string, string>): Promise<unknown> => {
    const response = await server.app.inject({ url: '/api/reporting/eventlist/json', query })
    t.equal(response.statusCode, 200)
    t.same(validateContract('error-response.json', jsonOf(response)), [], 'with a body that meets the error contract')
    return resultOf(jsonOf(response))
  }

  t.test('a request without si', async (t) => {
    t.match(await errorOf(t, { ui: session.ui }), {
      returnCode: '2', error: { code: 'missing_parameter', parameter: 'si' },
    })
  })

  t.test('a session id that was never issued', async (t) => {
    t.match(await errorOf(t, { ...session, si: '0'.repeat(40) }), {
      returnCode: '7', error: { code: 'invalid_session', parameter: 'si' },
    })
  })

  t.test('a session id sent with another user\'s id', async (t) => {
    const other = await server.login(RESTRICTED)
    t.match(await errorOf(t, { si: session.si, ui: other.ui }), { error: { code: 'invalid_session' } })
  })

  t.test('si and ui swapped, as the docs\' event-list table describes them', async (t) => {
    t.match(await errorOf(t, { si: session.ui, ui: session.si }), { error: { code: 'invalid_session' } })
  })

  t.test('a session older than its lifetime', async (t) => {
    server.advance(60_000)
    t.match(await errorOf(t, session), { returnCode: '8', error: { code: 'session_expired', parameter: 'si' } })
  })
})
