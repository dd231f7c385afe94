import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import t, { type Test } from 'tap'
import { request } from 'undici'
import { runContractSuite } from '../../../client/drift/contract-suite.js'
import type { DriftResult } from '../../../client/drift/drift-result.js'
import { findingKey } from '../../../client/drift/findings.js'
import { startProxy, type RunningProxy } from '../../../server/proxy/start-proxy.js'
import { startMock, type RunningMock } from '../../../server/start-mock.js'
import { startDriftingProxy, type Drift } from '../../contract/drifting-proxy.js'
import {
  extraAttendeeAttribute, ignoring, listLeftOut, NUMBERS_IN_JSON, renamed, SEMICOLON_CSV,
} from '../../contract/drifts.js'

async function started (t: Test, target: string, log: string[] = [], reportFile?: string): Promise<RunningProxy> {
  const proxy = await startProxy({ target, port: 0, host: '127.0.0.1', log: (line) => log.push(line),
    ...(reportFile === undefined ? {} : { reportFile }) })
  t.teardown(proxy.close)
  return proxy
}

async function mockStarted (t: Test): Promise<RunningMock> {
  const mock = await startMock({ port: 0 })
  t.teardown(mock.close)
  mock.clock.freeze()
  return mock
}

async function fetched (url: string): Promise<{ status: number, contentType: string, bytes: Buffer }> {
  const answer = await request(url)
  return {
    status: answer.statusCode,
    contentType: String(answer.headers['content-type']),
    bytes: Buffer.from(await answer.body.arrayBuffer()),
  }
}

t.test('through the proxy, a client receives the mock\'s bytes, status and content type', async (t) => {
  const mock = await mockStarted(t)
  const proxy = await started(t, mock.baseUrl)
  const login = await fetched(`${mock.baseUrl}/login/json?ver=2.0&username=demo@example.com&password=demo`)
  const success = (JSON.parse(login.bytes.toString()) as {
    convey_api: { result: { success: { sessionid: { value: string }, userid: { value: string } } } }
  }).convey_api.result.success
  const auth = `si=${success.sessionid.value}&ui=${success.userid.value}`
  const paths = [
    `/reporting/audience_reports?ver=2.0&${auth}&ei=8761905`,
    `/reporting/audience_reports/json?ver=2.0&${auth}&ei=8761905&no_shows=on`,
    `/reporting/audience_reports/csv?ver=2.0&${auth}&ei=4851630`,
    `/reporting/audience_reports/json?ver=2.0&${auth}&ei=0000001`,
    '/reporting/nothing/json',
  ]
  for (const path of paths) {
    const direct = await fetched(`${mock.baseUrl}${path}`)
    const proxied = await fetched(`${proxy.baseUrl}${path}`)
    t.equal(proxied.status, direct.status, `${path.split('?')[0] ?? ''}: status ${direct.status}`)
    t.equal(proxied.contentType, direct.contentType, 'the content type')
    t.ok(proxied.bytes.equals(direct.bytes), `the ${direct.bytes.length} bytes`)
  }
  await proxy.settled()
  t.same(proxy.result().findings, [], 'the mock meets its contracts, so the proxy finds nothing')
})

t.test('a target that does not answer gets an error in the API\'s envelope, and a log line', async (t) => {
  const log: string[] = []
  const proxy = await started(t, 'http://127.0.0.1:1/api', log)
  const answer = await fetched(`${proxy.baseUrl}/login/json?ver=2.0&username=a&password=secret-pw`)
  t.equal(answer.status, 502)
  t.match(answer.bytes.toString(), /"code":"internal_error".*could not reach the API/)
  t.match(log.join('\n'), /proxy: GET \/api\/login\/json/)
  t.notMatch(log.join('\n'), /secret-pw/, 'the log has no password')
})

/** The findings' identities (check, path, kind) and severities. */
const keysOf = (findings: DriftResult['findings']): string[] =>
  findings.map((finding) => `${finding.severity} ${findingKey(finding)}`).sort()

/** What the proxy can judge too: the shape checks, and the filter checks (whose requests it sees). */
const proxyCanJudge = (finding: DriftResult['findings'][number]): boolean =>
  finding.kind !== 'probe' && !['tz shows the same instants in the zone', 'the three formats agree',
    'login (JSON)'].includes(finding.check)

