import { REGISTRATION_ATTRIBUTES, SESSION_LISTS } from '../../contracts/wire-format.js'
import type { Registrant, ViewingKind, ViewingSession } from '../../fixtures/registrant.js'
import { plainCharacters, type ByteWriter } from './byte-writer.js'
import { csvCell } from './csv-text.js'
import { escapeXmlAttribute } from './xml-text.js'

/** Whole seconds a session lasted. */
export function durationSeconds (session: ViewingSession): number {
  return Math.floor((session.end - session.start) / 1000)
}

// What each format writes as it is; anything else goes through the format's escaping function.
const JSON_PLAIN = plainCharacters('"\\')
const XML_PLAIN = plainCharacters('&<>"\'')
const CSV_PLAIN = plainCharacters('",')
const QUOTE = 34
const jsonString = (text: string): string => JSON.stringify(text)

// The registration fields with the markup before each, built once from the one list of them.
const JSON_FIELDS = REGISTRATION_ATTRIBUTES.map((name) => ({ name, before: `,"${name}":` }))
const XML_FIELDS = REGISTRATION_ATTRIBUTES.map((name) => ({ name, before: `" ${name}="` }))
const XML_SESSION_LISTS = SESSION_LISTS.map(({ list, item, kind }) => ({
  kind, open: `<${list}>`, close: `</${list}>`, empty: `<${list}/>`, before: `<${item} start="`,
}))
const JSON_SESSION_LISTS = SESSION_LISTS.map(({ list, item, kind }, position) => ({
  kind,
  before: `${position === 0 ? ',"session":{' : ']},'}"${list}":{"${item}":[`,
}))

function sessionsJson (w: ByteWriter, registrant: Registrant, kind: ViewingKind): void {
  let before = '{"start":"'
  for (const session of registrant.sessions) {
    if (session.kind !== kind) continue
    w.ascii(before).time(session.start).ascii('","end":"').time(session.end).ascii('","duration":"').integer(durationSeconds(session)).ascii('"}')
    before = ',{"start":"'
  }
}

/**
 * Writes a registrant as the report's JSON tree spells it (`AttendeeJson`), in one pass: reports
 * write thousands, and building objects to stringify them costs twice. The contract test and
 * the XML round-trip test hold it to the same tree as the XML.
 *
 * @example
 * const writer = new ByteWriter(wallClockOf('GMT'))
 * writeAttendeeJson(writer, registrant)
 * JSON.parse(Buffer.concat(writer.finish()).toString()).email
 */
export function writeAttendeeJson (w: ByteWriter, r: Registrant): void {
  w.ascii('{"email":').text(r.email, JSON_PLAIN, jsonString, QUOTE)
  for (const { name, before } of JSON_FIELDS) w.ascii(before).text(r[name], JSON_PLAIN, jsonString, QUOTE)
  w.ascii(',"reg_date":"').time(r.regDate).ascii('"')
  if (r.sti !== undefined) w.ascii(',"sti":').text(r.sti, JSON_PLAIN, jsonString, QUOTE)
  for (const { kind, before } of JSON_SESSION_LISTS) {
    w.ascii(before)
    sessionsJson(w, r, kind)
  }
  w.ascii(']}},"questions_list":{"question":[')
  let before = '{"time":"'
  for (const question of r.questions) {
    w.ascii(before).time(question.time).ascii('","text":').text(question.text, JSON_PLAIN, jsonString, QUOTE).ascii('}')
    before = ',{"time":"'
  }
  w.ascii(']},"surveys_list":{"survey":[')
  before = '{"question":'
  for (const survey of r.surveys) {
    w.ascii(before).text(survey.question, JSON_PLAIN, jsonString, QUOTE)
      .ascii(',"answer":').text(survey.answer, JSON_PLAIN, jsonString, QUOTE)
      .ascii(',"time":"').time(survey.time).ascii('"}')
    before = ',{"question":'
  }
  w.ascii(']}}')
}

/**
 * Writes a registrant as one `attendee` element: registration fields and `reg_date`, `sti` as
 * attributes, then the session lists, questions and survey answers.
 *
 * @example
 * writeAttendeeXml(writer, registrant)
 */
export function writeAttendeeXml (w: ByteWriter, r: Registrant): void {
  w.ascii('<attendee email="').text(r.email, XML_PLAIN, escapeXmlAttribute)
  for (const { name, before } of XML_FIELDS) w.ascii(before).text(r[name], XML_PLAIN, escapeXmlAttribute)
  w.ascii('" reg_date="').time(r.regDate)
  if (r.sti !== undefined) w.ascii('" sti="').text(r.sti, XML_PLAIN, escapeXmlAttribute)
  w.ascii('"><session>')
  for (const { kind, open, close, empty, before } of XML_SESSION_LISTS) {
    let opened = false
    for (const session of r.sessions) {
      if (session.kind !== kind) continue
      if (!opened) w.ascii(open)
      opened = true
      w.ascii(before).time(session.start).ascii('" end="').time(session.end).ascii('" duration="').integer(durationSeconds(session)).ascii('"/>')
    }
    w.ascii(opened ? close : empty)
  }
  w.ascii('</session><questions_list>')
  for (const question of r.questions) w.ascii('<question time="').time(question.time).ascii('" text="').text(question.text, XML_PLAIN, escapeXmlAttribute).ascii('"/>')
  w.ascii('</questions_list><surveys_list>')
  for (const survey of r.surveys) {
    w.ascii('<survey question="').text(survey.question, XML_PLAIN, escapeXmlAttribute)
      .ascii('" answer="').text(survey.answer, XML_PLAIN, escapeXmlAttribute)
      .ascii('" time="').time(survey.time).ascii('"/>')
  }
  w.ascii('</surveys_list></attendee>')
}

/**
 * Writes a registrant as one CSV record, in `REPORT_CSV_COLUMNS` order and ended by CRLF: the
 * attributes, then counts and seconds per kind of viewing, the first and last moment watched,
 * and the numbers of questions and survey answers. One pass over the sessions.
 *
 * @example
 * writeCsvRecord(writer, registrant)
 */
export function writeCsvRecord (w: ByteWriter, r: Registrant): void {
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
  w.text(r.email, CSV_PLAIN, csvCell)
  for (const name of REGISTRATION_ATTRIBUTES) w.ascii(',').text(r[name], CSV_PLAIN, csvCell)
  w.ascii(',').time(r.regDate).ascii(',')
  if (r.sti !== undefined) w.text(r.sti, CSV_PLAIN, csvCell)
  for (const { kind } of SESSION_LISTS) w.ascii(',').integer(counts[kind]).ascii(',').integer(seconds[kind])
  w.ascii(',')
  if (first !== Infinity) w.time(first)
  w.ascii(',')
  if (last !== -Infinity) w.time(last)
  w.ascii(',').integer(r.questions.length).ascii(',').integer(r.surveys.length).ascii('\r\n')
}
