import t from 'tap'
import { redactUrl } from '../../../server/http/log-redaction.js'
import { buildTestServer } from '../../helpers/test-server.js'

t.test('no log line at any level carries a password, session id or user id', async (t) => {
  const lines: string[] = []
  const server = buildTestServer(t, { log: { level: 'trace', stream: { write: (line) => { lines.push(line) } } } })
  const session = await server.login()
  await server.app.inject({ url: '/api/reporting/eventlist', query: session })
  await server.app.inject({
    method: 'POST',
    url: '/api/reporting/eventlist',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams(session).toString(),
  })
  await server.app.inject({
    url: '/api/login',
    query: { ver: '2.0', username: 'demo@example.com', password: 'wrong-password', pasword: 'typo-password' },
  })
  await server.app.inject({
    url: '/api/login',
    query: { ver: '2.0', username: 'demo@example.com', 'pass%77ord': 'encoded-password' },
  })

  t.ok(lines.length >= 10, 'the requests were logged')
  const log = lines.join('')
  const secrets = ['demo"', '=demo&', 'wrong-password', 'typo-password', 'encoded-password', session.si, session.ui]
  for (const secret of secrets) {
    t.notOk(log.includes(secret), `the log does not hold ${secret.slice(0, 8)}…`)
  }
  t.match(log, 'username=demo%40example.com', 'the username stays visible for debugging')
})

t.test('redactUrl', async (t) => {
  t.equal(redactUrl('/api/login'), '/api/login', 'leaves a URL without a query alone')
  t.equal(redactUrl('/api/login?ver=2.0&password=x&password=y'),
    '/api/login?ver=2.0&password=%5Bredacted%5D&password=%5Bredacted%5D', 'redacts every value of a repeated secret')
  t.equal(redactUrl('/api/reporting/eventlist?SI=abc&ei=1087592'),
    '/api/reporting/eventlist?SI=%5Bredacted%5D&ei=1087592', 'redacts names it does not know')
})

t.test('request lines are logged at debug, not at info', async (t) => {
  for (const [level, expected] of [['info', false], ['debug', true]] as const) {
    const lines: string[] = []
    const server = buildTestServer(t, { log: { level, stream: { write: (line) => { lines.push(line) } } } })
    await server.login()
    t.equal(lines.some((line) => line.includes('/api/login/json')), expected, `at ${level}`)
  }
})
