import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import t from 'tap'
import { request } from 'undici'
import { readRecording, Recorder } from '../../../server/proxy/recorder.js'
import { Redactor } from '../../../server/proxy/redactor.js'
import { startProxy } from '../../../server/proxy/start-proxy.js'
import { startReplay } from '../../../server/proxy/start-replay.js'
import { startMock } from '../../../server/start-mock.js'

async function text (url: string): Promise<{ status: number, contentType: string, body: string }> {
  const answer = await request(url)
  const contentType = String(answer.headers['content-type'])
  return { status: answer.statusCode, contentType, body: await answer.body.text() }
}

t.test('a replay answers recorded requests with the recorded answers, and names the closest otherwise', async (t) => {
  const folder = mkdtempSync(join(tmpdir(), 'webcast-replay-'))
  t.teardown(() => { rmSync(folder, { recursive: true, force: true }) })
  const mock = await startMock({ port: 0 })
  t.teardown(mock.close)
  const recorder = new Recorder(folder, new Redactor({ seed: 1, domains: 'keep', keep: [], drop: [] }))
  const proxy = await startProxy({ target: mock.baseUrl, port: 0, host: '127.0.0.1', recorder, log: () => {} })
  t.teardown(proxy.close)
  const login = JSON.parse((await text(`${proxy.baseUrl}/login/json?ver=2.0&username=demo@example.com&password=demo`))
    .body) as { convey_api: { result: { success: { sessionid: { value: string }, userid: { value: string } } } } }
  const { sessionid, userid } = login.convey_api.result.success
  const auth = `si=${sessionid.value}&ui=${userid.value}`
  await text(`${proxy.baseUrl}/reporting/audience_reports/csv?ver=2.0&${auth}&ei=4851630&no_shows=on`)
  await text(`${proxy.baseUrl}/reporting/audience_reports?ver=2.0&${auth}&ei=4199432`)
  await proxy.settled()
  const recorded = readRecording(folder)
  t.equal(recorded.length, 3)

  const replay = await startReplay(folder, { port: 0, host: '127.0.0.1' })
  t.teardown(replay.close)
  const reordered = await text(`${replay.baseUrl}/reporting/audience_reports/csv?no_shows=on&ei=4851630&ver=2.0` +
    '&si=other&ui=other')
  t.equal(reordered.status, 200)
  t.equal(reordered.contentType, 'text/csv; charset=utf-8')
  t.equal(reordered.body, recorded[1]?.response.body,
    'parameters in another order, another session: the recorded answer')
  t.match(reordered.body, /^email,fname/)
  const xml = await text(`${replay.baseUrl}/reporting/audience_reports?ver=2.0&ei=4199432`)
  t.equal(xml.body, recorded[2]?.response.body)

  const other = await text(`${replay.baseUrl}/reporting/audience_reports/csv?ver=2.0&ei=4851630&live_viewers=on`)
  t.equal(other.status, 200)
  t.match(other.body, /invalid_parameter/)
  t.match(other.body, /Closest: GET \/api\/reporting\/audience_reports\/csv\?ver=2\.0&ei=4851630&no_shows=on/)
  t.match(other.body, /live_viewers=on not recorded; no_shows missing \(recorded no_shows=on\)/)
  const json = await text(`${replay.baseUrl}/reporting/eventlist/json?si=a&ui=b`)
  t.equal(json.status, 404)
  t.match(JSON.parse(json.body), { convey_api: { result: { error: { code: 'unknown_path' } } } },
    'a path never recorded: unknown_path, in the envelope of the format asked for')
  t.match(json.body, /No request of GET \/api\/reporting\/eventlist\/json was recorded \(3 exchanges/)
})
