import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import t from 'tap'
import { capturedIo } from '../../helpers/captured-io.js'
import { request } from 'undici'
import { ConfigError, parseCommand } from '../../../server/cli/config.js'
import { runCli } from '../../../server/cli/run-cli.js'
import { startMock } from '../../../server/start-mock.js'

t.test('proxy, fixtures learn and --replay read their flags, and refuse what is wrong in one line', async (t) => {
  const proxy = parseCommand(['proxy', '--target', 'https://api.webcasts.com/api/', '--record', 'rec',
    '--map-domains', '--drop-fields', 'phone,address2'], {})
  t.match(proxy, { name: 'proxy', config: { target: 'https://api.webcasts.com/api', port: 4010,
    record: { folder: 'rec', domains: 'map', drop: ['phone', 'address2'], keep: [], seed: 1 } } })
  t.throws(() => parseCommand(['proxy'], {}), new ConfigError(
    'proxy needs --target, the API\'s base URL, like https://api.webcasts.com/api'))
  t.throws(() => parseCommand(['proxy', '--target', 'https://api.webcasts.com'], {}), /must be an http\(s\) URL ending/)
  t.match(parseCommand(['fixtures', 'learn', 'rec', '--out', 'team.json', '--redact-titles'], {}), {
    name: 'fixtures-learn',
    config: { recording: 'rec', out: 'team.json', redactTitles: true, keepRegistrants: false },
  })
  t.throws(() => parseCommand(['fixtures'], {}), /fixtures takes learn and a recording folder/)
  t.throws(() => parseCommand(['fixtures', 'learn', 'a', 'b'], {}), /unexpected argument "b"/)
  t.match(parseCommand(['serve', '--replay', 'rec'], {}), { name: 'serve', config: { replay: 'rec' } })
  t.throws(() => parseCommand(['serve', '--map-domains'], {}), /--map-domains does not apply to serve/)
})

t.test('proxy --record --report, then fixtures learn, then serve --replay, from the command line', async (t) => {
  const folder = mkdtempSync(join(tmpdir(), 'webcast-cli-'))
  t.teardown(() => { rmSync(folder, { recursive: true, force: true }) })
  const mock = await startMock({ port: 0 })
  t.teardown(mock.close)
  const recording = join(folder, 'rec')
  const report = join(folder, 'proxy-report.json')
  const io = capturedIo()
  const exit = runCli(['proxy', '--target', mock.baseUrl, '--port', '0', '--record', recording, '--report', report],
    {}, io)
  const [, base = ''] = await io.seen(/listening on (\S+)/)
  const login = await request(`${base}/login/json?ver=2.0&username=demo@example.com&password=demo`)
  const { convey_api: { result: { success } } } = await login.body.json() as {
    convey_api: { result: { success: { sessionid: { value: string }, userid: { value: string } } } }
  }
  const auth = `si=${success.sessionid.value}&ui=${success.userid.value}`
  for (const path of ['/reporting/eventlist/json', '/reporting/audience_reports/json']) {
    await (await request(`${base}${path}?ver=2.0&${auth}&ei=4199432`)).body.text()
  }
  io.stop('SIGINT')
  t.equal(await exit, 0)
  t.match(io.out(), /SIGINT received; 0 differences, 0 breaking/)
  t.equal(readdirSync(recording).length, 3, 'one file per exchange')
  t.ok(existsSync(report) && existsSync(join(folder, 'proxy-report.md')), 'the report, JSON and markdown')
  t.notMatch(readFileSync(report, 'utf8'), /password=demo|[0-9a-f]{40}/, 'no secret in the report')

  const learnIo = capturedIo()
  const out = join(folder, 'learned.json')
  t.equal(await runCli(['fixtures', 'learn', recording, '--out', out], {}, learnIo), 0)
  t.match(JSON.parse(readFileSync(out, 'utf8')), { mode: 'replace', events: [{ id: '4199432', kind: 'on_demand' }] })
  const missing = capturedIo()
  t.equal(await runCli(['fixtures', 'learn', join(folder, 'nothing')], {}, missing), 2)
  t.match(missing.err(), /^webcast-mock fixtures learn: cannot read the recording .*nothing: ENOENT\n$/)

  const replayIo = capturedIo()
  const replaying = runCli(['serve', '--replay', recording, '--port', '0'], {}, replayIo)
  const [, replayBase = ''] = await replayIo.seen(/listening on (\S+)/)
  const answer = await request(`${replayBase}/reporting/audience_reports/json?ei=4199432&ver=2.0`)
  t.match(await answer.body.text(), /"eventid":"4199432"/)
  replayIo.stop()
  t.equal(await replaying, 0)
  const absent = capturedIo()
  t.equal(await runCli(['serve', '--replay', join(folder, 'nothing'), '--port', '0'], {}, absent), 2)
  t.match(absent.err(), /no such recording folder/)
})
