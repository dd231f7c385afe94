/**
 * Parses RFC 4180 CSV: quoted cells may hold commas, doubled quotes and line breaks; records end
 * in CRLF or LF. Returns the records as arrays of cells; a trailing line break ends the last
 * record and adds none.
 *
 * @example
 * decodeCsv('a,"b,""c"""\r\n') // [['a', 'b,"c"']]
 */
export function decodeCsv (text: string): string[][] {
  const records: string[][] = []
  let record: string[] = []
  let cell = ''
  let quoted = false
  let i = 0
  while (i < text.length) {
    const c = text.charAt(i)
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"'
        i += 2
        continue
      }
      if (c === '"') quoted = false
      else cell += c
      i++
      continue
    }
    if (c === '"' && cell === '') {
      quoted = true
    } else if (c === ',') {
      record.push(cell)
      cell = ''
    } else if (c === '\n' || (c === '\r' && text[i + 1] === '\n')) {
      record.push(cell)
      records.push(record)
      record = []
      cell = ''
      if (c === '\r') i++
    } else {
      cell += c
    }
    i++
  }
  if (quoted) throw new SyntaxError('CSV ends inside a quoted cell')
  if (cell !== '' || record.length > 0) {
    record.push(cell)
    records.push(record)
  }
  return records
}

/**
 * Parses a CSV with a header row into one object per record, keyed by the header.
 *
 * @example
 * decodeCsvRows('email,fname\r\na@b.c,Ann\r\n') // [{ email: 'a@b.c', fname: 'Ann' }]
 */
export function decodeCsvRows (text: string): Array<Record<string, string>> {
  const [header = [], ...records] = decodeCsv(text)
  return records.map((record) => Object.fromEntries(header.map((name, index) => [name, record[index] ?? ''])))
}
