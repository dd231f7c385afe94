import {
  calendarDateOf, dateRangeOf, reportPredicates, type SubjectPredicate,
} from '../../contracts/filter-semantics.js'
import { parameterList, PARAMETERS } from '../../contracts/parameters.js'
import { isKnownTimeZone } from '../../contracts/wire-time.js'
import { ApiError } from '../http/api-error.js'

/** An audience-report request, understood. */
export interface ReportQuery {
  readonly eventId: string
  /** Every time in the report is shown in this zone. */
  readonly zone: string
  /** The report keeps the registrants that satisfy all of these (`contracts/filter-semantics.ts`). */
  readonly predicates: readonly SubjectPredicate[]
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
 * Refuses a date that is not a real calendar day, and an on/off value that is neither, naming
 * the parameter: the request contract checks their form; what they mean is checked here, and the
 * filters do not rely on either.
 */
function refuseBadValues (params: Readonly<Record<string, string | undefined>>): void {
  for (const [parameter, { kind }] of parameterList()) {
    const value = params[parameter]
    if (value === undefined) continue
    if (kind === 'usDate' && calendarDateOf(value) === undefined) {
      throw new ApiError('invalid_parameter', {
        parameter,
        detail: `${parameter} must be a real date as mm/dd/yyyy, not "${value}".`,
      })
    }
    if (kind === 'onOff' && !/^(on|off)$/i.test(value)) {
      throw new ApiError('invalid_parameter', { parameter, detail: `${parameter} must be "on" or "off".` })
    }
  }
}

/**
 * Understands the parameters of an audience report that met their contract: the zone, and one
 * predicate per active filter from the filter semantics the drift suite checks services
 * against, an absent parameter at its registry default. Throws the API error for the first
 * problem.
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
  refuseBadValues(params)
  const range = dateRangeOf(params.date_range_start, params.date_range_end, zone)
  if (range !== undefined && range.from >= range.until) {
    const detail = 'date_range_start is after date_range_end.'
    throw new ApiError('conflicting_parameters', { parameter: 'date_range_end', detail })
  }
  return { eventId: params.ei ?? '', zone, predicates: reportPredicates(params, range) }
}
