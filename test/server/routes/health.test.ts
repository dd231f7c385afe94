import t from 'tap'
import packageJson from '../../../package.json' with { type: 'json' }
import { validateContract } from '../../../contracts/validator.js'
import { buildTestServer, jsonOf } from '../../helpers/test-server.js'

t.test('/_mock/health answers 200 with the version while the mock serves, and needs no session', async (t) => {
  const server = buildTestServer(t)
  const response = await server.app.inject('/_mock/health')
  t.equal(response.statusCode, 200)
  t.equal(response.headers['content-type'], 'text/json; charset=utf-8')
  t.same(jsonOf(response), { status: 'ok', version: packageJson.version })
  t.same(validateContract('health-response.json', jsonOf(response)), [], 'and meets its contract')
})

t.test('/_mock/health lists a parameter it does not take, and answers all the same', async (t) => {
  const server = buildTestServer(t)
  const response = await server.app.inject('/_mock/health?verbose=1')
  t.equal(response.statusCode, 200)
  t.equal(response.headers['x-webcast-mock-ignored'], 'verbose')
})

t.test('/_mock/health takes GET (and HEAD, as every GET route) only', async (t) => {
  const server = buildTestServer(t)
  const response = await server.app.inject({ method: 'POST', url: '/_mock/health' })
  t.equal(response.statusCode, 405)
  t.equal(response.headers.allow, 'GET, HEAD')
})
