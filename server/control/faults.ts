import type { Format } from '../../contracts/wire-format.js'
import { createRandom, type Random } from '../../fixtures/random.js'
import { ENDPOINT_PATH_OF } from './control-plane.js'
import { checkFaultRule, type FaultRule } from './fault-rule.js'

/** How to build {@link Faults}. */
export interface FaultsOptions {
  /** Seeds each rule's stream of chances and latencies; 1 unless given. */
  readonly seed?: number
}

/** A rule as {@link Faults.list} shows it. */
export interface FaultStatus {
  readonly id: string
  /** The rule as checked: the fields given, in a fixed order. */
  readonly rule: FaultRule
  /** Requests it matched, whether its probability let it fire or not. */
  readonly matched: number
  /** Requests it fired on. */
  readonly fired: number
  /** How many more times it fires: 0 once spent (it stays listed), `null` with no limit. */
  readonly remaining: number | null
}

/** A request as a rule sees it. */
export interface FaultRequest {
  /** The route's path, without query string or trailing slash. */
  readonly path: string
  readonly format: Format
  /** The username of the request's account, when it has one; see {@link FaultRule.account}. */
  readonly account: string | null
  /** The parameters as read. */
  readonly params: Readonly<Record<string, string>>
}

/** A rule that fired on a request, and the latency drawn for this request. */
export interface FiredFault {
  readonly id: string
  readonly rule: FaultRule
  readonly latencyMs: number
}

/** A rule and what it has done. */
class Entry {
  matched = 0
  fired = 0

  constructor (
    readonly id: string,
    readonly rule: FaultRule,
    /** `rule.account` in lower case, compared with the request's so. */
    readonly account: string | undefined,
    readonly random: Random,
    public remaining: number,
  ) {}
}

/**
 * The faults a test injects into a mock: rules that match requests and slow them down, answer
 * them with an error or a bare status, reset the connection or cut the body off. The first rule
 * (in the order added) that matches a request and whose probability lets it fire, fires; one rule
 * per request. Each rule draws its chances and latencies from a stream of its own, seeded by the
 * seed and the rule itself (and how many identical rules came before it since the last
 * {@link Faults.clear}), so that the same seed and the same calls fire the same faults on the same
 * requests, whatever other tests added before.
 *
 * `startMock` makes one (`mock.faults`); a server built by `buildServer` has one when given.
 *
 * @example
 * const mock = await startMock()
 * const id = mock.faults.add({ path: '/api/reporting/audience_reports', error: 'session_expired', times: 'once' })
 * // … the next audience report is refused as expired; the client logs in again and retries.
 * mock.faults.list()
 * // [{ id, rule: { path: …, error: 'session_expired', times: 'once' }, matched: 1, fired: 1, remaining: 0 }]
 */
export class Faults {
  readonly seed: number
  private readonly entries = new Map<string, Entry>()
  /** The entries that can still fire, in the order added: what every request is matched against. */
  private armed: Entry[] = []
  /** How many rules of each content were added since the last clear: identical rules draw apart. */
  private readonly twins = new Map<string, number>()
  private lastId = 0

  constructor (options: FaultsOptions = {}) {
    const { seed = 1 } = options
    if (!Number.isSafeInteger(seed)) throw new RangeError(`faults: seed must be a whole number, not ${String(seed)}`)
    this.seed = seed
  }

  /**
   * Whether no rule can fire now; the one check a request makes when no fault is injected.
   *
   * @example
   * if (!faults.idle) fired = faults.fire(request)
   */
  get idle (): boolean {
    return this.armed.length === 0
  }

  /**
   * Checks a rule and adds it after the others; returns its id. A rule that cannot be used
   * throws a `FaultRuleError` naming the field.
   *
   * @example
   * const id = mock.faults.add({ pathPrefix: '/api/reporting/', account: 'worker-3@example.com', reset: true })
   */
  add (rule: FaultRule): string {
    const checked = checkFaultRule(rule)
    const content = JSON.stringify(checked)
    const twin = this.twins.get(content) ?? 0
    this.twins.set(content, twin + 1)
    const id = `fault-${++this.lastId}`
    const times = checked.times ?? 'always'
    const remaining = times === 'always' ? Infinity : times === 'once' ? 1 : times
    const random = createRandom(this.seed, 'fault', content, twin)
    const entry = new Entry(id, checked, checked.account?.toLowerCase(), random, remaining)
    this.entries.set(id, entry)
    this.armed.push(entry)
    return id
  }

  /**
   * Every rule added and not removed, in the order added, with how often each has fired.
   *
   * @example
   * mock.faults.list().find((fault) => fault.id === id)?.fired // 1
   */
  list (): FaultStatus[] {
    return [...this.entries.values()].map((entry) => ({
      id: entry.id,
      rule: entry.rule,
      matched: entry.matched,
      fired: entry.fired,
      remaining: entry.remaining === Infinity ? null : entry.remaining,
    }))
  }

  /**
   * Removes a rule; false when no rule has this id.
   *
   * @example
   * mock.faults.remove(id) // true
   */
  remove (id: string): boolean {
    const entry = this.entries.get(id)
    if (entry === undefined) return false
    this.entries.delete(id)
    this.armed = this.armed.filter((armed) => armed !== entry)
    return true
  }

  /**
   * Removes every rule. Ids go on counting, so an id never names two rules.
   *
   * @example
   * t.afterEach(() => { mock.faults.clear() })
   */
  clear (): void {
    this.entries.clear()
    this.armed = []
    this.twins.clear()
  }

  /**
   * Finds the rule that fires on a request and counts it; undefined when none does. The server
   * asks this once per request; a test has no need to.
   *
   * @example
   * faults.fire({ path: '/api/login/json', format: 'json', account: 'demo@example.com', params: {} })
   */
  fire (request: FaultRequest): FiredFault | undefined {
    for (const entry of this.armed) {
      if (!matches(entry, request)) continue
      entry.matched++
      const { rule } = entry
      if (rule.probability !== undefined && rule.probability < 1 && !entry.random.chance(rule.probability)) continue
      entry.fired++
      if (--entry.remaining === 0) this.armed = this.armed.filter((armed) => armed !== entry)
      const latency = rule.latencyMs ?? 0
      const latencyMs = typeof latency === 'number' ? latency : entry.random.int(latency.min, latency.max)
      return { id: entry.id, rule, latencyMs }
    }
    return undefined
  }
}

function matches (entry: Entry, request: FaultRequest): boolean {
  const { rule } = entry
  if (rule.path !== undefined && rule.path !== request.path && rule.path !== ENDPOINT_PATH_OF.get(request.path)) {
    return false
  }
  if (rule.pathPrefix !== undefined && !request.path.startsWith(rule.pathPrefix)) return false
  if (rule.format !== undefined && rule.format !== request.format) return false
  if (entry.account !== undefined && entry.account !== request.account?.toLowerCase()) return false
  if (rule.ei !== undefined && rule.ei !== request.params.ei) return false
  if (rule.params !== undefined) {
    for (const [name, value] of Object.entries(rule.params)) if (request.params[name] !== value) return false
  }
  return true
}
