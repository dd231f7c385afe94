import t, { type Test } from 'tap'
import type { DriftResult } from '../../client/drift/drift-result.js'
import { runContractSuite } from '../../client/drift/contract-suite.js'
import { startMock } from '../../server/start-mock.js'
import { startDriftingProxy, type Drift } from './drifting-proxy.js'
import {
  extraAttendeeAttribute, ignoring, listLeftOut, NUMBERS_IN_JSON, renamed, SEMICOLON_CSV,
} from './drifts.js'

/** The suite run against the mock through a proxy that applies the drifts given. */
async function throughDrifts (t: Test, drifts: readonly Drift[]): Promise<DriftResult> {
  const mock = await startMock({ port: 0 })
  const proxy = await startDriftingProxy(mock.baseUrl, drifts)
  t.teardown(async () => {
    await proxy.close()
    await mock.close()
  })
  return await runContractSuite({
    name: 'drifted mock', baseUrl: proxy.baseUrl, ...mock.credentials, eventId: undefined, remote: false,
  })
}

const describe = (result: DriftResult): string[] =>
  result.findings.map((f) => `${f.severity} ${f.kind} ${f.check} ${f.path}: ${f.message}`)
const behaviourChecks = (result: DriftResult): DriftResult['checks'] =>
  result.checks.filter((c) => c.layer === 'behaviour')

t.test('mock against mock: no finding, and every behaviour check passed, none inconclusive', async (t) => {
  const result = await throughDrifts(t, [])
  t.same(describe(result), [])
  const behaviour = behaviourChecks(result)
  t.ok(behaviour.length >= 14, `${behaviour.length} behaviour checks`)
  t.same(behaviour.filter((c) => c.status !== 'passed').map((c) => `${c.name}: ${c.status} ${c.note}`), [])
  t.same(result.checks.filter((c) => c.status !== 'passed').map((c) => c.name), [], 'nor any other check')
})

/** What numbers in JSON alone give: one finding per path whose type changed, each read through. */
const NUMBERS_FINDINGS = new Set([
  '/convey_api/result/returnCode',
  '/convey_api/result/success/event_list/core_event/event_info[*]/id',
  '/convey_api/result/success/event_list/core_event/event_info[*]/expired',
  '/convey_api/result/success/eventid',
  '/convey_api/result/success/attendee_list/attendee[*]/session/live_sessions_list/live_session[*]/duration',
  '/convey_api/result/success/attendee_list/attendee[*]/session/od_sessions_list/od_session[*]/duration',
])

t.test(
  'JSON with numbers and booleans: one informational finding per path, and every behaviour check runs and passes',
  async (t) => {
    const result = await throughDrifts(t, [NUMBERS_IN_JSON])
    t.same(result.findings.map((f) => f.path).sort(), [...NUMBERS_FINDINGS].sort(),
      'one finding per path, not per occurrence')
    t.ok(result.findings.every((f) => f.kind === 'type changed' && f.severity === 'informational'),
      describe(result).join('\n'))
    t.ok(result.findings.some((f) => f.occurrences > 100),
      'an attribute of every attendee is one finding, seen many times')
    t.same(behaviourChecks(result).filter((c) => c.status !== 'passed').map((c) => c.name), [],
      'every filter checked on the service\'s data')
  },
)

/** Each difference added on top of the numbers, and how the suite must name it. */
const ONE_MORE: ReadonlyArray<readonly [string, Drift, (r: DriftResult['findings'][number]) => boolean]> = [
  ...([
    'no_shows', 'live_viewers', 'od_viewers', 'simlive_viewers', 'users_qa', 'user_survey',
    'sti_filter', 'incl_domain', 'excl_domain',
  ] as const)
    .map((filter) => [`a service that ignores ${filter}`, ignoring(filter), (f: DriftResult['findings'][number]) =>
      f.kind === 'behaviour' && f.check === `filter ${filter}` && f.severity === 'breaking'] as const),
  ['a service that ignores the date range', ignoring('date_range_start', 'date_range_end'), (f) =>
    f.kind === 'behaviour' && f.check === 'filter date range'],
  ['a renamed element', renamed('eventtitle', 'event_title'), (f) =>
    f.kind === 'probable rename' && f.message.includes('`eventtitle` → `event_title`') && f.severity === 'breaking'],
  ['an extra attribute on every attendee', extraAttendeeAttribute('unsubscribe', 'false'), (f) =>
    f.kind === 'unexpected' && f.path.endsWith('/attendee[*]/unsubscribe') && f.severity === 'additive' &&
    f.occurrences > 100],
  ['a list left out', listLeftOut('questions_list'), (f) =>
    f.kind === 'missing' && f.path.endsWith('/attendee[*]/questions_list') && f.severity === 'breaking'],
  ['a CSV written with ;', SEMICOLON_CSV, (f) => f.kind === 'csv dialect' && f.message.includes('";"')],
]

for (const [name, drift, names] of ONE_MORE) {
  t.test(
    `on top of numbers in JSON, ${name}: named in exactly one grouped finding, and every behaviour check still runs`,
    async (t) => {
      const result = await throughDrifts(t, [NUMBERS_IN_JSON, drift])
      const added = result.findings.filter((f) => !NUMBERS_FINDINGS.has(f.path) || f.kind !== 'type changed')
      t.equal(added.length, 1, `one finding more than the numbers alone: ${describe(result).join('; ')}`)
      t.ok(added[0] !== undefined && names(added[0]),
        `it names the difference: ${added[0]?.kind ?? ''} ${added[0]?.message ?? ''}`)
      t.equal(result.findings.length, NUMBERS_FINDINGS.size + 1, 'as many findings as distinct differences')
      const unfinished = behaviourChecks(result)
        .filter((c) => c.status === 'inconclusive' && !c.note.includes('does not carry'))
      t.same(unfinished.map((c) => `${c.name}: ${c.note}`), [],
        'no check inconclusive but for data the answer truly lacks')
    },
  )
}

t.test('a list left out makes the filter that reads it inconclusive, with the reason, and nothing else', async (t) => {
  const result = await throughDrifts(t, [listLeftOut('questions_list')])
  const usersQa = result.checks.find((c) => c.name === 'filter users_qa')
  t.equal(usersQa?.status, 'inconclusive')
  t.match(usersQa?.note, /does not carry questions for 1000 of 1000 registrants/)
  const notPassed = behaviourChecks(result).filter((c) => c.status !== 'passed' && c.name !== 'filter users_qa')
  t.same(notPassed.map((c) => c.name), [])
})

t.test('a service that keeps OR where AND is assumed is named by the date-range check', async (t) => {
  const orNotAnd: Drift = {
    query: (query) => {
      if (query.get('dr_regs') !== 'off' && query.get('dr_sessions') !== 'off') query.set('dr_sessions', 'off')
    },
  }
  const result = await throughDrifts(t, [orNotAnd])
  t.same(result.findings.map((f) => f.check), ['filter date range'])
  t.match(result.findings[0]?.message, /dr_regs=on, dr_sessions=on: keeps \d+ it should not/)
})

t.test('no finding carries a session id, a user id or the password', async (t) => {
  const result = await throughDrifts(t, [
    NUMBERS_IN_JSON, renamed('eventtitle', 'event_title'), extraAttendeeAttribute('x', 'y'),
  ])
  const text = JSON.stringify(result)
  t.notMatch(text, /[0-9a-f]{40}/, 'no 40-hex id in any request or excerpt')
  t.notMatch(text, /password=demo/, 'nor the password')
})
