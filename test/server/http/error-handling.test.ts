import type { InjectOptions } from 'fastify'
import t from 'tap'
import { decodeXml } from '../../../contracts/decode-xml.js'
import { ERROR_CATALOGUE, errorCodeFor, type ErrorCode } from '../../../contracts/error-catalogue.js'
import { validateContract } from '../../../contracts/validator.js'
import { renderError } from '../../../server/render/envelope.js'
import { buildTestServer, jsonOf } from '../../helpers/test-server.js'

const header = { currentDateTime: '2026-11-27 23:39:44', currentTimeZone: 'GMT' }
const codes = Object.keys(ERROR_CATALOGUE) as ErrorCode[]

t.test('every catalogue error renders as a well-formed envelope', async (t) => {
  for (const code of codes) {
    t.test(code, async (t) => {
      const error = { code, description: ERROR_CATALOGUE[code].description, parameter: 'ei' }
      const json = JSON.parse(renderError('json', header, error)) as unknown
      t.same(validateContract('error-response.json', json), [], 'the JSON meets the error contract')
      t.strictSame(decodeXml(renderError('xml', header, error)), json, 'the XML decodes to the same tree')
      const returnCode = String(ERROR_CATALOGUE[code].returnCode)
      t.match(json, { convey_api: { result: { returnCode, error: { code, parameter: 'ei' } } } })
      const descriptionCell = error.description.includes(',') ? `"${error.description}"` : error.description
      t.equal(renderError('csv', header, error),
        'returnCode,code,description,parameter\r\n' +
        `${ERROR_CATALOGUE[code].returnCode},${code},${descriptionCell},ei\r\n`,
        'the CSV is a header and one row')
    })
  }
})

t.test('every catalogue error has its own return code, never 1', async (t) => {
  const returnCodes: number[] = codes.map((code) => ERROR_CATALOGUE[code].returnCode)
  t.equal(new Set(returnCodes).size, codes.length)
  t.notOk(returnCodes.includes(1))
  for (const code of codes) t.equal(errorCodeFor(ERROR_CATALOGUE[code].returnCode), code)
  t.equal(errorCodeFor(1), undefined)
})

t.test('the server reports each failure in the envelope of the format the path asks for', async (t) => {
  const server = buildTestServer(t)
  for (const url of ['/api/explode', '/api/explode/json']) {
    server.app.get(url, () => { throw new Error('database on fire at /srv/secret') })
  }
  const session = await server.login()
  const cases: Array<{ name: string, code: ErrorCode, request: InjectOptions & { url: string } }> = [
    { name: 'a missing parameter', code: 'missing_parameter', request: { url: '/api/login/json?ver=2.0' } },
    {
      name: 'a malformed parameter', code: 'invalid_parameter',
      request: { url: `/api/reporting/eventlist/json?si=not-hex!&ui=${session.ui}` },
    },
    {
      name: 'a wrong version', code: 'unsupported_version',
      request: { url: '/api/login/json?ver=1&username=a&password=b' },
    },
    {
      name: 'wrong credentials', code: 'invalid_credentials',
      request: { url: '/api/login/json?ver=2.0&username=a&password=b' },
    },
    {
      name: 'an unknown session', code: 'invalid_session',
      request: { url: `/api/reporting/eventlist/json?si=abc&ui=${session.ui}` },
    },
    { name: 'an unknown path', code: 'unknown_path', request: { url: '/api/reporting/nothing/json' } },
    { name: 'a wrong method', code: 'method_not_allowed', request: { method: 'DELETE', url: '/api/login/json' } },
    {
      name: 'a JSON body', code: 'unsupported_media_type',
      request: {
        method: 'POST',
        url: '/api/reporting/eventlist/json',
        headers: { 'content-type': 'application/json' },
        payload: '{}',
      },
    },
    { name: 'a malformed path', code: 'malformed_request', request: { url: '/api/%zz/json' } },
    {
      name: 'an oversized body', code: 'request_too_large',
      request: {
        method: 'POST',
        url: '/api/reporting/eventlist/json',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: `x=${'a'.repeat(1_100_000)}`,
      },
    },
    { name: 'a crash inside a route', code: 'internal_error', request: { url: '/api/explode/json' } },
  ]
  for (const { name, code, request } of cases) {
    t.test(`${name} gets ${code}`, async (t) => {
      const response = await server.app.inject(request)
      t.equal(response.statusCode, ERROR_CATALOGUE[code].httpStatus, 'with the catalogue\'s HTTP status')
      t.equal(response.headers['content-type'], 'text/json; charset=utf-8')
      t.same(validateContract('error-response.json', jsonOf(response)), [])
      t.match(jsonOf(response), { convey_api: { result: { error: { code } } } })
      t.notMatch(response.body, /at .*\.(ts|js):\d+|\/srv\/secret|statusCode/,
        'with no stack, no internals, no Fastify default body')
      const xml = await server.app.inject({ ...request, url: request.url.replace('/json', '') })
      t.equal(xml.headers['content-type'], 'text/xml; charset=utf-8', 'and in XML without the /json suffix')
      t.match(decodeXml(xml.body), { convey_api: { result: { error: { code } } } })
    })
  }
})

t.test('a wrong method names the methods the path accepts', async (t) => {
  const { app } = buildTestServer(t)
  const response = await app.inject({ method: 'PUT', url: '/api/reporting/eventlist' })
  t.equal(response.headers.allow, 'GET, POST, HEAD')
})
