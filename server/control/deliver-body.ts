import type { ServerResponse } from 'node:http'
import type { Socket } from 'node:net'
import { Readable } from 'node:stream'
import { setTimeout as sleep } from 'node:timers/promises'
import { readOutcome } from './answer-outcome.js'
import type { JournalRecord } from './journal.js'

/** How a body goes out: as fast as the socket takes it, or slowed down, or cut off; counted or not. */
export interface Delivery {
  /** At most this many bytes a second. */
  readonly bytesPerSecond: number | undefined
  /** The connection is closed after this many bytes, if the body is longer. */
  readonly cutAfterBytes: number | undefined
  /** Counts the bytes sent, and reads the outcome off the first piece of a streamed answer. */
  readonly record: JournalRecord | null
  readonly readOutcome: boolean
  readonly response: ServerResponse
  readonly socket: Socket
}

/** A slowed body goes out in about this many pieces a second, so that a client sees it trickle. */
const PIECES_PER_SECOND = 10

/** How often a cut checks that the bytes before it have left for the socket. */
const FLUSH_CHECK_MS = 5

/**
 * A body as a stream that delivers it as asked: paced to `bytesPerSecond` (on average, from
 * the first byte), cut after `cutAfterBytes` (the bytes before the cut reach the client, then the
 * connection closes without the body's end), and counted into the journal's record as the pieces
 * go. One stream over the source, so that destroying it (the client went away) stops the source.
 *
 * @example
 * reply.header('content-length', String(body.length))
 * return deliverBody([body], { bytesPerSecond: 1024, cutAfterBytes: undefined, … })
 */
export function deliverBody (source: Iterable<Buffer> | AsyncIterable<Buffer>, delivery: Delivery): Readable {
  const stream: Readable = Readable.from(pieces(source, delivery, () => stream.readableLength), { objectMode: false })
  return stream
}

async function * pieces (
  source: Iterable<Buffer> | AsyncIterable<Buffer>,
  delivery: Delivery,
  buffered: () => number,
): AsyncGenerator<Buffer, void, undefined> {
  const { bytesPerSecond, record } = delivery
  const limit = delivery.cutAfterBytes ?? Infinity
  const pieceBytes = bytesPerSecond === undefined
    ? Infinity
    : Math.max(1, Math.ceil(bytesPerSecond / PIECES_PER_SECOND))
  const started = performance.now()
  let sent = 0
  let first = delivery.readOutcome
  for await (const chunk of source) {
    if (first && record !== null) readOutcome(chunk, record)
    first = false
    for (let at = 0; at < chunk.length;) {
      if (sent >= limit) {
        await cut(delivery, buffered)
        return
      }
      if (bytesPerSecond !== undefined) {
        const wait = started + sent * 1000 / bytesPerSecond - performance.now()
        if (wait > 0) await sleep(wait)
      }
      const size = Math.min(chunk.length - at, pieceBytes, limit - sent)
      const piece = chunk.subarray(at, at + size)
      at += size
      sent += size
      if (record !== null) record.bytes += size
      yield piece
    }
  }
}

/**
 * Closes the connection after the bytes sent so far: once they have left this stream for the
 * response, the socket sends them, then its end, and is destroyed. The headers go first even
 * when no byte of the body does. Resolves when the socket has closed, so that the stream never
 * ends the response (which would send a chunked body's end).
 */
async function cut (delivery: Delivery, buffered: () => number): Promise<void> {
  const { response, socket, record } = delivery
  if (record !== null) record.outcome = 'cut'
  while (buffered() > 0 && !socket.destroyed) await sleep(FLUSH_CHECK_MS)
  if (socket.destroyed) return
  if (!response.headersSent) response.flushHeaders()
  await new Promise<void>((resolve) => {
    socket.once('close', () => { resolve() })
    socket.end(() => socket.destroy())
  })
}
