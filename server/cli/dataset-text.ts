import type { EventSummary } from '../../fixtures/summarize-dataset.js'
import { formatWireTime } from '../../contracts/wire-time.js'

const percent = (part: number, whole: number): string => (whole === 0 ? '-' : `${Math.round((100 * part) / whole)}%`)

function counted (pairs: ReadonlyArray<readonly [string, number]>, limit: number): string {
  const shown = pairs.slice(0, limit).map(([name, count]) => `${name} (${count})`)
  return pairs.length > limit ? `${shown.join(', ')}, … ${pairs.length - limit} more` : shown.join(', ') || 'none'
}

/**
 * Renders event summaries as the text `webcast-mock dataset` prints: what a tester needs to plan
 * queries, times in GMT.
 *
 * @example
 * process.stdout.write(formatDatasetReport(1, summarizeDataset(dataset)))
 */
export function formatDatasetReport (seed: number, events: readonly EventSummary[]): string {
  const lines = [`Dataset for seed ${seed}: ${events.length} events, times in GMT.`, '']
  for (const event of events) {
    const gmt = (ms: number): string => formatWireTime(ms, 'GMT')
    const simlive = event.simliveStart === undefined || event.simliveEnd === undefined
      ? ''
      : `; sim-live ${gmt(event.simliveStart)} to ${gmt(event.simliveEnd)}`
    lines.push(
      `${event.id}  ${event.title}`,
      `  ${event.kind}${event.expired ? ', expired' : ''}; live ${gmt(event.schedStart)} to ${gmt(event.schedEnd)}` +
        simlive,
      `  registrants ${event.registrants}: no-shows ${event.noShows} (${percent(event.noShows, event.registrants)}), ` +
        `live ${event.liveViewers}, on-demand ${event.odViewers}, sim-live ${event.simliveViewers}, ` +
        `Q&A askers ${event.askers}, survey responders ${event.surveyResponders}`,
      `  domains: ${counted(event.domains, 8)}`,
      `  sti: ${counted(event.sti, 8)}`,
    )
    for (const edge of event.edgeCases) lines.push(`  edge case #${edge.index} ${edge.email}: ${edge.note}`)
    lines.push('')
  }
  return lines.join('\n')
}
