import type { ReportFilterParameter } from '../contracts/request-schemas.js'

/** A calendar day: a `Date` (its UTC year, month and day) or `YYYY-MM-DD`. */
export type CalendarDay = Date | `${number}-${number}-${number}`

/**
 * The audience report's filters, by their wire names, with typed values: booleans for on/off,
 * arrays for `|` lists, days for the range, a zone for `tz`. The compiler checks that every
 * documented filter is here.
 */
export type ReportFilters = {
  /** IANA zone name, or `GMT` / `UTC`: every time in the report is shown in it. */
  tz?: string
} & {
  [P in ReportFilterParameter]?: P extends 'date_range_start' | 'date_range_end'
    ? CalendarDay
    : P extends 'sti_filter' | 'incl_domain' | 'excl_domain' ? readonly string[] : boolean
}

function usDate (day: CalendarDay): string {
  const [year, month, date] = typeof day === 'string'
    ? day.split('-')
    : [String(day.getUTCFullYear()), String(day.getUTCMonth() + 1), String(day.getUTCDate())]
  return `${(month ?? '').padStart(2, '0')}/${(date ?? '').padStart(2, '0')}/${(year ?? '').padStart(4, '0')}`
}

/**
 * Turns typed filters into wire parameters.
 *
 * @example
 * filtersToParams({ no_shows: true, incl_domain: ['acme.com', 'globex.com'], date_range_start: '2026-03-01' })
 * // { no_shows: 'on', incl_domain: 'acme.com|globex.com', date_range_start: '03/01/2026' }
 */
export function filtersToParams (filters: ReportFilters): Record<string, string> {
  const params: Record<string, string> = {}
  for (const [name, value] of Object.entries(filters) as Array<[string, unknown]>) {
    if (value === undefined) continue
    if (typeof value === 'boolean') params[name] = value ? 'on' : 'off'
    else if (Array.isArray(value)) params[name] = value.join('|')
    else if (value instanceof Date || (typeof value === 'string' && name.startsWith('date_range_'))) params[name] = usDate(value as CalendarDay)
    else if (typeof value === 'string') params[name] = value
  }
  return params
}
