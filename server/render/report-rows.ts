import type { AttendeeJson, SessionJson } from '../../contracts/response-types.js'
import { REGISTRATION_ATTRIBUTES, SESSION_LISTS } from '../../contracts/wire-format.js'
import type { Registrant, ViewingSession } from '../../fixtures/registrant.js'

/** Formats an instant in the report's zone. */
export type TimeFormatter = (epochMs: number) => string

/** Whole seconds a session lasted. */
export function durationSeconds (session: ViewingSession): number {
  return Math.floor((session.end - session.start) / 1000)
}

function sessionJson (session: ViewingSession, formatTime: TimeFormatter): SessionJson {
  return { start: formatTime(session.start), end: formatTime(session.end), duration: String(durationSeconds(session)) }
}

/**
 * A registrant as the report's JSON tree shows it; the XML writer spells the same tree.
 *
 * @example
 * attendeeJson(registrant, wireTimeFormatter('GMT')).session.live_sessions_list.live_session
 */
export function attendeeJson (registrant: Registrant, formatTime: TimeFormatter): AttendeeJson {
  const fields = Object.fromEntries(REGISTRATION_ATTRIBUTES.map((name) => [name, registrant[name]])) as Pick<AttendeeJson, (typeof REGISTRATION_ATTRIBUTES)[number]>
  const sessionsOf = (kind: ViewingSession['kind']): SessionJson[] =>
    registrant.sessions.filter((session) => session.kind === kind).map((session) => sessionJson(session, formatTime))
  return {
    email: registrant.email,
    ...fields,
    reg_date: formatTime(registrant.regDate),
    ...(registrant.sti === undefined ? {} : { sti: registrant.sti }),
    session: {
      live_sessions_list: { live_session: sessionsOf('live') },
      od_sessions_list: { od_session: sessionsOf('od') },
      simlive_sessions_list: { simlive_session: sessionsOf('simlive') },
    },
    questions_list: { question: registrant.questions.map((q) => ({ time: formatTime(q.time), text: q.text })) },
    surveys_list: { survey: registrant.surveys.map((s) => ({ question: s.question, answer: s.answer, time: formatTime(s.time) })) },
  }
}

/**
 * A registrant as one CSV row, in `REPORT_CSV_COLUMNS` order: the attributes, then counts and
 * seconds per kind of viewing, the first and last moment watched, and the numbers of questions
 * and survey answers.
 */
export function csvValues (registrant: Registrant, formatTime: TimeFormatter): string[] {
  const perKind = SESSION_LISTS.flatMap(({ kind }) => {
    const sessions = registrant.sessions.filter((session) => session.kind === kind)
    return [String(sessions.length), String(sessions.reduce((sum, session) => sum + durationSeconds(session), 0))]
  })
  const { sessions } = registrant
  const firstView = sessions.length === 0 ? '' : formatTime(Math.min(...sessions.map((s) => s.start)))
  const lastView = sessions.length === 0 ? '' : formatTime(Math.max(...sessions.map((s) => s.end)))
  return [
    registrant.email,
    ...REGISTRATION_ATTRIBUTES.map((name) => registrant[name]),
    formatTime(registrant.regDate),
    registrant.sti ?? '',
    ...perKind,
    firstView,
    lastView,
    String(registrant.questions.length),
    String(registrant.surveys.length),
  ]
}
