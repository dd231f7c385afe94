import { parameterList, PARAMETERS, type FilterParameter } from '../../contracts/parameters.js'
import { ApiError } from '../http/api-error.js'
import { isKnownTimeZone, zonedTimeToEpoch } from '../time/wire-time.js'
import { FILTERS, type DateRange, type RegistrantPredicate } from './filters.js'

/** An audience-report request, understood. */
export interface ReportQuery {
  readonly eventId: string
  /** Every time in the report is shown in this zone. */
  readonly zone: string
  /** The report keeps the registrants that satisfy all of these. */
  readonly predicates: readonly RegistrantPredicate[]
}

const US_DATE = /^(\d{2})\/(\d{2})\/(\d{4})$/

/** Reads `mm/dd/yyyy` as a real calendar date, or throws an error naming the parameter. */
function calendarDate (value: string, parameter: string): { year: number, month: number, day: number } {
  const match = US_DATE.exec(value)
  const [month, day, year] = [Number(match?.[1]), Number(match?.[2]), Number(match?.[3])]
  const probe = new Date(Date.UTC(year, month - 1, day))
  if (match === null || year < 1 || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) {
    const detail = `${parameter} must be a real date as mm/dd/yyyy, not "${value}".`
    throw new ApiError('invalid_parameter', { parameter, detail })
  }
  return { year, month, day }
}

/**
 * The date range in a zone: from 00:00:00 of the start day to 23:59:59 of the end day, both
 * inclusive (doc: "Timestamp is automatically set to 12:00:00 AM / 11:59:59 PM").
 */
function dateRange (start: string | undefined, end: string | undefined, zone: string): DateRange | undefined {
  if (start === undefined && end === undefined) return undefined
  let from = -Infinity
  let until = Infinity
  if (start !== undefined) {
    const { year, month, day } = calendarDate(start, 'date_range_start')
    from = zonedTimeToEpoch(year, month, day, 0, 0, 0, zone)
  }
  if (end !== undefined) {
    const { year, month, day } = calendarDate(end, 'date_range_end')
    until = zonedTimeToEpoch(year, month, day, 23, 59, 59, zone) + 1000
  }
  if (from >= until) {
    const detail = 'date_range_start is after date_range_end.'
    throw new ApiError('conflicting_parameters', { parameter: 'date_range_end', detail })
  }
  return { from, until }
}

/** Refuses parameters sent together that the registry says conflict, naming the one declaring it. */
function refuseConflicts (params: Readonly<Record<string, string | undefined>>): void {
  for (const [name, { conflicts = [] }] of parameterList()) {
    if (params[name] === undefined) continue
    const other = conflicts.find((conflict) => params[conflict] !== undefined)
    if (other !== undefined) {
      throw new ApiError('conflicting_parameters', { parameter: name, detail: `${other} cannot be used with ${name}.` })
    }
  }
}

/**
 * Understands the parameters of an audience report that met their contract: the zone, the date
 * range, and one predicate per active filter; an absent parameter takes its registry default.
 * Throws the API error for the first problem.
 *
 * @example
 * readReportQuery({ ei: '1087592', no_shows: 'on', incl_domain: 'acme.com' }).predicates.length // 2
 */
export function readReportQuery (params: Readonly<Record<string, string | undefined>>): ReportQuery {
  const zone = params.tz ?? PARAMETERS.tz.default
  if (!isKnownTimeZone(zone)) {
    const detail = `tz "${zone}" is not a known time zone; use an IANA name such as America/New_York, or GMT.`
    throw new ApiError('invalid_parameter', { parameter: 'tz', detail })
  }
  refuseConflicts(params)
  const context = { range: dateRange(params.date_range_start, params.date_range_end, zone) }
  const predicates: RegistrantPredicate[] = []
  const filters = Object.entries(FILTERS) as Array<[FilterParameter, (typeof FILTERS)[FilterParameter]]>
  for (const [parameter, filter] of filters) {
    const { default: fallback } = PARAMETERS[parameter] as { default?: string }
    const value = params[parameter] ?? fallback
    if (value === undefined || filter === 'range-bound') continue
    const predicate = filter(value, context)
    if (predicate !== undefined) predicates.push(predicate)
  }
  return { eventId: params.ei ?? '', zone, predicates }
}
