import { decodeCsvRows, sniffDelimiter } from '../contracts/decode-csv.js'
import { decodeXml } from '../contracts/decode-xml.js'
import type { Format } from '../contracts/wire-format.js'

/**
 * An answer as it came, read whole, neither decoded nor checked: what `client.exchange` returns.
 *
 * @example
 * const answer: RawAnswer = await client.exchange('/login/json', { username, password })
 * console.log(answer.status, answer.contentType, answer.text.slice(0, 200))
 */
export interface RawAnswer {
  /** The HTTP status. */
  readonly status: number
  /** The `content-type` header; empty when there is none. */
  readonly contentType: string
  /** The body, decoded as UTF-8. */
  readonly text: string
  /** The path and query sent, under the base URL, secrets included: redact them before showing it. */
  readonly path: string
}

/**
 * An answer's body decoded by its format: the JSON or XML tree, or the CSV rows keyed by its
 * header (with the delimiter the text uses: a lenient reader takes `;` too). Throws what the
 * decoder throws (a `SyntaxError`, mostly) when the text is not that format; nothing is checked
 * against the contracts.
 *
 * @example
 * decodeAnswer('csv', 'email,fname\r\na@b.c,Ann\r\n') // [{ email: 'a@b.c', fname: 'Ann' }]
 */
export function decodeAnswer (format: Format, text: string): unknown {
  if (format === 'json') return JSON.parse(text)
  return format === 'xml' ? decodeXml(text) : decodeCsvRows(text, sniffDelimiter(text))
}
