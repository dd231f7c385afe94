import { setTimeout as sleep } from 'node:timers/promises'
import type { Dispatcher } from 'undici'
import { ERROR_CATALOGUE, type ErrorCode } from '../../contracts/error-catalogue.js'
import type { SchemaId } from '../../contracts/validator.js'
import type { Format } from '../../contracts/wire-format.js'
import { WebcastClientError } from '../client-error.js'
import { createClient, type Session, type WebcastClient } from '../create-client.js'
import { fieldOf, textOf } from '../lenient.js'
import { decodeAnswer, type RawAnswer } from '../wire.js'
import type { CheckLayer, CheckOutcome, CheckStatus } from './drift-result.js'
import { FindingLog, redactRequest, type Observation } from './findings.js'
import { CSV_CHECK, csvShape, transportShape, TREE_CHECK, treeShape, type SeenAnswer } from './shape.js'

/**
 * What the drift suite runs against.
 *
 * @example
 * const target: ContractTarget = { name: 'staging', baseUrl: 'https://api.webcasts.com/api',
 *   username: 'me@example.com', password: process.env.PASSWORD ?? '', eventId: '1087592', remote: true }
 */
export interface ContractTarget {
  /** How reports name it, e.g. the base URL. */
  readonly name: string
  /** Ends with `/api`, like `https://api.webcasts.com/api`. */
  readonly baseUrl: string
  readonly username: string
  readonly password: string
  /** The event to read reports of; the first listed event unless given. */
  readonly eventId: string | undefined
  /** A service we do not run: the suite is gentle with it (a budget of requests, paced). */
  readonly remote: boolean
}

/** What a failed behaviour check says: what it saw, why it breaks, what it compared, and where. */
interface BehaviourFailure {
  readonly message: string
  readonly why: string
  readonly note: string
  readonly request?: string
  readonly excerpt?: string
}

/** The most requests one run sends to a remote service, and the pause between two. */
export const REMOTE_REQUEST_BUDGET = 50
const REMOTE_PACE_MS = 300

/**
 * One run of the suite: the client every request goes through, the pace and budget for a remote
 * service, the findings and the outcome of each check, and the secrets every excerpt is cleaned of.
 */
export class SuiteRun {
  readonly log = new FindingLog()
  readonly checks: CheckOutcome[] = []
  readonly client: WebcastClient
  #sent = 0
  #secrets: string[]
  #lastAnswer: RawAnswer | undefined

