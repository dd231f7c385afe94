import { setImmediate as nextTurn } from 'node:timers/promises'

/**
 * Hands out the pieces of a synchronous iterable one per turn of the event loop. On a fast
 * socket a stream is pulled as long as the socket accepts, and one large report would generate
 * megabytes before anything else ran; one piece per turn lets every other request have its turn
 * in between. Stopping the consumer stops the source.
 *
 * @example
 * Readable.from(takingTurns(writeReport(format, input).body))
 */
export async function * takingTurns<T> (pieces: Iterable<T>): AsyncGenerator<T, void, undefined> {
  for (const piece of pieces) {
    yield piece
    await nextTurn()
  }
}
