import { API_VERSION, REPORT_CSV_COLUMNS, type Format } from '../../contracts/wire-format.js'
import { SUCCESS_RETURN_CODE } from '../../contracts/error-catalogue.js'
import type { WebcastEvent } from '../../fixtures/dataset.js'
import type { Registrant } from '../../fixtures/registrant.js'
import type { EnvelopeHeader } from './envelope.js'
import { csvRow } from './csv-text.js'
import { attendeeJsonText, attendeeXml, csvRecord, type TimeFormatter } from './report-rows.js'
import { XML_DECLARATION, textElement } from './xml-text.js'

/** Everything a report is written from; registrants arrive one at a time, already filtered. */
export interface ReportInput {
  readonly header: EnvelopeHeader
  readonly event: WebcastEvent
  readonly registrants: Iterable<Registrant>
  readonly formatTime: TimeFormatter
}

/**
 * A report in two parts: the head, which carries the envelope header (the current time) and so
 * differs from one request to the next, and the body, which depends only on the data and the
 * query and so can be cached.
 */
export interface ReportParts {
  readonly head: string
  readonly body: Generator<string, void, undefined>
}

/**
 * The XML report: the envelope, `success/eventid`, `success/eventtitle`, then one `attendee`
 * per registrant (`../shared/reference/real-api-evidence.md`, Audience report; the rest as
 * decided in `contracts/README.md`).
 */
function xmlReport ({ header, event, registrants, formatTime }: ReportInput): ReportParts {
  const head = `${XML_DECLARATION}\n<convey_api version="${API_VERSION}">${textElement('currentDateTime', header.currentDateTime)}` +
    `${textElement('currentTimeZone', header.currentTimeZone)}<result><returnCode>${SUCCESS_RETURN_CODE}</returnCode><success>`
  function * body (): Generator<string, void, undefined> {
    yield `${textElement('eventid', event.id)}${textElement('eventtitle', event.title)}<attendee_list>`
    for (const registrant of registrants) yield attendeeXml(registrant, formatTime)
    yield '</attendee_list></success></result></convey_api>\n'
  }
  return { head, body: body() }
}

/** The JSON report: the same tree under `convey_api`, attendees always an array. */
function jsonReport ({ header, event, registrants, formatTime }: ReportInput): ReportParts {
  const envelope = JSON.stringify({ convey_api: { version: API_VERSION, ...header, result: { returnCode: String(SUCCESS_RETURN_CODE), success: {} } } })
  const head = envelope.slice(0, -'{}}}}'.length)
  function * body (): Generator<string, void, undefined> {
    yield `{"eventid":${JSON.stringify(event.id)},"eventtitle":${JSON.stringify(event.title)},"attendee_list":{"attendee":[`
    let separator = ''
    for (const registrant of registrants) {
      yield separator + attendeeJsonText(registrant, formatTime)
      separator = ','
    }
    yield ']}}}}}'
  }
  return { head, body: body() }
}

/** The CSV report: a header row, then one row per registrant; RFC 4180, UTF-8, CRLF. */
function csvReport ({ registrants, formatTime }: ReportInput): ReportParts {
  function * body (): Generator<string, void, undefined> {
    for (const registrant of registrants) yield csvRecord(registrant, formatTime)
  }
  return { head: csvRow(REPORT_CSV_COLUMNS), body: body() }
}

/**
 * Writes a report in a format: its head at once, its body piece by piece, so that a report of
 * any size streams in bounded memory. Pieces are small; {@link inBatches} joins them.
 *
 * @example
 * const { head, body } = writeReport('csv', input)
 * process.stdout.write(head)
 * for (const piece of body) process.stdout.write(piece)
 */
export function writeReport (format: Format, input: ReportInput): ReportParts {
  switch (format) {
    case 'xml': return xmlReport(input)
    case 'json': return jsonReport(input)
    case 'csv': return csvReport(input)
  }
}

/**
 * Joins small pieces into chunks of about `size` characters: fewer, larger writes to the socket.
 * The first piece (the report's head) goes out alone and at once, so the first byte never waits
 * for registrants to be generated.
 *
 * @example
 * Readable.from(inBatches(headThenBody(head, body)))
 */
export function * inBatches (pieces: Iterable<string>, size = 64 * 1024): Generator<string, void, undefined> {
  let batch: string | undefined
  for (const piece of pieces) {
    if (batch === undefined) {
      yield piece
      batch = ''
      continue
    }
    batch += piece
    if (batch.length >= size) {
      yield batch
      batch = ''
    }
  }
  if (batch !== undefined && batch !== '') yield batch
}
