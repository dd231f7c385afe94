import { useState } from 'preact/hooks'
import type { DriftResult } from '../../../client/drift/drift-result.js'
import type { Finding, Severity } from '../../../client/drift/findings.js'

/** Each severity, in the order read, with what it means (`client/drift/findings.ts`). */
const SEVERITIES: Record<Severity, string> = {
  breaking: 'something a consumer reads cannot be read, or a filter does not do what it should',
  additive: 'something new that a lenient reader ignores',
  informational: 'a probe\'s answer, or a difference the client reads through',
}

/** A drift report as `drift-report.json` holds it: the run, and each finding marked against a baseline. */
type DriftFile = DriftResult & { readonly findings: ReadonlyArray<Finding & { readonly change?: string }> }

/** Reads a drift report, or says in one sentence why the text is not one. */
function readReport (text: string): DriftFile {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    throw new Error('this file is not JSON: open the drift-report.json that webcast-mock drift wrote')
  }
  const report = value as Partial<DriftFile> | null
  const lists = report !== null && typeof report === 'object' &&
    Array.isArray(report.findings) && Array.isArray(report.checks)
  if (!lists) {
    throw new Error('this JSON is not a drift report: it has no findings and checks')
  }
  return report as DriftFile
}

function FindingView ({ finding }: { finding: DriftFile['findings'][number] }) {
  return (
    <article class="finding">
      <h4>
        {finding.change === undefined ? '' : `[${finding.change}] `}{finding.kind}
        {finding.path === '' ? `: ${finding.check}` : <> at <code>{finding.path}</code></>}
      </h4>
      <p>{finding.message}. Seen {finding.occurrences} {finding.occurrences === 1 ? 'time' : 'times'}
        {finding.formats.length === 0 ? '' : ` in ${finding.formats.map((f) => f.toUpperCase()).join(', ')}`};
        check: {finding.check}.</p>
      <p><em>Why {finding.severity}:</em> {finding.why}</p>
      {finding.request !== '' && <p>Request: <code>{finding.request}</code></p>}
      {finding.excerpt !== '' && <pre class="excerpt">{finding.excerpt}</pre>}
    </article>
  )
}

/** A drift report grouped by severity, each finding with its excerpt; the checks below. */
export function DriftReport ({ text }: { text: string }) {
  let report: DriftFile
  try {
    report = readReport(text)
  } catch (error) {
    return <p class="error" role="alert">{(error as Error).message}</p>
  }
  return (
    <div id="drift-view">
      <p>
        Target {report.target}; run {report.startedAt} to {report.finishedAt}; webcast-mock {report.suiteVersion};{' '}
        {report.requests} requests. {report.findings.length} differences from the contracts;{' '}
        {report.checks.filter((check) => check.status === 'passed').length} of {report.checks.length} checks passed.
      </p>
      {report.findings.length === 0 && <p class="empty">No difference: the service answers as the contracts say.</p>}
      {Object.entries(SEVERITIES).map(([severity, meaning]) => {
        const group = report.findings.filter((finding) => finding.severity === severity)
        return (
          <section key={severity} class={`severity ${severity}`} aria-labelledby={`severity-${severity}`}>
            <h2 id={`severity-${severity}`}>{severity} ({group.length})</h2>
            <p><small>{meaning}.</small></p>
            {group.map((finding, index) => <FindingView key={index} finding={finding} />)}
          </section>
        )
      })}
      <details>
        <summary>Checks ({report.checks.length})</summary>
        <table>
          <thead><tr><th>check</th><th>layer</th><th>outcome</th><th>what it compared</th></tr></thead>
          <tbody>
            {report.checks.map((check) => (
              <tr key={check.name}>
                <td>{check.name}</td><td>{check.layer}</td><td>{check.status}</td><td>{check.note}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  )
}

/** The drift page: drop or open a `drift-report.json`, read in the browser, sent nowhere. */
export function DriftPage () {
  const [text, setText] = useState<string | undefined>(undefined)
  const [name, setName] = useState('')
  const [over, setOver] = useState(false)
  const open = (file: File | undefined): void => {
    if (file === undefined) return
    setName(file.name)
    void file.text().then(setText)
  }
  return (
    <>
      <div class={over ? 'drop over' : 'drop'}
        onDragOver={(e) => { e.preventDefault(); setOver(true) }}
        onDragLeave={() => { setOver(false) }}
        onDrop={(e) => { e.preventDefault(); setOver(false); open(e.dataTransfer?.files[0]) }}>
        <label>Open a drift-report.json{' '}
          <input type="file" accept=".json,application/json" onChange={(e) => { open(e.currentTarget.files?.[0]) }} />
        </label>
        <p><small>or drop it here. It is read in this page and sent nowhere.</small></p>
      </div>
      {text === undefined
        ? <p class="empty">No report open yet. <code>webcast-mock drift</code> writes one into its folder.</p>
        : <><h2 class="file-name">{name}</h2><DriftReport text={text} /></>}
    </>
  )
}
