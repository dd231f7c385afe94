import { once } from 'node:events'
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import t from 'tap'
import { capturedIo } from '../../helpers/captured-io.js'
import { request } from 'undici'
import packageJson from '../../../package.json' with { type: 'json' }
import { runCli } from '../../../server/cli/run-cli.js'

t.test('a bad flag value gets one line on stderr and exit code 2', async (t) => {
  const io = capturedIo()
  t.equal(await runCli(['--port', 'eighty'], {}, io), 2)
  t.equal(io.out(), '')
  t.equal(io.err(), 'webcast-mock: --port must be a whole number from 0 to 65535, not "eighty"\n')
})

t.test('--version prints the package version and --help the flags', async (t) => {
  const version = capturedIo()
  t.equal(await runCli(['--version'], {}, version), 0)
  t.equal(version.out(), `${packageJson.version}\n`)
  const help = capturedIo()
  t.equal(await runCli(['--help'], {}, help), 0)
  t.match(help.out(), /--port .*WEBCAST_MOCK_PORT/)
})

t.test('dataset prints what a tester needs to plan queries', async (t) => {
  const io = capturedIo()
  t.equal(await runCli(['dataset'], {}, io), 0)
  t.match(io.out(), /^Dataset for seed 1: 9 events, times in GMT\./)
  t.match(io.out(), /registrants 1000: no-shows \d+ \(\d+%\), live \d+, on-demand \d+, sim-live 0, Q&A askers \d+, survey responders \d+/)
  t.match(io.out(), /domains: .*acme\.com/)
  t.match(io.out(), /edge case #0 all\.filters@acme\.com: in every filter at once/)
})

t.test('dataset --event with an unknown id says so and exits 2', async (t) => {
  const io = capturedIo()
  t.equal(await runCli(['dataset', '--event', '1234567'], {}, io), 2)
  t.equal(io.err(), 'webcast-mock: no event 1234567 in the dataset of seed 1\n')
})

t.test(
  'serve --port 0 prints where it listens and the demo login, answers, and ends with 0 on a stop signal',
  async (t) => {
    const io = capturedIo()
    const exit = runCli(['serve', '--port', '0'], { WEBCAST_MOCK_LOG_LEVEL: 'debug' }, io)
    const [, baseUrl = ''] = await io.seen(/listening on (http:\/\/127\.0\.0\.1:\d+\/api)/)
    t.match(io.out(), 'demo login: demo@example.com / demo')
    const login = await request(`${baseUrl}/login/json`, {
      query: { ver: '2.0', username: 'demo@example.com', password: 'demo' },
    })
    const sessionId = /"sessionid":\{[^}]*"value":"([0-9a-f]{40})"/.exec(await login.body.text())?.[1] ?? 'none'
    t.match(sessionId, /^[0-9a-f]{40}$/, 'logs in with the demo credentials')
    io.stop('SIGTERM')
    t.equal(await exit, 0)
    const logLines = io.out().split('\n').filter((line) => line.startsWith('{'))
    t.ok(logLines.some((line) => line.includes('/api/login/json')), 'logged the login request')
    t.notOk(logLines.some((line) => line.includes('password=demo') || line.includes(sessionId)),
      'and no log line holds the password or the session id')
  },
)

t.test('a connection still busy when the grace period ends is cut, and serve still ends with 0', async (t) => {
  const io = capturedIo()
  const exit = runCli(['serve', '--port', '0', '--shutdown-grace', '1'], {}, io)
  const [, baseUrl = ''] = await io.seen(/listening on (http:\/\/127\.0\.0\.1:\d+\/api)/)
  const socket = connect(Number(new URL(baseUrl).port), '127.0.0.1')
  socket.on('error', () => {})
  await once(socket, 'connect')
  socket.write('GET /api/login HTTP/1.1\r\nHost: x\r\n')
  const closed = once(socket, 'close')
  io.stop('SIGTERM')
  t.equal(await exit, 0)
  await closed
  t.match(io.out(), 'grace period over, cutting the connections still open', 'says it cut them')
})

t.test(
  'drift with no service named runs the contract suite against a mock it starts, and writes the report',
  async (t) => {
    const folder = mkdtempSync(join(tmpdir(), 'drift-'))
    const io = capturedIo(folder)
    t.equal(await runCli(['drift'], {}, io), 0, 'exits 0: the mock does not drift from its contracts')
    t.match(io.out(), /drift: mock started by webcast-mock drift: 0 differences, 0 breaking; see drift-report.md/)
    t.match(readFileSync(join(folder, 'drift-report.md'), 'utf8'), /# Drift report: mock started by webcast-mock drift/)
    t.ok(existsSync(join(folder, 'drift-report.json')) && existsSync(join(folder, 'drift-report.junit.xml')),
      'with its JSON and JUnit twins')
    const page = readFileSync(join(folder, 'drift-report.html'), 'utf8')
    t.ok(page.includes(readFileSync(join(folder, 'drift-report.json'), 'utf8').trim().replace(/<\//g, '<\\/')),
      'and a page with the JSON inlined, for the console\'s drift view (test/console/ opens it in a browser)')
  },
)

t.test('drift takes no flag but --baseline', async (t) => {
  const io = capturedIo()
  t.equal(await runCli(['drift', '--seed', '2'], {}, io), 2)
  t.match(io.err(), /--seed does not apply to drift/)
})

t.test('a port in use is one line and exit 2, saying what to do', async (t) => {
  const first = capturedIo()
  const running = runCli(['serve', '--port', '0', '--log-level', 'silent'], {}, first)
  const [, port = ''] = await first.seen(/listening on http:\/\/127\.0\.0\.1:(\d+)\/api/)
  const second = capturedIo()
  t.equal(await runCli(['serve', '--port', port, '--log-level', 'silent'], {}, second), 2)
  t.equal(second.err(), `webcast-mock: port ${port} on 127.0.0.1 is in use: stop what holds it, ` +
    'or pick another with --port (0 picks a free one)\n')
  first.stop('SIGTERM')
  t.equal(await running, 0)
})

t.test('the banner: URL, login (not a password given), events added, health, a command to try', async (t) => {
  const io = capturedIo()
  const args = ['serve', '--port', '0', '--log-level', 'silent', '--password', 's3cret-pass',
    '--add-event', '250:on_demand']
  const running = runCli(args, {}, io)
  await io.seen(/try: curl/)
  t.match(io.out(), /listening on http:\/\/127\.0\.0\.1:\d+\/api \(seed 1\)\n/)
  t.match(io.out(), /demo login: demo@example\.com \/ \(the password you set\)\n/)
  t.match(io.out(), /added event \d{7}: 250 registrants \(on_demand\)\n/)
  t.match(io.out(), /console: http:\/\/127\.0\.0\.1:\d+\/_mock\/console\/\n/)
  t.match(io.out(), /health: http:\/\/127\.0\.0\.1:\d+\/_mock\/health\n/)
  t.match(io.out(), /try: curl 'http:\/\/127\.0\.0\.1:\d+\/api\/login\/json\?ver=2\.0&username=demo%40example\.com&password=PASSWORD'/,
    'the password left for the user to fill in')
  t.notMatch(io.out(), /s3cret-pass/, 'the password given is a secret')
  io.stop('SIGTERM')
  t.equal(await running, 0)
})

t.test('--ready-file gets the base URL once the mock listens, and is removed when it stops', async (t) => {
  const file = join(mkdtempSync(join(tmpdir(), 'ready-')), 'url')
  const io = capturedIo()
  const running = runCli(['serve', '--port', '0', '--log-level', 'silent', '--ready-file', file], {}, io)
  const [, baseUrl = ''] = await io.seen(/listening on (http:\/\/\S+\/api)/)
  for (let i = 0; i < 50 && !existsSync(file); i++) await new Promise((resolve) => setTimeout(resolve, 10))
  t.equal(readFileSync(file, 'utf8'), `${baseUrl}\n`)
  const health = await request(`${new URL(baseUrl).origin}/_mock/health`)
  t.equal(health.statusCode, 200, 'and it answers')
  await health.body.dump()
  io.stop('SIGTERM')
  t.equal(await running, 0)
  t.notOk(existsSync(file), 'gone after the stop')
})

t.test('openapi prints the OpenAPI document the mock serves', async (t) => {
  const io = capturedIo()
  t.equal(await runCli(['openapi'], {}, io), 0)
  const document = { openapi: '3.1.0', info: { version: packageJson.version }, paths: { '/api/login': {} } }
  t.match(JSON.parse(io.out()), document)
  const withFlag = capturedIo()
  t.equal(await runCli(['openapi', '--port', '1'], {}, withFlag), 2)
  t.match(withFlag.err(), /--port does not apply to openapi/)
})
