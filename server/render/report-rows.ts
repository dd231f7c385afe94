import { REGISTRATION_ATTRIBUTES, SESSION_LISTS } from '../../contracts/wire-format.js'
import type { Registrant, ViewingKind, ViewingSession } from '../../fixtures/registrant.js'
import { csvCell } from './csv-text.js'
import { escapeXmlAttribute } from './xml-text.js'

/** Formats an instant in the report's zone. */
export type TimeFormatter = (epochMs: number) => string

/** Whole seconds a session lasted. */
export function durationSeconds (session: ViewingSession): number {
  return Math.floor((session.end - session.start) / 1000)
}

// Most text needs no escaping; JSON.stringify only for text that does (quotes, backslashes,
// control characters, lone surrogates).
// eslint-disable-next-line no-control-regex
const NEEDS_JSON_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/
const q = (text: string): string => (NEEDS_JSON_ESCAPE.test(text) ? JSON.stringify(text) : `"${text}"`)

function sessionsJson (registrant: Registrant, kind: ViewingKind, formatTime: TimeFormatter): string {
  let json = ''
  for (const session of registrant.sessions) {
    if (session.kind !== kind) continue
    json += `${json === '' ? '' : ','}{"start":"${formatTime(session.start)}","end":"${formatTime(session.end)}","duration":"${durationSeconds(session)}"}`
  }
  return json
}

/**
 * A registrant as the report's JSON tree spells it (`AttendeeJson`), written as text in one pass:
 * reports write thousands, and building objects to stringify them costs twice. The contract
 * test and the XML round-trip test hold it to the same tree as the XML.
 *
 * @example
 * JSON.parse(attendeeJsonText(registrant, wireTimeFormatter('GMT'))).email
 */
export function attendeeJsonText (r: Registrant, formatTime: TimeFormatter): string {
  let json = `{"email":${q(r.email)}`
  for (const name of REGISTRATION_ATTRIBUTES) json += `,"${name}":${q(r[name])}`
  json += `,"reg_date":"${formatTime(r.regDate)}"`
  if (r.sti !== undefined) json += `,"sti":${q(r.sti)}`
  json += `,"session":{"live_sessions_list":{"live_session":[${sessionsJson(r, 'live', formatTime)}]},` +
    `"od_sessions_list":{"od_session":[${sessionsJson(r, 'od', formatTime)}]},` +
    `"simlive_sessions_list":{"simlive_session":[${sessionsJson(r, 'simlive', formatTime)}]}},"questions_list":{"question":[`
  let separator = ''
  for (const question of r.questions) {
    json += `${separator}{"time":"${formatTime(question.time)}","text":${q(question.text)}}`
    separator = ','
  }
  json += ']},"surveys_list":{"survey":['
  separator = ''
  for (const survey of r.surveys) {
    json += `${separator}{"question":${q(survey.question)},"answer":${q(survey.answer)},"time":"${formatTime(survey.time)}"}`
    separator = ','
  }
  return `${json}]}}`
}

/**
 * A registrant as one `attendee` element: registration fields and `reg_date`, `sti` as
 * attributes, then the session lists, questions and survey answers.
 */
export function attendeeXml (registrant: Registrant, formatTime: TimeFormatter): string {
  let xml = `<attendee email="${escapeXmlAttribute(registrant.email)}"`
  for (const name of REGISTRATION_ATTRIBUTES) xml += ` ${name}="${escapeXmlAttribute(registrant[name])}"`
  xml += ` reg_date="${formatTime(registrant.regDate)}"`
  if (registrant.sti !== undefined) xml += ` sti="${escapeXmlAttribute(registrant.sti)}"`
  xml += '><session>'
  for (const { list, item, kind } of SESSION_LISTS) {
    const sessions = registrant.sessions.filter((session) => session.kind === kind)
    if (sessions.length === 0) {
      xml += `<${list}/>`
      continue
    }
    xml += `<${list}>`
    for (const session of sessions) {
      xml += `<${item} start="${formatTime(session.start)}" end="${formatTime(session.end)}" duration="${durationSeconds(session)}"/>`
    }
    xml += `</${list}>`
  }
  xml += '</session><questions_list>'
  for (const question of registrant.questions) xml += `<question time="${formatTime(question.time)}" text="${escapeXmlAttribute(question.text)}"/>`
  xml += '</questions_list><surveys_list>'
  for (const survey of registrant.surveys) {
    xml += `<survey question="${escapeXmlAttribute(survey.question)}" answer="${escapeXmlAttribute(survey.answer)}" time="${formatTime(survey.time)}"/>`
  }
  return `${xml}</surveys_list></attendee>`
}

/**
 * A registrant as one CSV record, in `REPORT_CSV_COLUMNS` order and ended by CRLF: the
 * attributes, then counts and seconds per kind of viewing, the first and last moment watched,
 * and the numbers of questions and survey answers. One pass over the sessions.
 */
export function csvRecord (r: Registrant, formatTime: TimeFormatter): string {
  const counts = { live: 0, od: 0, simlive: 0 }
  const seconds = { live: 0, od: 0, simlive: 0 }
  let first = Infinity
  let last = -Infinity
  for (const session of r.sessions) {
    counts[session.kind]++
    seconds[session.kind] += durationSeconds(session)
    if (session.start < first) first = session.start
    if (session.end > last) last = session.end
  }
  let record = csvCell(r.email)
  for (const name of REGISTRATION_ATTRIBUTES) record += `,${csvCell(r[name])}`
  record += `,${formatTime(r.regDate)},${r.sti === undefined ? '' : csvCell(r.sti)}`
  for (const { kind } of SESSION_LISTS) record += `,${counts[kind]},${seconds[kind]}`
  return `${record},${first === Infinity ? '' : formatTime(first)},${last === -Infinity ? '' : formatTime(last)},${r.questions.length},${r.surveys.length}\r\n`
}
