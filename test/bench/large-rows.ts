import type { WebcastEvent } from '../../fixtures/dataset.js'
import { startChild } from './children.js'
import { FORMATS, login, streamAnswer } from './scenarios.js'
import { summarize } from './stats.js'
import { fmt, row, type Row } from './table.js'

/**
 * A report of 1,000,000 registrants in each format, each from a fresh server: its peak resident
 * memory and its first byte. Two small reports come first, in the same format, since the first
 * report after start builds the dataset's value pools and warms the code, once.
 */
export async function millionRows (mockScript: string, million: WebcastEvent, small: WebcastEvent): Promise<Row[]> {
  const rows: Row[] = []
  for (const [format, suffix] of FORMATS) {
    const mock = await startChild(mockScript, ['1000000'])
    const origin = new URL(mock.url).origin
    const report = `${origin}/api/reporting/audience_reports${suffix}?ver=2.0&${await login(origin)}`
    for (let warm = 0; warm < 2; warm++) await streamAnswer(`${report}&ei=${small.id}`)
    const run = await streamAnswer(`${report}&ei=${million.id}`)
    const peak = mock.peakRssMb()
    await mock.stop()
    const name = `report 1,000,000 registrants, ${format} (${fmt(run.bytes / 1e6)} MB)`
    const measured = `${fmt(run.totalMs / 1000, 1)} s in all`
    rows.push(row(`${name}: peak RSS`, measured, summarize([peak]), ' MB', { atMost: 200 }))
    rows.push(row(`${name}: first byte`, measured, summarize([run.firstByteMs]), ' ms', { atMost: 100 }))
  }
  return rows
}

/** Resident memory of an idle mock, with the default dataset and with a 1,000,000-registrant event declared, unread. */
export async function memoryRows (mockScript: string): Promise<Row[]> {
  const plain = await startChild(mockScript, [])
  const withMillion = await startChild(mockScript, ['1000000'])
  const [plainRss, millionRss] = [plain.rssMb(), withMillion.rssMb()]
  await Promise.all([plain.stop(), withMillion.stop()])
  return [
    row('resident memory, default dataset, idle', '', summarize([plainRss]), ' MB'),
    row('declaring a 1,000,000-registrant event, unread: more memory', `${fmt(millionRss, 1)} MB in all`,
      summarize([millionRss - plainRss]), ' MB', { atMost: 10 }),
  ]
}
