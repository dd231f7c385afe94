import { wallClockOf } from '../../contracts/wire-time.js'
import type { Format } from '../../contracts/wire-format.js'
import { registrantsOf, type WebcastEvent } from '../../fixtures/dataset.js'
import type { Registrant } from '../../fixtures/registrant.js'
import { writeReport } from '../../server/render/report-formats.js'
import { FORMATS, PLAN } from './scenarios.js'
import { inTurns, ratios, summarize } from './stats.js'
import { fmt, row, type Row } from './table.js'

/** Bytes written per millisecond. */
type Rate = number

function stringifyRate (registrants: readonly Registrant[]): Rate {
  const started = performance.now()
  const text = JSON.stringify(registrants)
  return Buffer.byteLength(text) / (performance.now() - started)
}

function writerRate (format: Format, event: WebcastEvent, registrants: readonly Registrant[]): Rate {
  const started = performance.now()
  const { head, body } = writeReport(format, {
    header: { currentDateTime: '2026-11-28 00:00:00', currentTimeZone: 'GMT' },
    event,
    registrants,
    wallClock: wallClockOf('GMT'),
  })
  let bytes = Buffer.byteLength(head)
  for (const chunk of body) bytes += chunk.length
  return bytes / (performance.now() - started)
}

/**
 * The report writer alone against `JSON.stringify`, over the same registrants built beforehand,
 * in this process, in turns: by bytes written per second, the measure of a writer's speed that
 * does not favour the format that says least.
 */
export async function writerAgainstStringify (event: WebcastEvent): Promise<Row[]> {
  const registrants = [...registrantsOf(event)]
  const rows: Row[] = []
  for (const [format] of FORMATS) {
    const [writer, stringify] = await inTurns(PLAN.rounds,
      async () => writerRate(format, event, registrants),
      async () => stringifyRate(registrants))
    rows.push(row(`report writer alone, ${format}, ${fmt(registrants.length)} registrants: MB/s`,
      `writer ${fmt(summarize(writer).median / 1000, 1)} MB/s; ` +
        `JSON.stringify ${fmt(summarize(stringify).median / 1000, 1)} MB/s`,
      summarize(ratios(writer, stringify)), 'x', format === 'csv' ? undefined : { atLeast: 1 }))
  }
  return rows
}
