import t from 'tap'
import {
  dateRangeOf, emailDomain, FILTERS, isOn, pipeValues, reportPredicates, type FilterSubject,
} from '../../contracts/filter-semantics.js'
import { parameterList } from '../../contracts/parameters.js'

const subject = (changes: Partial<FilterSubject> = {}): FilterSubject => ({
  email: 'Ann@Acme.COM',
  sti: 'inbound',
  regDate: Date.UTC(2026, 2, 1, 12),
  sessions: [{ kind: 'live', start: Date.UTC(2026, 2, 10, 15), end: Date.UTC(2026, 2, 10, 16) }],
  questions: { length: 0 },
  surveys: { length: 1 },
  ...changes,
})

const keeps = (params: Record<string, string>, who: FilterSubject = subject()): boolean => {
  const range = dateRangeOf(params.date_range_start, params.date_range_end, params.tz ?? 'GMT')
  return reportPredicates(params, range).every((keep) => keep(who))
}

t.test('there is one semantics per filter of the parameter registry, saying what it reads', async (t) => {
  t.same(Object.keys(FILTERS).sort(), parameterList().filter(([, p]) => p.filter === true).map(([name]) => name).sort())
  t.same(FILTERS.users_qa.reads, ['questions'])
  t.same(FILTERS.incl_domain.reads, ['email'])
})

t.test('values are read as the documentation says', async (t) => {
  t.equal(isOn('ON'), true)
  t.equal(isOn('off'), false)
  t.throws(() => isOn('yes'), RangeError, 'a value the contract refuses is a mistake in the code')
  t.same(pipeValues(' a.com || b.com '), ['a.com', 'b.com'])
  t.equal(emailDomain('x@Mail.Acme.com'), 'mail.acme.com')
})

t.test('each filter keeps what it describes, absent parameters at their defaults', async (t) => {
  t.ok(keeps({}), 'no filter keeps everyone')
  t.ok(keeps({ live_viewers: 'on', user_survey: 'on', sti_filter: 'inbound|partner', incl_domain: 'acme.com' }))
  t.notOk(keeps({ no_shows: 'on' }))
  t.notOk(keeps({ users_qa: 'on' }))
  t.notOk(keeps({ excl_domain: 'ACME.com' }), 'domains match without regard to case')
  t.notOk(keeps({ incl_domain: 'mail.acme.com' }), 'a subdomain is another domain')
  t.ok(keeps({ no_shows: 'off' }), 'off narrows nothing')
})

t.test('the date range is placed in the zone and both conditions apply by default (AND)', async (t) => {
  t.same(dateRangeOf('03/01/2026', '03/01/2026', 'GMT'), { from: Date.UTC(2026, 2, 1), until: Date.UTC(2026, 2, 2) })
  t.same(dateRangeOf('03/01/2026', undefined, 'America/New_York'), { from: Date.UTC(2026, 2, 1, 5), until: Infinity })
  t.equal(dateRangeOf(undefined, undefined, 'GMT'), undefined)
  t.throws(() => dateRangeOf('02/30/2026', undefined, 'GMT'), RangeError)
  const range = { date_range_start: '03/01/2026', date_range_end: '03/01/2026' }
  t.notOk(keeps(range), 'registered in the range, but watched outside it')
  t.ok(keeps({ ...range, dr_sessions: 'off' }), 'registrations alone')
  t.notOk(keeps({ ...range, dr_regs: 'off' }), 'sessions alone')
  t.ok(keeps({ ...range, dr_regs: 'off', dr_sessions: 'off' }), 'neither: the range narrows nothing')
})
