import autocannon from 'autocannon'

/** What one load run measured. */
export interface LoadResult {
  readonly requestsPerSecond: number
  readonly megabytesPerSecond: number
  readonly p50Ms: number
  readonly p99Ms: number
  readonly errors: number
  readonly non2xx: number
}

/** A request the load generator sends; `path` may change per request for unique queries. */
export interface LoadTarget {
  readonly url: string
  readonly path?: string
  readonly nextPath?: () => string
}

async function run (target: LoadTarget, seconds: number, connections: number): Promise<autocannon.Result> {
  const next = target.nextPath
  return await autocannon({
    url: target.url,
    connections,
    duration: seconds,
    ...(next === undefined
      ? { requests: [{ method: 'GET', path: target.path ?? '/' }] }
      : { requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: next() }) }] }),
  })
}

/**
 * Loads a server for a warm-up second, then measures for `seconds`: a bounded run that stops by
 * itself, against loopback only.
 */
export async function measureLoad (target: LoadTarget, seconds = 4, connections = 16): Promise<LoadResult> {
  await run(target, 1, connections)
  const result = await run(target, seconds, connections)
  return {
    requestsPerSecond: result.requests.average,
    megabytesPerSecond: result.throughput.average / 1e6,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  }
}
