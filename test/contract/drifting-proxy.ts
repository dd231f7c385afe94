import { createServer } from 'node:http'
import { once } from 'node:events'
import { request } from 'undici'

/** How a drifting proxy changes what passes through it. */
export interface Drift {
  /** Changes the query before it is forwarded. */
  readonly query?: (query: URLSearchParams) => void
  /** Changes the body before it is returned. */
  readonly body?: (body: string) => string
}

/**
 * A stand-in for a real API that has drifted: forwards every request to a mock and changes the
 * query or the answer on the way. The contract suite run through it must name the drift.
 */
export async function startDriftingProxy (mockBaseUrl: string, drift: Drift): Promise<{ baseUrl: string, close: () => Promise<void> }> {
  const upstream = new URL(mockBaseUrl)
  const server = createServer((incoming, outgoing) => {
    const url = new URL(incoming.url ?? '/', upstream.origin)
    drift.query?.(url.searchParams)
    request(url).then(async (response) => {
      const text = await response.body.text()
      outgoing.writeHead(response.statusCode, { 'content-type': String(response.headers['content-type'] ?? 'text/plain') })
      outgoing.end(drift.body === undefined ? text : drift.body(text))
    }).catch(() => {
      outgoing.writeHead(502)
      outgoing.end()
    })
  })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const address = server.address()
  const port = typeof address === 'object' && address !== null ? address.port : 0
  return {
    baseUrl: `http://127.0.0.1:${port}/api`,
    close: async () => {
      server.closeAllConnections()
      server.close()
      await once(server, 'close')
    },
  }
}
