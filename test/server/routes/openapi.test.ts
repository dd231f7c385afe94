import t from 'tap'
import packageJson from '../../../package.json' with { type: 'json' }
import { openApiDocument } from '../../../contracts/openapi.js'
import { validateContract } from '../../../contracts/validator.js'
import { buildTestServer, jsonOf } from '../../helpers/test-server.js'

t.test('/_mock/openapi.json answers 200 with the OpenAPI document of this version, and needs no session', async (t) => {
  const server = buildTestServer(t)
  const response = await server.app.inject('/_mock/openapi.json')
  t.equal(response.statusCode, 200)
  t.equal(response.headers['content-type'], 'text/json; charset=utf-8')
  t.strictSame(jsonOf(response), openApiDocument(packageJson.version))
  t.same(validateContract('openapi-response.json', jsonOf(response)), [], 'and meets its contract')
})

t.test('/_mock/openapi.json answers the same document every time', async (t) => {
  const server = buildTestServer(t)
  const first = await server.app.inject('/_mock/openapi.json')
  const second = await server.app.inject('/_mock/openapi.json?format=yaml')
  t.equal(second.body, first.body)
  t.equal(second.headers['x-webcast-mock-ignored'], 'format', 'and lists a parameter it does not take')
})

t.test('/_mock/openapi.json takes GET (and HEAD, as every GET route) only', async (t) => {
  const server = buildTestServer(t)
  const response = await server.app.inject({ method: 'POST', url: '/_mock/openapi.json' })
  t.equal(response.statusCode, 405)
  t.equal(response.headers.allow, 'GET, HEAD')
})
