import type { ServerResponse } from 'node:http'
import { ENDPOINTS } from '../../contracts/endpoints.js'
import { isSecret } from '../../contracts/parameters.js'
import { parseParams } from '../http/request-params.js'
import { ENDPOINT_PATH_OF } from './control-plane.js'

/**
 * How a response ended: sent whole, or cut short by a fault or by the client going away; or
 * `sending` while its body is still on its way (a large report, a slowed one).
 */
export type JournalOutcome = 'sending' | 'complete' | 'reset' | 'cut' | 'aborted'

/** One request as the journal shows it: plain data, as JSON carries it. */
export interface JournalEntry {
  /** Counts every request recorded, from 1; never reused, not even after {@link Journal.clear}. */
  readonly seq: number
  /** When the request arrived, by the server's clock, in milliseconds since the epoch. */
  readonly time: number
  readonly method: string
  /** The path, without the query string. */
  readonly path: string
  /**
   * The parameters as sent, query string and form body together (a name sent twice has a list),
   * with every value but those of known, harmless parameters replaced, as the logs do.
   */
  readonly params: Readonly<Record<string, string | readonly string[]>>
  /** The HTTP status sent; `null` when the connection ended before the headers. */
  readonly status: number | null
  /** The envelope's `returnCode`, when the answer carries one (a CSV report has none, a CSV error does). */
  readonly returnCode: number | null
  /** The error's `code`, when the answer is an error in the envelope. */
  readonly errorCode: string | null
  /** Bytes of body sent; so far, while `sending`. */
  readonly bytes: number
  /** From the request's arrival to the response's end or the connection's; so far, while `sending`. */
  readonly durationMs: number
  /** The username of a live session's account, or the `username` a login sent. */
  readonly account: string | null
  /** The `ei` parameter, when it was sent once. */
  readonly eventId: string | null
  /** The id of the fault rule that fired on the request. */
  readonly faultId: string | null
  readonly outcome: JournalOutcome
}

/** Which entries {@link Journal.list} returns: every criterion given must hold. */
export interface JournalFilter {
  /** The path starts with this. */
  readonly pathPrefix?: string
  /** The account, in any case. */
  readonly account?: string
  readonly status?: number
  readonly returnCode?: number
  readonly faultId?: string
  /** Entries recorded after this `seq`: `journal.lastSeq` taken before a step gives the step's requests. */
  readonly since?: number
}

/** How to build a {@link Journal}. */
export interface JournalOptions {
  /** The most entries kept; the oldest go first. 1000 unless given. */
  readonly capacity?: number
}

/**
 * A request as the server fills it in while it answers: one object per request, holding what
 * the request already has (its URL, its form body) rather than anything parsed or copied from
 * it, so that recording costs no parsing and no JSON; {@link Journal.list} makes entries of
 * them. A record lives as long as the ring keeps it, long enough for the garbage collector to
 * move it to the old generation, so it holds as little as it can: the query string stays in the
 * URL, and is parsed when listed.
 */
export interface JournalRecord {
  seq: number
  time: number
  /** `performance.now()` when the request arrived. */
  start: number
  method: string
  url: string
  /** The parsed form body of a POST; the query string is read from `url`. */
  body: unknown
  status: number | null
  returnCode: number | null
  errorCode: string | null
  bytes: number
  durationMs: number
  /** The account of the request's live session, when it had one. */
  sessionAccount: { readonly username: string } | null
  faultId: string | null
  outcome: JournalOutcome
}

/**
 * A record of a request that has just arrived, every field present so that all records share
 * one shape.
 *
 * @example
 * const record = createRecord(request.method, request.url, clock(), performance.now())
 */
export function createRecord (method: string, url: string, time: number, start: number): JournalRecord {
  return {
    seq: 0, time, start, method, url, body: undefined, status: null, returnCode: null, errorCode: null,
    bytes: 0, durationMs: 0, sessionAccount: null, faultId: null, outcome: 'sending',
  }
}

const DEFAULT_CAPACITY = 1000

/**
 * Every request the mock received, in a ring of fixed size: method, path, parameters (secrets
 * redacted), status, `returnCode` and error code, bytes, duration, account, event and the fault
 * that fired. A request is there once its answer has started (or its connection was reset), in
 * that order, and complete once the response has ended, so that a test that has read an answer
 * finds it. Requests to `/_mock/` are not recorded: they are the control plane. `startMock`
 * makes one (`mock.journal`); a server built by `buildServer` has one when given.
 *
 * @example
 * const mark = mock.journal.lastSeq
 * await client.audienceReport('1087592')
 * const [report] = mock.journal.list({ since: mark, pathPrefix: '/api/reporting/' })
 * report?.returnCode // 1
 */
export class Journal {
  readonly capacity: number
  private readonly ring: JournalRecord[] = []
  /** Where the next record goes once the ring is full: the oldest one's place. */
  private oldest = 0
  private lastSeqValue = 0
  private droppedValue = 0

  constructor (options: JournalOptions = {}) {
    const { capacity = DEFAULT_CAPACITY } = options
    if (!Number.isSafeInteger(capacity) || capacity < 1) {
      throw new RangeError(`journal: capacity must be a whole number above 0, not ${String(capacity)}`)
    }
    this.capacity = capacity
  }

