import { once } from 'node:events'
import { createServer } from 'node:http'
import { request } from 'undici'
import { decodeCsv } from '../../contracts/decode-csv.js'

/** One way a drifting service differs from the contracts; any of its parts may be left out. */
export interface Drift {
  /** Changes the query before it is forwarded: a filter the service ignores. */
  readonly query?: (query: URLSearchParams) => void
  /** Changes a JSON answer's tree: other types, another shape. */
  readonly json?: (tree: unknown) => unknown
  /** Changes an XML answer's text. */
  readonly xml?: (text: string) => string
  /** Changes a CSV answer's records (the header first) and how they are written. */
  readonly csv?: (records: string[][]) => { records: string[][], delimiter?: string }
}

function formatOf (contentType: string): 'json' | 'xml' | 'csv' | undefined {
  if (contentType.includes('json')) return 'json'
  if (contentType.includes('xml')) return 'xml'
  return contentType.includes('csv') ? 'csv' : undefined
}

function writeCsv (records: readonly string[][], delimiter: string): string {
  const cell = (value: string): string =>
    value.includes(delimiter) || /["\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value
  return records.map((record) => `${record.map(cell).join(delimiter)}\r\n`).join('')
}

/** An answer's body after every drift, in the order given. */
function drifted (body: string, contentType: string, drifts: readonly Drift[]): string {
  const format = formatOf(contentType)
  if (format === 'json') {
    let tree = JSON.parse(body) as unknown
    for (const drift of drifts) if (drift.json !== undefined) tree = drift.json(tree)
    return JSON.stringify(tree)
  }
  if (format === 'xml') return drifts.reduce((text, drift) => drift.xml?.(text) ?? text, body)
  if (format === 'csv') {
    let records = decodeCsv(body)
    let delimiter = ','
    for (const drift of drifts) {
      if (drift.csv === undefined) continue
      const changed = drift.csv(records)
      records = changed.records
      delimiter = changed.delimiter ?? delimiter
    }
    return writeCsv(records, delimiter)
  }
  return body
}

/**
 * A stand-in for a real service that differs from the contracts: forwards every request to a
 * mock and applies several drifts at once on the way (to the query, to each answer by its
 * format), as a real service would differ in several ways. The drift suite run through it must
 * name each difference once.
 *
 * @example
 * const proxy = await startDriftingProxy(mock.baseUrl, [NUMBERS_IN_JSON, ignoring('no_shows')])
 */
export async function startDriftingProxy (mockBaseUrl: string, drifts: readonly Drift[]):
Promise<{ baseUrl: string, close: () => Promise<void> }> {
  const upstream = new URL(mockBaseUrl)
  const server = createServer((incoming, outgoing) => {
    const url = new URL(incoming.url ?? '/', upstream.origin)
    for (const drift of drifts) drift.query?.(url.searchParams)
    request(url).then(async (response) => {
      const contentType = String(response.headers['content-type'] ?? 'text/plain')
      const body = drifted(await response.body.text(), contentType, drifts)
      outgoing.writeHead(response.statusCode, { 'content-type': contentType })
      outgoing.end(body)
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
