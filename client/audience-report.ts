import type { AttendeeJson, AudienceReportResponse, SessionJson } from '../contracts/response-types.js'
import { REGISTRATION_ATTRIBUTES, type Format } from '../contracts/wire-format.js'

/**
 * One registrant of a report, the same whichever format it came in: registration fields, the
 * registration time and aggregates of viewing. XML and JSON carry every session, question and
 * survey answer too, under `detail`; CSV carries the aggregates only.
 */
export interface ReportAttendee extends Pick<AttendeeJson, 'email' | (typeof REGISTRATION_ATTRIBUTES)[number]> {
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
  detail?: AttendeeJson
}

/** An audience report, decoded. `eventId` and `eventTitle` are absent from CSV. */
export interface AudienceReport {
  format: Format
  eventId?: string
  eventTitle?: string
  attendees: ReportAttendee[]
}

function sessionTotals (sessions: readonly SessionJson[]): [number, number] {
  return [sessions.length, sessions.reduce((sum, session) => sum + Number(session.duration), 0)]
}

/** A report attendee from the XML or JSON tree. */
function attendeeFromTree (a: AttendeeJson): ReportAttendee {
  const [liveSessions, liveSeconds] = sessionTotals(a.session.live_sessions_list.live_session)
  const [odSessions, odSeconds] = sessionTotals(a.session.od_sessions_list.od_session)
  const [simliveSessions, simliveSeconds] = sessionTotals(a.session.simlive_sessions_list.simlive_session)
  const all = [...a.session.live_sessions_list.live_session, ...a.session.od_sessions_list.od_session, ...a.session.simlive_sessions_list.simlive_session]
  const fields = Object.fromEntries(REGISTRATION_ATTRIBUTES.map((name) => [name, a[name]])) as Record<(typeof REGISTRATION_ATTRIBUTES)[number], string>
  return {
    email: a.email,
    ...fields,
    regDate: a.reg_date,
    sti: a.sti,
    liveSessions,
    liveSeconds,
    odSessions,
    odSeconds,
    simliveSessions,
    simliveSeconds,
    firstView: all.length === 0 ? undefined : all.map((s) => s.start).sort()[0],
    lastView: all.length === 0 ? undefined : all.map((s) => s.end).sort().at(-1),
    questions: a.questions_list.question.length,
    surveys: a.surveys_list.survey.length,
    detail: a,
  }
}

/** A report attendee from one CSV row keyed by the header. */
export function attendeeFromCsvRow (row: Readonly<Record<string, string | undefined>>): ReportAttendee {
  const text = (name: string): string => row[name] ?? ''
  const count = (name: string): number => Number(row[name] ?? '0')
  const fields = Object.fromEntries(REGISTRATION_ATTRIBUTES.map((name) => [name, text(name)])) as Record<(typeof REGISTRATION_ATTRIBUTES)[number], string>
  return {
    email: text('email'),
    ...fields,
    regDate: text('reg_date'),
    sti: text('sti') === '' ? undefined : text('sti'),
    liveSessions: count('live_sessions'),
    liveSeconds: count('live_seconds'),
    odSessions: count('od_sessions'),
    odSeconds: count('od_seconds'),
    simliveSessions: count('simlive_sessions'),
    simliveSeconds: count('simlive_seconds'),
    firstView: text('first_view') === '' ? undefined : text('first_view'),
    lastView: text('last_view') === '' ? undefined : text('last_view'),
    questions: count('questions'),
    surveys: count('surveys'),
  }
}

/** A report from its decoded XML or JSON tree. */
export function reportFromTree (format: 'xml' | 'json', tree: AudienceReportResponse): AudienceReport {
  const { success } = tree.convey_api.result
  return { format, eventId: success.eventid, eventTitle: success.eventtitle, attendees: success.attendee_list.attendee.map(attendeeFromTree) }
}

/**
 * The domain of an email address, lower-cased: what `incl_domain` and `excl_domain` match.
 *
 * @example
 * emailDomain('Ann.Lee@Acme.COM') // 'acme.com'
 */
export function emailDomain (email: string): string {
  return email.slice(email.lastIndexOf('@') + 1).toLowerCase()
}
