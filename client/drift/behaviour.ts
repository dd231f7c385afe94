import {
  dateRangeOf, emailDomain, FILTERS, reportPredicates, type FilterSubject,
} from '../../contracts/filter-semantics.js'
import { PARAMETERS, type FilterParameter } from '../../contracts/parameters.js'
import { formatWireTime } from '../../contracts/wire-time.js'
import { reportFromTree } from '../audience-report.js'
import { fieldOf, textOf } from '../lenient.js'
import { redactEmail, type Reading } from './readings.js'
import type { SuiteRun } from './suite-run.js'

/** A logged-in run, the event it reads, and that event's unfiltered report as read off JSON. */
export interface BehaviourScope {
  readonly run: SuiteRun
  readonly session: Readonly<{ si: string, ui: string }>
  readonly eventId: string
  readonly everyone: readonly Reading[]
}

/** One filtered request of a check: what it is called in the report, and its wire parameters. */
interface Case {
  readonly label: string
  readonly params: Readonly<Record<string, string>>
}

/** A check of what some filters do, over one or more cases. */
interface FilterCheck {
  readonly name: string
  readonly filters: readonly FilterParameter[]
  readonly cases: readonly Case[]
  /** Why it cannot be judged, when the unfiltered report gives nothing to choose values from. */
  readonly cannot?: string
}

const REPORT_PATH = '/reporting/audience_reports/json'
const EXAMPLES = 3

/** The filters of the registry, by how the suite chooses their values. */
const ALL_FILTERS = Object.keys(FILTERS) as FilterParameter[]
const DATE_RANGE = ALL_FILTERS.filter((filter) => FILTERS[filter].dateRange === true)
const ON_OFF = ALL_FILTERS.filter((filter) => PARAMETERS[filter].kind === 'onOff' && !DATE_RANGE.includes(filter))
const PIPE_LISTS = ALL_FILTERS.filter((filter) => PARAMETERS[filter].kind === 'pipeList')

/** Where the values of a pipe-list filter come from in the unfiltered report, by what it reads. */
const VALUES_OF: Partial<Record<keyof FilterSubject, (everyone: readonly Reading[]) => string[]>> = {
  sti: (everyone) => byFrequency(everyone.flatMap((r) => r.subject.sti ?? [])),
  email: (everyone) => byFrequency(everyone.map((r) => emailDomain(r.email))),
}

/** Values of a field from the most frequent down. */
function byFrequency (values: readonly string[]): string[] {
  const counts = new Map<string, number>()
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1)
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([value]) => value)
}

const usDate = (day: string): string => `${day.slice(5, 7)}/${day.slice(8, 10)}/${day.slice(0, 4)}`
const dayOf = (instant: number): string => new Date(instant).toISOString().slice(0, 10)

function quantile (sorted: readonly string[], q: number): string | undefined {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]
}

/** Who a report with these parameters keeps, by the one oracle; the report is in GMT. */
function keptBy (everyone: readonly Reading[], params: Readonly<Record<string, string>>): Reading[] {
  const range = dateRangeOf(params.date_range_start, params.date_range_end, 'GMT')
  const predicates = reportPredicates(params, range)
  return everyone.filter((reading) => predicates.every((keep) => keep(reading.subject)))
}

/**
 * A date range that tells the four on/off combinations of `dr_regs` and `dr_sessions` apart on
 * this event's data: days chosen from its registrations and sessions, the candidate under which
 * the most combinations keep some but not all, and differ from each other.
 */
function chooseRange (everyone: readonly Reading[]): { date_range_start: string, date_range_end: string } | undefined {
  const regDays = everyone.map((r) => dayOf(r.subject.regDate)).sort()
  const viewDays = everyone.flatMap((r) => r.subject.sessions.map((s) => dayOf(s.start))).sort()
  const froms = [0.25, 0.5, 0.75].flatMap((q) => quantile(regDays, q) ?? [])
  const tos = [...[0.25, 0.5, 0.75].flatMap((q) => quantile(viewDays, q) ?? []), regDays.at(-1) ?? '']
  let best: { score: number, range: { date_range_start: string, date_range_end: string } } | undefined
  for (const from of froms) {
    for (const to of tos.filter((day) => day >= from)) {
      const range = { date_range_start: usDate(from), date_range_end: usDate(to) }
      const extras: Array<Record<string, string>> = [{}, { dr_sessions: 'off' }, { dr_regs: 'off' }]
      const sizes = extras.map((extra) => keptBy(everyone, { ...range, ...extra }).length)
      const score = sizes.filter((size) => size > 0 && size < everyone.length).length + new Set(sizes).size
      if (best === undefined || score > best.score) best = { score, range }
    }
  }
  return best?.range
}

