import type { Format } from '../../contracts/wire-format.js'
import type { EndpointName } from '../../contracts/endpoints.js'
import type { Account, Dataset } from '../../fixtures/dataset.js'
import type { Clock } from '../time/clock.js'
import type { EnvelopeHeader } from '../render/envelope.js'
import type { StreamingSlots } from './limits.js'
import type { ServedAgain } from './served-again.js'
import type { Sessions } from './sessions.js'
import { DEFAULT_TIME_ZONE, formatWireTime } from '../../contracts/wire-time.js'

/**
 * The data served now, replaced whole while the mock runs (`server/control/fixtures.ts`): read
 * once per request, and `generation` counts the changes, for the report cache's key.
 */
interface ServedData {
  readonly dataset: Dataset
  readonly generation: number
}

/** What every route reads: built once by `buildServer`, passed to each plugin. */
export interface ServerContext {
  readonly data: ServedData
  readonly sessions: Sessions
  readonly clock: Clock
  /** The moment the data stands at: what has happened by then is what the reports show. */
  readonly dataClock: Clock
  /** The slots of the large reports streaming now, bounded by the server's limits. */
  readonly streamingReports: StreamingSlots
  /** Reports of events with more registrants than this stream; smaller ones are rendered whole. */
  readonly streamReportsAbove: number
  /** The lane that sends a report asked again before Fastify routes it, when the server has one. */
  readonly servedAgain: ServedAgain | undefined
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The lane that sends a report asked again before routing (`served-again.ts`), when the server has one. */
    servedAgain: ServedAgain | null
  }
  interface FastifyContextConfig {
    /** The response format this route answers in. */
    format?: Format
    /** The endpoint of the registry it serves: its parameters, and the contracts of its answers. */
    endpoint?: EndpointName
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
