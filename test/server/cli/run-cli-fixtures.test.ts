import { fileURLToPath } from 'node:url'
import t from 'tap'
import { capturedIo } from '../../helpers/captured-io.js'
import { request } from 'undici'
import { ConfigError, parseCommand } from '../../../server/cli/config.js'
import { runCli } from '../../../server/cli/run-cli.js'

const file = (name: string): string => fileURLToPath(new URL(`../../fixtures/files/${name}`, import.meta.url))

t.test('--fixtures is repeatable, for serve and dataset, with a comma-separated environment twin', async (t) => {
  const serve = parseCommand(['serve', '--fixtures', 'a.yaml', '--fixtures', 'b.json'], {})
  t.same(serve.name === 'serve' && serve.config.fixtures, ['a.yaml', 'b.json'])
  const dataset = parseCommand(['dataset'], { WEBCAST_MOCK_FIXTURES: 'a.yaml, b.json' })
  t.same(dataset.name === 'dataset' && dataset.config.fixtures, ['a.yaml', 'b.json'])
  const none = parseCommand(['serve'], {})
  t.same(none.name === 'serve' && none.config.fixtures, [])
  t.throws(() => parseCommand(['drift', '--fixtures', 'a.yaml'], {}),
    new ConfigError('--fixtures does not apply to drift; try --help'))
})

t.test('serve with a bad fixture file prints every problem as file:line:column and exits 2', async (t) => {
  const io = capturedIo()
  t.equal(await runCli(['serve', '--port', '0', '--fixtures', file('bad.yaml')], {}, io), 2)
  t.equal(io.out(), '', 'nothing starts')
  const lines = io.err().trimEnd().split('\n')
  t.equal(lines.length, 14, 'one line per problem')
  t.ok(lines.every((line) => line.startsWith(`${file('bad.yaml')}:`) && /:\d+:\d+: \S/.test(line)),
    'each as file:line:column: what is wrong')
  t.equal(lines[3], `${file('bad.yaml')}:6:5: events[1]: missing title`)
})

t.test('a fixture file that cannot be read is a problem like any other', async (t) => {
  const io = capturedIo()
  t.equal(await runCli(['dataset'], { WEBCAST_MOCK_FIXTURES: 'no-such-file.yaml' }, io), 2)
  t.equal(io.err(), 'no-such-file.yaml:1:1: cannot be read: no such file\n')
})

t.test('dataset --fixtures prints the fixture\'s events after the default ones', async (t) => {
  const io = capturedIo()
  t.equal(await runCli(['dataset', '--fixtures', file('team.yaml')], {}, io), 0)
  t.match(io.out(), /^Dataset for seed 1: 11 events, times in GMT\./)
  t.match(io.out(), '7000001  Spring launch & <roadmap>\n' +
    '  live_simlive; live 2026-04-14 14:00:00 to 2026-04-14 15:00:00; sim-live 2026-04-15 14:00:00 to ' +
    '2026-04-15 15:00:00\n' +
    '  registrants 3: no-shows 1 (33%), live 1, on-demand 1, sim-live 1, Q&A askers 1, survey responders 1\n' +
    '  domains: acme.com (2), globex.com (1)\n' +
    '  sti: partner (1)\n')
  t.match(io.out(), /7000002 {2}Generated only\n {2}on_demand; .*\n {2}registrants 50: /)
})

t.test('two files, one of them replacing the default dataset, through the environment', async (t) => {
  const io = capturedIo()
  const env = { WEBCAST_MOCK_FIXTURES: `${file('team.yaml')},${file('team.json')}` }
  t.equal(await runCli(['dataset', '--event', '7100001'], env, io), 0)
  t.match(io.out(), /^Dataset for seed 1: 1 events, times in GMT\.\n\n7100001 {2}Quarterly results\n {2}live, expired;/)
  const all = capturedIo()
  t.equal(await runCli(['dataset'], env, all), 0)
  t.match(all.out(), /^Dataset for seed 1: 3 events/, 'the files\' three events, no default one')
})

t.test('serve --fixtures lists the fixture\'s events in its banner, and its accounts log in', async (t) => {
  const io = capturedIo()
  const exit = runCli(['serve', '--port', '0', '--log-level', 'warn', '--add-event', '5',
    '--fixtures', file('team.yaml')], {}, io)
  const [, baseUrl = ''] = await io.seen(/listening on (http:\/\/127\.0\.0\.1:\d+\/api)/)
  await io.seen(/health:/)
  t.match(io.out(), /added event \d{7}: 5 registrants \(live\)\n/, 'the --add-event one first')
  t.match(io.out(), `added event 7000001 from ${file('team.yaml')}: 3 registrants (live_simlive)\n` +
    `  added event 7000002 from ${file('team.yaml')}: 50 registrants (on_demand)\n`)
  const login = await request(`${baseUrl}/login/json`, {
    query: { ver: '2.0', username: 'sales@example.com', password: 's3cret' },
  })
  t.match(await login.body.text(), /"returnCode":"1"/, 'the fixture\'s account logs in')
  io.stop()
  t.equal(await exit, 0)
})
