/** The three response formats and the content type each one travels with. */
export const CONTENT_TYPES = {
  xml: 'text/xml; charset=utf-8',
  json: 'text/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
} as const

/** A response format, chosen by the path suffix (`/json`, `/csv`; none means XML). */
export type Format = keyof typeof CONTENT_TYPES

/** The `version` attribute of the `convey_api` root element. */
export const API_VERSION = '2.0'

/** Every time on the wire looks like `2026-11-27 23:39:44`: no `T`, no offset. */
export const WIRE_TIME_PATTERN = '^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}$'

/**
 * Elements that may occur more than once under their parent. In JSON they are always arrays,
 * also when one or none occurs; the XML decoder must make the same choice.
 */
export const LIST_CONTAINERS = {
  core_event: 'event_info',
  attendee_list: 'attendee',
  live_sessions_list: 'live_session',
  od_sessions_list: 'od_session',
  simlive_sessions_list: 'simlive_session',
  questions_list: 'question',
  surveys_list: 'survey',
} as const

/** The one element whose XML text is carried in JSON under a named key: `event_info`'s title. */
export const TEXT_CONTENT_KEY = 'title'

/**
 * Picks the format a path asks for.
 *
 * @example
 * formatOfPath('/api/login/json') // 'json'
 */
export function formatOfPath (path: string): Format {
  const end = path.split('?', 1)[0]?.replace(/\/+$/, '') ?? ''
  const suffixed = (Object.keys(FORMAT_SUFFIX) as Format[])
    .find((format) => FORMAT_SUFFIX[format] !== '' && end.endsWith(FORMAT_SUFFIX[format]))
  return suffixed ?? 'xml'
}

/** What a format adds to an endpoint's path when it is not the endpoint's first format. */
export const FORMAT_SUFFIX: Readonly<Record<Format, string>> = { xml: '', json: '/json', csv: '/csv' }

/** Registration fields, as attributes of `attendee` and CSV columns, in this order after `email`. */
export const REGISTRATION_ATTRIBUTES = [
  'fname', 'lname', 'company', 'title', 'address1', 'address2', 'city', 'state', 'country', 'postalcode', 'phone',
] as const

/** The columns of a CSV audience report, in order: one row per registrant after this header. */
export const REPORT_CSV_COLUMNS = [
  'email', ...REGISTRATION_ATTRIBUTES, 'reg_date', 'sti',
  'live_sessions', 'live_seconds', 'od_sessions', 'od_seconds', 'simlive_sessions', 'simlive_seconds',
  'first_view', 'last_view', 'questions', 'surveys',
] as const

/** One viewing-session list of an attendee: the list element and its item element. */
export const SESSION_LISTS = [
  { list: 'live_sessions_list', item: 'live_session', kind: 'live' },
  { list: 'od_sessions_list', item: 'od_session', kind: 'od' },
  { list: 'simlive_sessions_list', item: 'simlive_session', kind: 'simlive' },
] as const
