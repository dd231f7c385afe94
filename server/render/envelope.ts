import { API_VERSION, type Format } from '../../contracts/wire-format.js'
import { ERROR_CATALOGUE, SUCCESS_RETURN_CODE, type ErrorCode } from '../../contracts/error-catalogue.js'
import { XML_DECLARATION, textElement } from './xml-text.js'
import { csvRow } from './csv-text.js'

/** The two values every envelope carries before its `result`. */
export interface EnvelopeHeader {
  readonly currentDateTime: string
  readonly currentTimeZone: string
}

/**
 * The `success` payload of one response in both spellings: the XML inside `<success>`, and the
 * JSON value under `success`. Each endpoint writes its own pair by hand, because the wire format
 * mixes attributes and elements (see `../shared/STYLE.md`, Keep out); a round-trip test proves
 * the two agree.
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

function xmlHead (header: EnvelopeHeader): string {
  return `${XML_DECLARATION}\n<convey_api version="${API_VERSION}">` +
    textElement('currentDateTime', header.currentDateTime) +
    textElement('currentTimeZone', header.currentTimeZone)
}

function jsonEnvelope (header: EnvelopeHeader, result: unknown): string {
  return JSON.stringify({ convey_api: { version: API_VERSION, ...header, result } })
}

/**
 * Renders a successful response in XML or JSON.
 *
 * @example
 * renderSuccess('json', header, { xml: () => '', json: () => ({}) })
 */
export function renderSuccess (format: 'xml' | 'json', header: EnvelopeHeader, payload: SuccessPayload): string {
  if (format === 'json') return jsonEnvelope(header, { returnCode: String(SUCCESS_RETURN_CODE), success: payload.json() })
  return `${xmlHead(header)}<result><returnCode>${SUCCESS_RETURN_CODE}</returnCode><success>${payload.xml()}</success></result></convey_api>\n`
}

/**
 * Renders a failure in the envelope of the requested format. CSV has no envelope in the
 * evidence; it gets a header row and one row (an assumption, see `contracts/README.md`).
 *
 * @example
 * renderError('xml', header, { code: 'invalid_session', description: '…', parameter: 'si' })
 */
export function renderError (format: Format, header: EnvelopeHeader, error: ErrorPayload): string {
  const returnCode = String(ERROR_CATALOGUE[error.code].returnCode)
  const parameter = error.parameter === undefined ? {} : { parameter: error.parameter }
  switch (format) {
    case 'json':
      return jsonEnvelope(header, { returnCode, error: { code: error.code, description: error.description, ...parameter } })
    case 'csv':
      return csvRow(['returnCode', 'code', 'description', 'parameter']) +
        csvRow([returnCode, error.code, error.description, error.parameter ?? ''])
    case 'xml':
      return `${xmlHead(header)}<result><returnCode>${returnCode}</returnCode><error>` +
        textElement('code', error.code) +
        textElement('description', error.description) +
        (error.parameter === undefined ? '' : textElement('parameter', error.parameter)) +
        '</error></result></convey_api>\n'
  }
}
