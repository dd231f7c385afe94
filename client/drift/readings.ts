import type { FilterSubject } from '../../contracts/filter-semantics.js'
import type { ReportAttendee } from '../audience-report.js'

/**
 * A registrant as the behaviour checks read it off a report: what the filters read, and which
 * of that the report did not carry.
 */
export interface Reading {
  readonly email: string
  readonly subject: FilterSubject
  /** What the filters read that this registrant's answer lacks (a list left out, a time unreadable). */
  readonly lacks: ReadonlySet<keyof FilterSubject>
  readonly attendee: ReportAttendee
}

const WIRE_TIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/

/**
 * A wire time shown in GMT, as ms since the epoch; NaN when it is not one.
 *
 * @example
 * gmtInstant('2026-03-10 15:00:00') // Date.UTC(2026, 2, 10, 15)
 */
function gmtInstant (text: string): number {
  const match = WIRE_TIME.exec(text)
  if (match === null) return NaN
  const [year, month, day, hour, minute, second] =
    match.slice(1).map(Number) as [number, number, number, number, number, number]
  return Date.UTC(year, month - 1, day, hour, minute, second)
}

/**
 * How the behaviour checks read a registrant of a report shown in GMT: its times as instants,
 * its sessions (from XML or JSON; CSV has none), its numbers of questions and survey answers.
 *
 * @example
 * readingOf(report.attendees[0]).subject.sessions.length
 */
export function readingOf (attendee: ReportAttendee): Reading {
  const lacks = new Set<keyof FilterSubject>()
  const regDate = gmtInstant(attendee.regDate)
  if (Number.isNaN(regDate)) lacks.add('regDate')
  if (attendee.email === '') lacks.add('email')
  const sessionsAbsent = attendee.sessions === undefined ||
    attendee.absent.some((part) => part === 'session' || part.endsWith('_sessions_list'))
  const sessions = (attendee.sessions ?? []).map((session) => ({
    kind: session.kind,
    start: gmtInstant(session.start),
    end: gmtInstant(session.end),
  }))
  if (sessionsAbsent || sessions.some((session) => Number.isNaN(session.start) || Number.isNaN(session.end))) {
    lacks.add('sessions')
  }
  if (attendee.absent.includes('questions_list')) lacks.add('questions')
  if (attendee.absent.includes('surveys_list')) lacks.add('surveys')
  return {
    email: attendee.email,
    subject: {
      email: attendee.email,
      sti: attendee.sti,
      regDate,
      sessions,
      questions: { length: attendee.questions },
      surveys: { length: attendee.surveys },
    },
    lacks,
    attendee,
  }
}

/**
 * An email shown with its local part redacted, as reports show examples.
 *
 * @example
 * redactEmail('ann.lee@acme.com') // '…@acme.com'
 */
export function redactEmail (email: string): string {
  return `…${email.slice(email.lastIndexOf('@'))}`
}