/**
 * The name of the check a filtered request belongs to, as the suite's plan names it: one filter
 * (the date range's parameters count as one) is its own check, several are `filters combine by
 * AND`; undefined when the request names no filter. A proxy that sees a consumer's own requests
 * files its findings under the same names as the suite.
 *
 * @example
 * filterCheckOf({ ei: '4851630', no_shows: 'on' }) // 'filter no_shows'
 */
export function filterCheckOf (params: Readonly<Record<string, string>>): string | undefined {
  const named = ALL_FILTERS.filter((filter) => params[filter] !== undefined)
  const groups = new Set(named.map((filter) => (DATE_RANGE.includes(filter) ? 'date range' : filter)))
  if (groups.size === 0) return undefined
  const [only = ''] = groups
  return groups.size > 1 ? 'filters combine by AND' : `filter ${only}`
}

/**
 * A filtered report's registrants judged by the oracle against the unfiltered report: how many
 * it should keep, and what it got wrong (undefined when nothing), emails cut to their domain.
 * Judge only requests whose filters the report carries the data of ({@link filterDataLacking}).
 *
 * @example
 * judgeCase(everyone, { no_shows: 'on' }, new Set(['a@acme.com'])).failure
 * // 'keeps 1 it should not (e.g. …@acme.com), drops …'
 */
export function judgeCase (
  everyone: readonly Reading[],
  params: Readonly<Record<string, string>>,
  got: ReadonlySet<string>,
): { expected: number, failure: string | undefined } {
  const expected = keptBy(everyone, params).map((r) => r.email)
  const expectedSet = new Set(expected)
  const extra = [...got].filter((email) => !expectedSet.has(email))
  const missing = expected.filter((email) => !got.has(email))
  const failure = extra.length === 0 && missing.length === 0
    ? undefined
    : `keeps ${extra.length} it should not${examples(extra)}, ` +
      `drops ${missing.length} it should keep${examples(missing)}`
  return { expected: expected.length, failure }
}

/** Why a filtered request cannot be judged on this unfiltered report, or undefined when it can. */
export function filterDataLacking (
  everyone: readonly Reading[],
  params: Readonly<Record<string, string>>,
): string | undefined {
  return lacking(everyone, [params])
}

/** What a failed filter check says: why it breaks. */
export const FILTER_FAILURE_WHY = 'A consumer that asks for this filter gets other registrants than it describes.'

/** The checks of every filter, with values chosen from the service's own unfiltered report. */
function planChecks (everyone: readonly Reading[]): FilterCheck[] {
  const checks: FilterCheck[] = ON_OFF.map((filter) => ({
    name: `filter ${filter}`, filters: [filter], cases: [{ label: `${filter}=on`, params: { [filter]: 'on' } }],
  }))
  const top = new Map<FilterParameter, string | undefined>()
  for (const filter of PIPE_LISTS) {
    const source = FILTERS[filter].reads.map((read) => VALUES_OF[read]).find((chooser) => chooser !== undefined)
    const [a, b] = source?.(everyone) ?? []
    top.set(filter, a)
    const values = [a, a !== undefined && b !== undefined ? `${a}|${b}` : undefined].filter((v) => v !== undefined)
    const cannot = source === undefined
      ? 'the suite has no way to choose its values'
      : 'no registrant has a value it reads'
    checks.push({
      name: `filter ${filter}`,
      filters: [filter],
      cases: values.map((v) => ({ label: `${filter}=${v}`, params: { [filter]: v } })),
      ...(values.length > 0 ? {} : { cannot }),
    })
  }
  const range = chooseRange(everyone)
  checks.push({
    name: 'filter date range',
    filters: DATE_RANGE,
    cases: range === undefined
      ? []
      : (['on', 'off'] as const).flatMap((regs) => (['on', 'off'] as const).map((sessions) => ({
          label: `${range.date_range_start}–${range.date_range_end}, dr_regs=${regs}, dr_sessions=${sessions}`,
          params: { ...range, dr_regs: regs, dr_sessions: sessions },
        }))),
    ...(range === undefined ? { cannot: 'the event has no registrants to choose a range from' } : {}),
  })
  const [sti, domain] = [top.get('sti_filter'), top.get('incl_domain')]
  const combos: Case[] = [
    {
      label: `live_viewers=on, incl_domain=${domain ?? ''}`,
      params: { live_viewers: 'on', ...(domain === undefined ? {} : { incl_domain: domain }) },
    },
    { label: 'users_qa=on, user_survey=on', params: { users_qa: 'on', user_survey: 'on' } },
    {
      label: `od_viewers=on${sti === undefined ? '' : `, sti_filter=${sti}`}` +
        (range === undefined ? '' : ', the date range'),
      params: { od_viewers: 'on', ...(sti === undefined ? {} : { sti_filter: sti }), ...(range ?? {}) },
    },
  ]
  checks.push({ name: 'filters combine by AND', filters: [], cases: combos })
  return checks
}

