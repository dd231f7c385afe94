import { renameSync, writeFileSync } from 'node:fs'
import { driftJson, driftMarkdown } from '../../client/drift/drift-report.js'
import type { DriftResult } from '../../client/drift/drift-result.js'

/**
 * Writes the proxy's grouped findings as the drift suite writes its own: the JSON report to the
 * file named, the markdown page beside it (`.md` for `.json`). Each file is written whole, then
 * renamed into place, so a reader never sees half a report.
 *
 * @example
 * writeProxyReport('proxy-report.json', proxy.result()) // and proxy-report.md
 */
export function writeProxyReport (file: string, result: DriftResult): void {
  const markdown = file.endsWith('.json') ? `${file.slice(0, -'.json'.length)}.md` : `${file}.md`
  for (const [path, text] of [[file, driftJson(result)], [markdown, driftMarkdown(result)]] as const) {
    writeFileSync(`${path}.partial`, text)
    renameSync(`${path}.partial`, path)
  }
}
