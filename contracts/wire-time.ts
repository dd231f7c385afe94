/** Times on the wire: `YYYY-MM-DD HH:MM:SS` in a zone, no `T`, no offset. */

/** The zone every time is shown in unless a request names another. */
export const DEFAULT_TIME_ZONE = 'GMT'

const UTC_ALIASES = new Set(['GMT', 'UTC'])
const formatters = new Map<string, Intl.DateTimeFormat>()

/**
 * Whether a name is a zone the server can show times in: an IANA name, or GMT / UTC.
 *
 * @example
 * isKnownTimeZone('America/New_York') // true
 */
export function isKnownTimeZone (zone: string): boolean {
  return formatterFor(zone) !== undefined
}

/**
 * Formats an instant in a zone.
 *
 * @example
 * formatWireTime(Date.UTC(2026, 10, 27, 23, 39, 44), 'GMT') // '2026-11-27 23:39:44'
 */
export function formatWireTime (epochMs: number, zone: string): string {
  const second = Math.floor(epochMs / 1000)
  const last = lastFormatted.get(zone)
  if (last?.second === second) return last.text
  const text = format(epochMs, zone)
  lastFormatted.set(zone, { second, text })
  return text
}

/**
 * The last time formatted in each zone. Every answer's envelope carries the current time, so
 * most calls ask for the second the call before asked for, and `formatToParts` is the costliest
 * step of answering a report from the cache. One entry per zone.
 */
const lastFormatted = new Map<string, { second: number, text: string }>()

function format (epochMs: number, zone: string): string {
  if (UTC_ALIASES.has(zone)) return new Date(epochMs).toISOString().slice(0, 19).replace('T', ' ')
  const formatter = formatterFor(zone)
  if (formatter === undefined) throw new RangeError(`unknown time zone ${zone}`)
  const parts: Record<string, string> = {}
  for (const part of formatter.formatToParts(epochMs)) parts[part.type] = part.value
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`
}

function formatterFor (zone: string): Intl.DateTimeFormat | undefined {
  if (UTC_ALIASES.has(zone)) zone = 'UTC'
  let formatter = formatters.get(zone)
  if (formatter !== undefined) return formatter
  try {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
  } catch {
    return undefined
  }
  formatters.set(zone, formatter)
  return formatter
}

const QUARTER_HOUR = 15 * 60 * 1000
const DAY = 24 * 60 * 60 * 1000
const offsetCaches = new Map<string, Map<number, number>>()
const MAX_CACHED_OFFSETS = 200_000

/**
 * How far a zone's wall clock is ahead of UTC at an instant, in ms. Zone offsets only change on
 * quarter hours of UTC, so one lookup per quarter hour is cached and reused.
 */
function offsetAt (epochMs: number, zone: string): number {
  if (UTC_ALIASES.has(zone)) return 0
  let cache = offsetCaches.get(zone)
  if (cache === undefined) offsetCaches.set(zone, cache = new Map<number, number>())
  const bucket = Math.floor(epochMs / QUARTER_HOUR)
  let offset = cache.get(bucket)
  if (offset === undefined) {
    const start = bucket * QUARTER_HOUR
    const wall = formatWireTime(start, zone)
    const wallMs = Date.UTC(
      +wall.slice(0, 4), +wall.slice(5, 7) - 1, +wall.slice(8, 10),
      +wall.slice(11, 13), +wall.slice(14, 16), +wall.slice(17, 19),
    )
    offset = wallMs - start
    if (cache.size >= MAX_CACHED_OFFSETS) cache.clear()
    cache.set(bucket, offset)
  }
  return offset
}

/**
 * A zone's wall clock: maps an instant to the UTC instant that shows the same date and time, so
 * that UTC arithmetic on the result reads the zone's calendar. From cached zone offsets, for
 * reports that show thousands of times; `formatWireTime` of the result in GMT is
 * `formatWireTime` of the instant in the zone.
 *
 * @example
 * const wall = wallClockOf('America/New_York')
 * formatWireTime(wall(Date.UTC(2026, 2, 8, 7)), 'GMT') // '2026-03-08 03:00:00'
 */
export function wallClockOf (zone: string): (epochMs: number) => number {
  if (!isKnownTimeZone(zone)) throw new RangeError(`unknown time zone ${zone}`)
  if (UTC_ALIASES.has(zone)) return (epochMs) => epochMs
  return (epochMs) => epochMs + offsetAt(epochMs, zone)
}

/**
 * The instant a zone's wall clock shows a date and time. Where it shows it twice (clocks going
 * back), the first; where it never shows it (clocks jumping over it), the time read with the
 * offset before the jump, which lands just after it, as `Temporal`'s "compatible" choice does.
 *
 * @example
 * zonedTimeToEpoch(2026, 3, 8, 0, 0, 0, 'America/New_York') // Date.UTC(2026, 2, 8, 5)
 */
export function zonedTimeToEpoch (
  year: number, month: number, day: number, hour: number, minute: number, second: number, zone: string,
): number {
  const wall = Date.UTC(year, month - 1, day, hour, minute, second)
  const before = wall - offsetAt(wall - DAY, zone)
  const after = wall - offsetAt(wall + DAY, zone)
  const fits = (instant: number): boolean => wall - offsetAt(instant, zone) === instant
  if (fits(before)) return before
  if (fits(after)) return after
  return before
}
