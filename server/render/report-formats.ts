import { SUCCESS_RETURN_CODE } from '../../contracts/error-catalogue.js'
import { REPORT_CSV_COLUMNS, type Format } from '../../contracts/wire-format.js'
import type { WebcastEvent } from '../../fixtures/dataset.js'
import type { Registrant } from '../../fixtures/registrant.js'
import { ByteWriter, encodeMarkup, type Markup } from './byte-writer.js'
import { csvRow } from './csv-text.js'
import { envelope, type EnvelopeHeader } from './envelope.js'
import { writeAttendeeJson, writeAttendeeXml, writeCsvRecord } from './report-rows.js'
import { textElement } from './xml-text.js'

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

/** How a format spells the report around its rows, inside the envelope. */
interface ReportShape {
  readonly opening: (event: WebcastEvent) => string
  readonly separator: Markup
  readonly closing: string
  readonly writeRow: (writer: ByteWriter, registrant: Registrant) => void
}

const NO_SEPARATOR = encodeMarkup('')

/**
 * The success payload of each format around its rows. XML: `eventid`, `eventtitle`, then one
 * `attendee` per registrant (the public consumer's paths; the rest as decided in
 * `contracts/README.md`). JSON: the same tree, attendees always an array. CSV: a header row,
 * then one row per registrant (RFC 4180, UTF-8, CRLF).
 */
const SHAPES: Readonly<Record<Format, ReportShape>> = {
  xml: {
    opening: (event) => `${textElement('eventid', event.id)}${textElement('eventtitle', event.title)}<attendee_list>`,
    separator: NO_SEPARATOR,
    closing: '</attendee_list>',
    writeRow: writeAttendeeXml,
  },
  json: {
    opening: (event) =>
      `{"eventid":${JSON.stringify(event.id)},"eventtitle":${JSON.stringify(event.title)},` +
      '"attendee_list":{"attendee":[',
    separator: encodeMarkup(','),
    closing: ']}}',
    writeRow: writeAttendeeJson,
  },
  csv: {
    opening: () => csvRow(REPORT_CSV_COLUMNS),
    separator: NO_SEPARATOR,
    closing: '',
    writeRow: writeCsvRecord,
  },
}

/**
 * Writes a report in a format: the envelope's opening as its head, at once; then its body, chunk
 * by chunk: the payload's opening, each registrant, the payload's closing and the envelope's.
 *
 * @example
 * const { head, body } = writeReport('csv', input)
 * process.stdout.write(head)
 * for (const chunk of body) process.stdout.write(chunk)
 */
export function writeReport (format: Format, input: ReportInput): ReportParts {
  const { open, close } = envelope(format, input.header, SUCCESS_RETURN_CODE)
  return { head: open, body: chunks(input, SHAPES[format], close) }
}

function * chunks (input: ReportInput, shape: ReportShape, envelopeClose: string): Generator<Buffer, void, undefined> {
  const writer = new ByteWriter(input.wallClock)
  writer.utf8(shape.opening(input.event))
  let first = true
  for (const registrant of input.registrants) {
    if (!first) writer.markup(shape.separator)
    first = false
    shape.writeRow(writer, registrant)
    if (writer.hasFilled) yield * writer.takeFilled()
  }
  writer.utf8(shape.closing + envelopeClose)
  yield * writer.finish()
}
