import { once } from 'node:events'
import { createServer, type IncomingMessage } from 'node:http'
import { ERROR_CATALOGUE } from '../../contracts/error-catalogue.js'
import { isSecret } from '../../contracts/parameters.js'
import { formatWireTime } from '../../contracts/wire-time.js'
import { CONTENT_TYPES, formatOfPath } from '../../contracts/wire-format.js'
import { renderError } from '../render/envelope.js'
import { readRecording, type RecordedExchange } from './recorder.js'

/** A replay listening. */
export interface RunningReplay {
  readonly baseUrl: string
  readonly close: () => Promise<void>
}

/**
 * Parameters a replay does not compare: the session (`si`, `ui`) and the credentials, which a
 * recording holds redacted.
 */
const IGNORED = (name: string): boolean => name === 'si' || name === 'ui' || name === 'username' || isSecret(name)

type Params = ReadonlyMap<string, string>

function comparable (params: ReadonlyArray<readonly [string, string]>): Params {
  return new Map(params.filter(([name]) => !IGNORED(name)))
}

/** How two sets of parameters differ, name by name, in words; empty when they match. */
function differences (asked: Params, recorded: Params): string[] {
  const names = [...new Set([...asked.keys(), ...recorded.keys()])].sort()
  return names.flatMap((name) => {
    const mine = asked.get(name)
    const theirs = recorded.get(name)
    if (mine === theirs) return []
    if (mine === undefined) return [`${name} missing (recorded ${name}=${theirs ?? ''})`]
    if (theirs === undefined) return [`${name}=${mine} not recorded`]
    return [`${name}=${mine}, recorded ${name}=${theirs}`]
  })
}

/** A recorded request shown for a person: its path and the parameters compared. */
function shown (exchange: RecordedExchange): string {
  const query = [...comparable(exchange.request.params)].map(([name, value]) => `${name}=${value}`).join('&')
  return `${exchange.request.method} ${exchange.request.path}${query === '' ? '' : `?${query}`}`
}

/**
 * Serves a recording (`webcast-mock proxy --record`): a request gets the recorded answer of the
 * recorded request with the same method, path and parameters, whatever their order, leaving out
 * the session and the credentials; the last one recorded when several match. Anything else gets
 * an error in the API's envelope naming the closest recorded request and how it differs:
 * `unknown_path` when no request of that path was recorded, else `invalid_parameter`.
 *
 * @example
 * const replay = await startReplay('recording', { port: 4010, host: '127.0.0.1' })
 */
export async function startReplay (folder: string, where: { port: number, host: string }): Promise<RunningReplay> {
  const recorded = readRecording(folder).filter((exchange) => !exchange.response.truncated)
  const server = createServer((incoming, outgoing) => {
    answer(incoming).then(({ status, headers, body }) => {
      outgoing.writeHead(status, headers)
      outgoing.end(body)
    }, () => { outgoing.destroy() })
  })

  async function answer (incoming: IncomingMessage): Promise<{ status: number, headers: Record<string, string>,
    body: string }> {
    const url = new URL(incoming.url ?? '/', 'http://replay')
    const method = incoming.method ?? 'GET'
    let form = ''
    for await (const chunk of incoming as AsyncIterable<Buffer>) form += chunk.toString('utf8')
    const asked = comparable([...url.searchParams, ...new URLSearchParams(form)])
    const path = url.pathname.replace(/\/+$/, '')
    const candidates = recorded.filter((exchange) => exchange.request.method === method &&
      exchange.request.path.replace(/\/+$/, '') === path)
    const scored = candidates.map((exchange) =>
      ({ exchange, differ: differences(asked, comparable(exchange.request.params)) }))
    const match = scored.filter(({ differ }) => differ.length === 0).at(-1)
    if (match !== undefined) {
      const { status, headers, body } = match.exchange.response
      return { status, headers: { ...headers }, body }
    }
    const format = formatOfPath(path)
    const header = { currentDateTime: formatWireTime(Date.now(), 'GMT'), currentTimeZone: 'GMT' }
    const closest = scored.sort((a, b) => a.differ.length - b.differ.length)[0]
    const description = closest === undefined
      ? `No request of ${method} ${path} was recorded (${recorded.length} exchanges in ${folder}).`
      : `No recorded request matches. Closest: ${shown(closest.exchange)}; it differs: ${closest.differ.join('; ')}.`
    const code = closest === undefined ? 'unknown_path' : 'invalid_parameter'
    const parameter = closest?.differ[0]?.split(/[= ]/, 1)[0]
    return {
      status: ERROR_CATALOGUE[code].httpStatus,
      headers: { 'content-type': CONTENT_TYPES[format] },
      body: renderError(format, header, { code, description, parameter }),
    }
  }

  server.listen(where.port, where.host)
  await once(server, 'listening')
  const address = server.address()
  const port = typeof address === 'object' && address !== null ? address.port : where.port
  return {
    baseUrl: `http://${where.host.includes(':') ? `[${where.host}]` : where.host}:${port}/api`,
    close: async () => {
      server.closeAllConnections()
      server.close()
      await once(server, 'close')
    },
  }
}
