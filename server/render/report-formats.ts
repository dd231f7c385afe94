import { API_VERSION, REPORT_CSV_COLUMNS, type Format } from '../../contracts/wire-format.js'
import { SUCCESS_RETURN_CODE } from '../../contracts/error-catalogue.js'
import type { WebcastEvent } from '../../fixtures/dataset.js'
import type { Registrant } from '../../fixtures/registrant.js'
import { ByteWriter, encodeMarkup, type Markup } from './byte-writer.js'
import { csvRow } from './csv-text.js'
import type { EnvelopeHeader } from './envelope.js'
import { writeAttendeeJson, writeAttendeeXml, writeCsvRecord } from './report-rows.js'
import { XML_DECLARATION, textElement } from './xml-text.js'

/** Everything a report is written from; registrants arrive one at a time, already filtered. */
export interface ReportInput {
  readonly header: EnvelopeHeader
  readonly event: WebcastEvent
  readonly registrants: Iterable<Registrant>
  /** Maps an instant to the UTC instant showing the report zone's date and time (`wallClockOf`). */
  readonly wallClock: (epochMs: number) => number
}

/**
 * A report in two parts: the head, which carries the envelope header (the current time) and so
 * differs from one request to the next, and the body, which depends only on the data and the
 * query and so can be cached. The body comes in chunks of about 64 KB, each written only when
 * the one before has been taken, so a report of any size streams in bounded memory.
 */
export interface ReportParts {
  readonly head: string
  readonly body: Generator<Buffer, void, undefined>
}

const NOTHING = encodeMarkup('')
const XML_CLOSING = encodeMarkup('</attendee_list></success></result></convey_api>\n')
const JSON_SEPARATOR = encodeMarkup(',')
const JSON_CLOSING = encodeMarkup(']}}}}}')

/**
 * Writes `opening`, each registrant with `writeRow` (after `separator` from the second on), then
 * `closing`, in chunks.
 */
function * chunks (input: ReportInput, writeRow: (writer: ByteWriter, registrant: Registrant) => void,
  { opening = '', separator = NOTHING, closing = NOTHING }: { opening?: string, separator?: Markup, closing?: Markup } = {}): Generator<Buffer, void, undefined> {
  const writer = new ByteWriter(input.wallClock)
  writer.utf8(opening)
  let first = true
  for (const registrant of input.registrants) {
    if (!first) writer.markup(separator)
    first = false
    writeRow(writer, registrant)
    if (writer.hasFilled) yield * writer.takeFilled()
  }
  writer.markup(closing)
  yield * writer.finish()
}

/**
 * The XML report: the envelope, `success/eventid`, `success/eventtitle`, then one `attendee`
 * per registrant (`../shared/reference/real-api-evidence.md`, Audience report; the rest as
 * decided in `contracts/README.md`).
 */
function xmlReport (input: ReportInput): ReportParts {
  const { header, event } = input
  const head = `${XML_DECLARATION}\n<convey_api version="${API_VERSION}">${textElement('currentDateTime', header.currentDateTime)}` +
    `${textElement('currentTimeZone', header.currentTimeZone)}<result><returnCode>${SUCCESS_RETURN_CODE}</returnCode><success>`
  const opening = `${textElement('eventid', event.id)}${textElement('eventtitle', event.title)}<attendee_list>`
  return { head, body: chunks(input, writeAttendeeXml, { opening, closing: XML_CLOSING }) }
}

/** The JSON report: the same tree under `convey_api`, attendees always an array. */
function jsonReport (input: ReportInput): ReportParts {
  const { header, event } = input
  const envelope = JSON.stringify({ convey_api: { version: API_VERSION, ...header, result: { returnCode: String(SUCCESS_RETURN_CODE), success: {} } } })
  const head = envelope.slice(0, -'{}}}}'.length)
  const opening = `{"eventid":${JSON.stringify(event.id)},"eventtitle":${JSON.stringify(event.title)},"attendee_list":{"attendee":[`
  return { head, body: chunks(input, writeAttendeeJson, { opening, separator: JSON_SEPARATOR, closing: JSON_CLOSING }) }
}

/** The CSV report: a header row, then one row per registrant; RFC 4180, UTF-8, CRLF. */
function csvReport (input: ReportInput): ReportParts {
  return { head: csvRow(REPORT_CSV_COLUMNS), body: chunks(input, writeCsvRecord) }
}

/**
 * Writes a report in a format: its head at once, its body chunk by chunk.
 *
 * @example
 * const { head, body } = writeReport('csv', input)
 * process.stdout.write(head)
 * for (const chunk of body) process.stdout.write(chunk)
 */
export function writeReport (format: Format, input: ReportInput): ReportParts {
  switch (format) {
    case 'xml': return xmlReport(input)
    case 'json': return jsonReport(input)
    case 'csv': return csvReport(input)
  }
}
