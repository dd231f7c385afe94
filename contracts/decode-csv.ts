/**
 * Reads RFC 4180 CSV a piece at a time: quoted cells may hold commas, doubled quotes and line
 * breaks; records end in CRLF or LF. `push` returns the records a piece completes; `end` the
 * last one, when the text does not end in a line break. The delimiter is a comma unless given.
 *
 * @example
 * const parser = new CsvParser()
 * parser.push('a,"b\r\n') // []
 * parser.push('c"\r\n')    // [['a', 'b\r\nc']]
 */
export class CsvParser {
  constructor (private readonly delimiter = ',') {}

  #record: string[] = []
  #cell = ''
  #quoted = false
  #quoteSeen = false
  #crSeen = false

  push (text: string): string[][] {
    const records: string[][] = []
    for (let i = 0; i < text.length; i++) {
      const c = text.charAt(i)
      if (this.#quoted) {
        if (this.#quoteSeen) {
          this.#quoteSeen = false
          if (c === '"') {
            this.#cell += '"'
            continue
          }
          this.#quoted = false
        } else if (c === '"') {
          this.#quoteSeen = true
          continue
        } else {
          this.#cell += c
          continue
        }
      }
      if (this.#crSeen) {
        this.#crSeen = false
        if (c === '\n') {
          records.push(this.#finishRecord())
          continue
        }
        this.#cell += '\r'
      }
      if (c === '"' && this.#cell === '') this.#quoted = true
      else if (c === this.delimiter) {
        this.#record.push(this.#cell)
        this.#cell = ''
      } else if (c === '\n') records.push(this.#finishRecord())
      else if (c === '\r') this.#crSeen = true
      else this.#cell += c
    }
    return records
  }

  end (): string[][] {
    if (this.#quoted && !this.#quoteSeen) throw new SyntaxError('CSV ends inside a quoted cell')
    if (this.#crSeen) this.#cell += '\r'
    this.#quoted = false
    this.#quoteSeen = false
    this.#crSeen = false
    return this.#cell !== '' || this.#record.length > 0 ? [this.#finishRecord()] : []
  }

  #finishRecord (): string[] {
    this.#record.push(this.#cell)
    const record = this.#record
    this.#record = []
    this.#cell = ''
    return record
  }
}

/**
 * Parses a whole RFC 4180 CSV text into records of cells.
 *
 * @example
 * decodeCsv('a,"b,""c"""\r\n') // [['a', 'b,"c"']]
 */
export function decodeCsv (text: string, delimiter = ','): string[][] {
  const parser = new CsvParser(delimiter)
  return [...parser.push(text), ...parser.end()]
}

/**
 * Keys records by a header record.
 *
 * @example
 * rowsOf(['email'], [['a@b.c']]) // [{ email: 'a@b.c' }]
 */
export function rowsOf (header: readonly string[], records: readonly string[][]): Array<Record<string, string>> {
  return records.map((record) => Object.fromEntries(header.map((name, index) => [name, record[index] ?? ''])))
}

/**
 * Parses a CSV with a header row into one object per record, keyed by the header.
 *
 * @example
 * decodeCsvRows('email,fname\r\na@b.c,Ann\r\n') // [{ email: 'a@b.c', fname: 'Ann' }]
 */
export function decodeCsvRows (text: string, delimiter = ','): Array<Record<string, string>> {
  const [header = [], ...records] = decodeCsv(text, delimiter)
  return rowsOf(header, records)
}

const DELIMITERS = [',', ';', '\t', '|'] as const

/**
 * The delimiter a CSV text uses, read off its first line as a lenient reader would: the one of
 * comma, semicolon, tab and bar that occurs most often outside quotes; a comma when none does.
 *
 * @example
 * sniffDelimiter('email;fname\r\na@b.c;Ann\r\n') // ';'
 */
export function sniffDelimiter (text: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((delimiter) => [delimiter, 0]))
  let quoted = false
  for (const c of text) {
    if (c === '"') quoted = !quoted
    else if (!quoted && (c === '\n' || c === '\r')) break
    else if (!quoted && counts.has(c)) counts.set(c, (counts.get(c) ?? 0) + 1)
  }
  const [best = ','] = [...counts].filter(([, count]) => count > 0).sort((a, b) => b[1] - a[1]).map(([c]) => c)
  return best
}