/** What a check's filters read that the report does not carry, or undefined when all is there. */
function lacking (
  everyone: readonly Reading[],
  params: readonly Readonly<Record<string, string>>[],
): string | undefined {
  const named = new Set(params.flatMap((p) => Object.keys(p)))
  const reads = new Set<keyof FilterSubject>(
    (Object.keys(FILTERS) as FilterParameter[]).filter((filter) => named.has(filter))
      .flatMap((filter) => FILTERS[filter].reads))
  for (const need of reads) {
    const without = everyone.filter((reading) => reading.lacks.has(need)).length
    if (without > 0) return `the report does not carry ${need} for ${without} of ${everyone.length} registrants`
  }
  return undefined
}

/** Up to three examples, emails cut to their domain, each shown once. */
const examples = (emails: readonly string[]): string =>
  emails.length === 0 ? '' : ` (e.g. ${[...new Set(emails.map(redactEmail))].slice(0, EXAMPLES).join(', ')})`

/** The registrants a filtered report returned, by email; undefined when it could not be read. */
async function returned (
  scope: BehaviourScope,
  params: Readonly<Record<string, string>>,
): Promise<Set<string> | undefined> {
  const { run } = scope
  const seen = await run.exchange(REPORT_PATH, { ver: '2.0', ...scope.session, ei: scope.eventId, ...params }, 'json')
  const tree = run.readTree(seen, 'audience-report-response.json')
  const result = fieldOf(fieldOf(tree, 'convey_api'), 'result')
  if (tree === undefined || textOf(fieldOf(result, 'returnCode')) !== '1') return undefined
  return new Set(reportFromTree('json', tree).attendees.map((attendee) => attendee.email))
}

/**
 * Checks what every filter does on the service's own data: for each, values chosen from the
 * unfiltered report, the filtered report asked for, and the registrants returned compared with
 * the oracle (`contracts/filter-semantics.ts`, the very predicates the mock applies) applied to
 * the unfiltered report. A check whose filter already fails alone is not judged again in a
 * combination; one whose data the report does not carry is inconclusive. Resolves with the
 * filters that failed, so that later checks do not count their consequences again.
 *
 * @example
 * const failing = await checkFilters({ run, session, eventId, everyone })
 */
export async function checkFilters (scope: BehaviourScope): Promise<ReadonlySet<FilterParameter>> {
  const { run, everyone } = scope
  const failing = new Set<FilterParameter>()
  for (const check of planChecks(everyone)) {
    const cannot = check.cannot ?? (everyone.length === 0 ? 'the event has no registrants' : undefined)
    if (cannot !== undefined) {
      run.record(check.name, 'behaviour', 'inconclusive', cannot)
      continue
    }
    const failures: string[] = []
    const notes: string[] = []
    let judged = 0
    let discriminating = false
    for (const { label, params } of check.cases) {
      const blamed = Object.keys(params).find((name) => failing.has(name as FilterParameter))
      const absent = lacking(everyone, [params])
      if (blamed !== undefined || absent !== undefined) {
        notes.push(`${label}: not judged, ${blamed === undefined ? absent ?? '' : `${blamed} fails alone`}`)
        continue
      }
      const got = await returned(scope, params)
      if (got === undefined) {
        notes.push(`${label}: not judged, the report could not be read`)
        continue
      }
      judged++
      const verdict = judgeCase(everyone, params, got)
      if (verdict.expected < everyone.length) discriminating = true
      notes.push(`${label}: ${verdict.expected} expected, ${got.size} returned`)
      if (verdict.failure !== undefined) failures.push(`${label}: ${verdict.failure}`)
    }
    const note = notes.join('; ')
    if (failures.length > 0) {
      for (const filter of check.filters) failing.add(filter)
      run.behaviourFailed(check.name, {
        message: failures.join('; '),
        why: FILTER_FAILURE_WHY,
        note,
      })
    } else if (judged === 0) {
      run.record(check.name, 'behaviour', 'inconclusive', note)
    } else if (!discriminating) {
      run.record(check.name, 'behaviour', 'inconclusive',
        `every registrant satisfies it, so a service that ignored it would look the same (${note})`)
    } else {
      run.record(check.name, 'behaviour', 'passed', note)
    }
  }
  return failing
}

/**
 * `tz` shows the same instants in the zone it names: the unfiltered report asked for in New
 * York's time, each registration and session time compared with the GMT one shown in New York.
 *
 * @example
 * await checkTimeZone(scope)
 */
