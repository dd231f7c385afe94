import type { AttendeeJson } from '../contracts/response-types.js'
import { REGISTRATION_ATTRIBUTES, SESSION_LISTS, type Format } from '../contracts/wire-format.js'
import { fieldOf as field, itemsOf, textOf } from './lenient.js'

/** A registration field: an attribute of `attendee`, a column of the CSV report. */
type RegistrationAttribute = (typeof REGISTRATION_ATTRIBUTES)[number]

/** One viewing session as the report shows it: times in the report's zone. */
export interface ReportSession {
  readonly kind: (typeof SESSION_LISTS)[number]['kind']
  /** `YYYY-MM-DD HH:MM:SS` in the report's zone. */
  readonly start: string
  readonly end: string
  readonly seconds: number
}

/**
 * One registrant of a report, the same whichever format it came in: registration fields, the
 * registration time and aggregates of viewing. XML and JSON carry every session, question and
 * survey answer too: the sessions under `sessions`, the whole element under `detail`; CSV
 * carries the aggregates only.
 */
export interface ReportAttendee extends Record<RegistrationAttribute, string> {
  email: string
  /** `YYYY-MM-DD HH:MM:SS` in the report's zone. */
  regDate: string
  sti: string | undefined
  liveSessions: number
  liveSeconds: number
  odSessions: number
  odSeconds: number
  simliveSessions: number
  simliveSeconds: number
  firstView: string | undefined
  lastView: string | undefined
  questions: number
  surveys: number
  /** Every viewing session, from XML and JSON. */
  sessions?: ReportSession[]
  /**
   * The parts of a registrant the answer did not carry at all (a list left out, a column
   * missing), so that a count of 0 there means "not said", not "none".
   */
  absent: string[]
  detail?: AttendeeJson
}

/** An audience report, decoded. `eventId` and `eventTitle` are absent from CSV. */
export interface AudienceReport {
  format: Format
  eventId?: string
  eventTitle?: string
  attendees: ReportAttendee[]
}

/**
 * A report attendee from the XML or JSON tree, read leniently: numbers and booleans where text
 * was expected, one item where a list was expected, and absent parts (named in `absent`) are
 * all read through, so that a service that differs in form still yields its data.
 *
 * @example
 * attendeeFromTree({ email: 'a@b.c', reg_date: '2026-03-01 10:00:00', session: {} }).absent
 * // ['fname', …, 'questions_list', 'surveys_list']
 */
export function attendeeFromTree (a: unknown): ReportAttendee {
  const absent: string[] = []
  const text = (name: string): string => {
    const value = textOf(field(a, name))
    if (value === undefined) absent.push(name)
    return value ?? ''
  }
  const fields = Object.fromEntries(REGISTRATION_ATTRIBUTES.map((name) => [name, text(name)])) as
    Record<RegistrationAttribute, string>
  const sessionNode = field(a, 'session')
  if (sessionNode === undefined) absent.push('session')
  const sessions: ReportSession[] = []
  const totals = { live: { count: 0, seconds: 0 }, od: { count: 0, seconds: 0 }, simlive: { count: 0, seconds: 0 } }
  for (const { list, item, kind } of SESSION_LISTS) {
    const items = itemsOf(field(sessionNode, list), item)
    if (items === undefined) absent.push(list)
    for (const session of items ?? []) {
      const seconds = Number(textOf(field(session, 'duration')) ?? 0)
      sessions.push({
        kind,
        start: textOf(field(session, 'start')) ?? '',
        end: textOf(field(session, 'end')) ?? '',
        seconds,
      })
      totals[kind].count += 1
      totals[kind].seconds += seconds
    }
  }
  const count = (list: string, item: string): number => {
    const items = itemsOf(field(a, list), item)
    if (items === undefined) absent.push(list)
    return items?.length ?? 0
  }
  const starts = sessions.map((s) => s.start).sort()
  const ends = sessions.map((s) => s.end).sort()
  const email = text('email')
  const regDate = text('reg_date')
  const sti = textOf(field(a, 'sti'))
  return {
    email,
    ...fields,
    regDate,
    sti,
    liveSessions: totals.live.count,
    liveSeconds: totals.live.seconds,
    odSessions: totals.od.count,
    odSeconds: totals.od.seconds,
    simliveSessions: totals.simlive.count,
    simliveSeconds: totals.simlive.seconds,
    firstView: starts[0],
    lastView: ends.at(-1),
    questions: count('questions_list', 'question'),
    surveys: count('surveys_list', 'survey'),
    sessions,
    absent,
    detail: a as AttendeeJson,
  }
}

/** The CSV columns of counts, each with what it counts. */
const CSV_COUNTS = [
  'live_sessions', 'live_seconds', 'od_sessions', 'od_seconds', 'simlive_sessions', 'simlive_seconds', 'questions',
  'surveys',
] as const

/**
 * A report attendee from one CSV row keyed by the header; a column the row lacks is named in
 * `absent`.
 *
 * @example
 * attendeeFromCsvRow({ email: 'a@b.c', live_sessions: '2' }).liveSessions // 2
 */
export function attendeeFromCsvRow (row: Readonly<Record<string, string | undefined>>): ReportAttendee {
  const absent: string[] = []
  const text = (name: string): string => {
    const value = row[name]
    if (value === undefined) absent.push(name)
    return value ?? ''
  }
  const fields = Object.fromEntries(REGISTRATION_ATTRIBUTES.map((name) => [name, text(name)])) as
    Record<RegistrationAttribute, string>
  const counts = Object.fromEntries(CSV_COUNTS.map((name) => [name, Number(text(name) || '0')])) as
    Record<(typeof CSV_COUNTS)[number], number>
  const optional = (name: string): string | undefined => (text(name) === '' ? undefined : row[name])
  return {
    email: text('email'),
    ...fields,
    regDate: text('reg_date'),
    sti: optional('sti'),
    liveSessions: counts.live_sessions,
    liveSeconds: counts.live_seconds,
    odSessions: counts.od_sessions,
    odSeconds: counts.od_seconds,
    simliveSessions: counts.simlive_sessions,
    simliveSeconds: counts.simlive_seconds,
    firstView: optional('first_view'),
    lastView: optional('last_view'),
    questions: counts.questions,
    surveys: counts.surveys,
    absent,
  }
}

/**
 * A report from its decoded XML or JSON tree, read leniently (see {@link attendeeFromTree}).
 *
 * @example
 * reportFromTree('json', JSON.parse(body)).attendees.length
 */
export function reportFromTree (format: 'xml' | 'json', tree: unknown): AudienceReport {
  const success = field(field(field(tree, 'convey_api'), 'result'), 'success')
  const attendees = itemsOf(field(success, 'attendee_list'), 'attendee') ?? []
  const eventId = textOf(field(success, 'eventid'))
  const eventTitle = textOf(field(success, 'eventtitle'))
  return {
    format,
    ...(eventId === undefined ? {} : { eventId }),
    ...(eventTitle === undefined ? {} : { eventTitle }),
    attendees: attendees.map(attendeeFromTree),
  }
}
