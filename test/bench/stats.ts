/** The middle of a set of figures and how far they spread around it. */
export interface Summary {
  readonly median: number
  /** Half the interquartile range: half the figures lie within `median ± spread`, give or take. */
  readonly spread: number
  readonly values: readonly number[]
}

function quantile (sorted: readonly number[], q: number): number {
  const at = (sorted.length - 1) * q
  const low = sorted[Math.floor(at)] ?? Number.NaN
  const high = sorted[Math.ceil(at)] ?? low
  return low + (high - low) * (at - Math.floor(at))
}

/**
 * The median and the spread of figures measured in rounds.
 *
 * @example
 * summarize([0.91, 0.95, 0.93, 0.99, 0.92]) // { median: 0.93, spread: 0.015, … }
 */
export function summarize (values: readonly number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b)
  return { median: quantile(sorted, 0.5), spread: (quantile(sorted, 0.75) - quantile(sorted, 0.25)) / 2, values }
}

/** What a ratio should reach: at least or at most a value. */
export interface Target {
  readonly atLeast?: number
  readonly atMost?: number
}

/** A ratio judged against its target. */
export interface Verdict {
  /** `met` or `missed` when the spread is narrower than the margin to the target; `unstable` otherwise. */
  readonly state: 'met' | 'missed' | 'unstable' | 'reported'
  readonly margin: number
}

/**
 * Judges a ratio: a row is unstable when its spread is wider than its distance to the target,
 * since another run could then land on the other side; a run's verdict counts stable rows only.
 *
 * @example
 * judge(summarize([0.95, 0.97, 0.96]), { atLeast: 0.9 }).state // 'met'
 */
export function judge (ratio: Summary, target: Target | undefined): Verdict {
  if (target === undefined) return { state: 'reported', margin: Number.NaN }
  const margin = target.atLeast !== undefined ? ratio.median - target.atLeast : (target.atMost ?? 0) - ratio.median
  if (ratio.spread > Math.abs(margin)) return { state: 'unstable', margin }
  return { state: margin >= 0 ? 'met' : 'missed', margin }
}

/** The per-round ratios of two series measured in turns, subject over baseline. */
export function ratios (subject: readonly number[], baseline: readonly number[]): number[] {
  return subject.map((value, round) => value / (baseline[round] ?? Number.NaN))
}

/**
 * Measures two things in turns, `a, b, a, b, …`, `rounds` times each, so that a slow spell of the
 * machine falls on both sides of their ratio instead of on one of them.
 *
 * @example
 * const [mock, ceiling] = await inTurns(5, () => load(mockUrl), () => load(ceilingUrl))
 */
export async function inTurns<T> (rounds: number, a: () => Promise<T>, b: () => Promise<T>): Promise<[T[], T[]]> {
  const first: T[] = []
  const second: T[] = []
  for (let round = 0; round < rounds; round++) {
    first.push(await a())
    second.push(await b())
  }
  return [first, second]
}
