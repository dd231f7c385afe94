import { PUBLIC_CONSUMER_PATHS } from '../../contracts/consumer-paths.js'
import { decodeCsv, rowsOf, sniffDelimiter } from '../../contracts/decode-csv.js'
import { validateContract, type ContractViolation, type SchemaId } from '../../contracts/validator.js'
import { CONTENT_TYPES, REPORT_CSV_COLUMNS, type Format } from '../../contracts/wire-format.js'
import type { RawAnswer } from '../wire.js'
import type { FindingKind, Observation, Severity } from './findings.js'

/** The shape checks: the tree of XML and JSON answers (one tree, so a difference in both is one finding), and CSV. */
export const TREE_CHECK = 'answers meet their contracts'
export const CSV_CHECK = 'CSV reports meet their contract'
export const TRANSPORT_CHECK = 'answers travel with the status and content type assumed'

/** An answer under check: what came, in which format, which answer of the run it is, and how to show it safely. */
export interface SeenAnswer {
  readonly answer: RawAnswer
  readonly format: Format
  readonly id: number
  /** The request, secrets redacted. */
  readonly request: string
  /** Removes the run's secrets from a text. */
  readonly redact: (text: string) => string
}

/**
 * A JSON pointer with array indices written `[*]`, so that one difference in every attendee is
 * one path: `/…/attendee/12/fname` → `/…/attendee[*]/fname`.
 *
 * @example
 * groupedPath('/a/attendee/3/session') // '/a/attendee[*]/session'
 */
export function groupedPath (pointer: string): string {
  return pointer.replace(/\/(\d+)(?=\/|$)/g, '[*]')
}

const CONSUMER = new Set(PUBLIC_CONSUMER_PATHS)

function whyMissing (path: string): string {
  return CONSUMER.has(path)
    ? 'The public consumer (the PHP plugin) reads this path, and so does the client: without it they cannot.'
    : 'The client reads this path, and so would any consumer coded against the contracts: without it they cannot.'
}

/** What a violation of a contract is, how much it matters and why. */
interface Classified {
  readonly kind: FindingKind
  readonly severity: Severity
  readonly message: string
  readonly why: string
  readonly path: string
}

const typeOf = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value

/** Whether a value is a number or boolean that reads, as text, as one of the values allowed. */
function readsAs (seen: unknown, allowed: unknown): boolean {
  if (typeof seen !== 'number' && typeof seen !== 'boolean') return false
  const values = Array.isArray(allowed) ? allowed : [allowed]
  return values.some((value) => value === String(seen))
}

const READ_THROUGH = 'The client reads it through (as text); a consumer that checks types strictly would not.'

function classify (violation: ContractViolation): Classified | undefined {
  const at = groupedPath(violation.path)
  const child = violation.property === undefined ? at : `${at}/${violation.property}`
  const seenType = typeOf(violation.seen)
  switch (violation.keyword) {
    case 'required':
      return {
        kind: 'missing',
        severity: 'breaking',
        path: child,
        message: `\`${violation.property ?? ''}\` is missing`,
        why: whyMissing(child),
      }
    case 'additionalProperties':
    case 'unevaluatedProperties':
      return {
        kind: 'unexpected',
        severity: 'additive',
        path: child,
        message: `\`${violation.property ?? ''}\` is not in the contract`,
        why: 'A lenient reader ignores what it does not know; one that refuses unknown fields would fail.',
      }
    case 'type': {
      const expected = String(violation.allowed)
      if (expected === 'array' && seenType === 'object') {
        return {
          kind: 'single item where a list was expected',
          severity: 'informational',
          path: at,
          message: 'one item, not in a list',
          why: 'The client reads one item as a list of one; code that expects an array in JSON would not.',
        }
      }
      if (expected === 'object' && seenType === 'array') {
        return {
          kind: 'list where a single item was expected',
          severity: 'breaking',
          path: at,
          message: 'a list, where one item was expected',
          why: 'A consumer reading one item finds a list instead.',
        }
      }
      const readable = expected === 'string' && (seenType === 'number' || seenType === 'boolean')
      return {
        kind: 'type changed',
        severity: readable ? 'informational' : 'breaking',
        path: at,
        message: `expected ${expected}, saw ${seenType}`,
        why: readable ? READ_THROUGH : `A consumer expecting ${expected} cannot read ${seenType}.`,
      }
    }
    case 'const':
    case 'enum':
      if (readsAs(violation.seen, violation.allowed)) {
        return {
          kind: 'type changed',
          severity: 'informational',
          path: at,
          message: `expected the string ${JSON.stringify(violation.allowed)}, ` +
            `saw the ${seenType} ${String(violation.seen)}`,
          why: READ_THROUGH,
        }
      }
      break
    default:
      break
  }
  const shown = typeof violation.seen === 'object' ? seenType : JSON.stringify(violation.seen)
  return {
    kind: 'value outside the allowed set',
    severity: 'breaking',
    path: at,
    message: `${shown} ${violation.expected === undefined ? violation.message : `is not ${violation.expected}`}`,
    why: 'A consumer that relies on the documented form of this value cannot read this one.',
  }
}

