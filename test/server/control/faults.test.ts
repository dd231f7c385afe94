import t from 'tap'
import { Faults, type FaultRequest } from '../../../server/control/faults.js'

const REPORT: FaultRequest = {
  path: '/api/reporting/audience_reports/json',
  format: 'json',
  account: 'demo@example.com',
  params: { ver: '2.0', si: 's', ui: 'u', ei: '1087592', no_shows: 'on' },
}
const LOGIN: FaultRequest = {
  path: '/api/login', format: 'xml', account: 'Restricted@Example.com', params: { username: 'Restricted@Example.com' },
}

/** Which of a run of requests a rule fires on, as a string of 1s and 0s. */
function firings (faults: Faults, count: number, request = REPORT): string {
  return Array.from({ length: count }, () => (faults.fire(request) === undefined ? '0' : '1')).join('')
}

t.test('times: once fires once, a number that many times, always for as long as the rule exists', async (t) => {
  const once = new Faults()
  once.add({ error: 'session_expired', times: 'once' })
  t.equal(firings(once, 3), '100')
  const three = new Faults()
  three.add({ error: 'session_expired', times: 3 })
  t.equal(firings(three, 5), '11100')
  const always = new Faults()
  always.add({ error: 'session_expired' })
  t.equal(firings(always, 5), '11111', 'always, unless told')
  always.add({ error: 'session_expired', times: 'always' })
  t.equal(firings(always, 2), '11')
})

t.test('a spent rule stays listed, with what it did; the server stops asking when none can fire', async (t) => {
  const faults = new Faults()
  t.equal(faults.idle, true, 'idle with no rule')
  const id = faults.add({ path: '/api/reporting/audience_reports', error: 'session_expired', times: 2 })
  t.equal(id, 'fault-1')
  t.equal(faults.idle, false)
  t.equal(firings(faults, 3), '110')
  t.strictSame(faults.list(), [{
    id: 'fault-1',
    rule: { path: '/api/reporting/audience_reports', error: 'session_expired', times: 2 },
    matched: 2,
    fired: 2,
    remaining: 0,
  }])
  t.equal(faults.idle, true, 'idle once every rule is spent')
  faults.add({ reset: true })
  t.equal(faults.list()[1]?.remaining, null, 'no limit shows as null')
})

t.test('the first rule that matches fires, one per request; ids are never reused', async (t) => {
  const faults = new Faults()
  const first = faults.add({ ei: '1087592', error: 'event_not_found', times: 'once' })
  const second = faults.add({ status: 502 })
  t.match(faults.fire(REPORT), { id: first, rule: { error: 'event_not_found' }, latencyMs: 0 })
  t.match(faults.fire(REPORT), { id: second, rule: { status: 502 } })
  t.equal(faults.remove(second), true)
  t.equal(faults.remove(second), false, 'removing twice finds nothing')
  t.equal(faults.fire(REPORT), undefined)
  faults.clear()
  t.strictSame(faults.list(), [])
  t.equal(faults.add({ reset: true }), 'fault-3', 'counting goes on after clear')
})

t.test('every criterion given must hold', async (t) => {
  const matches = (rule: Parameters<Faults['add']>[0], request: FaultRequest = REPORT): boolean => {
    const faults = new Faults()
    faults.add(rule)
    return faults.fire(request) !== undefined
  }
  t.ok(matches({ reset: true }), 'no criterion: every request')
  t.ok(matches({ path: '/api/reporting/audience_reports', reset: true }), 'an endpoint\'s path covers its formats')
  t.ok(matches({ path: '/api/reporting/audience_reports/json', reset: true }), 'a format\'s path')
  t.notOk(matches({ path: '/api/reporting/audience_reports/csv', reset: true }), 'another format\'s path')
  t.notOk(matches({ path: '/api/reporting/eventlist', reset: true }))
  t.ok(matches({ pathPrefix: '/api/reporting/', reset: true }))
  t.notOk(matches({ pathPrefix: '/api/login', reset: true }))
  t.ok(matches({ format: 'json', reset: true }))
  t.notOk(matches({ format: 'xml', reset: true }))
  t.ok(matches({ account: 'DEMO@example.com', reset: true }), 'an account in any case')
  t.notOk(matches({ account: 'restricted@example.com', reset: true }))
  t.ok(matches({ account: 'restricted@example.com', reset: true }, LOGIN), 'a login\'s account')
  t.notOk(matches({ account: 'demo@example.com', reset: true }, { ...REPORT, account: null }), 'no account')
  t.ok(matches({ ei: '1087592', reset: true }))
  t.notOk(matches({ ei: '1087593', reset: true }))
  t.notOk(matches({ ei: '1087592', reset: true }, LOGIN))
  t.ok(matches({ params: { no_shows: 'on', ver: '2.0' }, reset: true }))
  t.notOk(matches({ params: { no_shows: 'off' }, reset: true }))
  t.notOk(matches({ params: { no_shows: 'on', tz: 'UTC' }, reset: true }), 'each parameter')
  t.ok(matches({ path: '/api/reporting/audience_reports', format: 'json', account: 'demo@example.com', ei: '1087592',
    params: { no_shows: 'on' }, reset: true }), 'all together')
})

