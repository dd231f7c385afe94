import type { Loaded } from './load-rows.js'
import type { RenderRequest } from './mock-server.js'
import { FORMATS, FRESH_ZONES, PLAN, streamAnswer } from './scenarios.js'
import { inTurns, ratios, summarize } from './stats.js'
import { fmt, row, type Row } from './table.js'

/** An event the fresh reports are asked of, and how many to ask per round (more of the small ones, which are quick). */
export interface FreshEvent { readonly id: string, readonly registrants: number, readonly perRound: number }

let zonesUsed = 0
/** A zone no report of the run was asked in yet: a query never asked before. */
function freshZone (): string {
  const zone = FRESH_ZONES[zonesUsed++]
  if (zone === undefined) throw new Error(`only ${FRESH_ZONES.length} time zones: ask fewer fresh reports per round`)
  return zone
}

/**
 * A report asked over HTTP, timed by the mock itself (its journal: from the request's arrival to
 * its answer's end), so that the client's own reading is not counted.
 */
async function overHttp (server: Loaded, event: FreshEvent, suffix: string, zone: string): Promise<number> {
  const path = `/api/reporting/audience_reports${suffix}?ver=2.0&${server.session}&ei=${event.id}` +
    `&tz=${encodeURIComponent(zone)}`
  await streamAnswer(server.origin + path)
  return (await server.child.ask<{ ms: number }>({ lastRequest: true })).ms
}

/** The median of `count` timings, each of a new zone. */
async function medianOf (count: number, time: (zone: string) => Promise<number>): Promise<number> {
  const times: number[] = []
  for (let i = 0; i < count; i++) times.push(await time(freshZone()))
  return summarize(times).median
}

/**
 * A report never asked before, over HTTP, against the same report generated and written in the
 * mock's own process with nothing in between, both timed in that process: what HTTP, the checks
 * and streaming add.
 */
export async function againstRendering (server: Loaded, events: readonly FreshEvent[]): Promise<Row[]> {
  const rows: Row[] = []
  for (const event of events) {
    for (const [format, suffix] of FORMATS) {
      const alone = async (zone: string): Promise<number> => {
        const request: RenderRequest = { eventId: event.id, format, zone }
        return (await server.child.ask<{ ms: number }>({ render: request })).ms
      }
      // A warm-up of each first: the first report of an event and a format compiles its code.
      await overHttp(server, event, suffix, freshZone())
      await alone(freshZone())
      const [http, rendered] = await inTurns(PLAN.rounds,
        async () => await medianOf(event.perRound, async (zone) => await overHttp(server, event, suffix, zone)),
        async () => await medianOf(event.perRound, alone))
      rows.push(row(`report ${fmt(event.registrants)} registrants, ${format}, never asked before: time`,
        `over HTTP ${fmt(summarize(http).median, 1)} ms; ` +
          `generated and written alone ${fmt(summarize(rendered).median, 1)} ms`,
        summarize(ratios(http, rendered)), 'x', { atMost: 1.25 }))
      process.stdout.write(`  ${rows.at(-1)?.scenario ?? ''}\n`)
    }
  }
  return rows
}

/** A report never asked before, over HTTP, from two builds of the mock in turns: time new over old. */
export async function freshNewAgainstOld (fresh: Loaded, old: Loaded, events: readonly FreshEvent[]): Promise<Row[]> {
  const rows: Row[] = []
  for (const event of events) {
    for (const [format, suffix] of FORMATS) {
      await overHttp(fresh, event, suffix, freshZone())
      await overHttp(old, event, suffix, freshZone())
      const [ours, theirs] = await inTurns(PLAN.rounds,
        async () => await medianOf(event.perRound, async (zone) => await overHttp(fresh, event, suffix, zone)),
        async () => await medianOf(event.perRound, async (zone) => await overHttp(old, event, suffix, zone)))
      rows.push(row(`report ${fmt(event.registrants)} registrants, ${format}, never asked before: time`,
        `${fresh.name} ${fmt(summarize(ours).median, 1)} ms; ${old.name} ${fmt(summarize(theirs).median, 1)} ms`,
        summarize(ratios(ours, theirs)), 'x'))
      process.stdout.write(`  ${rows.at(-1)?.scenario ?? ''}\n`)
    }
  }
  return rows
}