/**
 * The violations worth reporting: a rule with alternatives (`anyOf`, `oneOf`) is one violation,
 * not one per alternative that failed.
 */
function outermost (violations: readonly ContractViolation[]): ContractViolation[] {
  const alternatives = violations.filter((v) => v.keyword === 'anyOf' || v.keyword === 'oneOf')
  return violations.filter((v) => !alternatives.some((a) =>
    a !== v && a.path === v.path && v.schemaPath.startsWith(`${a.schemaPath}/`)))
}

/** The node at a JSON pointer. */
function nodeAt (tree: unknown, pointer: string): unknown {
  let node = tree
  for (const key of pointer.split('/').slice(1)) {
    node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined
  }
  return node
}

const EXCERPT = 300

/**
 * A node small enough to show whole: below two levels, objects become `{…}`; a list shows its
 * first item and how many more there are.
 */
function compact (node: unknown, depth: number): unknown {
  if (node === null || typeof node !== 'object') return node
  if (depth >= 2) return Array.isArray(node) ? `[… ${node.length}]` : '{…}'
  if (Array.isArray(node)) {
    const rest = node.length > 1 ? [`… ${node.length - 1} more`] : []
    return [...node.slice(0, 1).map((item) => compact(item, depth + 1)), ...rest]
  }
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, compact(value, depth + 1)]))
}

/**
 * The part of an answer a violation is about: in JSON, the object that holds it; in XML, the
 * text from where the element or attribute (or, when missing, its parent element) appears.
 */
function excerptOf (seen: SeenAnswer, tree: unknown, violation: ContractViolation): string {
  const holder = violation.property === undefined
    ? violation.path.slice(0, violation.path.lastIndexOf('/'))
    : violation.path
  if (seen.format === 'json') {
    const node = nodeAt(tree, holder)
    return node === undefined ? '' : seen.redact(JSON.stringify(compact(node, 0))).slice(0, EXCERPT)
  }
  const names = [violation.property, ...holder.split('/').reverse()].filter((name): name is string =>
    name !== undefined && name !== '' && !/^\d+$/.test(name))
  const text = seen.answer.text
  for (const name of names) {
    const at = text.search(new RegExp(`<${name}[\\s>/]|\\s${name}="`))
    if (at !== -1) return seen.redact(text.slice(Math.max(0, at - 40), at + EXCERPT - 40))
  }
  return seen.redact(text.slice(0, EXCERPT))
}

/**
 * The differences between a decoded XML or JSON answer and its contract, as observations of the
 * tree check.
 *
 * @example
 * const observations = treeShape(seen, JSON.parse(seen.answer.text), 'audience-report-response.json')
 */
export function treeShape (seen: SeenAnswer, tree: unknown, contract: SchemaId): Observation[] {
  return outermost(validateContract(contract, tree)).flatMap((violation) => {
    const classified = classify(violation)
    if (classified === undefined) return []
    return [{
      ...classified,
      check: TREE_CHECK,
      request: seen.request,
      excerpt: excerptOf(seen, tree, violation),
      format: seen.format,
      answerId: seen.id,
    }]
  })
}

/**
 * A CSV report read leniently (the delimiter it uses, any quoting), with the differences from
 * its contract: the dialect (delimiter, line ending), the header's columns (missing, unexpected;
 * renames are paired later), and each cell's form.
 *
 * @example
 * const { rows, observations } = csvShape(seen)
 */
