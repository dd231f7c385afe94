import { PARAMETERS, type FilterParameter } from './parameters.js'
import type { SESSION_LISTS } from './wire-format.js'
import { zonedTimeToEpoch } from './wire-time.js'

/**
 * What the filters read of a registrant. The server's registrants are such subjects, and so are
 * the drift suite's readings of a service's report: one implementation of what each filter
 * means serves the mock and checks the service (`contracts/README.md`, Filters).
 */
export interface FilterSubject {
  readonly email: string
  readonly sti?: string | undefined
  /** When the registrant registered, in ms since the epoch. */
  readonly regDate: number
  readonly sessions: ReadonlyArray<{
    readonly kind: (typeof SESSION_LISTS)[number]['kind']
    readonly start: number
    readonly end: number
  }>
  /** Only how many are read. */
  readonly questions: { readonly length: number }
  readonly surveys: { readonly length: number }
}

/** Keeps a registrant in the report, or not. */
export type SubjectPredicate = (subject: FilterSubject) => boolean

/** The window `date_range_start` / `date_range_end` describe; either end may be open. */
export interface DateRange {
  /** First instant inside, or -Infinity. */
  readonly from: number
  /** First instant after, or +Infinity. */
  readonly until: number
}

/** One filter: its predicate for a wire value, or none when the value does not narrow. */
type Narrowing = (value: string, range: DateRange | undefined) => SubjectPredicate | undefined

/** A filter: what it reads of a subject, and how it narrows; the date-range bounds only place the range. */
export interface FilterSemantics {
  readonly reads: ReadonlyArray<keyof FilterSubject>
  readonly narrowing: Narrowing | 'range bound'
  /** Whether it is one of the four parameters of the date range, which only make sense together. */
  readonly dateRange?: true
}

/**
 * Reads an on/off value: `on` and `off` in any case. The request contract refuses anything else
 * before a filter sees it; a value that still gets here is a mistake in the code.
 *
 * @example
 * isOn('ON') // true
 */
export function isOn (value: string): boolean {
  const lower = value.toLowerCase()
  if (lower !== 'on' && lower !== 'off') throw new RangeError(`"${value}" is not on or off`)
  return lower === 'on'
}

/**
 * Splits a pipe-separated list; empty items are dropped, an empty list counts as absent.
 *
 * @example
 * pipeValues('a.com| |b.com') // ['a.com', 'b.com']
 */
export function pipeValues (value: string): string[] {
  return value.split('|').map((item) => item.trim()).filter((item) => item !== '')
}

/**
 * The part of an email after its last `@`, lower-cased: what the domain filters match.
 *
 * @example
 * emailDomain('Ann.Lee@Acme.COM') // 'acme.com'
 */
export function emailDomain (email: string): string {
  return email.slice(email.lastIndexOf('@') + 1).toLowerCase()
}

const viewed = (kind: FilterSubject['sessions'][number]['kind']): SubjectPredicate => (subject) =>
  subject.sessions.some((session) => session.kind === kind)

const onOff = (predicate: SubjectPredicate): Narrowing => (value) => (isOn(value) ? predicate : undefined)

const domains = (keep: 'matching' | 'others'): Narrowing => (value) => {
  const named = new Set(pipeValues(value).map((domain) => domain.toLowerCase()))
  if (named.size === 0) return undefined
  return (subject) => named.has(emailDomain(subject.email)) === (keep === 'matching')
}

/** `dr_regs` and `dr_sessions` decide whether the range applies to what they name. */
const inRange = (test: (subject: FilterSubject, range: DateRange) => boolean): Narrowing => (value, range) =>
  (range === undefined || !isOn(value) ? undefined : (subject) => test(subject, range))

/**
 * Every filter of the parameter registry, keyed by its wire name (the compiler checks that none
 * is missing): what it reads, and one pure predicate. A report keeps the registrants that
 * satisfy every predicate. The rules, with their sources, are the Filters table of
 * `contracts/README.md`.
 */
