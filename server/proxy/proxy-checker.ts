import packageJson from '../../package.json' with { type: 'json' }
import { endpointList, pathOf, requestSchemaIdOf, type EndpointName } from '../../contracts/endpoints.js'
import { isSecret } from '../../contracts/parameters.js'
import { validateRequest } from '../../contracts/request-validators.js'
import { reportFromTree } from '../../client/audience-report.js'
import {
  FILTER_FAILURE_WHY, filterCheckOf, filterDataLacking, judgeCase,
} from '../../client/drift/behaviour.js'
import type { CheckOutcome, DriftResult } from '../../client/drift/drift-result.js'
import { findingKey, redactRequest, type Finding } from '../../client/drift/findings.js'
import { readingOf, type Reading } from '../../client/drift/readings.js'
import { CSV_CHECK, TRANSPORT_CHECK, TREE_CHECK, transportShape, type SeenAnswer } from '../../client/drift/shape.js'
import { SuiteRun } from '../../client/drift/suite-run.js'
import { fieldOf, textOf } from '../../client/lenient.js'
import { formatOf, paramsObject, pathAndQuery, type Exchange } from './exchange.js'

/** Parameters that say who asks and how, not which registrants: the rest of a report's request are filters. */
const NOT_FILTERS = new Set(['ver', 'si', 'ui', 'ei'])

/** The unfiltered reports held at once, the latest: filtered reports of other events wait for theirs. */
const MOST_EVENTS_HELD = 20

/** The check under which answers too large to hold are listed, their content unchecked. */
const SKIPPED_CHECK = 'answers too large to check are skipped'

/** The endpoint and format of a path, when it is one of the registry's. */
function endpointOf (path: string): EndpointName | undefined {
  const trimmed = path.replace(/\/+$/, '')
  return endpointList().find(([, endpoint]) =>
    endpoint.formats.some((format) => pathOf(endpoint, format) === trimmed))?.[0]
}

/**
 * The drift suite's checks applied to traffic it did not plan: every answer's status, content
 * type and shape (`client/drift/shape.ts`, through the suite's own reading of answers), and,
 * where a filtered report and the unfiltered report of the same event were both seen, what the
 * filters did, judged by the suite's oracle (`client/drift/behaviour.ts`). Findings are grouped
 * exactly as the suite groups them; every text kept is cleaned of the secrets seen.
 *
 * @example
 * const checker = new ProxyChecker('https://api.webcasts.com/api')
 * const fresh = checker.check(exchange) // the findings seen for the first time
 */
export class ProxyChecker {
  readonly #run: SuiteRun
  readonly #startedAt = new Date().toISOString()
  readonly #outcomes = new Map<string, CheckOutcome>()
  /** The unfiltered report of each event, by event id. */
  readonly #everyone = new Map<string, readonly Reading[]>()
  /** Filtered reports seen before their event's unfiltered one: judged once it comes. */
  readonly #waiting = new Map<string, Array<{ params: Record<string, string>, got: Set<string>, request: string }>>()
  readonly #secrets = new Set<string>()
  #answers = 0

