import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Finding, Findings } from './findings.js'

const escapeXml = (text: string): string => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c)
const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\s+/g, ' ')

/**
 * The drift report as markdown: breaking first, then additive, then informational.
 *
 * @example
 * driftMarkdown('https://api.webcasts.com/api', findings) // '# Drift report: …'
 */
export function driftMarkdown (targetName: string, findings: Findings): string {
  const lines = [`# Drift report: ${targetName}`, '', `${findings.breaking.length} breaking, ` +
    `${findings.all.filter((f) => f.severity === 'additive').length} additive, ${findings.all.filter((f) => f.severity === 'informational').length} informational.`, '']
  for (const severity of ['breaking', 'additive', 'informational'] as const) {
    const group = findings.all.filter((f) => f.severity === severity)
    if (group.length === 0) continue
    lines.push(`## ${severity}`, '', '| check | finding | request | response excerpt |', '| --- | --- | --- | --- |')
    for (const f of group) lines.push(`| ${cell(f.check)} | ${cell(f.message)} | ${cell(f.request)} | ${cell(f.excerpt.slice(0, 120))} |`)
    lines.push('')
  }
  return lines.join('\n')
}

/**
 * The drift report as JUnit XML: one test case per check, failed when it found breaking drift.
 *
 * @example
 * driftJunit('mock', findings) // '<?xml version="1.0" encoding="UTF-8"?>\n<testsuite …'
 */
function driftJunit (targetName: string, findings: Findings): string {
  const byCheck = new Map<string, Finding[]>()
  for (const f of findings.all) byCheck.set(f.check, [...(byCheck.get(f.check) ?? []), f])
  const cases = [...byCheck].map(([check, list]) => {
    const breaking = list.filter((f) => f.severity === 'breaking')
    const body = breaking.length > 0
      ? `<failure message="${escapeXml(breaking[0]?.message ?? '')}">${escapeXml(breaking.map((f) => `${f.message} (${f.request})`).join('\n'))}</failure>`
      : `<system-out>${escapeXml(list.map((f) => `${f.severity}: ${f.message}`).join('\n'))}</system-out>`
    return `<testcase classname="drift" name="${escapeXml(check)}">${body}</testcase>`
  })
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuite name="${escapeXml(`drift: ${targetName}`)}" tests="${cases.length}" failures="${[...byCheck.values()].filter((l) => l.some((f) => f.severity === 'breaking')).length}">\n${cases.join('\n')}\n</testsuite>\n`
}

/**
 * Writes `drift-report.json`, `drift-report.md` and `drift-report.junit.xml` into a folder.
 *
 * @example
 * writeDriftReport(process.cwd(), target.name, findings)
 */
export function writeDriftReport (folder: string, targetName: string, findings: Findings): void {
  writeFileSync(join(folder, 'drift-report.json'), `${JSON.stringify({ target: targetName, breaking: findings.breaking.length, findings: findings.all }, null, 2)}\n`)
  writeFileSync(join(folder, 'drift-report.md'), driftMarkdown(targetName, findings))
  writeFileSync(join(folder, 'drift-report.junit.xml'), driftJunit(targetName, findings))
}
