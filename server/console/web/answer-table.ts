/** An answer's rows as one table: the columns in order of first sight, a cell per column. */
export interface AnswerTable {
  readonly columns: readonly string[]
  readonly rows: ReadonlyArray<Readonly<Record<string, string>>>
}

type Json = string | number | boolean | null | Json[] | { [key: string]: Json }

const isRecord = (value: Json): value is Record<string, Json> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** The longest list of objects in a JSON answer (the attendees), searched breadth first. */
function longestList (root: Json): Array<Record<string, Json>> {
  let best: Array<Record<string, Json>> = []
  const queue: Json[] = [root]
  for (let value = queue.shift(); value !== undefined; value = queue.shift()) {
    if (Array.isArray(value)) {
      const objects = value.filter(isRecord)
      if (objects.length > best.length) best = objects
      queue.push(...value)
    } else if (isRecord(value)) queue.push(...Object.values(value))
  }
  return best
}

/** One JSON row: a plain field is a cell, a nested list is counted under its items' name. */
function flattenJson (value: Record<string, Json>, cells: Record<string, string>, name = ''): void {
  for (const [key, field] of Object.entries(value)) {
    if (Array.isArray(field)) cells[key] = String(field.length)
    else if (isRecord(field)) flattenJson(field, cells, key)
    else if (name === '' || !(key in cells)) cells[key] = field === null ? '' : String(field)
  }
}

/**
 * The longest run of same-named elements that carry attributes (the attendees: the API writes a
 * row's fields as attributes), else of elements with children (an error's).
 */
function repeatedChildren (root: Element): Element[] {
  let best: Element[] = []
  let bestHasAttributes = false
  for (const element of [root, ...root.querySelectorAll('*')]) {
    const byName = new Map<string, Element[]>()
    for (const child of element.children) byName.set(child.tagName, [...byName.get(child.tagName) ?? [], child])
    for (const group of byName.values()) {
      const first = group[0]
      if (first === undefined || (first.attributes.length === 0 && first.children.length === 0)) continue
      const hasAttributes = first.attributes.length > 0
      const longer = hasAttributes === bestHasAttributes && group.length > best.length
      if ((hasAttributes && !bestHasAttributes) || longer) {
        best = group
        bestHasAttributes = hasAttributes
      }
    }
  }
  return best
}

/** One XML row: attributes and leaf elements are cells, a nested list is counted under its items' name. */
function flattenXml (element: Element, cells: Record<string, string>): void {
  for (const attribute of element.attributes) cells[attribute.name] = attribute.value
  for (const child of element.children) {
    if (child.children.length === 0 && !child.tagName.endsWith('_list')) cells[child.tagName] = child.textContent
    else if (child.tagName.endsWith('_list')) {
      const itemName = child.tagName.replace(/s?_list$/, '')
      cells[itemName] = String(child.children.length)
    } else flattenXml(child, cells)
  }
}

/** RFC 4180 CSV: quoted fields may hold commas, quotes (doubled) and line breaks. */
function parseCsv (text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let index = 0; index < text.length; index++) {
    const char = text.charAt(index)
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') { field += '"'; index++ } else if (char === '"') quoted = false
      else field += char
    } else if (char === '"') quoted = true
    else if (char === ',') { row.push(field); field = '' } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[index + 1] === '\n') index++
      row.push(field)
      rows.push(row)
      row = []
      field = ''
    } else field += char
  }
  if (field !== '' || row.length > 0) rows.push([...row, field])
  return rows
}

function tableOf (rows: Array<Record<string, string>>): AnswerTable {
  const columns: string[] = []
  for (const row of rows) for (const column of Object.keys(row)) if (!columns.includes(column)) columns.push(column)
  return { columns, rows }
}

/**
 * Reads an answer of any format as a table of its rows (the attendees of a report), so that the
 * three formats show side by side; throws when the body is not what its format says.
 *
 * @example
 * answerTable('csv', 'email,fname\nann@acme.com,Ann\n').rows[0]?.email // 'ann@acme.com'
 */
export function answerTable (format: string, body: string): AnswerTable {
  if (format === 'json') {
    return tableOf(longestList(JSON.parse(body) as Json).map((item) => {
      const cells: Record<string, string> = {}
      flattenJson(item, cells)
      return cells
    }))
  }
  if (format === 'csv') {
    const [header = [], ...lines] = parseCsv(body)
    const rows = lines.map((line) => Object.fromEntries(header.map((name, i) => [name, line[i] ?? ''])))
    return { columns: header, rows }
  }
  const document = new DOMParser().parseFromString(body, 'application/xml')
  if (document.querySelector('parsererror') !== null) throw new Error('the body is not well-formed XML')
  return tableOf(repeatedChildren(document.documentElement).map((element) => {
    const cells: Record<string, string> = {}
    flattenXml(element, cells)
    return cells
  }))
}
