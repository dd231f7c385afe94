const NEEDS_QUOTES = /[",\r\n]/

/**
 * Quotes one CSV cell as RFC 4180 asks: in double quotes, inner quotes doubled, only when it
 * holds a quote, comma or line break.
 *
 * @example
 * csvCell('Smith, "Jo"') // '"Smith, ""Jo"""'
 */
export function csvCell (value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value
}


/**
 * One CSV record, ended by CRLF.
 *
 * @example
 * csvRow(['a', 'b,c']) // 'a,"b,c"\r\n'
 */
export function csvRow (values: readonly string[]): string {
  return values.map(csvCell).join(',') + '\r\n'
}
