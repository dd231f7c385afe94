import { judge, type Summary, type Target, type Verdict } from './stats.js'

/** One line of the benchmark's table. */
export interface Row {
  readonly scenario: string
  /** The medians behind the ratio, in words. */
  readonly measured: string
  /** The figure judged, with its spread over the rounds. */
  readonly figure: Summary
  /** How the figure is written: a ratio (`x`) or a quantity (`MB`, `ms`). */
  readonly unit: string
  readonly target: Target | undefined
  readonly verdict: Verdict
}

/** A row, judged against its target. */
export function row (scenario: string, measured: string, figure: Summary, unit: string, target?: Target): Row {
  return { scenario, measured, figure, unit, target, verdict: judge(figure, target) }
}

/** Figures written for a reader: thousands separated, a fixed number of decimals. */
export const fmt = (n: number, digits = 0): string =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })

const digitsOf = (unit: string): number => (unit === 'x' ? 2 : 1)

function targetText (target: Target | undefined, unit: string): string {
  if (target === undefined) return 'reported'
  const digits = digitsOf(unit)
  return target.atLeast !== undefined
    ? `>= ${fmt(target.atLeast, digits)}${unit}`
    : `<= ${fmt(target.atMost ?? 0, digits)}${unit}`
}

const VERDICTS = { met: 'met', missed: '**missed**', unstable: 'unstable', reported: '' } as const

/** The table in markdown, and the run's verdict: stable rows only. */
export function markdown (rows: readonly Row[]): string {
  const lines = rows.map((r) => {
    const digits = digitsOf(r.unit)
    const spread = r.figure.values.length > 1 ? ` ± ${fmt(r.figure.spread, digits)}` : ''
    return `| ${r.scenario} | ${r.measured} | ${fmt(r.figure.median, digits)}${r.unit}${spread} | ` +
      `${targetText(r.target, r.unit)} | ${VERDICTS[r.verdict.state]} |`
  })
  return '| scenario | measured (medians) | figure ± spread | target | verdict |\n' +
    '| --- | --- | --- | --- | --- |\n' + lines.join('\n') + '\n'
}

/** How many stable rows met and missed their targets, and how many were too unsteady to judge. */
export function tally (rows: readonly Row[]): { met: number, missed: number, unstable: number } {
  const count = (state: Verdict['state']): number => rows.filter((r) => r.verdict.state === state).length
  return { met: count('met'), missed: count('missed'), unstable: count('unstable') }
}
