import { connect } from 'node:net'
import t from 'tap'
import { request } from 'undici'
import { decodeXml } from '../../contracts/decode-xml.js'
import { validateContract } from '../../contracts/validator.js'
import type { LoginResponse } from '../../contracts/response-types.js'
import { startMock } from '../../server/start-mock.js'

t.test('startMock over a real socket', async (t) => {
  const mock = await startMock({ port: 0 })
  t.teardown(() => mock.close())
  t.match(mock.baseUrl, /^http:\/\/127\.0\.0\.1:\d+\/api$/, 'gives a base URL ending in /api')
  t.same(mock.credentials, { username: 'demo@example.com', password: 'demo' }, 'gives the demo credentials')

  const { username, password } = mock.credentials
  const login = await request(`${mock.baseUrl}/login/json`, { query: { ver: '2.0', username, password } })
  t.equal(login.headers['content-type'], 'text/json; charset=utf-8')
  const body = await login.body.json() as LoginResponse
  t.same(validateContract('login-response.json', body), [], 'logs in')

  const { sessionid, userid } = body.convey_api.result.success
  const session = { si: sessionid.value, ui: userid.value }
  const list = await request(`${mock.baseUrl}/reporting/eventlist`, { query: session })
  const decoded = decodeXml(await list.body.text())
  t.same(validateContract('event-list-response.json', decoded), [], 'lists events in XML')
  const ids = (decoded as {
    convey_api: { result: { success: { event_list: { core_event: { event_info: Array<{ id: string }> } } } } }
  }).convey_api.result.success.event_list.core_event.event_info.map((event) => event.id)
  t.ok(ids.length > 0 && ids.every((id) => /^\d{7}$/.test(id)), 'with 7-digit ids')
})

t.test('a request whose headers are too large gets the XML envelope, not Fastify\'s JSON', async (t) => {
  const mock = await startMock({ port: 0 })
  t.teardown(() => mock.close())
  const { port } = new URL(mock.baseUrl)
  const reply = await new Promise<string>((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () => {
      socket.end(`GET /api/login HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`)
    })
    let text = ''
    socket.on('data', (chunk: Buffer) => { text += chunk.toString() })
    socket.on('close', () => { resolve(text) })
    socket.on('error', reject)
  })
  t.match(reply, /^HTTP\/1\.1 431 /)
  t.match(reply, 'content-type: text/xml; charset=utf-8'.replace('content-type', 'Content-Type'))
  const body = reply.slice(reply.indexOf('\r\n\r\n') + 4)
  t.match(decodeXml(body), { convey_api: { result: { returnCode: '17', error: { code: 'headers_too_large' } } } })
})

t.test('two replicas started with one secret accept each other\'s sessions; another secret does not', async (t) => {
  const [a, b, other] = await Promise.all([
    startMock({ sessionSecret: 'shared-secret' }),
    startMock({ sessionSecret: 'shared-secret' }),
    startMock({ sessionSecret: 'another-secret' }),
  ])
  t.teardown(async () => { await Promise.all([a.close(), b.close(), other.close()]) })
  const loginResponse = await request(`${a.baseUrl}/login/json`, { query: { ver: '2.0', ...a.credentials } })
  const login = await loginResponse.body.json() as LoginResponse
  const { sessionid, userid } = login.convey_api.result.success
  const session = { si: sessionid.value, ui: userid.value }
  const onB = await (await request(`${b.baseUrl}/reporting/eventlist/json`, { query: session })).body.text()
  t.match(onB, '"returnCode":"1"', 'the session from A works on B')
  const onOther = await (await request(`${other.baseUrl}/reporting/eventlist/json`, { query: session })).body.text()
  t.match(onOther, '"code":"invalid_session"', 'and not on a server with another secret')
})
