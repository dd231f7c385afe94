import t from 'tap'
import { readReportQuery } from '../../../server/report/report-query.js'
import { selectRegistrants } from '../../../server/report/select-registrants.js'
import { ApiError } from '../../../server/http/api-error.js'
import { DATA_AS_OF } from '../../../fixtures/index.js'
import { REPORT_EVENT } from '../../helpers/report-dataset.js'

/** The first names of the registrants a query keeps, in report order. */
function kept (params: Record<string, string>): string[] {
  const query = readReportQuery({ ei: REPORT_EVENT.id, ...params })
  return [...selectRegistrants(REPORT_EVENT, query.predicates, DATA_AS_OF)].map((registrant) => registrant.fname)
}

const EVERYONE = ['Ann', 'Bob', 'Cat', 'Dan', 'Eve', 'Fay', 'Gus']

t.test('each filter alone keeps exactly the registrants it describes', async (t) => {
  const cases: Array<[string, Record<string, string>, string[]]> = [
    ['no filter keeps everyone', {}, EVERYONE],
    ['no_shows keeps those with no session of any kind', { no_shows: 'on' }, ['Cat', 'Gus']],
    ['live_viewers keeps those with a live session', { live_viewers: 'on' }, ['Ann', 'Eve', 'Fay']],
    ['od_viewers keeps those with an on-demand session', { od_viewers: 'on' }, ['Bob', 'Eve']],
    ['simlive_viewers keeps those with a sim-live session', { simlive_viewers: 'on' }, ['Dan']],
    ['users_qa keeps those who asked', { users_qa: 'on' }, ['Ann', 'Fay']],
    ['user_survey keeps those who answered a survey', { user_survey: 'on' }, ['Ann', 'Dan']],
    ['on is read in any case', { no_shows: 'ON' }, ['Cat', 'Gus']],
    ['off narrows nothing', { no_shows: 'Off', live_viewers: 'off', users_qa: 'off' }, EVERYONE],
    ['sti_filter matches exactly, case-sensitive', { sti_filter: 'inbound' }, ['Ann', 'Dan']],
    ['sti_filter values separated by | are alternatives', { sti_filter: 'inbound|linkedin' }, ['Ann', 'Bob', 'Dan']],
    ['sti_filter drops empty items', { sti_filter: '|newsletter|' }, ['Eve']],
    ['sti_filter of empty items only counts as absent', { sti_filter: '||' }, EVERYONE],
    ['incl_domain ignores case but not subdomains', { incl_domain: 'Acme.com' }, ['Ann', 'Cat']],
    ['incl_domain values separated by | are alternatives', { incl_domain: 'acme.com|gmail.com' },
      ['Ann', 'Cat', 'Eve', 'Gus']],
    ['incl_domain matches a subdomain only when named', { incl_domain: 'mail.acme.com' }, ['Dan']],
    ['excl_domain keeps everyone else', { excl_domain: 'acme.com' }, ['Bob', 'Dan', 'Eve', 'Fay', 'Gus']],
    ['excl_domain with two values', { excl_domain: 'acme.com|GLOBEX.com' }, ['Dan', 'Eve', 'Gus']],
  ]
  for (const [sentence, params, expected] of cases) t.same(kept(params), expected, sentence)
})

t.test('filters together keep only those that satisfy all of them', async (t) => {
  t.same(kept({ live_viewers: 'on', od_viewers: 'on' }), ['Eve'], 'live and on-demand viewers')
  t.same(kept({ no_shows: 'on', incl_domain: 'acme.com' }), ['Cat'], 'no-shows on one domain')
  t.same(kept({ no_shows: 'on', live_viewers: 'on' }), [], 'no-shows who watched live: nobody')
  t.same(kept({ sti_filter: 'inbound', user_survey: 'on', excl_domain: 'acme.com' }), ['Dan'], 'three filters')
})

t.test('the date range', async (t) => {
  t.same(kept({ date_range_start: '03/04/2026', date_range_end: '03/05/2026' }), [],
    'with dr_regs and dr_sessions on by default, keeps those who registered and watched in it: here nobody')
  t.same(kept({ date_range_start: '03/04/2026', date_range_end: '03/05/2026', dr_sessions: 'off' }), ['Dan', 'Eve'],
    'dr_regs keeps registrations from 00:00:00 of the first day to 23:59:59 of the last, in GMT')
  t.same(kept({
    date_range_start: '03/04/2026', date_range_end: '03/05/2026', dr_sessions: 'off', tz: 'America/New_York',
  }), ['Eve'], 'tz places the bounds: 04:59:59 GMT on 03/04 is still 03/03 in New York')
  t.same(kept({ date_range_start: '03/10/2026', date_range_end: '03/10/2026', dr_regs: 'off' }), ['Ann', 'Eve', 'Fay'],
    'dr_sessions keeps those with a session overlapping the range')
  t.same(kept({ date_range_start: '03/21/2026', date_range_end: '03/21/2026', dr_regs: 'off' }), ['Eve'],
    'a session spanning midnight overlaps the day it ends on')
  t.same(kept({ date_range_start: '03/09/2026', dr_sessions: 'off' }), ['Fay', 'Gus'], 'a start alone is open-ended')
  t.same(kept({ date_range_end: '03/02/2026', dr_sessions: 'off' }), ['Ann', 'Bob'], 'an end alone is open-ended')
  t.same(kept({ date_range_start: '03/04/2026', dr_regs: 'off', dr_sessions: 'off' }), EVERYONE,
    'both off: the range narrows nothing')
  t.same(kept({ dr_regs: 'on', dr_sessions: 'on' }), EVERYONE, 'without a range dr_regs and dr_sessions are inert')
  t.same(kept({
    date_range_start: '03/08/2026', date_range_end: '03/08/2026', dr_sessions: 'off', tz: 'America/New_York',
  }), [], 'a day of 23 hours in New York (spring forward) is handled')
})

t.test('bad values are refused with the error that names them', async (t) => {
  const refusal = (params: Record<string, string>): { code: string, parameter: string | undefined } | undefined => {
    try {
      readReportQuery({ ei: REPORT_EVENT.id, ...params })
    } catch (error) {
      if (error instanceof ApiError) return { code: error.code, parameter: error.parameter }
      throw error
    }
    return undefined
  }
  t.same(refusal({ incl_domain: 'a.com', excl_domain: 'b.com' }),
    { code: 'conflicting_parameters', parameter: 'excl_domain' })
  t.same(refusal({ date_range_start: '03/05/2026', date_range_end: '03/04/2026' }),
    { code: 'conflicting_parameters', parameter: 'date_range_end' })
  t.same(refusal({ date_range_start: '02/30/2026' }), { code: 'invalid_parameter', parameter: 'date_range_start' })
  t.same(refusal({ date_range_end: '13/01/2026' }), { code: 'invalid_parameter', parameter: 'date_range_end' })
  t.same(refusal({ date_range_end: '2026-03-01' }), { code: 'invalid_parameter', parameter: 'date_range_end' })
  t.same(refusal({ tz: 'Mars/Olympus' }), { code: 'invalid_parameter', parameter: 'tz' })
  t.same(refusal({ no_shows: 'yes' }), { code: 'invalid_parameter', parameter: 'no_shows' })
  t.same(refusal({ date_range_start: '02/29/2028' }), undefined, 'a leap day is a real date')
})
