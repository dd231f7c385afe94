import { asOf, settledAt } from '../../fixtures/as-of.js'
import type { WebcastEvent } from '../../fixtures/dataset.js'
import type { Registrant, ViewingKind } from '../../fixtures/registrant.js'
import { countViewer, noViewers, type ViewerCounts } from '../../fixtures/summarize-dataset.js'

/** Registrants read between two turns of the event loop, so that reading a large event never holds up the API. */
const SLICE = 2000

/** The most bars a chart of viewing gets: their width is a whole number of hours. */
const MAX_BUCKETS = 48

const HOUR = 3_600_000

/** Viewing sessions begun in one stretch of time, by kind. */
export interface ViewingBucket extends Record<ViewingKind, number> {
  /** ISO 8601, UTC. */
  readonly start: string
}

/** What the console shows of one event as of a moment: its counts and its viewing over time. */
export interface EventStats extends ViewerCounts {
  readonly registrants: number
  /** The moment counted, ISO 8601 in UTC. */
  readonly asOf: string
  /** The width of each bucket, in ms: a whole number of hours. */
  readonly bucketMs: number
  readonly viewing: readonly ViewingBucket[]
}

/** Waits for the next turn of the event loop, letting requests in between. */
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

/**
 * Reads an event's registrants from `from` on, one slice per turn of the event loop, as of
 * `now`, and hands each to `visit` with its index until it returns `false`.
 *
 * @example
 * await eachRegistrant(event, 0, now, (registrant) => { count++; return true })
 */
export async function eachRegistrant (
  event: WebcastEvent,
  from: number,
  now: number,
  visit: (registrant: Registrant, index: number) => boolean,
): Promise<void> {
  const settled = now >= settledAt(event)
  for (let index = from; index < event.registrantCount; index++) {
    if (index > from && (index - from) % SLICE === 0) await nextTurn()
    const generated = event.registrantAt(index)
    if (!visit(settled ? generated : asOf(generated, now), index)) return
  }
}

/**
 * Counts an event's viewers as of a moment, and its viewing sessions by the hour they began,
 * gathered into at most 48 buckets; a large event is read a slice per turn of the event loop.
 *
 * @example
 * const stats = await eventStats(dataset.eventById('4851630')!, clock.dataNow())
 */
export async function eventStats (event: WebcastEvent, now: number): Promise<EventStats> {
  const counts = noViewers()
  const byHour = new Map<number, Record<ViewingKind, number>>()
  await eachRegistrant(event, 0, now, (registrant) => {
    countViewer(counts, registrant)
    for (const session of registrant.sessions) {
      const hour = Math.floor(session.start / HOUR)
      const tally = byHour.get(hour) ?? { live: 0, simlive: 0, od: 0 }
      tally[session.kind]++
      byHour.set(hour, tally)
    }
    return true
  })
  const hours = [...byHour.keys()]
  const first = Math.min(...hours)
  const width = hours.length === 0 ? 1 : Math.ceil((Math.max(...hours) - first + 1) / MAX_BUCKETS)
  const buckets = new Map<number, ViewingBucket>()
  for (const [hour, tally] of [...byHour].sort((a, b) => a[0] - b[0])) {
    const key = first + Math.floor((hour - first) / width) * width
    const bucket = buckets.get(key) ?? { start: new Date(key * HOUR).toISOString(), live: 0, simlive: 0, od: 0 }
    buckets.set(key, {
      ...bucket, live: bucket.live + tally.live, simlive: bucket.simlive + tally.simlive, od: bucket.od + tally.od,
    })
  }
  const viewing = hours.length === 0 ? [] : fillGaps(buckets, first, width)
  return {
    registrants: event.registrantCount, ...counts, asOf: new Date(now).toISOString(), bucketMs: width * HOUR, viewing,
  }
}

/** Every bucket from the first to the last, the empty ones too, so that a chart's bars keep time. */
function fillGaps (buckets: ReadonlyMap<number, ViewingBucket>, first: number, width: number): ViewingBucket[] {
  const last = Math.max(...buckets.keys())
  const all: ViewingBucket[] = []
  for (let key = first; key <= last; key += width) {
    all.push(buckets.get(key) ?? { start: new Date(key * HOUR).toISOString(), live: 0, simlive: 0, od: 0 })
  }
  return all
}
