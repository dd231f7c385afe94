/** A cached report: its last whole answer (envelope head, then body), and the stamp and size of that head. */
interface Entry {
  stamp: string
  headBytes: number
  whole: Buffer
}

/** A report in two parts: the envelope's head, which carries the time, and the body, written as it is read. */
export interface RenderedReport {
  readonly head: string
  readonly body: Iterable<Buffer>
}

/**
 * Answers of recent reports, least recently used first out, within a byte budget. A report body
 * depends only on the data, the event and the query, so a query asked again is served from here.
 * Only the envelope head carries the time, to the second (its stamp): the whole answer is kept,
 * and its head written and joined anew only when the stamp has changed, so a report asked again
 * within the same second is the very same bytes, sent without a copy. Bounded, so that unique
 * queries cannot grow it.
 *
 * @example
 * const cache = new ReportCache(64 * 1024 * 1024)
 * reply.send(cache.answer(key, header.currentDateTime, () => writeReport(format, input)))
 */
export class ReportCache {
  readonly #entries = new Map<string, Entry>()
  #bytes = 0

  constructor (readonly maxBytes: number) {}

  /** Whether an answer for `key` is held. */
  has (key: string): boolean {
    return this.#entries.has(key)
  }

  /**
   * The whole answer for `key` whose head bears `stamp`: from the cache when the body is there
   * (`render` writes only the head, if the stamp has changed), else rendered whole, and then kept
   * unless it is larger than a quarter of the budget.
   */
  answer (key: string, stamp: string, render: () => RenderedReport): Buffer {
    const entry = this.#entries.get(key)
    if (entry === undefined) {
      const { head, body } = render()
      const headBuffer = Buffer.from(head)
      const whole = Buffer.concat([headBuffer, ...body])
      this.#keep(key, { stamp, headBytes: headBuffer.length, whole })
      return whole
    }
    this.#entries.delete(key)
    this.#entries.set(key, entry)
    if (entry.stamp !== stamp) {
      const headBuffer = Buffer.from(render().head)
      entry.whole = Buffer.concat([headBuffer, entry.whole.subarray(entry.headBytes)])
      this.#bytes += headBuffer.length - entry.headBytes
      entry.stamp = stamp
      entry.headBytes = headBuffer.length
    }
    return entry.whole
  }

  #keep (key: string, entry: Entry): void {
    if (entry.whole.length > this.maxBytes / 4) return
    this.#entries.set(key, entry)
    this.#bytes += entry.whole.length
    for (const [oldest, old] of this.#entries) {
      if (this.#bytes <= this.maxBytes) break
      this.#entries.delete(oldest)
      this.#bytes -= old.whole.length
    }
  }

  /** Bytes held now. */
  get size (): number {
    return this.#bytes
  }
}
