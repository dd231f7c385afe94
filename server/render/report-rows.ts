import { REGISTRATION_ATTRIBUTES, SESSION_LISTS } from '../../contracts/wire-format.js'
import type { Registrant, ViewingKind, ViewingSession } from '../../fixtures/registrant.js'
import { encodeMarkup, markupTable, plainCharacters, type ByteWriter } from './byte-writer.js'
import { csvCell } from './csv-text.js'
import { escapeXmlAttribute } from './xml-text.js'

/** Whole seconds a session lasted. */
function durationSeconds (session: ViewingSession): number {
  return Math.floor((session.end - session.start) / 1000)
}

// What each format writes as it is; anything else goes through the format's escaping function.
const JSON_PLAIN = plainCharacters('"\\')
const XML_PLAIN = plainCharacters('&<>"\'')
const CSV_PLAIN = plainCharacters('",')
const QUOTE = 34
const jsonString = (text: string): string => JSON.stringify(text)

// The markup of each format, encoded once; the registration fields and session lists from the
// one list of each in `wire-format.ts`.
const JSON_MARKUP = markupTable({
  email: '{"email":',
  regDate: ',"reg_date":"',
  quote: '"',
  sti: ',"sti":',
  firstSession: '{"start":"',
  nextSession: ',{"start":"',
  sessionEnd: '","end":"',
  sessionDuration: '","duration":"',
  sessionClose: '"}',
  questions: ']}},"questions_list":{"question":[',
  firstQuestion: '{"time":"',
  nextQuestion: ',{"time":"',
  questionText: '","text":',
  questionClose: '}',
  surveys: ']},"surveys_list":{"survey":[',
  firstSurvey: '{"question":',
  nextSurvey: ',{"question":',
  surveyAnswer: ',"answer":',
  surveyTime: ',"time":"',
  surveyClose: '"}',
  close: ']}}',
})
const JSON_FIELDS = REGISTRATION_ATTRIBUTES.map((name) => ({ name, before: encodeMarkup(`,"${name}":`) }))
const JSON_SESSION_LISTS = SESSION_LISTS.map(({ list, item, kind }, position) => ({
  kind,
  before: encodeMarkup(`${position === 0 ? ',"session":{' : ']},'}"${list}":{"${item}":[`),
}))

const XML_MARKUP = markupTable({
  email: '<attendee email="',
  regDate: '" reg_date="',
  sti: '" sti="',
  session: '"><session>',
  sessionEnd: '" end="',
  sessionDuration: '" duration="',
  emptyClose: '"/>',
  questions: '</session><questions_list>',
  question: '<question time="',
  questionText: '" text="',
  surveys: '</questions_list><surveys_list>',
  survey: '<survey question="',
  surveyAnswer: '" answer="',
  surveyTime: '" time="',
  close: '</surveys_list></attendee>',
})
const XML_FIELDS = REGISTRATION_ATTRIBUTES.map((name) => ({ name, before: encodeMarkup(`" ${name}="`) }))
const XML_SESSION_LISTS = SESSION_LISTS.map(({ list, item, kind }) => ({
  kind, ...markupTable({ open: `<${list}>`, close: `</${list}>`, empty: `<${list}/>`, before: `<${item} start="` }),
}))

const CSV_MARKUP = markupTable({ comma: ',', end: '\r\n' })

