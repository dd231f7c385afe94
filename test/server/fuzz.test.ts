import fc from 'fast-check'
import t from 'tap'
import { decodeCsvRows } from '../../contracts/decode-csv.js'
import { decodeXml } from '../../contracts/decode-xml.js'
import { endpointList, pathOf } from '../../contracts/endpoints.js'
import { PARAMETERS } from '../../contracts/parameters.js'
import { validateContract } from '../../contracts/validator.js'
import { CONTENT_TYPES, type Format } from '../../contracts/wire-format.js'
import { isControlPath } from '../../server/control/control-plane.js'
import { buildTestServer } from '../helpers/test-server.js'
import { reportDataset } from '../helpers/report-dataset.js'

/** Cases per run: a few thousand in `npm test`; set WEBCAST_FUZZ_RUNS for a longer run. */
const RUNS = Number(process.env.WEBCAST_FUZZ_RUNS ?? '2000')

const PATHS = [
  ...endpointList().flatMap(([, endpoint]) => endpoint.formats.map((format) => pathOf(endpoint, format))),
  '/api/nothing',
  '/',
]
const NAMES = Object.keys(PARAMETERS)
const FORMAT_OF_CONTENT_TYPE = new Map<string, Format>(
  Object.entries(CONTENT_TYPES).map(([format, type]) => [type, format as Format]),
)
const CONTRACT_OF_PATH = new Map(endpointList().flatMap(([, endpoint]) =>
  Object.entries(endpoint.responses).map(([format, contract]) => [pathOf(endpoint, format as Format), contract])))

const encoded = (text: string): string => encodeURIComponent(text)
const value = fc.oneof(
  fc.constantFrom(
    '2.0', 'on', 'off', 'ON', '', '2000001', '1087592', 'America/New_York', 'Mars/Base',
    '02/30/2026', '03/10/2026', 'acme.com|gmail.com', 'demo@example.com', 'demo',
  ).map(encoded),
  fc.string({ maxLength: 40 }).map(encoded),
  fc.string({ unit: 'binary', maxLength: 20 }).map(encoded),
  fc.constantFrom('%', '%zz', '%E0%A4%A', '%FF%FE', '%00', '+', '&&', '==', 'a=b=c'),
  fc.integer({ min: 1000, max: 20_000 }).map((n) => 'x'.repeat(n)),
)
const name = fc.oneof(
  fc.constantFrom(...NAMES),
  fc.string({ minLength: 1, maxLength: 12 }).map(encoded),
  fc.constantFrom('%zz', '__proto__', 'constructor', 'ver[]'),
)
const query = fc.array(fc.tuple(name, value), { maxLength: 8 })
  .map((pairs) => pairs.map(([n, v]) => `${n}=${v}`).join('&'))
const request = fc.record({
  method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'HEAD', 'OPTIONS', 'PATCH'),
  path: fc.oneof(
    fc.constantFrom(...PATHS),
    fc.string({ maxLength: 30 }).map((s) => `/api/${encoded(s)}`),
    fc.constantFrom('/api/%zz', '/api/login/%', '//api//login'),
  ),
  query,
  contentType: fc.constantFrom(
    undefined, 'application/x-www-form-urlencoded', 'text/html', 'application/json',
    'multipart/form-data; boundary=x', 'text/plain; charset=latin1', 'bogus',
  ),
  body: fc.oneof(fc.constant(undefined), query, fc.string({ maxLength: 200 }), fc.constant('{"ver":"2.0"}')),
})

t.test(
  `${RUNS} random requests: never a 5xx, always a well-formed answer, and the server still answers afterwards`,
  async (t) => {
    const server = buildTestServer(t, { dataset: reportDataset() })
    const session = await server.login()
    const problems: string[] = []
    await fc.assert(fc.asyncProperty(request, fc.boolean(), async (r, withSession) => {
      const sessionPart = withSession ? `&si=${session.si}&ui=${session.ui}` : ''
      const url = `${r.path}?${r.query}${sessionPart}`
      const response = await server.app.inject({
        method: r.method as 'GET',
        url,
        ...(r.contentType === undefined ? {} : { headers: { 'content-type': r.contentType } }),
        ...(r.body === undefined || r.method === 'GET' || r.method === 'HEAD' ? {} : { payload: r.body }),
      })
      const where = `${r.method} ${url.slice(0, 120)}`
      if (response.statusCode >= 500) problems.push(`${where}: HTTP ${response.statusCode}`)
      if (r.method === 'HEAD') return true
      if (response.statusCode >= 400 && isControlPath(r.path) &&
        response.headers['content-type'] === 'application/json; charset=utf-8') {
        // A method the mock's own paths do not take is refused in the control API's JSON.
        const refusal = validateContract('control-error.json', JSON.parse(response.body))
        if (refusal.length > 0) problems.push(`${where}: a control refusal breaks control-error.json`)
        return true
      }
      const format = FORMAT_OF_CONTENT_TYPE.get(String(response.headers['content-type']))
      if (format === undefined) {
        problems.push(`${where}: content type ${String(response.headers['content-type'])}`)
        return true
      }
      try {
        if (format === 'csv') {
          const rows = decodeCsvRows(response.body)
          if (rows[0] !== undefined && 'returnCode' in rows[0] && rows[0].returnCode === '') {
            problems.push(`${where}: empty CSV error`)
          }
        } else {
          const tree = format === 'json' ? JSON.parse(response.body) as unknown : decodeXml(response.body)
          const envelope = (tree as { convey_api?: { result?: { returnCode?: string } } }).convey_api
          const ownContract = CONTRACT_OF_PATH.get(r.path.replace(/\/+$/, ''))
          if (envelope === undefined) {
            // The mock's own endpoints answer outside the envelope, in their own contract.
            if (ownContract === undefined || validateContract(ownContract, tree).length > 0) {
              problems.push(`${where}: no envelope`)
            }
          } else if (envelope.result?.returnCode === undefined) problems.push(`${where}: no returnCode`)
          else if (envelope.result.returnCode !== '1' && validateContract('error-response.json', tree).length > 0) {
            problems.push(`${where}: error breaks its contract`)
          }
        }
      } catch (error) {
        problems.push(`${where}: not well-formed ${format}: ${(error as Error).message.slice(0, 80)}`)
      }
      return true
    }), { numRuns: RUNS, seed: 7 })
    t.same(problems.slice(0, 10), [], `${RUNS} cases tried`)
    const after = await server.login()
    t.match(after.si, /^[0-9a-f]{40}$/, 'a normal login still works afterwards')
  },
)
