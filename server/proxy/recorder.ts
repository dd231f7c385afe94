import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { formatOf, type Exchange } from './exchange.js'
import type { Redactor } from './redactor.js'

/** One recorded exchange, as a file of a recording holds it. */
export interface RecordedExchange {
  readonly request: {
    readonly method: string
    /** From `/api` on, without the query. */
    readonly path: string
    readonly params: ReadonlyArray<readonly [string, string]>
  }
  readonly response: {
    readonly status: number
    readonly headers: Readonly<Record<string, string>>
    /** The body, redacted; empty when the answer was too large to hold (`truncated`). */
    readonly body: string
    readonly truncated: boolean
  }
}

/** Headers that describe one delivery or an account, not the answer: not recorded. */
const UNRECORDED_HEADERS = new Set(['set-cookie', 'date', 'content-length', 'etag', 'last-modified', 'age'])
const FILE = /^(\d{6})\.json$/

/**
 * Stores exchanges redacted, one JSON file each (`000001.json`, …), numbered on from what the
 * folder already holds.
 *
 * @example
 * const recorder = new Recorder('recording', new Redactor({ seed: 1, domains: 'keep', keep: [], drop: [] }))
 * recorder.record(exchange)
 */
export class Recorder {
  #next: number

  constructor (readonly folder: string, readonly redactor: Redactor) {
    mkdirSync(folder, { recursive: true })
    this.#next = Math.max(0, ...readdirSync(folder).map((name) => Number(FILE.exec(name)?.[1] ?? 0))) + 1
  }

  /** Writes one exchange, redacted. */
  record (exchange: Exchange): void {
    const params = this.redactor.params(exchange.params)
    const headers = Object.fromEntries(Object.entries(exchange.headers)
      .filter(([name]) => !UNRECORDED_HEADERS.has(name)))
    const recorded: RecordedExchange = {
      request: { method: exchange.method, path: exchange.path, params },
      response: {
        status: exchange.status,
        headers,
        body: exchange.truncated ? '' : this.redactor.body(formatOf(exchange), exchange.body),
        truncated: exchange.truncated,
      },
    }
    const name = `${String(this.#next++).padStart(6, '0')}.json`
    writeFileSync(join(this.folder, name), `${JSON.stringify(recorded, null, 1)}\n`)
  }
}

/**
 * The exchanges of a recording, in the order recorded.
 *
 * @example
 * for (const exchange of readRecording('recording')) console.log(exchange.request.path)
 */
export function readRecording (folder: string): RecordedExchange[] {
  return readdirSync(folder).filter((name) => FILE.test(name)).sort()
    .map((name) => JSON.parse(readFileSync(join(folder, name), 'utf8')) as RecordedExchange)
}
