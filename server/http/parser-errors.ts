import { STATUS_CODES } from 'node:http'
import type { Socket } from 'node:net'
import { ERROR_CATALOGUE, type ErrorCode } from '../../contracts/error-catalogue.js'
import { CONTENT_TYPES } from '../../contracts/wire-format.js'
import type { Clock } from '../time/clock.js'
import { renderError } from '../render/envelope.js'
import { envelopeHeader } from './server-context.js'

/**
 * Answers requests that Node's HTTP parser rejects before Fastify sees them (bad syntax,
 * oversized headers, timeouts) with the XML envelope instead of Fastify's default JSON body.
 * The path is unknown at this point, so the format is the API's default, XML.
 */
export function clientErrorHandler (clock: Clock): (error: Error & { code?: string }, socket: Socket) => void {
  return (error, socket) => {
    if (error.code === 'ECONNRESET' || socket.destroyed) return
    const code: ErrorCode = error.code === 'HPE_HEADER_OVERFLOW'
      ? 'headers_too_large'
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 'request_timeout' : 'malformed_request'
    const { httpStatus, description } = ERROR_CATALOGUE[code]
    const body = Buffer.from(renderError('xml', envelopeHeader(clock), { code, description, parameter: undefined }))
    if (socket.writable) {
      socket.write(`HTTP/1.1 ${httpStatus} ${STATUS_CODES[httpStatus] ?? ''}\r\n` +
        `Content-Type: ${CONTENT_TYPES.xml}\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n`)
      socket.write(body)
    }
    socket.destroy()
  }
}
