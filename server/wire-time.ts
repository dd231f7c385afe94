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