export function csvShape (seen: SeenAnswer): { rows: Array<Record<string, string>>, observations: Observation[] } {
  const text = seen.answer.text
  const observations: Observation[] = []
  const base = { check: CSV_CHECK, request: seen.request, format: seen.format, answerId: seen.id }
  const firstLines = seen.redact(text.split('\n', 2).join('\n')).slice(0, EXCERPT)
  const dialect = (path: string, message: string): void => {
    observations.push({
      ...base,
      kind: 'csv dialect',
      severity: 'informational',
      path,
      message,
      why: 'The client reads it through; a reader that assumes RFC 4180 as the contract says may not.',
      excerpt: firstLines,
    })
  }
  const delimiter = sniffDelimiter(text)
  if (delimiter !== ',') dialect('/csv (delimiter)', `the delimiter is ${JSON.stringify(delimiter)}, not ","`)
  const lineEnd = text.indexOf('\n')
  if (lineEnd !== -1 && text[lineEnd - 1] !== '\r') dialect('/csv (line ending)', 'lines end in LF, not CRLF')
  const [header = [], ...records] = decodeCsv(text, delimiter)
  const columns = new Set(header)
  for (const column of REPORT_CSV_COLUMNS) {
    if (columns.has(column)) continue
    const path = `/csv/${column}`
    observations.push({
      ...base,
      kind: 'missing',
      severity: 'breaking',
      path,
      message: `column \`${column}\` is missing`,
      why: whyMissing(path),
      excerpt: firstLines,
    })
  }
  for (const column of header) {
    if ((REPORT_CSV_COLUMNS as readonly string[]).includes(column)) continue
    observations.push({
      ...base,
      kind: 'unexpected',
      severity: 'additive',
      path: `/csv/${column}`,
      message: `column \`${column}\` is not in the contract`,
      why: 'A reader that picks columns by name ignores it; one that reads by position would be shifted.',
      excerpt: firstLines,
    })
  }
  const rows = rowsOf(header, records)
  rows.forEach((row, index) => {
    const cells = Object.fromEntries(Object.entries(row)
      .filter(([column]) => (REPORT_CSV_COLUMNS as readonly string[]).includes(column)))
    for (const violation of outermost(validateContract('report-csv-row.json', cells))) {
      if (violation.keyword === 'required' || violation.keyword === 'additionalProperties') continue
      const classified = classify({ ...violation, path: `/csv/${index}${violation.path}` })
      if (classified === undefined) continue
      const headerAndRow = `${header.join(delimiter)}\n${(records[index] ?? []).join(delimiter)}`
      observations.push({ ...base, ...classified, excerpt: seen.redact(headerAndRow).slice(0, EXCERPT) })
    }
  })
  return { rows, observations }
}

/**
 * The HTTP status and content type of an answer against what the contracts assume: a success
 * answer other than 200 breaks the client (it refuses any other status); a content type other
 * than the format's is informational, since the client does not read it.
 *
 * @example
 * transportShape(seen, 200)
 */
export function transportShape (seen: SeenAnswer, expectedStatus: number): Observation[] {
  const observations: Observation[] = []
  const base = { check: TRANSPORT_CHECK, request: seen.request, format: seen.format, answerId: seen.id }
  const excerpt = seen.redact(seen.answer.text.slice(0, EXCERPT))
  const { status, contentType } = seen.answer
  if (status !== expectedStatus) {
    observations.push({
      ...base,
      kind: 'http status',
      severity: expectedStatus === 200 ? 'breaking' : 'informational',
      path: `(${seen.format.toUpperCase()} answers)`,
      message: `HTTP ${status}, assumed ${expectedStatus}`,
      why: expectedStatus === 200
        ? 'The client refuses an answer whose status is not 200.'
        : 'The client reads the error from the body whatever the status; this records how errors travel.',
      excerpt,
    })
  }
  const assumed = CONTENT_TYPES[seen.format]
  if (contentType.split(';')[0]?.trim().toLowerCase() !== assumed.split(';')[0]) {
    observations.push({
      ...base,
      kind: 'content type',
      severity: 'informational',
      path: `(${seen.format.toUpperCase()} answers)`,
      message: `content type ${contentType === '' ? '(none)' : contentType}, assumed ${assumed}`,
      why: 'The client reads the format the path asks for, not the header; a client that goes by the header would not.',
      excerpt,
    })
  }
  return observations
}
