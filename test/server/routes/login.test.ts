import t, { type Test } from 'tap'
import { decodeXml } from '../../../contracts/decode-xml.js'
import { validateContract } from '../../../contracts/validator.js'
import { buildTestServer, jsonOf } from '../../helpers/test-server.js'

const DEMO_USER_ID = '870e1b2ae5d87ebb0e7a8b5bc65e5f10335bb142'
const DEMO_SESSION_ID = '6b0a22d0e87b23d716c87f11117331ef53427752'
const LOGIN = { ver: '2.0', username: 'demo@example.com', password: 'demo' }

t.test('a login with the right password', async (t) => {
  const { app } = buildTestServer(t)

  t.test('answers in XML with a session id and a user id', async (t) => {
    const response = await app.inject({ url: '/api/login', query: LOGIN })
    t.equal(response.statusCode, 200)
    t.equal(response.headers['content-type'], 'text/xml; charset=utf-8')
    t.equal(response.body,
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<convey_api version="2.0"><currentDateTime>2026-11-27 23:39:44</currentDateTime>' +
      '<currentTimeZone>GMT</currentTimeZone>' +
      '<result><returnCode>1</returnCode><success>' +
      `<sessionid><description>Authenticated session ID.</description><value>${DEMO_SESSION_ID}</value></sessionid>` +
      `<userid><description>Authenticated user ID.</description><value>${DEMO_USER_ID}</value></userid>` +
      '</success></result></convey_api>\n')
  })

  t.test('answers in JSON with the same tree under convey_api', async (t) => {
    const response = await app.inject({ url: '/api/login/json', query: LOGIN })
    t.equal(response.headers['content-type'], 'text/json; charset=utf-8')
    t.same(jsonOf(response), {
      convey_api: {
        version: '2.0',
        currentDateTime: '2026-11-27 23:39:44',
        currentTimeZone: 'GMT',
        result: {
          returnCode: '1',
          success: {
            sessionid: { description: 'Authenticated session ID.', value: DEMO_SESSION_ID },
            userid: { description: 'Authenticated user ID.', value: DEMO_USER_ID },
          },
        },
      },
    })
    const xml = await app.inject({ url: '/api/login', query: LOGIN })
    t.strictSame(decodeXml(xml.body), jsonOf(response), 'the XML decodes to the JSON body')
    t.same(validateContract('login-response.json', jsonOf(response)), [], 'and meets the login contract')
  })

  t.test('matches the username without regard to case', async (t) => {
    const response = await app.inject({ url: '/api/login/json', query: { ...LOGIN, username: 'Demo@Example.COM' } })
    t.match(response.body, DEMO_USER_ID)
  })
})

t.test('a login that fails', async (t) => {
  const { app } = buildTestServer(t)
  const errorOf = async (t: Test, query: Record<string, string | string[]>): Promise<unknown> => {
    const response = await app.inject({ url: '/api/login/json', query })
    t.equal(response.statusCode, 200, 'API-level errors travel with HTTP 200')
    const body = jsonOf(response)
    t.same(validateContract('error-response.json', body), [], 'the body meets the error contract')
    return (body as { convey_api: { result: unknown } }).convey_api.result
  }

  t.test('with a wrong password gets invalid_credentials', async (t) => {
    t.same(await errorOf(t, { ...LOGIN, password: 'nope' }), {
      returnCode: '6',
      error: { code: 'invalid_credentials', description: 'The username or password is incorrect.' },
    })
  })

  t.test('with an unknown username gets the same answer, revealing nothing', async (t) => {
    t.same(await errorOf(t, { ...LOGIN, username: 'nobody@example.com' }),
      await errorOf(t, { ...LOGIN, password: 'nope' }))
  })

  t.test('without a password names the missing parameter', async (t) => {
    t.same(await errorOf(t, { ver: '2.0', username: 'demo@example.com' }), {
      returnCode: '2',
      error: {
        code: 'missing_parameter',
        description: 'A required parameter is missing. Send password.',
        parameter: 'password',
      },
    })
  })

  t.test('with an empty value treats it as missing', async (t) => {
    t.match(await errorOf(t, { ...LOGIN, username: '' }), {
      error: { code: 'missing_parameter', parameter: 'username' },
    })
  })

  t.test('without ver names ver', async (t) => {
    t.match(await errorOf(t, { username: 'demo@example.com', password: 'demo' }), {
      error: { code: 'missing_parameter', parameter: 'ver' },
    })
  })

  t.test('with ver other than 2.0 gets unsupported_version', async (t) => {
    t.match(await errorOf(t, { ...LOGIN, ver: '3.0' }), {
      returnCode: '4', error: { code: 'unsupported_version', parameter: 'ver' },
    })
  })

  t.test('with a parameter given twice names it', async (t) => {
    t.match(await errorOf(t, { ...LOGIN, username: ['demo@example.com', 'other@example.com'] }), {
      error: { code: 'invalid_parameter', parameter: 'username', description: /given once/ },
    })
  })

  t.test('with a username longer than the platform allows names it', async (t) => {
    t.match(await errorOf(t, { ...LOGIN, username: 'x'.repeat(257) }), {
      error: { code: 'invalid_parameter', parameter: 'username' },
    })
  })
})

t.test('parameters the endpoint does not know are listed in x-webcast-mock-ignored', async (t) => {
  const { app } = buildTestServer(t)
  const response = await app.inject({ url: '/api/login/json', query: { ...LOGIN, tz: 'GMT', 'odd name,': '1' } })
  t.match(response.body, '"returnCode":"1"')
  t.equal(response.headers['x-webcast-mock-ignored'], 'tz,odd%20name%2C')
  const failed = await app.inject({ url: '/api/login/json', query: { ver: '2.0', typo: '1' } })
  t.equal(failed.headers['x-webcast-mock-ignored'], 'typo', 'also when the request fails')
})

t.test('a request without unknown parameters has no x-webcast-mock-ignored header', async (t) => {
  const { app } = buildTestServer(t)
  const response = await app.inject({ url: '/api/login/json', query: LOGIN })
  t.notOk('x-webcast-mock-ignored' in response.headers)
})