export const FILTERS: Readonly<Record<FilterParameter, FilterSemantics>> = {
  date_range_start: { reads: [], narrowing: 'range bound', dateRange: true },
  date_range_end: { reads: [], narrowing: 'range bound', dateRange: true },
  dr_regs: {
    dateRange: true,
    reads: ['regDate'],
    narrowing: inRange((s, range) => s.regDate >= range.from && s.regDate < range.until),
  },
  dr_sessions: {
    dateRange: true,
    reads: ['sessions'],
    narrowing: inRange((s, range) =>
      s.sessions.some((session) => session.start < range.until && session.end >= range.from)),
  },
  sti_filter: {
    reads: ['sti'],
    narrowing: (value) => {
      const values = new Set(pipeValues(value))
      return values.size === 0 ? undefined : (subject) => subject.sti !== undefined && values.has(subject.sti)
    },
  },
  incl_domain: { reads: ['email'], narrowing: domains('matching') },
  excl_domain: { reads: ['email'], narrowing: domains('others') },
  users_qa: { reads: ['questions'], narrowing: onOff((subject) => subject.questions.length > 0) },
  user_survey: { reads: ['surveys'], narrowing: onOff((subject) => subject.surveys.length > 0) },
  no_shows: { reads: ['sessions'], narrowing: onOff((subject) => subject.sessions.length === 0) },
  live_viewers: { reads: ['sessions'], narrowing: onOff(viewed('live')) },
  od_viewers: { reads: ['sessions'], narrowing: onOff(viewed('od')) },
  simlive_viewers: { reads: ['sessions'], narrowing: onOff(viewed('simlive')) },
}

const US_DATE = /^(\d{2})\/(\d{2})\/(\d{4})$/

/**
 * Reads `mm/dd/yyyy` as a real calendar date; undefined when it is not one.
 *
 * @example
 * calendarDateOf('02/30/2026') // undefined
 */
export function calendarDateOf (value: string): { year: number, month: number, day: number } | undefined {
  const match = US_DATE.exec(value)
  const [month, day, year] = [Number(match?.[1]), Number(match?.[2]), Number(match?.[3])]
  const probe = new Date(Date.UTC(year, month - 1, day))
  if (match === null || year < 1 || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return undefined
  return { year, month, day }
}

/**
 * The date range in a zone: from 00:00:00 of the start day to 23:59:59 of the end day, both
 * inclusive (doc: "Timestamp is automatically set to 12:00:00 AM / 11:59:59 PM"); undefined
 * when neither end is given. A date that is not a calendar date is a mistake of the caller's.
 *
 * @example
 * dateRangeOf('03/01/2026', undefined, 'GMT') // { from: Date.UTC(2026, 2, 1), until: Infinity }
 */
export function dateRangeOf (start: string | undefined, end: string | undefined, zone: string): DateRange | undefined {
  if (start === undefined && end === undefined) return undefined
  const day = (value: string): { year: number, month: number, day: number } => {
    const date = calendarDateOf(value)
    if (date === undefined) throw new RangeError(`"${value}" is not a date as mm/dd/yyyy`)
    return date
  }
  let from = -Infinity
  let until = Infinity
  if (start !== undefined) {
    const first = day(start)
    from = zonedTimeToEpoch(first.year, first.month, first.day, 0, 0, 0, zone)
  }
  if (end !== undefined) {
    const last = day(end)
    until = zonedTimeToEpoch(last.year, last.month, last.day, 23, 59, 59, zone) + 1000
  }
  return { from, until }
}

/**
 * One predicate per active filter of a report's parameters, each absent one at its registry
 * default: the registrants the report keeps satisfy them all.
 *
 * @example
 * reportPredicates({ no_shows: 'on', incl_domain: 'acme.com' }, undefined).length // 2
 */
export function reportPredicates (params: Readonly<Record<string, string | undefined>>, range: DateRange | undefined):
SubjectPredicate[] {
  const predicates: SubjectPredicate[] = []
  for (const [parameter, { narrowing }] of Object.entries(FILTERS) as Array<[FilterParameter, FilterSemantics]>) {
    const { default: fallback } = PARAMETERS[parameter] as { default?: string }
    const value = params[parameter] ?? fallback
    if (value === undefined || narrowing === 'range bound') continue
    const predicate = narrowing(value, range)
    if (predicate !== undefined) predicates.push(predicate)
  }
  return predicates
}
