/**
 * How much one client may ask of the server. Past each limit the client gets a documented error
 * (`contracts/README.md`, Errors), never an unbounded buffer. Every field is configurable.
 */
export interface Limits {
  /** Longest path plus query string, in bytes: `url_too_long` (414) beyond it. */
  readonly maxUrlBytes: number
  /** Largest form body, in bytes: `request_too_large` (413) beyond it. */
  readonly maxBodyBytes: number
  /** Largest request line plus headers, in bytes: `headers_too_large` (431) beyond it. */
  readonly maxHeaderBytes: number
  /** Time from connection (or the previous response) to the end of the headers: `request_timeout` (408). */
  readonly headersTimeoutMs: number
  /** Time to receive a whole request, headers and body: `request_timeout` (408). */
  readonly requestTimeoutMs: number
  /**
   * A connection on which nothing moves for this long is closed. It frees the slot of a client
   * that stops reading a streaming report: while its socket is full the server generates nothing.
   */
  readonly idleTimeoutMs: number
  /** Streaming (large) reports sent at once; one more is `server_busy` (503) with `Retry-After`. */
  readonly maxStreamingReports: number
}

/**
 * The limits a server has unless told otherwise: far above what a client of the Reporting API
 * sends, far below what would hurt a CI machine.
 */
export const DEFAULT_LIMITS: Limits = {
  maxUrlBytes: 8 * 1024,
  maxBodyBytes: 1024 * 1024,
  maxHeaderBytes: 16 * 1024,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  idleTimeoutMs: 60_000,
  maxStreamingReports: 8,
}

/**
 * The limits given, the defaults for the rest; a mistake names the limit.
 *
 * @example
 * resolveLimits({ maxStreamingReports: 2 }).maxUrlBytes // 8192
 */
export function resolveLimits (given: Partial<Limits> = {}): Limits {
  const limits = { ...DEFAULT_LIMITS, ...given }
  for (const [name, value] of Object.entries(limits)) {
    if (!Number.isInteger(value) || value < 1) {
      throw new RangeError(`limit ${name} must be a whole number above 0, not ${String(value)}`)
    }
  }
  if (limits.headersTimeoutMs > limits.requestTimeoutMs) {
    throw new RangeError(`limit headersTimeoutMs (${limits.headersTimeoutMs}) ` +
      `must not exceed requestTimeoutMs (${limits.requestTimeoutMs})`)
  }
  if (limits.maxUrlBytes > limits.maxHeaderBytes) {
    throw new RangeError(`limit maxUrlBytes (${limits.maxUrlBytes}) ` +
      `must not exceed maxHeaderBytes (${limits.maxHeaderBytes})`)
  }
  return limits
}

/** A counter of things in flight with a ceiling. */
export interface StreamingSlots {
  /** Takes a slot; false when all are in use. */
  tryTake: () => boolean
  /** Gives back a slot taken by `tryTake`. */
  release: () => void
  readonly inUse: number
}

/**
 * Counts the streaming reports in flight and refuses one past the limit.
 *
 * @example
 * const slots = streamingSlots(8)
 * if (!slots.tryTake()) throw new ApiError('server_busy')
 * reply.raw.once('close', slots.release)
 */
export function streamingSlots (max: number): StreamingSlots {
  let inUse = 0
  return {
    tryTake: () => {
      if (inUse >= max) return false
      inUse++
      return true
    },
    release: () => { inUse-- },
    get inUse () { return inUse },
  }
}
