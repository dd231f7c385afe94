import { ERROR_CATALOGUE, SUCCESS_RETURN_CODE, type ErrorCode } from '../../contracts/error-catalogue.js'
import { API_VERSION, type Format } from '../../contracts/wire-format.js'
import { csvRow } from './csv-text.js'
import { XML_DECLARATION, textElement } from './xml-text.js'

/** The two values every envelope carries before its `result`. */
export interface EnvelopeHeader {
  readonly currentDateTime: string
  readonly currentTimeZone: string
}

/**
 * The `success` payload of one response in both spellings: the XML inside `<success>`, and the
 * JSON value under `success`. Each endpoint writes its own pair by hand, because the wire format
 * mixes attributes and elements; a round-trip test proves the two agree.
 */
export interface SuccessPayload {
  readonly xml: () => string
  readonly json: () => unknown
}

/** A failure as the envelope shows it. */
export interface ErrorPayload {
  readonly code: ErrorCode
  readonly description: string
  readonly parameter: string | undefined
}

/** What a response writes before its payload and after it. */
export interface Envelope {
  readonly open: string
  readonly close: string
}

/**
 * The envelope around a payload, the one writer of it for whole and streamed answers alike:
 * `open`, the payload, then `close`. XML and JSON carry the header and the `returnCode` before
 * the payload, which is the content of `<success>` (returnCode 1) or `<error>`, or the value of
 * the key of that name; `close` depends on the format and the outcome only, so a cached body may
 * end with it. CSV has no envelope (an assumption, see `contracts/README.md`): both are empty.
 *
 * @example
 * const { open, close } = envelope('json', header, SUCCESS_RETURN_CODE)
 * open + JSON.stringify(payload) + close // '{"convey_api":{"version":"2.0",…,"success":{…}}}}'
 */
export function envelope (format: Format, header: EnvelopeHeader, returnCode: number): Envelope {
  const outcome = returnCode === SUCCESS_RETURN_CODE ? 'success' : 'error'
  switch (format) {
    case 'xml':
      return {
        open: `${XML_DECLARATION}\n<convey_api version="${API_VERSION}">` +
          textElement('currentDateTime', header.currentDateTime) +
          textElement('currentTimeZone', header.currentTimeZone) +
          `<result><returnCode>${returnCode}</returnCode><${outcome}>`,
        close: `</${outcome}></result></convey_api>\n`,
      }
    case 'json':
      return {
        open: `{"convey_api":{"version":${JSON.stringify(API_VERSION)},` +
          `"currentDateTime":${JSON.stringify(header.currentDateTime)},` +
          `"currentTimeZone":${JSON.stringify(header.currentTimeZone)},` +
          `"result":{"returnCode":"${returnCode}","${outcome}":`,
        close: '}}}',
      }
    case 'csv':
      return { open: '', close: '' }
  }
}

/**
 * Renders a successful response in XML or JSON.
 *
 * @example
 * renderSuccess('json', header, { xml: () => '', json: () => ({}) })
 */
export function renderSuccess (format: 'xml' | 'json', header: EnvelopeHeader, payload: SuccessPayload): string {
  const { open, close } = envelope(format, header, SUCCESS_RETURN_CODE)
  return `${open}${format === 'json' ? JSON.stringify(payload.json()) : payload.xml()}${close}`
}

/**
 * Renders a failure in the envelope of the requested format: in CSV, a header row and one row
 * (an assumption, see `contracts/README.md`).
 *
 * @example
 * renderError('xml', header, { code: 'invalid_session', description: '…', parameter: 'si' })
 */
export function renderError (format: Format, header: EnvelopeHeader, error: ErrorPayload): string {
  const { returnCode } = ERROR_CATALOGUE[error.code]
  const { open, close } = envelope(format, header, returnCode)
  return `${open}${errorPayload(format, returnCode, error)}${close}`
}

function errorPayload (format: Format, returnCode: number, error: ErrorPayload): string {
  switch (format) {
    case 'json':
      return JSON.stringify({
        code: error.code,
        description: error.description,
        ...(error.parameter === undefined ? {} : { parameter: error.parameter }),
      })
    case 'csv':
      return csvRow(['returnCode', 'code', 'description', 'parameter']) +
        csvRow([String(returnCode), error.code, error.description, error.parameter ?? ''])
    case 'xml':
      return textElement('code', error.code) +
        textElement('description', error.description) +
        (error.parameter === undefined ? '' : textElement('parameter', error.parameter))
  }
}
