import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import t, { type Test } from 'tap'
import packageJson from '../../package.json' with { type: 'json' }
import { runDrift } from '../../client/drift/run-drift.js'
import { startMock } from '../../server/start-mock.js'
import { startDriftingProxy, type Drift } from './drifting-proxy.js'
import { ignoring, NUMBERS_IN_JSON } from './drifts.js'

interface Run {
  readonly code: number
  readonly out: string
  readonly err: string
  readonly folder: string
  readonly report: {
    findings: Array<{ severity: string, kind: string, check: string, change?: string }>
    gone?: unknown[]
    checks: unknown[]
    requests: number
  }
}

/** `runDrift` against the mock through the drifts given, optionally against a baseline. */
async function drift (t: Test, drifts: readonly Drift[], baseline?: string): Promise<Run> {
  const mock = await startMock({ port: 0 })
  const proxy = await startDriftingProxy(mock.baseUrl, drifts)
  t.teardown(async () => {
    await proxy.close()
    await mock.close()
  })
  const folder = mkdtempSync(join(tmpdir(), 'drift-report-'))
  let out = ''
  let err = ''
  const output = {
    stdout: { write: (text: string) => { out += text } },
    stderr: { write: (text: string) => { err += text } },
  }
  const target = { name: proxy.baseUrl, baseUrl: proxy.baseUrl, ...mock.credentials, eventId: undefined, remote: false }
  const code = await runDrift(target, folder, output, baseline === undefined ? {} : { baseline })
  const report = JSON.parse(readFileSync(join(folder, 'drift-report.json'), 'utf8')) as Run['report']
  return { code, out, err, folder, report }
}

t.test(
  'drift-report.md is for people first: a summary, the run, the findings by severity, then every check',
  async (t) => {
    const { code, folder, report } = await drift(t, [NUMBERS_IN_JSON, ignoring('no_shows')])
    t.equal(code, 1, 'breaking drift exits 1')
    const markdown = readFileSync(join(folder, 'drift-report.md'), 'utf8')
    const [title, , summary, , run] = markdown.split('\n')
    t.match(title, /^# Drift report: http:\/\/127\.0\.0\.1:\d+\/api$/)
    t.match(summary, /^7 differences from the contracts: 1 breaking, 0 additive, 6 informational\. 1 difference breaks consumers\. \d+ of \d+ checks passed\.$/)
    t.match(run, new RegExp(`^Target http://127\\.0\\.0\\.1:\\d+/api; run \\d{4}-.+Z to \\d{4}-.+Z; webcast-mock ${packageJson.version.replaceAll('.', '\\.')}; ${report.requests} requests sent\\.$`))
    const headings = markdown.split('\n').filter((line) => line.startsWith('## '))
    t.same(headings, ['## breaking (1)', '## informational (6)', '## Checks'], 'breaking first, the checks last')
    t.match(markdown, /### behaviour: filter no_shows\n\nno_shows=on: keeps \d+ it should not \(e\.g\. …@/, 'a behaviour finding with counts and redacted examples')
    t.match(markdown, /\*Why breaking:\* A consumer that asks for this filter/, 'each finding says why it has its severity')
    t.match(markdown, /### type changed at `\/convey_api\/result\/success\/eventid`\n\nexpected string, saw number\. Seen \d+ times in JSON/)
    t.match(markdown, /```\n\{"eventid":\d+,"eventtitle"/, 'the excerpt is the part of the answer the finding is about')
    t.match(markdown, /\| filter live_viewers \| behaviour \| passed \| live_viewers=on: \d+ expected, \d+ returned \|/, 'what passed, and what it compared')
  },
)

t.test('the JSON and JUnit reports carry the same findings; JUnit has one test case per check', async (t) => {
  const { folder, report } = await drift(t, [NUMBERS_IN_JSON, ignoring('no_shows')])
  t.equal(report.findings.length, 7)
  const junit = readFileSync(join(folder, 'drift-report.junit.xml'), 'utf8')
  t.equal((junit.match(/<testcase /g) ?? []).length, report.checks.length, 'a test case per check')
  t.match(junit, new RegExp(`tests="${report.checks.length}" failures="1"`))
  t.match(junit, /<testcase classname="drift\.behaviour" name="filter no_shows"><failure message="no_shows=on: keeps \d+/)
  t.match(junit, /name="answers meet their contracts"><system-out>[^<]*informational type changed at \/convey_api\/result\/returnCode/)
})

t.test('with a baseline, findings are new, unchanged or gone, and only new breaking ones exit 1', async (t) => {
  const first = await drift(t, [NUMBERS_IN_JSON])
  t.equal(first.code, 0, 'numbers alone break nothing')
  const baseline = join(first.folder, 'drift-report.json')

  const second = await drift(t, [NUMBERS_IN_JSON, ignoring('no_shows')], baseline)
  t.equal(second.code, 1, 'a new breaking finding exits 1')
  t.same(second.report.findings.filter((f) => f.change === 'new').map((f) => f.check), ['filter no_shows'])
  t.equal(second.report.findings.filter((f) => f.change === 'unchanged').length, 6, 'the rest unchanged')
  t.match(second.out, /7 differences, 1 breaking, 1 of them new/)
  t.match(readFileSync(join(second.folder, 'drift-report.md'), 'utf8'), /### \[new\] behaviour: filter no_shows/)

  const third = await drift(t, [NUMBERS_IN_JSON, ignoring('no_shows')], join(second.folder, 'drift-report.json'))
  t.equal(third.code, 0, 'the same breaking finding as the baseline exits 0: nightly runs fail once, on what is new')

  const fourth = await drift(t, [NUMBERS_IN_JSON], join(second.folder, 'drift-report.json'))
  t.equal(fourth.code, 0)
  t.match(fourth.report.gone, [{ check: 'filter no_shows', kind: 'behaviour' }], 'what was fixed is gone')
  t.match(readFileSync(join(fourth.folder, 'drift-report.md'), 'utf8'), /## gone since the baseline \(1\)\n\n- breaking behaviour at `` \(filter no_shows\)/)
})

t.test('a baseline that is not a drift report: one line, exit 2', async (t) => {
  const folder = mkdtempSync(join(tmpdir(), 'drift-baseline-'))
  writeFileSync(join(folder, 'old.json'), '{"not":"a report"}')
  const mock = await startMock({ port: 0 })
  t.teardown(() => mock.close())
  let err = ''
  const output = { stdout: { write: () => undefined }, stderr: { write: (text: string) => { err += text } } }
  const target = { name: 'mock', baseUrl: mock.baseUrl, ...mock.credentials, eventId: undefined, remote: false }
  t.equal(await runDrift(target, folder, output, { baseline: join(folder, 'old.json') }), 2)
  t.match(err, /^webcast-mock drift: .*old\.json is not a drift-report\.json: it has no list of findings/)
  t.equal(await runDrift(target, folder, output, { baseline: join(folder, 'missing.json') }), 2)
  t.match(err, /cannot read the baseline .*missing\.json: ENOENT/)
})
