import type { DriftResult } from './drift-result.js'
import { findingKey, type Finding } from './findings.js'

/** How a finding compares with a baseline run's: seen then too, or not. */
type FindingChange = 'new' | 'unchanged'

/**
 * A run's findings against a baseline run's (a `drift-report.json` of an earlier run): each
 * finding new or unchanged, by its check, path and kind; and the baseline's that are gone.
 *
 * @example
 * const comparison = compareWithBaseline(result, JSON.parse(readFileSync('old/drift-report.json', 'utf8')))
 * comparison.newBreaking.length // what a nightly run fails on
 */
export interface BaselineComparison {
  readonly changes: ReadonlyMap<Finding, FindingChange>
  readonly gone: readonly Finding[]
  readonly newBreaking: readonly Finding[]
}

/** Why a baseline file cannot be read: one line, for the command line. */
export class BaselineError extends Error {
  override readonly name = 'BaselineError'
}

/**
 * Reads a baseline: the findings of a `drift-report.json`.
 *
 * @example
 * parseBaseline(readFileSync(path, 'utf8'), path)
 */
export function parseBaseline (text: string, source: string): readonly Finding[] {
  let report: unknown
  try {
    report = JSON.parse(text)
  } catch (error) {
    throw new BaselineError(`${source} is not JSON: ${(error as Error).message}`)
  }
  const findings = (report as { findings?: unknown } | null)?.findings
  const valid = Array.isArray(findings) && findings.every((finding: unknown) =>
    finding !== null && typeof finding === 'object' &&
    ['check', 'path', 'kind', 'severity'].every((key) => typeof (finding as Record<string, unknown>)[key] === 'string'))
  if (!valid) {
    throw new BaselineError(`${source} is not a drift-report.json: ` +
      'it has no list of findings with check, path, kind and severity')
  }
  return findings as Finding[]
}

/**
 * Compares a run with a baseline's findings.
 *
 * @example
 * compareWithBaseline(result, parseBaseline(text, 'old.json')).gone
 */
export function compareWithBaseline (result: DriftResult, baseline: readonly Finding[]): BaselineComparison {
  const before = new Set(baseline.map(findingKey))
  const now = new Set(result.findings.map(findingKey))
  const changes = new Map<Finding, FindingChange>(result.findings.map((finding) =>
    [finding, before.has(findingKey(finding)) ? 'unchanged' : 'new']))
  return {
    changes,
    gone: baseline.filter((finding) => !now.has(findingKey(finding))),
    newBreaking: result.findings.filter((finding) => finding.severity === 'breaking' && changes.get(finding) === 'new'),
  }
}