/** The drift suite run through the proxy in front of a drifting service: both reports. */
async function suiteThroughProxy (t: Test, drifts: readonly Drift[], log: string[], reportFile: string):
Promise<[DriftResult, DriftResult]> {
  const mock = await mockStarted(t)
  const drifting = await startDriftingProxy(mock.baseUrl, drifts)
  t.teardown(drifting.close)
  const proxy = await started(t, drifting.baseUrl, log, reportFile)
  const suite = await runContractSuite({
    name: 'drifted', baseUrl: proxy.baseUrl, ...mock.credentials, eventId: undefined, remote: false,
  })
  await proxy.settled()
  return [suite, proxy.result()]
}

t.test('in front of a drifting service, the proxy groups the same findings as the drift suite', async (t) => {
  const log: string[] = []
  const folder = mkdtempSync(join(tmpdir(), 'webcast-proxy-'))
  t.teardown(() => { rmSync(folder, { recursive: true, force: true }) })
  const reportFile = join(folder, 'proxy-report.json')
  const [suite, proxied] = await suiteThroughProxy(t, [
    NUMBERS_IN_JSON, ignoring('no_shows', 'sti_filter'), renamed('eventtitle', 'event_title'),
    extraAttendeeAttribute('unsubscribe', 'false'), listLeftOut('questions_list'), SEMICOLON_CSV,
  ], log, reportFile)
  const written = JSON.parse(readFileSync(reportFile, 'utf8')) as DriftResult
  t.same(keysOf(written.findings), keysOf(proxied.findings), 'the report file, written as findings came')
  t.match(readFileSync(join(folder, 'proxy-report.md'), 'utf8'), /^# Drift report: .*through webcast-mock proxy/)
  t.equal(log.length, proxied.findings.length, 'one log line per finding')
  t.match(log.join('\n'), /breaking behaviour \(filter no_shows\): no_shows=on: keeps \d+/)
  t.notMatch(log.join('\n'), /[0-9a-f]{40}|password=demo/, 'no secret in the log')
  const expected = keysOf(suite.findings.filter(proxyCanJudge))
  t.ok(expected.length >= 10, `${expected.length} findings of the suite to compare`)
  t.same(keysOf(proxied.findings), expected)
  t.ok(proxied.findings.some((f) => f.check === 'filter no_shows' && f.severity === 'breaking'),
    'a filter the service ignores, judged on the traffic')
  const text = JSON.stringify(proxied)
  t.notMatch(text, /[0-9a-f]{40}/, 'no session or user id in the report')
  t.notMatch(text, /password=demo/, 'nor the password')
})

t.test('an answer larger than the proxy holds passes whole, unchecked, and the report says so', async (t) => {
  const mock = await mockStarted(t)
  const proxy = await startProxy({ target: mock.baseUrl, port: 0, host: '127.0.0.1', log: () => {},
    maxCheckBytes: 4096 })
  t.teardown(proxy.close)
  const login = await fetched(`${proxy.baseUrl}/login/json?ver=2.0&username=demo@example.com&password=demo`)
  const success = (JSON.parse(login.bytes.toString()) as {
    convey_api: { result: { success: { sessionid: { value: string }, userid: { value: string } } } }
  }).convey_api.result.success
  const path = `/reporting/audience_reports/csv?ver=2.0&si=${success.sessionid.value}&ui=${success.userid.value}` +
    '&ei=4851630'
  const [direct, proxied] = [await fetched(`${mock.baseUrl}${path}`), await fetched(`${proxy.baseUrl}${path}`)]
  t.ok(proxied.bytes.length > 100_000 && proxied.bytes.equals(direct.bytes), `all ${direct.bytes.length} bytes`)
  await proxy.settled()
  const skipped = proxy.result().checks.find((check) => check.name === 'answers too large to check are skipped')
  t.equal(skipped?.status, 'inconclusive')
  t.match(skipped?.note, /audience_reports\/csv\?ver=2\.0&si=\[redacted\]&ui=\[redacted\]&ei=4851630 not checked: \d+ bytes/)
  t.same(proxy.result().findings, [], 'its status and content type are still checked, and meet the contract')
})
