import type { ErrorObject } from 'ajv'

/** One way a value breaks its contract, with a readable path such as `/convey_api/result`. */
export interface ContractViolation {
  readonly path: string
  readonly keyword: string
  readonly message: string
  /** For `required`: the missing property; for `additionalProperties`: the unknown one. */
  readonly property?: string
  /** What the schema expects there, in words, when it says (its `description`). */
  readonly expected?: string
  /** Where in the schema the rule is, e.g. `#/properties/ver/type`: tells nested rules apart. */
  readonly schemaPath: string
  /** For `type`, the type expected; for `const` and `enum`, the values allowed. */
  readonly allowed?: unknown
  /** The value found at `path`, as the validator saw it. */
  readonly seen?: unknown
}

/**
 * Turns one of ajv's errors into a violation with a readable path.
 *
 * @example
 * (validate.errors ?? []).map(toViolation)
 */
export function toViolation (error: ErrorObject): ContractViolation {
  const property = propertyOf(error)
  const expected = (error.parentSchema as { description?: unknown } | undefined)?.description
  const params = error.params as Record<string, unknown>
  const allowed = params.type ?? params.allowedValue ?? params.allowedValues
  return {
    path: error.instancePath,
    keyword: error.keyword,
    message: error.message ?? error.keyword,
    schemaPath: error.schemaPath,
    ...(property === undefined ? {} : { property }),
    ...(typeof expected === 'string' ? { expected } : {}),
    ...(allowed === undefined ? {} : { allowed }),
    ...(error.data === undefined ? {} : { seen: error.data }),
  }
}

function propertyOf (error: ErrorObject): string | undefined {
  const params = error.params as Record<string, unknown>
  for (const key of ['missingProperty', 'additionalProperty', 'unevaluatedProperty']) {
    const value = params[key]
    if (typeof value === 'string') return value
  }
  return undefined
}

/**
 * Formats violations as one line each, for error messages and reports.
 *
 * @example
 * describeViolations(validateContract('login-response.json', body))
 */
export function describeViolations (violations: readonly ContractViolation[]): string {
  return violations
    .map((v) => `${v.path === '' ? '/' : v.path}${v.property === undefined ? '' : ` (${v.property})`}: ${v.message}`)
    .join('\n')
}
