import type { ContractViolation } from '../../contracts/violations.js'

/**
 * How much a finding matters: breaking drift fails a run; additive and informational do not.
 *
 * @example
 * findings.all.filter((finding) => finding.severity === 'additive')
 */
export type Severity = 'breaking' | 'additive' | 'informational'

/**
 * One thing the contract suite found.
 *
 * @example
 * for (const finding of findings.breaking) console.log(`${finding.check}: ${finding.message} (${finding.request})`)
 */
export interface Finding {
  readonly severity: Severity
  /** The check that found it, e.g. `report/json matches its contract`. */
  readonly check: string
  readonly message: string
  /** The request, with password, session id and user id redacted. */
  readonly request: string
  /** The first few hundred characters of the response. */
  readonly excerpt: string
}

const SECRETS = /([?&](?:password|si|ui)=)[^&]*/g

/**
 * A request path with its secrets redacted, for reports.
 *
 * @example
 * redactRequest('/login?username=a&password=b') // '/login?username=a&password=[redacted]'
 */
export function redactRequest (pathAndQuery: string): string {
  return pathAndQuery.replace(SECRETS, '$1[redacted]')
}

/**
 * A violation of an object's closed shape by a field it does not know is additive; anything else breaks.
 *
 * @example
 * severityOf({ path: '/x', keyword: 'additionalProperties', message: '…' }) // 'additive'
 */
export function severityOf (violation: ContractViolation): Severity {
  return violation.keyword === 'additionalProperties' || violation.keyword === 'unevaluatedProperties' ? 'additive' : 'breaking'
}

/**
 * Collects findings as the suite runs.
 *
 * @example
 * const findings = new Findings()
 * findings.add({ severity: 'informational', check: 'probe', message: 'HTTP 200', request: '', excerpt: '' })
 */
export class Findings {
  readonly all: Finding[] = []

  add (finding: Finding): void {
    this.all.push(finding)
  }

  get breaking (): Finding[] {
    return this.all.filter((finding) => finding.severity === 'breaking')
  }
}