t.test('accounts scope rules: workers logged in as their own accounts never see each other\'s faults', async (t) => {
  const faults = new Faults()
  const mine = faults.add({ account: 'worker-1@example.com', error: 'session_expired' })
  const theirs = faults.add({ account: 'worker-2@example.com', reset: true })
  t.equal(faults.fire({ ...REPORT, account: 'worker-1@example.com' })?.id, mine)
  t.equal(faults.fire({ ...REPORT, account: 'worker-2@example.com' })?.id, theirs)
  t.equal(faults.fire(REPORT), undefined)
  t.match(faults.list(), [{ matched: 1, fired: 1 }, { matched: 1, fired: 1 }])
})

t.test('probability: the same seed and the same rule fire on the same requests, whatever came before', async (t) => {
  const run = (seed: number, before = false): string => {
    const faults = new Faults({ seed })
    if (before) {
      faults.add({ pathPrefix: '/api/login', probability: 0.5, reset: true })
      firings(faults, 7)
      faults.clear()
    }
    faults.add({ probability: 0.3, error: 'internal_error' })
    return firings(faults, 40)
  }
  const sequence = run(1)
  t.equal(run(1), sequence, 'twice the same')
  t.equal(run(1, true), sequence, 'after other rules came and went')
  t.equal(new Faults().seed, 1, 'the seed is 1 unless given')
  t.not(run(2), sequence, 'another seed draws another sequence')
  const fired = sequence.split('1').length - 1
  t.ok(fired > 4 && fired < 24, `about 30 % of 40 fire (${fired})`)
  const faults = new Faults()
  const id = faults.add({ probability: 0.3, error: 'internal_error' })
  firings(faults, 40)
  t.match(faults.list(), [{ id, matched: 40, fired }], 'matched counts the requests the chance let pass and not')
  const never = new Faults()
  never.add({ probability: 0, reset: true })
  t.equal(firings(never, 10), '0000000000')
})

t.test('identical rules draw apart; a latency range draws whole milliseconds within it, repeatably', async (t) => {
  const faults = new Faults()
  faults.add({ probability: 0.5, reset: true })
  faults.add({ probability: 0.5, error: 'internal_error' })
  faults.add({ probability: 0.5, reset: true })
  const ids = Array.from({ length: 60 }, () => faults.fire(REPORT)?.id ?? 'none')
  t.ok(ids.includes('fault-3'), 'the second of two identical rules fires when the first does not')
  const latencies = (seed: number): number[] => {
    const ranged = new Faults({ seed })
    ranged.add({ latencyMs: { min: 10, max: 20 } })
    return Array.from({ length: 30 }, () => ranged.fire(REPORT)?.latencyMs ?? -1)
  }
  const drawn = latencies(5)
  t.same(latencies(5), drawn)
  t.ok(drawn.every((ms) => Number.isInteger(ms) && ms >= 10 && ms <= 20), drawn.join(' '))
  t.ok(new Set(drawn).size > 3, 'and they vary')
  const fixed = new Faults()
  fixed.add({ latencyMs: 250 })
  t.equal(fixed.fire(REPORT)?.latencyMs, 250)
})

t.test('a bad rule or seed is refused, and nothing is added', async (t) => {
  const faults = new Faults()
  t.throws(() => faults.add({ path: '/api/logn', reset: true }), { name: 'FaultRuleError', field: 'path' })
  t.strictSame(faults.list(), [])
  t.equal(faults.idle, true)
  t.throws(() => new Faults({ seed: 1.5 }), RangeError)
})
