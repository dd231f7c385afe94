import type { FilterParameter } from '../../contracts/parameters.js'
import type { Registrant, ViewingKind } from '../../fixtures/registrant.js'
import { ApiError } from '../http/api-error.js'

/** Keeps a registrant in the report, or not. */
export type RegistrantPredicate = (registrant: Registrant) => boolean

/** The window `date_range_start` / `date_range_end` describe; either end may be open. */
export interface DateRange {
  /** First instant inside, or -Infinity. */
  readonly from: number
  /** First instant after, or +Infinity. */
  readonly until: number
}

/** What a filter's value is read against. */
interface FilterContext {
  /** The date range, when either end is given. */
  readonly range: DateRange | undefined
}

/** One filter: reads its wire value and gives its predicate, or none when it does not narrow. */
type Filter = (value: string, context: FilterContext) => RegistrantPredicate | undefined

/**
 * Reads an on/off value: `on` and `off` in any case; the contract has already refused anything
 * else, but the reader does not rely on it.
 */
function isOn (value: string, parameter: string): boolean {
  const lower = value.toLowerCase()
  if (lower !== 'on' && lower !== 'off') throw new ApiError('invalid_parameter', { parameter, detail: `${parameter} must be "on" or "off".` })
  return lower === 'on'
}

/** Splits a pipe-separated list; empty items are dropped, an empty list counts as absent. */
function pipeValues (value: string): string[] {
  return value.split('|').map((item) => item.trim()).filter((item) => item !== '')
}

/** The part of an email after its last `@`, lower-cased. */
function emailDomain (email: string): string {
  return email.slice(email.lastIndexOf('@') + 1).toLowerCase()
}

const viewed = (kind: ViewingKind): RegistrantPredicate => (registrant) => registrant.sessions.some((session) => session.kind === kind)

const onOffFilter = (parameter: string, predicate: RegistrantPredicate): Filter => (value) => (isOn(value, parameter) ? predicate : undefined)

const domainFilter = (keep: 'matching' | 'others'): Filter => (value) => {
  const domains = new Set(pipeValues(value).map((domain) => domain.toLowerCase()))
  if (domains.size === 0) return undefined
  return (registrant) => domains.has(emailDomain(registrant.email)) === (keep === 'matching')
}

/** The range is placed by `report-query.ts`; these two only decide whether it applies. */
const rangeFilter = (parameter: string, inRange: (registrant: Registrant, range: DateRange) => boolean): Filter => (value, context) => {
  const { range } = context
  return range === undefined || !isOn(value, parameter) ? undefined : (registrant) => inRange(registrant, range)
}

/**
 * Every filter of the parameter registry, keyed by its wire name; the compiler checks that none
 * is missing.
 * Each gives one pure predicate, and the report keeps the registrants that satisfy them all.
 * The rules, with their sources, are the table in `contracts/README.md`.
 */
export const FILTERS: Record<FilterParameter, Filter | 'range-bound'> = {
  date_range_start: 'range-bound',
  date_range_end: 'range-bound',
  dr_regs: rangeFilter('dr_regs', (r, range) => r.regDate >= range.from && r.regDate < range.until),
  dr_sessions: rangeFilter('dr_sessions', (r, range) => r.sessions.some((s) => s.start < range.until && s.end >= range.from)),
  sti_filter: (value) => {
    const values = new Set(pipeValues(value))
    return values.size === 0 ? undefined : (registrant) => registrant.sti !== undefined && values.has(registrant.sti)
  },
  incl_domain: domainFilter('matching'),
  excl_domain: domainFilter('others'),
  users_qa: onOffFilter('users_qa', (registrant) => registrant.questions.length > 0),
  user_survey: onOffFilter('user_survey', (registrant) => registrant.surveys.length > 0),
  no_shows: onOffFilter('no_shows', (registrant) => registrant.sessions.length === 0),
  live_viewers: onOffFilter('live_viewers', viewed('live')),
  od_viewers: onOffFilter('od_viewers', viewed('od')),
  simlive_viewers: onOffFilter('simlive_viewers', viewed('simlive')),
}
