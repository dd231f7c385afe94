import { Readable } from 'node:stream'

/**
 * How much of a report is written ahead of the socket. A socket takes 16 KB before it asks the
 * writer to wait, less than one 64 KB piece: with nothing written ahead, the next piece would be
 * generated only once the last had left, and the server would sit idle while the client reads.
 */
const READ_AHEAD_BYTES = 4 * 64 * 1024

/**
 * A stream of the pieces of a synchronous iterable, one per turn of the event loop. On a fast
 * socket a stream is pulled as long as the socket accepts, and one large report would generate
 * megabytes before anything else ran; one piece per turn lets every other request have its turn
 * in between. Pieces are taken while fewer than {@link READ_AHEAD_BYTES} wait to be read, so a
 * report of any size streams in bounded memory; destroying the stream (the client went away) closes the source.
 *
 * @example
 * reply.send(takingTurns(writeReport(format, input).body))
 */
export function takingTurns (pieces: Iterable<Buffer>): Readable {
  const source = pieces[Symbol.iterator]()
  return new Readable({
    highWaterMark: READ_AHEAD_BYTES,
    read () {
      setImmediate(() => {
        if (this.destroyed) return
        let next: IteratorResult<Buffer>
        try {
          next = source.next()
        } catch (error) {
          this.destroy(error as Error)
          return
        }
        this.push(next.done === true ? null : next.value)
      })
    },
    destroy (error, callback) {
      source.return?.()
      callback(error)
    },
  })
}
