/** A cached report: its last whole answer (envelope head, then body) and the head it began with. */
interface Entry {
  head: string
  headBytes: number
  whole: Buffer
}

/**
 * Answers of recent reports, least recently used first out, within a byte budget. A report body
 * depends only on the data, the event and the query, all fixed for a server's life, so a query
 * asked again is served from here. Only the envelope head carries the time, to the second: the
 * whole answer is kept, and joined anew only when the head has changed, so a report asked again
 * within the same second is the very same bytes, sent without a copy. Bounded, so that unique
 * queries cannot grow it.
 *
 * @example
 * const cache = new ReportCache(64 * 1024 * 1024)
 * reply.send(cache.answer(key, head, () => body))
 */
export class ReportCache {
  readonly #entries = new Map<string, Entry>()
  #bytes = 0

  constructor (readonly maxBytes: number) {}

  /**
   * The whole answer for `key` that begins with `head`: from the cache when the body is there,
   * else with the body `render` writes, which is then kept unless it is larger than a quarter of
   * the budget.
   */
  answer (key: string, head: string, render: () => Iterable<Buffer>): Buffer {
    const entry = this.#entries.get(key)
    if (entry === undefined) {
      const headBuffer = Buffer.from(head)
      const whole = Buffer.concat([headBuffer, ...render()])
      this.#keep(key, { head, headBytes: headBuffer.length, whole })
      return whole
    }
    this.#entries.delete(key)
    this.#entries.set(key, entry)
    if (entry.head !== head) {
      const headBuffer = Buffer.from(head)
      entry.whole = Buffer.concat([headBuffer, entry.whole.subarray(entry.headBytes)])
      this.#bytes += headBuffer.length - entry.headBytes
      entry.head = head
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
