import type { Finding } from './findings.js'

/** Which layer a check belongs to: the form of the answers, what the filters do, or a probe of an assumption. */
export type CheckLayer = 'shape' | 'behaviour' | 'probe'

/**
 * How a check ended. *inconclusive*: the data it needs is not there (the note says which);
 * *not judged*: its outcome follows from another check's (the note says which); *refuted*: a
 * probe found the service otherwise than `contracts/README.md` assumes (an informational finding).
 */
export type CheckStatus = 'passed' | 'failed' | 'inconclusive' | 'not judged' | 'refuted'

/**
 * One check of a run and how it ended.
 *
 * @example
 * result.checks.filter((check) => check.status === 'inconclusive').map((check) => `${check.name}: ${check.note}`)
 */
export interface CheckOutcome {
  readonly name: string
  readonly layer: CheckLayer
  readonly status: CheckStatus
  /** What it compared, or why it could not. */
  readonly note: string
}

/**
 * Everything one run of the drift suite found, and what it did to find it.
 *
 * @example
 * const result = await runContractSuite(target)
 * if (result.findings.some((f) => f.severity === 'breaking')) process.exitCode = 1
 */
export interface DriftResult {
  /** The service, as named by the run (its base URL). */
  readonly target: string
  readonly startedAt: string
  readonly finishedAt: string
  /** The version of webcast-mock whose contracts and suite ran. */
  readonly suiteVersion: string
  /** Requests sent, and the most a run may send to a remote service (none for a local one). */
  readonly requests: number
  readonly requestBudget: number | undefined
  readonly findings: readonly Finding[]
  readonly checks: readonly CheckOutcome[]
}