export async function checkTimeZone (scope: BehaviourScope): Promise<void> {
  const { run, everyone } = scope
  const name = 'tz shows the same instants in the zone'
  const zone = 'America/New_York'
  if (everyone.length === 0) {
    run.record(name, 'behaviour', 'inconclusive', 'the event has no registrants')
    return
  }
  const seen = await run.exchange(REPORT_PATH, { ver: '2.0', ...scope.session, ei: scope.eventId, tz: zone }, 'json')
  const tree = run.readTree(seen, 'audience-report-response.json')
  if (tree === undefined) {
    run.record(name, 'behaviour', 'inconclusive', 'the report in the zone could not be read')
    return
  }
  const shown = new Map(reportFromTree('json', tree).attendees.map((attendee) => [attendee.email, attendee]))
  const wrong: string[] = []
  for (const reading of everyone) {
    const inZone = shown.get(reading.email)
    const expected = [reading.subject.regDate, ...reading.subject.sessions.map((s) => s.start)]
      .map((t) => formatWireTime(t, zone))
    const got = inZone === undefined ? [] : [inZone.regDate, ...(inZone.sessions ?? []).map((s) => s.start)]
    if (JSON.stringify(expected) !== JSON.stringify(got)) wrong.push(reading.email)
  }
  const currentZone = textOf(fieldOf(fieldOf(tree, 'convey_api'), 'currentTimeZone'))
  const problems = [
    ...(wrong.length === 0
      ? []
      : [`${wrong.length} of ${everyone.length} registrants show other times${examples(wrong)}`]),
    ...(currentZone === zone ? [] : [`currentTimeZone is ${currentZone ?? 'absent'}, not ${zone}`]),
  ]
  if (problems.length === 0) {
    run.record(name, 'behaviour', 'passed', `tz=${zone}: ${everyone.length} registrants' times`)
    return
  }
  run.behaviourFailed(name, {
    message: `tz=${zone}: ${problems.join('; ')}`,
    why: 'A consumer that asks for times in its zone gets other instants, or is not told the zone.',
    note: problems.join('; '),
    request: seen.request,
    excerpt: run.redact(seen.answer.text.slice(0, 300)),
  })
}

/** What CSV, XML and JSON all carry of a registrant, without what one of them left out. */
function comparable (reading: Reading): Record<string, unknown> {
  const { detail: _detail, sessions: _sessions, absent, ...fields } = reading.attendee
  const left = new Set(absent)
  const sessionsLeft = [...left].some((part) => part === 'session' || part.endsWith('sessions_list') || /_(sessions|seconds)$/.test(part))
  return Object.fromEntries(Object.entries(fields).filter(([key]) => {
    if (key === 'questions') return !left.has('questions_list') && !left.has('questions')
    if (key === 'surveys') return !left.has('surveys_list') && !left.has('surveys')
    if (/^(live|od|simlive)|View$/.test(key)) return !sessionsLeft
    if (key === 'regDate') return !left.has('reg_date')
    return !left.has(key)
  }))
}

/**
 * The same registrants, in the same order, with the same values, in XML, JSON and CSV: what one
 * format left out is not compared (a shape finding names it).
 *
 * @example
 * checkFormatsAgree(run, { json, xml, csv })
 */
export function checkFormatsAgree (
  run: SuiteRun,
  readings: Readonly<Record<'json' | 'xml' | 'csv', readonly Reading[] | undefined>>,
): void {
  const name = 'the three formats agree'
  const { json } = readings
  if (json === undefined) {
    run.record(name, 'behaviour', 'inconclusive', 'the JSON report could not be read')
    return
  }
  const differences: string[] = []
  const compared: string[] = []
  for (const format of ['xml', 'csv'] as const) {
    const other = readings[format]
    if (other === undefined) {
      compared.push(`${format.toUpperCase()} could not be read`)
      continue
    }
    compared.push(`${format.toUpperCase()} and JSON: ${other.length} and ${json.length} registrants`)
    let first: string | undefined
    let count = other.length === json.length ? 0 : Math.abs(other.length - json.length)
    json.forEach((reading, index) => {
      const theirs = other[index]
      if (theirs === undefined) return
      const mine = comparable(reading)
      const them = comparable(theirs)
      const keys = Object.keys(mine).filter((key) => key in them)
      const differing = keys.find((key) => JSON.stringify(mine[key]) !== JSON.stringify(them[key]))
      if (differing === undefined) return
      count++
      first ??= `${redactEmail(reading.email)} ${differing}: ` +
        `${JSON.stringify(them[differing])} in ${format.toUpperCase()}, ` +
        `${JSON.stringify(mine[differing])} in JSON`
    })
    if (count > 0) {
      differences.push(`${format.toUpperCase()} and JSON differ for ${count} registrants ` +
        `(first: ${first ?? 'the number of registrants'})`)
    }
  }
  if (differences.length === 0) {
    run.record(name, 'behaviour', 'passed', compared.join('; '))
    return
  }
  run.behaviourFailed(name, {
    message: differences.join('; '),
    why: 'A consumer gets other registrants or values depending on the format it asks for.',
    note: differences.join('; '),
    excerpt: compared.join('; '),
  })
}

