import { decodeCsvRows } from '../../contracts/decode-csv.js'
import { decodeXml } from '../../contracts/decode-xml.js'
import { describeViolations, validateContract, type SchemaId } from '../../contracts/validator.js'
import type { Format } from '../../contracts/wire-format.js'

/**
 * Checks one response body against its contract and says what is wrong, one line per
 * violation; an empty list means it conforms. `success` is the contract of the route's success
 * answer; an error answer (any `returnCode` but 1) is checked against the error contract, and an
 * answer without one (the mock's own endpoints carry no envelope) against the route's contract.
 */
export type ResponseCheck = (format: Format, success: SchemaId, body: string) => string[]

/**
 * The response check behind `--self-check` and the server's own tests: decodes the body as its
 * format (XML to its tree, CSV to rows keyed by the header) and validates it. Loads ajv's
 * compiler, so `startMock` imports this module only when asked to.
 *
 * @example
 * checkResponse('json', 'login-response.json', body) // []
 */
export const checkResponse: ResponseCheck = (format, success, body) => {
  try {
    if (format === 'csv') {
      const rows = decodeCsvRows(body)
      const isError = body.startsWith('returnCode,')
      if (isError && rows.length !== 1) return [`/: a CSV error has one row, not ${rows.length}`]
      const contract = isError ? 'error-csv-row.json' : 'report-csv-row.json'
      return rows.flatMap((row, index) => linesOf(validateContract(contract, row), `row ${index + 1}`))
    }
    const tree = format === 'json' ? JSON.parse(body) as unknown : decodeXml(body)
    const returnCode = (tree as { convey_api?: { result?: { returnCode?: unknown } } }).convey_api?.result?.returnCode
    const isError = returnCode !== undefined && returnCode !== '1'
    return linesOf(validateContract(isError ? 'error-response.json' : success, tree), '')
  } catch (error) {
    return [`/: not ${format.toUpperCase()}: ${(error as Error).message}`]
  }
}

function linesOf (violations: Parameters<typeof describeViolations>[0], where: string): string[] {
  if (violations.length === 0) return []
  return describeViolations(violations).split('\n').map((line) => (where === '' ? line : `${where} ${line}`))
}
