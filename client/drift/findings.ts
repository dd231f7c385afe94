import type { Format } from '../../contracts/wire-format.js'

/**
 * How much a finding matters, by what it breaks: *breaking*, something a consumer reads cannot
 * be read, or a filter does not do what it should; *additive*, something new that a lenient
 * reader ignores; *informational*, a probe's answer, or a difference the client reads through.
 *
 * @example
 * report.findings.filter((finding) => finding.severity === 'breaking')
 */
export type Severity = 'breaking' | 'additive' | 'informational'

/** What kind of difference a finding is. */
export type FindingKind =
  | 'missing'
  | 'unexpected'
  | 'type changed'
  | 'value outside the allowed set'
  | 'probable rename'
  | 'single item where a list was expected'
  | 'list where a single item was expected'
  | 'not readable'
  | 'csv dialect'
  | 'content type'
  | 'http status'
  | 'behaviour'
  | 'probe'

/**
 * One difference between the service and the contracts, however often it occurred: one finding
 * per check, path (array indices written `[*]`) and kind.
 *
 * @example
 * for (const f of report.findings) console.log(`${f.severity} ${f.kind} ${f.path}: ${f.message} (${f.occurrences}×)`)
 */
export interface Finding {
  readonly severity: Severity
  readonly kind: FindingKind
  /** The check that found it, e.g. `answers meet their contracts` or `filter no_shows`. */
  readonly check: string
  /** Where in the answer, e.g. `/convey_api/result/success/attendee_list/attendee[*]/fname`; empty when nowhere. */
  readonly path: string
  /** What was seen, e.g. `expected string, saw number`. */
  readonly message: string
  /** Why it has its severity, in one sentence. */
  readonly why: string
  /** How many times it was seen, over every answer. */
  readonly occurrences: number
  /** The formats whose answers showed it. */
  readonly formats: readonly Format[]
  /** The first request that showed it, with password, session id and user id redacted. */
  readonly request: string
  /** The part of that answer the finding is about, secrets redacted. */
  readonly excerpt: string
}

/** A finding's identity across runs: its check, path and kind. */
export function findingKey (finding: Pick<Finding, 'check' | 'path' | 'kind'>): string {
  return `${finding.check} | ${finding.path} | ${finding.kind}`
}

/** One sighting of a difference, before it is grouped. */
export interface Observation extends Omit<Finding, 'occurrences' | 'formats'> {
  readonly format?: Format
  /** Which answer it was seen in, to tell which differences travel together. */
  readonly answerId?: number
}

interface Group {
  finding: Finding
  answers: Set<number>
}

const SECRETS = /([?&](?:password|si|ui)=)[^&]*/g

/**
 * A request path with its secrets redacted, for reports.
 *
 * @example
 * redactRequest('/login?username=a&password=b') // '/login?username=a&password=[redacted]'
 */
export function redactRequest (pathAndQuery: string): string {
  return pathAndQuery.replace(SECRETS, '$1[redacted]')
}

/**
 * Groups observations into findings, one per check, path and kind, counting occurrences and
 * keeping the first example. When something is missing and something unexpected appears under
 * the same parent in exactly the same answers, the two are one probable rename.
 *
 * @example
 * const log = new FindingLog()
 * log.observe({ severity: 'breaking', kind: 'missing', check: 'c', path: '/a', message: '…', why: '…',
 *   request: '', excerpt: '' })
 * log.findings().length // 1
 */
export class FindingLog {
  readonly #groups = new Map<string, Group>()

  observe (observation: Observation): void {
    const { format, answerId, ...rest } = observation
    const key = findingKey(rest)
    const group = this.#groups.get(key)
    if (group === undefined) {
      const finding = { ...rest, occurrences: 1, formats: format === undefined ? [] : [format] }
      this.#groups.set(key, { finding, answers: new Set(answerId === undefined ? [] : [answerId]) })
      return
    }
    const formats = format === undefined || group.finding.formats.includes(format)
      ? group.finding.formats
      : [...group.finding.formats, format]
    group.finding = { ...group.finding, occurrences: group.finding.occurrences + 1, formats }
    if (answerId !== undefined) group.answers.add(answerId)
  }

  /** Whether a check has any finding of a severity. */
  has (check: string, severity: Severity): boolean {
    return [...this.#groups.values()].some(({ finding }) => finding.check === check && finding.severity === severity)
  }

  /** The findings, renames paired, breaking first, then additive, then informational. */
  findings (): Finding[] {
    const groups = [...this.#groups.values()]
    const paired = new Set<Group>()
    const renames: Finding[] = []
    for (const missing of groups) {
      if (missing.finding.kind !== 'missing' || paired.has(missing)) continue
      const renamed = groups.find((other) => other.finding.kind === 'unexpected' && !paired.has(other) &&
        other.finding.check === missing.finding.check &&
        parentOf(other.finding.path) === parentOf(missing.finding.path) &&
        sameAnswers(other.answers, missing.answers))
      if (renamed === undefined) continue
      paired.add(missing).add(renamed)
      renames.push(renameOf(missing.finding, renamed.finding))
    }
    const order: Severity[] = ['breaking', 'additive', 'informational']
    return [...groups.filter((group) => !paired.has(group)).map((group) => group.finding), ...renames]
      .sort((a, b) => order.indexOf(a.severity) - order.indexOf(b.severity))
  }
}

function parentOf (path: string): string {
  return path.slice(0, path.lastIndexOf('/'))
}

function nameOf (path: string): string {
  return path.slice(path.lastIndexOf('/') + 1)
}

function sameAnswers (a: ReadonlySet<number>, b: ReadonlySet<number>): boolean {
  return a.size > 0 && a.size === b.size && [...a].every((id) => b.has(id))
}

function renameOf (missing: Finding, unexpected: Finding): Finding {
  return {
    ...missing,
    kind: 'probable rename',
    severity: 'breaking',
    message: `\`${nameOf(missing.path)}\` → \`${nameOf(unexpected.path)}\`? (${nameOf(missing.path)} is missing and ` +
      `${nameOf(unexpected.path)} appears in its place, in the same answers)`,
    why: 'A consumer that reads the old name finds nothing there.',
    excerpt: unexpected.excerpt,
  }
}
