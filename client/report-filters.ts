import {
  PARAMETERS, type ParameterDefinition, type ParameterKind, type ParameterName,
} from '../contracts/parameters.js'

/** A calendar day: a `Date` (its UTC year, month and day) or `YYYY-MM-DD`. */
export type CalendarDay = Date | `${number}-${number}-${number}`

/** The typed value the client takes for each kind of wire value. */
interface ValueOfKind {
  version: '2.0'
  text: string
  token: string
  eventId: string
  zone: string
  usDate: CalendarDay
  onOff: boolean
  pipeList: readonly string[]
}

/** The optional parameters of an audience report: `tz` and every filter, from the registry. */
type ReportOption = {
  [P in ParameterName]: (typeof PARAMETERS)[P]['endpoints'] extends { audienceReport: 'optional' } ? P : never
}[ParameterName]

/**
 * The audience report's filters, by their wire names, with typed values: booleans for on/off,
 * arrays for `|` lists, days for the range, a zone name for `tz` (every time in the report is
 * shown in it). Derived from the parameter registry, so a new filter appears here by itself.
 */
export type ReportFilters = { [P in ReportOption]?: ValueOfKind[(typeof PARAMETERS)[P]['kind']] }

function usDate (day: CalendarDay): string {
  const [year, month, date] = typeof day === 'string'
    ? day.split('-')
    : [String(day.getUTCFullYear()), String(day.getUTCMonth() + 1), String(day.getUTCDate())]
  return `${(month ?? '').padStart(2, '0')}/${(date ?? '').padStart(2, '0')}/${(year ?? '').padStart(4, '0')}`
}

const ENCODERS: { [K in ParameterKind]: (value: ValueOfKind[K]) => string } = {
  version: (value) => value,
  text: (value) => value,
  token: (value) => value,
  eventId: (value) => value,
  zone: (value) => value,
  usDate,
  onOff: (value) => (value ? 'on' : 'off'),
  pipeList: (value) => value.join('|'),
}

/**
 * Turns typed filters into wire parameters, each by its kind in the registry. A name that is not
 * an audience-report filter is a mistake in the caller's code, and throws a `TypeError`.
 *
 * @example
 * filtersToParams({ no_shows: true, incl_domain: ['acme.com', 'globex.com'], date_range_start: '2026-03-01' })
 * // { no_shows: 'on', incl_domain: 'acme.com|globex.com', date_range_start: '03/01/2026' }
 */
export function filtersToParams (filters: ReportFilters): Record<string, string> {
  const params: Record<string, string> = {}
  for (const [name, value] of Object.entries(filters) as Array<[string, unknown]>) {
    if (value === undefined) continue
    const definition = (PARAMETERS as Partial<Record<string, ParameterDefinition>>)[name]
    if (definition?.endpoints.audienceReport !== 'optional') {
      throw new TypeError(`${name} is not an audience-report filter`)
    }
    params[name] = (ENCODERS[definition.kind] as (value: unknown) => string)(value)
  }
  return params
}
