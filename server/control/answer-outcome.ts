/** How far into a body its `returnCode` and error `code` may sit: a report of megabytes is read no further. */
const HEAD_BYTES = 512

/** What an answer says of its outcome: its `returnCode` and, for an error, its `code`. */
export interface AnswerOutcome {
  returnCode: number | null
  errorCode: string | null
}

const JSON_MARKS = { returnCode: '"returnCode":"', end: '"', code: '"code":"' } as const
const XML_MARKS = { returnCode: '<returnCode>', end: '<', code: '<code>' } as const
const CSV_ERROR_START = 'returnCode,'
const DIGIT_0 = 0x30
const DIGIT_9 = 0x39

/**
 * Reads the `returnCode` and the error `code` off an answer in any format, where the envelope
 * writer (`server/render/envelope.ts`) puts them, near the start: no parsing, no JSON, and a
 * body given as bytes (a report) is read no further than its first {@link HEAD_BYTES}. A CSV
 * error is its header row `returnCode,code,…` and one row; a CSV report and the mock's own
 * answers carry neither, and leave both as they were.
 *
 * @example
 * const outcome = { returnCode: null, errorCode: null }
 * readOutcome('…<result><returnCode>8</returnCode><error><code>session_expired</code>…', outcome)
 * outcome // { returnCode: 8, errorCode: 'session_expired' }
 */
export function readOutcome (body: string | Buffer, into: AnswerOutcome): void {
  const text = typeof body === 'string' ? body : body.toString('latin1', 0, HEAD_BYTES)
  if (text.startsWith(CSV_ERROR_START)) {
    const row = text.indexOf('\n') + 1
    const comma = text.indexOf(',', row)
    if (row === 0 || comma === -1) return
    into.returnCode = digitsAt(text, row, comma)
    into.errorCode = textUntil(text, comma + 1, ',')
    return
  }
  const marks = text.startsWith('{') ? JSON_MARKS : XML_MARKS
  const found = text.indexOf(marks.returnCode)
  if (found === -1) return
  const at = found + marks.returnCode.length
  const end = text.indexOf(marks.end, at)
  if (end === -1) return
  into.returnCode = digitsAt(text, at, end)
  if (into.returnCode === 1) return
  const code = text.indexOf(marks.code, end)
  if (code !== -1) into.errorCode = textUntil(text, code + marks.code.length, marks.end)
}

/** The whole number written from `start` to `end`; null when anything else is there. */
function digitsAt (text: string, start: number, end: number): number | null {
  if (end <= start) return null
  let value = 0
  for (let index = start; index < end; index++) {
    const digit = text.charCodeAt(index)
    if (digit < DIGIT_0 || digit > DIGIT_9) return null
    value = value * 10 + digit - DIGIT_0
  }
  return value
}

/** The text from `start` to the next `end`; null when `end` does not follow. */
function textUntil (text: string, start: number, end: string): string | null {
  const stop = text.indexOf(end, start)
  return stop === -1 ? null : text.slice(start, stop)
}