  /** The `seq` of the latest entry, 0 before the first: a mark for `list({ since })`. */
  get lastSeq (): number {
    return this.lastSeqValue
  }

  /** How many entries the ring has let go, the oldest first, since it was made or cleared. */
  get dropped (): number {
    return this.droppedValue
  }

  /** How many entries it holds. */
  get size (): number {
    return this.ring.length
  }

  /**
   * Keeps a request whose answer has started, numbering it; the server goes on filling it in
   * until the response ends. The server calls this once per request.
   *
   * @example
   * journal.record(record)
   */
  record (record: JournalRecord): void {
    record.seq = ++this.lastSeqValue
    if (this.ring.length < this.capacity) {
      this.ring.push(record)
      return
    }
    this.ring[this.oldest] = record
    this.oldest = (this.oldest + 1) % this.capacity
    this.droppedValue++
  }

  /**
   * The entries kept, oldest first, that pass the filter.
   *
   * @example
   * mock.journal.list({ account: 'demo@example.com', returnCode: 8 }).length // sessions refused as expired
   */
  list (filter: JournalFilter = {}): JournalEntry[] {
    const account = filter.account?.toLowerCase()
    const entries: JournalEntry[] = []
    for (let index = 0; index < this.ring.length; index++) {
      const record = this.ring[(this.oldest + index) % this.ring.length]
      if (record === undefined) continue
      const entry = entryOf(record)
      if (passes(entry, filter, account)) entries.push(entry)
    }
    return entries
  }

  /**
   * Forgets every entry and the count of dropped ones; `seq` goes on counting.
   *
   * @example
   * t.beforeEach(() => { mock.journal.clear() })
   */
  clear (): void {
    this.ring.length = 0
    this.oldest = 0
    this.droppedValue = 0
  }
}

function passes (entry: JournalEntry, filter: JournalFilter, account: string | undefined): boolean {
  return (filter.since === undefined || entry.seq > filter.since) &&
    (filter.pathPrefix === undefined || entry.path.startsWith(filter.pathPrefix)) &&
    (account === undefined || entry.account?.toLowerCase() === account) &&
    (filter.status === undefined || entry.status === filter.status) &&
    (filter.returnCode === undefined || entry.returnCode === filter.returnCode) &&
    (filter.faultId === undefined || entry.faultId === filter.faultId)
}

/**
 * The entry of a record: what the request path kept as references (the URL, the parameters, the
 * session's account) read now, when someone asks, rather than on every request.
 */
function entryOf (record: JournalRecord): JournalEntry {
  const queryStart = record.url.indexOf('?')
  const path = queryStart === -1 ? record.url : record.url.slice(0, queryStart)
  const params = redactedParams(queryStart === -1 ? {} : parseParams(record.url.slice(queryStart + 1)), record.body)
  // Only login names its account by a parameter; elsewhere a `username` would be one the endpoint ignored.
  const login = ENDPOINT_PATH_OF.get(path.replace(/\/+$/, '')) === ENDPOINTS.login.path
  const elapsed = performance.now() - record.start
  return {
    seq: record.seq,
    time: record.time,
    method: record.method,
    path,
    params,
    status: record.status,
    returnCode: record.returnCode,
    errorCode: record.errorCode,
    bytes: record.bytes,
    durationMs: roundToMicroseconds(record.outcome === 'sending' ? elapsed : record.durationMs),
    account: record.sessionAccount?.username ?? (login ? single(params.username) : null),
    eventId: single(params.ei),
    faultId: record.faultId,
    outcome: record.outcome,
  }
}

function roundToMicroseconds (ms: number): number {
  return Math.round(ms * 1000) / 1000
}

/** A parameter's value when it was sent once. */
function single (value: string | readonly string[] | undefined): string | null {
  return typeof value === 'string' ? value : null
}

const REDACTED = '[redacted]'

/** The query and the form body as one set of parameters, secrets replaced as `server/http/log-redaction.ts` does. */
function redactedParams (...sources: unknown[]): Record<string, string | string[]> {
  const params: Record<string, string | string[]> = {}
  for (const source of sources) {
    if (typeof source !== 'object' || source === null) continue
    for (const [name, value] of Object.entries(source as Record<string, unknown>)) {
      const values = [value].flat().filter((item): item is string => typeof item === 'string')
      if (values.length === 0) continue
      const shown = isSecret(name) ? values.map(() => REDACTED) : values
      const previous = params[name]
      const all = previous === undefined ? shown : [previous, shown].flat()
      params[name] = all.length === 1 ? all[0] ?? '' : all
    }
  }
  return params
}

/**
 * Completes a journal record when its response closes, which it does whether it finished or the
 * connection broke: the duration, and whether the answer got out whole.
 */
export function completeOnClose (response: ServerResponse, record: JournalRecord, before?: () => void): void {
  response.on('close', () => {
    before?.()
    record.durationMs = performance.now() - record.start
    if (!response.headersSent) record.status = null
    if (record.outcome === 'sending') record.outcome = response.writableFinished ? 'complete' : 'aborted'
  })
}
