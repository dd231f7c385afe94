/**
 * Bodies of recent reports, least recently used first out, within a byte budget. A report body
 * depends only on the data, the event and the query, all fixed for a server's life, so a query
 * asked again is served from here; only the envelope head, which carries the time, is written
 * anew. Bounded, so that unique queries cannot grow it.
 */
export class ReportCache {
  readonly #entries = new Map<string, Buffer>()
  #bytes = 0

  constructor (readonly maxBytes: number) {}

  get (key: string): Buffer | undefined {
    const body = this.#entries.get(key)
    if (body !== undefined) {
      this.#entries.delete(key)
      this.#entries.set(key, body)
    }
    return body
  }

  set (key: string, body: Buffer): void {
    if (body.length > this.maxBytes / 4) return
    const previous = this.#entries.get(key)
    if (previous !== undefined) this.#bytes -= previous.length
    this.#entries.delete(key)
    this.#entries.set(key, body)
    this.#bytes += body.length
    for (const [oldest, oldBody] of this.#entries) {
      if (this.#bytes <= this.maxBytes) break
      this.#entries.delete(oldest)
      this.#bytes -= oldBody.length
    }
  }

  /** Bytes held now. */
  get size (): number {
    return this.#bytes
  }
}
