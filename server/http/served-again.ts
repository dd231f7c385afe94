import { createServer, type IncomingMessage, type Server, type ServerOptions, type ServerResponse } from 'node:http'
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Account } from '../../fixtures/dataset.js'
import { readOutcome, type AnswerOutcome } from '../control/answer-outcome.js'
import type { Faults } from '../control/faults.js'
import { completeOnClose, createRecord, type Journal } from '../control/journal.js'
import type { Clock } from '../time/clock.js'

/** An answer that may be sent again as it is, while what it was made from still holds. */
export interface AnswerAgain {
  readonly body: Buffer
  readonly contentType: string
  /**
   * If everything the answer was made from still holds (the session, the account's right to the
   * event, the data and the time it shows), the account of the request's session, or null when
   * it needs none; undefined when anything has changed, and the request must go through the
   * whole pipeline.
   */
  readonly stillHolds: () => Account | null | undefined
}

/** What {@link ServedAgain} needs besides its answers. */
export interface ServedAgainOptions {
  readonly journal: Journal | undefined
  readonly faults: Faults | undefined
  readonly clock: Clock
  readonly isClosing: () => boolean
}

/** At most this many URLs are held, and answers of this many bytes in all: a CI suite repeats few. */
const URLS_KEPT = 256
const BYTES_KEPT = 32 * 1024 * 1024

/**
 * The lane for the requests a CI suite sends most, the same login and the same report asked
 * again: an exact URL the pipeline answered (a login, a report from the cache) is answered again
 * from here, before Fastify routes it, when nothing that made the answer has changed. Every check
 * that can change its outcome is made again (`stillHolds`: session, account, data, the second
 * the envelope shows); faults that could fire and a closing server send the request down the
 * whole pipeline; the journal records it as the pipeline would. What it skips is what the first
 * answer already did: reading and checking the parameters, routing, hooks, rendering.
 *
 * @example
 * const lane = new ServedAgain({ journal, faults, clock, isClosing: () => closing })
 * http.createServer((request, response) => lane.answer(request, response) || fastifyHandler(request, response))
 */
export class ServedAgain {
  readonly #answers = new Map<string, AnswerAgain & { readonly outcome: AnswerOutcome, readonly headers: string[] }>()
  readonly #options: ServedAgainOptions
  #bytes = 0
  /** Answers sent from the lane so far. */
  sent = 0

  constructor (options: ServedAgainOptions) {
    this.#options = options
  }

  /** Keeps an answer for a URL, to send again while it holds. */
  remember (url: string, answer: AnswerAgain): void {
    this.#forget(url)
    if (this.#answers.size >= URLS_KEPT || this.#bytes + answer.body.length > BYTES_KEPT) {
      this.#answers.clear()
      this.#bytes = 0
    }
    const outcome: AnswerOutcome = { returnCode: null, errorCode: null }
    readOutcome(answer.body, outcome)
    const headers = ['content-type', answer.contentType, 'content-length', String(answer.body.length)]
    this.#answers.set(url, { ...answer, outcome, headers })
    this.#bytes += answer.body.length
  }

  #forget (url: string): void {
    const held = this.#answers.get(url)
    if (held === undefined) return
    this.#answers.delete(url)
    this.#bytes -= held.body.length
  }

  /** Answers a request from the lane if it can; false leaves it to Fastify, untouched. */
  answer (request: IncomingMessage, response: ServerResponse): boolean {
    const url = request.url
    if (request.method !== 'GET' || url === undefined) return false
    const ready = this.#answers.get(url)
    if (ready === undefined) return false
    const { journal, faults, clock, isClosing } = this.#options
    if (isClosing() || faults?.idle === false) return false
    const sessionAccount = ready.stillHolds()
    if (sessionAccount === undefined) {
      this.#forget(url)
      return false
    }
    if (journal !== undefined) {
      const record = createRecord('GET', url, clock(), performance.now())
      record.status = 200
      record.returnCode = ready.outcome.returnCode
      record.errorCode = ready.outcome.errorCode
      record.bytes = ready.body.length
      record.sessionAccount = sessionAccount
      journal.record(record)
      completeOnClose(response, record)
    }
    this.sent++
    response.writeHead(200, ready.headers)
    response.end(ready.body)
    return true
  }
}

/**
 * Offers an answer a route is about to send to the lane, with what must still hold to send it
 * again. Only a GET answered with no header but its content type is kept: none a fault shaped,
 * none naming an ignored parameter.
 *
 * @example
 * offerToLane(context.servedAgain, request, reply, body, () => (sameSecond() ? null : undefined))
 */
export function offerToLane (lane: ServedAgain | undefined, request: FastifyRequest, reply: FastifyReply,
  body: Buffer | string, stillHolds: AnswerAgain['stillHolds']): void {
  if (lane === undefined || request.method !== 'GET' || request.controlFault != null) return
  const headers = reply.getHeaders()
  const contentType = headers['content-type']
  if (typeof contentType !== 'string' || Object.keys(headers).length !== 1) return
  const bytes = typeof body === 'string' ? Buffer.from(body) : body
  lane.remember(request.raw.url ?? '', { body: bytes, contentType, stillHolds })
}

/**
 * A Fastify `serverFactory` whose server offers each request to the lane first, then to Fastify;
 * it sets the timeouts Fastify's own factory would from the same options.
 *
 * @example
 * Fastify({ serverFactory: laneFirst(lane), requestTimeout: 30_000 })
 */
export function laneFirst (lane: ServedAgain) {
  return (handler: (request: IncomingMessage, response: ServerResponse) => void, options: Record<string, unknown>):
  Server => {
    const server = createServer((options.http ?? {}) as ServerOptions, (request, response) => {
      if (!lane.answer(request, response)) handler(request, response)
    })
    server.keepAliveTimeout = Number(options.keepAliveTimeout)
    server.requestTimeout = Number(options.requestTimeout)
    server.setTimeout(Number(options.connectionTimeout))
    return server
  }
}
