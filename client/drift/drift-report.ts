import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { BaselineComparison } from './baseline.js'
import type { CheckOutcome, DriftResult } from './drift-result.js'
import type { Finding, Severity } from './findings.js'

const SEVERITIES: readonly Severity[] = ['breaking', 'additive', 'informational']

const escapeXml = (text: string): string =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c)

const count = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`

/** The opening paragraph: how many differences, how many break consumers, what passed. */
function summary (result: DriftResult, comparison: BaselineComparison | undefined): string {
  const bySeverity = (severity: Severity): number => result.findings.filter((f) => f.severity === severity).length
  const breaking = bySeverity('breaking')
  const passed = result.checks.filter((c) => c.status === 'passed').length
  const inconclusive = result.checks.filter((c) => c.status === 'inconclusive').length
  const verdict = breaking === 0
    ? 'Nothing a consumer reads is broken.'
    : `${count(breaking, 'difference')} ${breaking === 1 ? 'breaks' : 'break'} consumers.`
  const sentences = [
    `${count(result.findings.length, 'difference')} from the contracts: ${breaking} breaking, ` +
      `${bySeverity('additive')} additive, ${bySeverity('informational')} informational.`,
    verdict,
    `${passed} of ${result.checks.length} checks passed${inconclusive === 0 ? '' : `, ${inconclusive} inconclusive`}.`,
  ]
  if (comparison !== undefined) {
    const fresh = [...comparison.changes.values()].filter((change) => change === 'new').length
    sentences.push(`Against the baseline: ${fresh} new, ${comparison.changes.size - fresh} unchanged, ` +
      `${comparison.gone.length} gone; ${count(comparison.newBreaking.length, 'new breaking finding')}.`)
  }
  return sentences.join(' ')
}

function findingLines (finding: Finding, change: string | undefined): string[] {
  const where = finding.path === '' ? `: ${finding.check}` : ` at \`${finding.path}\``
  const formats = finding.formats.length === 0 ? '' : ` in ${finding.formats.map((f) => f.toUpperCase()).join(', ')}`
  const seen = finding.path === ''
    ? ''
    : ` Seen ${count(finding.occurrences, 'time')}${formats}; check: ${finding.check}.`
  const lines = [
    `### ${change === undefined ? '' : `[${change}] `}${finding.kind}${where}`,
    '',
    `${finding.message}.${seen}`,
    '',
    `*Why ${finding.severity}:* ${finding.why}`,
  ]
  if (finding.request !== '') lines.push('', `Request: \`${finding.request}\``)
  if (finding.excerpt !== '') lines.push('', '```', finding.excerpt, '```')
  lines.push('')
  return lines
}

function checkLine (check: CheckOutcome): string {
  return `| ${check.name} | ${check.layer} | ${check.status} | ${check.note.replace(/\|/g, '\\|').replace(/\s+/g, ' ')} |`
}

/**
 * The drift report as markdown, for people first: a summary paragraph; the target, the time,
 * the suite's version and the number of requests; the findings by severity (each with why it has
 * its severity and the part of the answer it is about); then every check and how it ended.
 *
 * @example
 * writeFileSync('drift-report.md', driftMarkdown(result))
 */
export function driftMarkdown (result: DriftResult, comparison?: BaselineComparison): string {
  const budget = result.requestBudget === undefined ? '' : ` (budget ${result.requestBudget})`
  const lines = [
    `# Drift report: ${result.target}`,
    '',
    summary(result, comparison),
    '',
    `Target ${result.target}; run ${result.startedAt} to ${result.finishedAt}; webcast-mock ${result.suiteVersion}; ` +
      `${count(result.requests, 'request')} sent${budget}.`,
    '',
  ]
  for (const severity of SEVERITIES) {
    const group = result.findings.filter((f) => f.severity === severity)
    if (group.length === 0) continue
    lines.push(`## ${severity} (${group.length})`, '')
    for (const finding of group) lines.push(...findingLines(finding, comparison?.changes.get(finding)))
  }
  if (comparison !== undefined && comparison.gone.length > 0) {
    lines.push(`## gone since the baseline (${comparison.gone.length})`, '')
    for (const finding of comparison.gone) {
      lines.push(`- ${finding.severity} ${finding.kind} at \`${finding.path}\` (${finding.check})`)
    }
    lines.push('')
  }
  lines.push(
    '## Checks',
    '',
    '| check | layer | outcome | what it compared |',
    '| --- | --- | --- | --- |',
    ...result.checks.map(checkLine),
    '',
  )
  return lines.join('\n')
}

/**
 * The drift report as JUnit XML: one test case per check, failed when it has a breaking finding,
 * skipped when inconclusive; every finding of the check in its output.
 *
 * @example
 * writeFileSync('drift-report.junit.xml', driftJunit(result))
 */
export function driftJunit (result: DriftResult): string {
  const cases = result.checks.map((check) => {
    const findings = result.findings.filter((f) => f.check === check.name)
    const breaking = findings.filter((f) => f.severity === 'breaking')
    const text = findings.map((f) =>
      `${f.severity} ${f.kind}${f.path === '' ? '' : ` at ${f.path}`}: ${f.message} (${f.occurrences}×)`)
    const body = breaking.length > 0
      ? `<failure message="${escapeXml(breaking[0]?.message ?? '')}">${escapeXml(text.join('\n'))}</failure>`
      : check.status === 'inconclusive'
        ? `<skipped message="${escapeXml(check.note)}"/>`
        : `<system-out>${escapeXml([check.note, ...text].join('\n'))}</system-out>`
    return `<testcase classname="drift.${check.layer}" name="${escapeXml(check.name)}">${body}</testcase>`
  })
  const failures = result.checks.filter((check) =>
    result.findings.some((f) => f.check === check.name && f.severity === 'breaking'))
  const skipped = result.checks.filter((check) => check.status === 'inconclusive')
  return '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<testsuite name="${escapeXml(`drift: ${result.target}`)}" tests="${cases.length}" failures="${failures.length}" ` +
    `skipped="${skipped.length}" timestamp="${result.startedAt}">\n${cases.join('\n')}\n</testsuite>\n`
}

/**
 * The drift report as JSON: the run and its findings (each marked new or unchanged against a
 * baseline, when given), what the baseline had that is gone, and every check.
 *
 * @example
 * JSON.parse(driftJson(result)).findings.length
 */
export function driftJson (result: DriftResult, comparison?: BaselineComparison): string {
  const findings = result.findings.map((finding) => {
    const change = comparison?.changes.get(finding)
    return change === undefined ? finding : { ...finding, change }
  })
  const breaking = result.findings.filter((f) => f.severity === 'breaking').length
  const gone = comparison === undefined ? {} : { gone: comparison.gone }
  return `${JSON.stringify({ ...result, breaking, findings, ...gone }, null, 2)}\n`
}

/**
 * Writes `drift-report.json`, `drift-report.md` and `drift-report.junit.xml` into a folder.
 *
 * @example
 * writeDriftReport(process.cwd(), result)
 */
export function writeDriftReport (folder: string, result: DriftResult, comparison?: BaselineComparison): void {
  writeFileSync(join(folder, 'drift-report.json'), driftJson(result, comparison))
  writeFileSync(join(folder, 'drift-report.md'), driftMarkdown(result, comparison))
  writeFileSync(join(folder, 'drift-report.junit.xml'), driftJunit(result))
}