  constructor (readonly target: ContractTarget, dispatcher: Dispatcher | undefined) {
    this.#secrets = [target.password]
    this.client = createClient({
      baseUrl: target.baseUrl,
      username: target.username,
      password: target.password,
      ...(dispatcher === undefined ? {} : { dispatcher }),
      onAnswer: (answer) => { this.#lastAnswer = answer },
    })
  }

  /** Requests sent so far. */
  get sent (): number {
    return this.#sent
  }

  /** Waits its turn, or refuses to send more than a remote service should get. */
  async #pace (): Promise<void> {
    if (this.target.remote) {
      if (this.#sent >= REMOTE_REQUEST_BUDGET) {
        throw new Error(`the suite would send more than ${REMOTE_REQUEST_BUDGET} requests to a remote service`)
      }
      if (this.#sent > 0) await sleep(REMOTE_PACE_MS)
    }
    this.#sent++
  }

  /** Adds values to those every excerpt and request is cleaned of. */
  keepSecret (...values: ReadonlyArray<string | undefined>): void {
    for (const value of values) if (value !== undefined && value.length >= 3) this.#secrets.push(value)
  }

  /** Removes the password, the session ids, the user id and the local part of every email from a text. */
  redact = (text: string): string => {
    let clean = text
    for (const secret of this.#secrets) if (secret.length >= 3) clean = clean.replaceAll(secret, '[redacted]')
    // Any other id of the form the API gives (40 hex digits), such as a session a probe was
    // handed; and the people in the report: an email keeps only its domain.
    return clean.replace(/\b[0-9a-f]{40}\b/g, '[redacted]').replace(/[\w.+'-]+@(?=[\w-]+\.)/g, '…@')
  }

  #seen (answer: RawAnswer, format: Format): SeenAnswer {
    return { answer, format, id: this.#sent, request: redactRequest(answer.path), redact: this.redact }
  }

  /** One request, in its turn, answered as it came. */
  async exchange (path: string, params: Readonly<Record<string, string>>, format: Format): Promise<SeenAnswer> {
    await this.#pace()
    return this.#seen(await this.client.exchange(path, params), format)
  }

  /**
   * Logs in through the client, in its turn: the session when the client accepted the answer,
   * and the answer either way. Anything but an answer (nothing listening, DNS, TLS) is thrown.
   */
  async logIn (
    format: 'xml' | 'json',
  ): Promise<{ seen: SeenAnswer } & ({ session: Session } | { refusal: WebcastClientError })> {
    await this.#pace()
    this.#lastAnswer = undefined
    try {
      const session = await this.client.login({ format })
      this.#secrets = [this.target.password, session.sessionId, session.userId]
      return { session, seen: this.#answered(format) }
    } catch (error) {
      // No answer at all (nothing listening, DNS, TLS) is for the caller to tell apart.
      if (!(error instanceof WebcastClientError) || error.code === 'NETWORK_ERROR') throw error
      return { refusal: error, seen: this.#answered(format) }
    }
  }

  #answered (format: Format): SeenAnswer {
    if (this.#lastAnswer === undefined) throw new Error('the client logged in without an answer')
    return this.#seen(this.#lastAnswer, format)
  }

  observe (observations: readonly Observation[]): void {
    for (const observation of observations) this.log.observe(observation)
  }

  /** A behaviour check that failed: its one finding, breaking, and its outcome. */
  behaviourFailed (check: string, failure: BehaviourFailure): void {
    const { message, why, note, request = '', excerpt = note } = failure
    this.observe([{ check, kind: 'behaviour', severity: 'breaking', path: '', message, why, request, excerpt }])
    this.record(check, 'behaviour', 'failed', note)
  }

  /** Records how a check ended. */
  record (name: string, layer: CheckLayer, status: CheckStatus, note: string): void {
    this.checks.push({ name, layer, status, note })
  }

  /**
   * Reads an XML or JSON answer as a tree, observing its status, content type and shape on the
   * way: against the success contract given, or, when the answer is an error (a `returnCode`
   * but 1), against the error contract and the status the error catalogue gives its code.
   * Undefined (after a finding) when it is not that format at all.
   */
  readTree (seen: SeenAnswer, successContract: SchemaId): unknown {
    let tree: unknown
    try {
      tree = decodeAnswer(seen.format, seen.answer.text)
    } catch (error) {
      this.observe(transportShape(seen, 200))
      this.#notReadable(TREE_CHECK, seen, error)
      return undefined
    }
    const result = fieldOf(fieldOf(tree, 'convey_api'), 'result')
    const returnCode = textOf(fieldOf(result, 'returnCode'))
    const isError = returnCode !== undefined && returnCode !== '1'
    const code = textOf(fieldOf(fieldOf(result, 'error'), 'code'))
    const expectedStatus = isError && code !== undefined && code in ERROR_CATALOGUE
      ? ERROR_CATALOGUE[code as ErrorCode].httpStatus
      : 200
    this.observe(transportShape(seen, expectedStatus))
    this.observe(treeShape(seen, tree, isError ? 'error-response.json' : successContract))
    return tree
  }

  /** Reads a CSV report leniently, observing its status, content type, dialect and shape. */
  readCsv (seen: SeenAnswer): Array<Record<string, string>> | undefined {
    this.observe(transportShape(seen, 200))
    try {
      const { rows, observations } = csvShape(seen)
      this.observe(observations)
      return rows
    } catch (error) {
      this.#notReadable(CSV_CHECK, seen, error)
      return undefined
    }
  }

  #notReadable (check: string, seen: SeenAnswer, error: unknown): void {
    this.log.observe({
      check,
      kind: 'not readable',
      severity: 'breaking',
      path: `(${seen.format.toUpperCase()} answers)`,
      message: `not ${seen.format.toUpperCase()}: ${(error as Error).message}`,
      why: 'Nothing in an answer that cannot be decoded can be read.',
      request: seen.request,
      excerpt: this.redact(seen.answer.text.slice(0, 300)),
      format: seen.format,
      answerId: seen.id,
    })
  }
}
