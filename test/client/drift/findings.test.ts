import t from 'tap'
import { FindingLog, findingKey, type Observation } from '../../../client/drift/findings.js'

const seen = (changes: Partial<Observation>): Observation => ({
  severity: 'breaking', kind: 'missing', check: 'answers meet their contracts', path: '/a/b', message: 'm', why: 'w',
  request: '/r', excerpt: 'e', ...changes,
})

t.test('observations of one check, path and kind are one finding, counted, with the first example', async (t) => {
  const log = new FindingLog()
  log.observe(seen({ excerpt: 'first', format: 'json', answerId: 1 }))
  log.observe(seen({ excerpt: 'second', format: 'xml', answerId: 2 }))
  log.observe(seen({ excerpt: 'third', format: 'json', answerId: 2 }))
  const findings = log.findings()
  t.equal(findings.length, 1)
  t.match(findings[0], { occurrences: 3, excerpt: 'first', formats: ['json', 'xml'] })
  t.equal(findingKey(findings[0] ?? seen({})), 'answers meet their contracts | /a/b | missing')
})

t.test('missing and unexpected under one parent, in the same answers, is one probable rename', async (t) => {
  const log = new FindingLog()
  for (const answerId of [1, 2]) {
    log.observe(seen({ path: '/s/eventtitle', answerId }))
    log.observe(seen({ kind: 'unexpected', severity: 'additive', path: '/s/event_title', answerId, excerpt: 'where' }))
  }
  const findings = log.findings()
  t.equal(findings.length, 1)
  t.match(findings[0], { kind: 'probable rename', severity: 'breaking', path: '/s/eventtitle', excerpt: 'where' })
  t.match(findings[0]?.message, '`eventtitle` → `event_title`?')
})

t.test('not a rename when they are in other answers, or under another parent', async (t) => {
  const log = new FindingLog()
  log.observe(seen({ path: '/s/eventtitle', answerId: 1 }))
  log.observe(seen({ kind: 'unexpected', severity: 'additive', path: '/s/event_title', answerId: 2 }))
  log.observe(seen({ path: '/t/x', answerId: 3 }))
  log.observe(seen({ kind: 'unexpected', severity: 'additive', path: '/u/y', answerId: 3 }))
  t.same(log.findings().map((f) => f.kind).sort(), ['missing', 'missing', 'unexpected', 'unexpected'])
})

t.test('findings come breaking first, then additive, then informational', async (t) => {
  const log = new FindingLog()
  log.observe(seen({ severity: 'informational', kind: 'type changed', path: '/i' }))
  log.observe(seen({ severity: 'additive', kind: 'unexpected', path: '/a' }))
  log.observe(seen({ path: '/b' }))
  t.same(log.findings().map((f) => f.severity), ['breaking', 'additive', 'informational'])
  t.ok(log.has('answers meet their contracts', 'additive'))
  t.notOk(log.has('another check', 'breaking'))
})