  constructor (readonly target: string) {
    this.#run = new SuiteRun({ name: target, baseUrl: target, username: '', password: '', eventId: undefined,
      remote: false }, undefined)
  }

  /** Removes every secret seen so far, session ids and the local part of emails from a text. */
  redact = (text: string): string => this.#run.redact(text)

  /** Checks one exchange; returns the findings it showed for the first time, for the log. */
  check (exchange: Exchange): Finding[] {
    const before = new Set(this.#run.log.findings().map(findingKey))
    this.#learnSecrets(exchange)
    this.#answers++
    const format = formatOf(exchange)
    const seen: SeenAnswer = {
      answer: {
        status: exchange.status,
        contentType: exchange.headers['content-type'] ?? '',
        text: exchange.body,
        path: pathAndQuery(exchange),
      },
      format,
      id: this.#answers,
      request: redactRequest(pathAndQuery(exchange)),
      redact: this.redact,
    }
    const endpoint = endpointOf(exchange.path)
    if (exchange.truncated) {
      this.#run.observe(transportShape(seen, 200))
      this.#outcome(SKIPPED_CHECK, 'shape', 'inconclusive',
        `content of ${seen.request} not checked: ${exchange.bytes} bytes, more than the proxy holds; ` +
        'status and content type checked')
    } else if (endpoint !== undefined) {
      this.#checkAnswer(seen, endpoint, exchange)
    }
    return this.findings().filter((finding) => !before.has(findingKey(finding)))
  }

  #checkAnswer (seen: SeenAnswer, endpoint: EndpointName, exchange: Exchange): void {
    if (seen.format === 'csv') {
      this.#run.readCsv(seen)
      return
    }
    const contract = endpointList().find(([name]) => name === endpoint)?.[1].responses[seen.format]
    if (contract === undefined) return
    const tree = this.#run.readTree(seen, contract)
    if (endpoint === 'login') this.#learnSession(tree)
    if (endpoint !== 'audienceReport' || tree === undefined) return
    if (textOf(fieldOf(fieldOf(fieldOf(tree, 'convey_api'), 'result'), 'returnCode')) !== '1') return
    const params = paramsObject(exchange)
    const eventId = params.ei
    if (eventId === undefined || params.tz !== undefined) return
    if (validateRequest(requestSchemaIdOf('audienceReport'), params).length > 0) return
    const attendees = reportFromTree(seen.format, tree).attendees
    const filters = Object.fromEntries(Object.entries(params).filter(([name]) => !NOT_FILTERS.has(name)))
    if (Object.keys(filters).length === 0) {
      this.#everyone.delete(eventId)
      this.#everyone.set(eventId, attendees.map(readingOf))
      const [oldest] = this.#everyone.keys()
      if (this.#everyone.size > MOST_EVENTS_HELD && oldest !== undefined) this.#everyone.delete(oldest)
      for (const waiting of this.#waiting.get(eventId) ?? []) this.#judge(eventId, waiting)
      this.#waiting.delete(eventId)
      return
    }
    const filtered = { params: filters, got: new Set(attendees.map((a) => a.email)), request: seen.request }
    if (this.#everyone.has(eventId)) {
      this.#judge(eventId, filtered)
    } else {
      this.#waiting.set(eventId, [...(this.#waiting.get(eventId) ?? []).slice(-20), filtered])
    }
  }

  /** A filtered report judged against its event's unfiltered one, as the suite judges its own. */
  #judge (eventId: string, filtered: { params: Record<string, string>, got: Set<string>, request: string }): void {
    const everyone = this.#everyone.get(eventId) ?? []
    const check = filterCheckOf(filtered.params)
    if (check === undefined) return
    const label = Object.entries(filtered.params).map(([name, value]) => `${name}=${value}`).join(', ')
    const absent = filterDataLacking(everyone, filtered.params)
    if (absent !== undefined || everyone.length === 0) {
      if (!this.#outcomes.has(check)) {
        this.#outcome(check, 'behaviour', 'inconclusive', `${label}: not judged, ${absent ?? 'no registrants'}`)
      }
      return
    }
    const verdict = judgeCase(everyone, filtered.params, filtered.got)
    const note = `${label} (event ${eventId}): ${verdict.expected} expected, ${filtered.got.size} returned`
    if (verdict.failure === undefined) {
      if (this.#outcomes.get(check)?.status !== 'failed') this.#outcome(check, 'behaviour', 'passed', note)
      return
    }
    this.#run.behaviourFailed(check, {
      message: `${label}: ${verdict.failure}`, why: FILTER_FAILURE_WHY, note, request: filtered.request,
    })
    this.#outcome(check, 'behaviour', 'failed', note)
  }

  /** The request's secrets (password, session and user ids, any name the registry does not know). */
  #learnSecrets (exchange: Exchange): void {
    this.#keepSecret(...exchange.params.filter(([name]) => isSecret(name)).map(([, value]) => value))
  }

  /** Secrets not seen before: every request carries the same session, which is kept once. */
  #keepSecret (...values: ReadonlyArray<string | undefined>): void {
    for (const value of values) {
      if (value === undefined || this.#secrets.has(value)) continue
      this.#secrets.add(value)
      this.#run.keepSecret(value)
    }
  }

  /** The session and user ids a login hands out. */
  #learnSession (tree: unknown): void {
    const success = fieldOf(fieldOf(fieldOf(tree, 'convey_api'), 'result'), 'success')
    this.#keepSecret(
      textOf(fieldOf(fieldOf(success, 'sessionid'), 'value')),
      textOf(fieldOf(fieldOf(success, 'userid'), 'value')),
    )
  }

  #outcome (name: string, layer: CheckOutcome['layer'], status: CheckOutcome['status'], note: string): void {
    this.#outcomes.set(name, { name, layer, status, note: this.redact(note) })
  }

  /** The findings so far, grouped as the suite groups them, every text cleaned of secrets. */
  findings (): Finding[] {
    return this.#run.log.findings().map((finding) => ({
      ...finding,
      message: this.redact(finding.message),
      request: this.redact(finding.request),
      excerpt: this.redact(finding.excerpt),
    }))
  }

  /** Everything seen so far as a drift report: the shape checks' outcomes, then each behaviour check's. */
  result (): DriftResult {
    const shape = [TREE_CHECK, CSV_CHECK, TRANSPORT_CHECK].map((check): CheckOutcome => {
      const failed = this.#run.log.has(check, 'breaking')
      return {
        name: check,
        layer: 'shape',
        status: failed ? 'failed' : 'passed',
        note: failed
          ? 'some answers cannot be read as the contracts say (see the findings)'
          : `${this.#answers} answers seen; differences the client reads through are listed`,
      }
    })
    return {
      target: `${this.target} (through webcast-mock proxy)`,
      startedAt: this.#startedAt,
      finishedAt: new Date().toISOString(),
      suiteVersion: packageJson.version,
      requests: this.#answers,
      requestBudget: undefined,
      findings: this.findings(),
      checks: [...shape, ...this.#outcomes.values()],
    }
  }
}
