import { emailDomain } from '../../contracts/filter-semantics.js'
import type { Reading } from '../../client/drift/readings.js'

/**
 * The shape of an event's audience as fractions: of all registrants for the ways of watching, an
 * `sti`, each `sti` value and each email domain (`sti:VALUE`, `domain:DOMAIN`); of live and
 * sim-live viewers for questions; of viewers for survey answers.
 */
export interface AudienceProfile {
  readonly count: number
  readonly fractions: Readonly<Record<string, number>>
}

/** An audience's times: median minutes of a session of each way of watching, and the registration span in days. */
export interface AudienceTiming {
  readonly minutes: Readonly<Record<'live' | 'simlive' | 'od', number | undefined>>
  /** The first and last registration, in days after the live start (negative: before). */
  readonly registered: { readonly fromDays: number, readonly toDays: number } | undefined
}

const share = (part: number, whole: number): number => (whole === 0 ? 0 : Math.round(part / whole * 1000) / 1000)

/** Values by how often they occur, the most frequent first. */
export function byFrequency (values: readonly string[]): Array<[string, number]> {
  const counts = new Map<string, number>()
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1)
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
}

const watched = (reading: Reading, kind: string): boolean => reading.subject.sessions.some((s) => s.kind === kind)

/**
 * The profile of an unfiltered report's registrants.
 *
 * @example
 * profileOf(readings).fractions.no_shows // 0.5
 */
export function profileOf (readings: readonly Reading[]): AudienceProfile {
  const viewers = readings.filter((r) => r.subject.sessions.length > 0)
  const liveViewers = readings.filter((r) => watched(r, 'live') || watched(r, 'simlive'))
  const all = readings.length
  const sti = readings.flatMap((r) => r.subject.sti ?? [])
  return {
    count: all,
    fractions: {
      no_shows: share(all - viewers.length, all),
      live: share(readings.filter((r) => watched(r, 'live')).length, all),
      simlive: share(readings.filter((r) => watched(r, 'simlive')).length, all),
      on_demand: share(readings.filter((r) => watched(r, 'od')).length, all),
      qa: share(liveViewers.filter((r) => r.subject.questions.length > 0).length, liveViewers.length),
      survey: share(viewers.filter((r) => r.subject.surveys.length > 0).length, viewers.length),
      sti: share(sti.length, all),
      ...Object.fromEntries(byFrequency(sti).map(([value, count]) => [`sti:${value}`, share(count, all)])),
      ...Object.fromEntries(byFrequency(readings.map((r) => emailDomain(r.email)))
        .map(([domain, count]) => [`domain:${domain}`, share(count, all)])),
    },
  }
}

const MINUTE = 60_000
const DAY = 24 * 60 * MINUTE

function median (values: readonly number[]): number | undefined {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted.length === 0 ? undefined : sorted[Math.floor(sorted.length / 2)]
}

/**
 * The times of an unfiltered report's registrants, relative to the event's live start.
 *
 * @example
 * timingOf(readings, Date.UTC(2026, 2, 10, 15)).minutes.live // 31
 */
export function timingOf (readings: readonly Reading[], liveStart: number): AudienceTiming {
  const minutesOf = (kind: string): number | undefined => {
    const lengths = readings.flatMap((r) => r.subject.sessions.filter((s) => s.kind === kind))
      .map((s) => (s.end - s.start) / MINUTE)
    const typical = median(lengths)
    return typical === undefined ? undefined : Math.max(1, Math.round(typical))
  }
  const days = readings.map((r) => (r.subject.regDate - liveStart) / DAY).filter((d) => Number.isFinite(d))
  const round = (d: number): number => Math.round(d * 100) / 100
  return {
    minutes: { live: minutesOf('live'), simlive: minutesOf('simlive'), od: minutesOf('od') },
    registered: days.length === 0
      ? undefined
      : { fromDays: round(Math.min(...days)), toDays: round(Math.max(...days)) },
  }
}
