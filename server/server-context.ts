import type { Format } from '../contracts/wire-format.js'
import type { RequestSchemaId } from '../contracts/request-validators.js'
import type { SchemaId } from '../contracts/validator.js'
import type { Account, Dataset } from '../fixtures/dataset.js'
import type { Clock } from './clock.js'
import type { EnvelopeHeader } from './render/envelope.js'
import type { StreamingSlots } from './limits.js'
import type { Sessions } from './sessions.js'
import { DEFAULT_TIME_ZONE, formatWireTime } from './wire-time.js'

/** What every route reads: built once by `buildServer`, passed to each plugin. */
export interface ServerContext {
  readonly dataset: Dataset
  readonly sessions: Sessions
  readonly clock: Clock
  /** The slots of the large reports streaming now, bounded by the server's limits. */
  readonly streamingReports: StreamingSlots
  /** Reports of events with more registrants than this stream; smaller ones are rendered whole. */
  readonly streamReportsAbove: number
}

/** A request contract as routes name it: its id and its parameter names. */
export interface RequestContract {
  readonly $id: RequestSchemaId
  readonly properties: Readonly<Record<string, unknown>>
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The response format this route answers in. */
    format?: Format
    /** The contract its parameters are checked against before the handler runs. */
    requestContract?: RequestContract
    /** The contract of its success answer, for the response self-check. */
    responseContract?: SchemaId
  }
  interface FastifyRequest {
    /** Parameters that met the route's request contract. */
    apiParams: Record<string, string>
    /** The account whose session the request carries, on protected routes. */
    account: Account | null
  }
}

/**
 * The envelope header for the current time in a zone.
 *
 * @example
 * envelopeHeader(context.clock, 'GMT')
 */
export function envelopeHeader (clock: Clock, zone: string = DEFAULT_TIME_ZONE): EnvelopeHeader {
  return { currentDateTime: formatWireTime(clock(), zone), currentTimeZone: zone }
}
