import { once } from 'node:events'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { pipeline } from 'node:stream/promises'
import { Agent, request } from 'undici'
import type { DriftResult } from '../../client/drift/drift-result.js'
import { formatWireTime } from '../../contracts/wire-time.js'
import { CONTENT_TYPES, formatOfPath } from '../../contracts/wire-format.js'
import { renderError } from '../render/envelope.js'
import type { Exchange } from './exchange.js'
import { ProxyChecker } from './proxy-checker.js'
import type { Recorder } from './recorder.js'
import { writeProxyReport } from './proxy-report.js'

/** How the proxy runs. */
export interface ProxyOptions {
  /** The API's base URL, ending in `/api`: `https://api.webcasts.com/api`. */
  readonly target: string
  readonly port: number
  readonly host: string
  /** Where the grouped drift report goes, rewritten as findings come (JSON; markdown beside it). */
  readonly reportFile?: string
  /** Stores each exchange, redacted. */
  readonly recorder?: Recorder
  /** One line per finding seen for the first time, and per failure to reach the target. */
  readonly log: (line: string) => void
  /** The largest answer held for checking and recording; larger ones pass unchecked (default 16 MiB). */
  readonly maxCheckBytes?: number
}

/** A proxy listening. */
export interface RunningProxy {
  /** The base URL clients use in place of the target's: `http://127.0.0.1:PORT/api`. */
  readonly baseUrl: string
  /** Waits until every answer seen so far is checked and recorded. */
  readonly settled: () => Promise<void>
  /** The grouped findings so far, as a drift report. */
  readonly result: () => DriftResult
  /** Stops listening, waits for the checks, writes the report a last time. */
  readonly close: () => Promise<void>
}

const REPORT_EVERY_MS = 1000
const DEFAULT_MAX_CHECK_BYTES = 16 * 1024 * 1024
const MAX_FORM_BYTES = 1024 * 1024
/** Headers about one connection, not the message: not forwarded either way. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'proxy-connection', 'host'])

/**
 * Starts a proxy in front of the API: every request forwarded to the target and its answer
 * streamed back unchanged (status, headers, bytes), while a copy of the answer, up to a bound,
 * goes to the checker and the recorder off the response path, one exchange after another.
 *
 * @example
 * const proxy = await startProxy({ target: 'https://api.webcasts.com/api', port: 4011, host: '127.0.0.1',
 *   reportFile: 'proxy-report.json', log: console.log })
 */
export async function startProxy (options: ProxyOptions): Promise<RunningProxy> {
  const target = new URL(options.target)
  const prefix = target.pathname.replace(/\/+$/, '').replace(/\/api$/, '')
  const maxCheckBytes = options.maxCheckBytes ?? DEFAULT_MAX_CHECK_BYTES
  const checker = new ProxyChecker(options.target)
  const agent = new Agent({ keepAliveTimeout: 10_000 })
  let queue = Promise.resolve()
  let dirty = false
  let writtenAt = 0
  /** Writes the report when something new was found, or a second after the last time; always at the end. */
  const writeReport = (now: boolean): void => {
    if (options.reportFile === undefined || !dirty || (!now && Date.now() - writtenAt < REPORT_EVERY_MS)) return
    writeProxyReport(options.reportFile, checker.result())
    dirty = false
    writtenAt = Date.now()
  }
  const afterAnswer = (exchange: Exchange): void => {
    queue = queue.then(() => {
      const fresh = checker.check(exchange)
      for (const finding of fresh) {
        options.log(`webcast-mock proxy: ${finding.severity} ${finding.kind} (${finding.check})` +
          `${finding.path === '' ? '' : ` at ${finding.path}`}: ${finding.message} [${finding.request}]`)
      }
      dirty = true
      writeReport(fresh.length > 0)
      options.recorder?.record(exchange)
    }).catch((error: unknown) => {
      options.log(`webcast-mock proxy: checking ${exchange.path} failed: ${checker.redact(String(error))}`)
    })
  }

  const server = createServer((incoming, outgoing) => {
    forward(incoming, outgoing).catch((error: unknown) => {
      options.log(`webcast-mock proxy: ${incoming.method ?? 'GET'} ${(incoming.url ?? '').split('?')[0] ?? ''}: ` +
        checker.redact((error as Error).message))
      if (!outgoing.headersSent) {
        const format = formatOfPath(incoming.url ?? '/')
        const header = { currentDateTime: formatWireTime(Date.now(), 'GMT'), currentTimeZone: 'GMT' }
        const body = renderError(format, header, {
          code: 'internal_error',
          description: `The proxy could not reach the API at ${target.origin}.`,
          parameter: undefined,
        })
        outgoing.writeHead(502, { 'content-type': CONTENT_TYPES[format] })
        outgoing.end(body)
      } else {
        outgoing.destroy()
      }
    })
  })

  async function forward (incoming: IncomingMessage, outgoing: ServerResponse): Promise<void> {
    const url = new URL(`${prefix}${incoming.url ?? '/'}`, target.origin)
    const method = incoming.method ?? 'GET'
    const form = method === 'GET' || method === 'HEAD' ? undefined : await readForm(incoming)
    const headers = Object.fromEntries(Object.entries(incoming.headers)
      .filter(([name, value]) => !HOP_BY_HOP.has(name) && value !== undefined)) as Record<string, string | string[]>
    const answer = await request(url, {
      method: method as 'GET',
      headers,
      dispatcher: agent,
      ...(form === undefined ? {} : { body: form }),
    })
    const answerHeaders: Record<string, string | string[]> = {}
    for (const [name, value] of Object.entries(answer.headers)) {
      if (!HOP_BY_HOP.has(name) && value !== undefined) answerHeaders[name] = value
    }
    outgoing.writeHead(answer.statusCode, answerHeaders)
    const held: Buffer[] = []
    let bytes = 0
    answer.body.on('data', (chunk: Buffer) => {
      bytes += chunk.length
      if (bytes <= maxCheckBytes || held.length === 0) held.push(chunk)
      else if (held.length > 1) held.splice(1)
    })
    await pipeline(answer.body, outgoing)
    const truncated = bytes > maxCheckBytes
    const body = truncated
      ? (held[0] ?? Buffer.alloc(0)).subarray(0, 4096).toString('utf8')
      : Buffer.concat(held).toString('utf8')
    held.length = 0
    const params = [...url.searchParams, ...new URLSearchParams(form?.toString('utf8') ?? '')]
    afterAnswer({
      method,
      path: url.pathname.slice(prefix.length),
      params,
      status: answer.statusCode,
      headers: Object.fromEntries(Object.entries(answerHeaders).map(([name, value]) => [name, String(value)])),
      body,
      truncated,
      bytes,
    })
  }

  server.listen(options.port, options.host)
  await once(server, 'listening')
  const address = server.address()
  const port = typeof address === 'object' && address !== null ? address.port : options.port
  const host = options.host.includes(':') ? `[${options.host}]` : options.host
  return {
    baseUrl: `http://${host}:${port}/api`,
    settled: async () => { await queue },
    result: () => checker.result(),
    close: async () => {
      server.closeIdleConnections()
      server.close()
      await once(server, 'close')
      await queue
      dirty = true
      writeReport(true)
      await agent.close()
    },
  }
}

/** A form body, read whole up to a bound (forms are small; a larger one is refused by the API anyway). */
async function readForm (incoming: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of incoming as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > MAX_FORM_BYTES) throw new Error(`a form body larger than ${MAX_FORM_BYTES} bytes`)
    chunks.push(chunk)
  }
  return Buffer.concat(chunks)
}