function sessionsJson (w: ByteWriter, registrant: Registrant, kind: ViewingKind): void {
  const m = JSON_MARKUP
  let before = m.firstSession
  for (const session of registrant.sessions) {
    if (session.kind !== kind) continue
    w.markup(before).time(session.start).markup(m.sessionEnd).time(session.end)
      .markup(m.sessionDuration).integer(durationSeconds(session)).markup(m.sessionClose)
    before = m.nextSession
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
  const m = JSON_MARKUP
  w.markup(m.email).text(r.email, JSON_PLAIN, jsonString, QUOTE)
  for (const { name, before } of JSON_FIELDS) w.markup(before).text(r[name], JSON_PLAIN, jsonString, QUOTE)
  w.markup(m.regDate).time(r.regDate).markup(m.quote)
  if (r.sti !== undefined) w.markup(m.sti).text(r.sti, JSON_PLAIN, jsonString, QUOTE)
  for (const { kind, before } of JSON_SESSION_LISTS) {
    w.markup(before)
    sessionsJson(w, r, kind)
  }
  w.markup(m.questions)
  let before = m.firstQuestion
  for (const question of r.questions) {
    w.markup(before).time(question.time)
      .markup(m.questionText).text(question.text, JSON_PLAIN, jsonString, QUOTE).markup(m.questionClose)
    before = m.nextQuestion
  }
  w.markup(m.surveys)
  before = m.firstSurvey
  for (const survey of r.surveys) {
    w.markup(before).text(survey.question, JSON_PLAIN, jsonString, QUOTE)
      .markup(m.surveyAnswer).text(survey.answer, JSON_PLAIN, jsonString, QUOTE)
      .markup(m.surveyTime).time(survey.time).markup(m.surveyClose)
    before = m.nextSurvey
  }
  w.markup(m.close)
}

/**
 * Writes a registrant as one `attendee` element: registration fields and `reg_date`, `sti` as
 * attributes, then the session lists, questions and survey answers.
 *
 * @example
 * writeAttendeeXml(writer, registrant)
 */
export function writeAttendeeXml (w: ByteWriter, r: Registrant): void {
  const m = XML_MARKUP
  w.markup(m.email).text(r.email, XML_PLAIN, escapeXmlAttribute)
  for (const { name, before } of XML_FIELDS) w.markup(before).text(r[name], XML_PLAIN, escapeXmlAttribute)
  w.markup(m.regDate).time(r.regDate)
  if (r.sti !== undefined) w.markup(m.sti).text(r.sti, XML_PLAIN, escapeXmlAttribute)
  w.markup(m.session)
  for (const { kind, open, close, empty, before } of XML_SESSION_LISTS) {
    let opened = false
    for (const session of r.sessions) {
      if (session.kind !== kind) continue
      if (!opened) w.markup(open)
      opened = true
      w.markup(before).time(session.start).markup(m.sessionEnd).time(session.end)
        .markup(m.sessionDuration).integer(durationSeconds(session)).markup(m.emptyClose)
    }
    w.markup(opened ? close : empty)
  }
  w.markup(m.questions)
  for (const question of r.questions) {
    w.markup(m.question).time(question.time)
      .markup(m.questionText).text(question.text, XML_PLAIN, escapeXmlAttribute).markup(m.emptyClose)
  }
  w.markup(m.surveys)
  for (const survey of r.surveys) {
    w.markup(m.survey).text(survey.question, XML_PLAIN, escapeXmlAttribute)
      .markup(m.surveyAnswer).text(survey.answer, XML_PLAIN, escapeXmlAttribute)
      .markup(m.surveyTime).time(survey.time).markup(m.emptyClose)
  }
  w.markup(m.close)
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
  const { comma, end } = CSV_MARKUP
  w.text(r.email, CSV_PLAIN, csvCell)
  for (const name of REGISTRATION_ATTRIBUTES) w.markup(comma).text(r[name], CSV_PLAIN, csvCell)
  w.markup(comma).time(r.regDate).markup(comma)
  if (r.sti !== undefined) w.text(r.sti, CSV_PLAIN, csvCell)
  for (const { kind } of SESSION_LISTS) w.markup(comma).integer(counts[kind]).markup(comma).integer(seconds[kind])
  w.markup(comma)
  if (first !== Infinity) w.time(first)
  w.markup(comma)
  if (last !== -Infinity) w.time(last)
  w.markup(comma).integer(r.questions.length).markup(comma).integer(r.surveys.length).markup(end)
}
