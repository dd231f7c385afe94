/**
 * Writes a report straight into bytes: into buffers of 64 KB, handed out as each one fills.
 *
 * Reports are mostly ASCII that needs no escaping (names, addresses, times, numbers), so each
 * character is written once, where it ends up, instead of into small strings that the socket
 * would then join and encode to UTF-8. Text that is not plain ASCII, or that holds a character its
 * format escapes, takes the slow path: the format's own escaping function, then `Buffer#write` as
 * UTF-8. So the bytes are exactly those of the string the escaping functions would have built.
 * Markup (`<attendee email="`, `,"fname":`) is encoded once when a module loads, and copied whole.
 */

/** Which ASCII characters a format writes as they are (1) or escapes (0). */
export type PlainCharacters = Uint8Array

/**
 * Marks the ASCII characters a format writes as they are: every printable one but those named.
 *
 * @example
 * const CSV_PLAIN = plainCharacters('",') // control characters and `"` `,` take the slow path
 */
export function plainCharacters (escaped: string): PlainCharacters {
  const plain = new Uint8Array(128)
  for (let code = 0x20; code < 0x7f; code++) plain[code] = escaped.includes(String.fromCharCode(code)) ? 0 : 1
  return plain
}

/** Markup encoded once, when a module loads: see {@link encodeMarkup}. */
export type Markup = Uint8Array

/**
 * Encodes markup once, so that writing it is a copy of bytes. Markup is ASCII by construction;
 * anything else is a mistake in the code and throws.
 *
 * @example
 * const COMMA = encodeMarkup(',')
 */
export function encodeMarkup (text: string): Markup {
  // eslint-disable-next-line no-control-regex
  if (/[^\u0000-\u007f]/.test(text)) throw new RangeError(`markup must be ASCII: ${JSON.stringify(text)}`)
  return Buffer.from(text, 'latin1')
}

/**
 * Encodes a table of markup, each string once.
 *
 * @example
 * const CSV = markupTable({ comma: ',', end: '\r\n' })
 * writer.markup(CSV.end)
 */
export function markupTable<Name extends string> (
  table: Readonly<Record<Name, string>>,
): Readonly<Record<Name, Markup>> {
  const encoded: Partial<Record<Name, Markup>> = {}
  for (const name of Object.keys(table) as Name[]) encoded[name] = encodeMarkup(table[name])
  return encoded as Record<Name, Markup>
}

/** Below this length a loop copies markup faster than `TypedArray#set`, which has a fixed cost. */
const SHORT_MARKUP = 16
const CHUNK_BYTES = 64 * 1024
const DAY_MS = 86_400_000
const ZERO = 48
const COLON = 58
const DATE_PREFIX_LENGTH = 'YYYY-MM-DD '.length
const WIRE_TIME_LENGTH = 'YYYY-MM-DD HH:MM:SS'.length

/**
 * A report's bytes, in chunks of 64 KB (or one of its own for text longer than that).
 *
 * @example
 * const MARKUP = markupTable({ open: '{"reg_date":"', close: '"}' })
 * const writer = new ByteWriter(wallClockOf('America/New_York'))
 * writer.markup(MARKUP.open).time(registrant.regDate).markup(MARKUP.close)
 * socket.write(Buffer.concat(writer.finish()))
 */
export class ByteWriter {
  private buffer = Buffer.allocUnsafe(CHUNK_BYTES)
  private position = 0
  private readonly filled: Buffer[] = []
  private readonly datePrefixes = new Map<number, string>()
  private lastDay = NaN
  private lastDatePrefix = ''

  /**
   * @param wallClock maps an instant to the UTC instant that shows the same date and time as the
   *   report's zone does (`wallClockOf` in `contracts/wire-time.ts`).
   */
  constructor (private readonly wallClock: (epochMs: number) => number) {}

  /** Whether a chunk is full and waiting for {@link takeFilled}. */
  get hasFilled (): boolean {
    return this.filled.length > 0
  }

  /**
   * The chunks filled so far, oldest first; they are the writer's no longer.
   *
   * @example
   * if (writer.hasFilled) yield * writer.takeFilled()
   */
  takeFilled (): Buffer[] {
    return this.filled.splice(0)
  }

  /** Every chunk written, the last one however full: what is left to send at the end. */
  finish (): Buffer[] {
    if (this.position > 0) {
      this.filled.push(this.buffer.subarray(0, this.position))
      this.buffer = Buffer.allocUnsafe(CHUNK_BYTES)
      this.position = 0
    }
    return this.takeFilled()
  }

  /** Markup, encoded once with {@link encodeMarkup} or {@link markupTable}. */
  markup (bytes: Markup): this {
    this.makeRoom(bytes.length)
    if (bytes.length < SHORT_MARKUP) {
      const buffer = this.buffer
      let position = this.position
      for (let i = 0; i < bytes.length; i++) buffer[position++] = bytes[i] ?? 0
      this.position = position
    } else {
      this.buffer.set(bytes, this.position)
      this.position += bytes.length
    }
    return this
  }

  /**
   * Text from the data: written as it is when every character is plain ASCII for the format,
   * else as `escape(text)` in UTF-8. `quote` (a character code, 0 for none) is written on
   * either side of the plain text; `escape` must add it itself.
   */
  text (text: string, plain: PlainCharacters, escape: (text: string) => string, quote = 0): this {
    const quotes = quote === 0 ? 0 : 2
    this.makeRoom(text.length + quotes)
    const buffer = this.buffer
    let position = this.position
    if (quote !== 0) buffer[position++] = quote
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i)
      if (plain[code] !== 1) return this.utf8(escape(text))
      buffer[position++] = code
    }
    if (quote !== 0) buffer[position++] = quote
    this.position = position
    return this
  }

  /** A whole number, in decimal. */
  integer (value: number): this {
    if (!(value >= 0 && value <= 0xffffffff && Number.isInteger(value))) return this.utf8(String(value))
    let digits = 1
    for (let rest = value; rest >= 10; rest = Math.floor(rest / 10)) digits++
    this.makeRoom(digits)
    let position = this.position + digits
    this.position = position
    let rest = value
    do {
      this.buffer[--position] = ZERO + (rest % 10)
      rest = Math.floor(rest / 10)
    } while (rest > 0)
    return this
  }

  /** An instant as the wire shows it in the report's zone: `YYYY-MM-DD HH:MM:SS`. */
  time (epochMs: number): this {
    const wall = this.wallClock(epochMs)
    const day = Math.floor(wall / DAY_MS)
    const prefix = this.datePrefix(day)
    this.makeRoom(WIRE_TIME_LENGTH)
    const buffer = this.buffer
    let position = this.position
    for (let i = 0; i < DATE_PREFIX_LENGTH; i++) buffer[position++] = prefix.charCodeAt(i)
    const secondOfDay = Math.floor((wall - day * DAY_MS) / 1000)
    const hours = Math.floor(secondOfDay / 3600)
    const minutes = Math.floor(secondOfDay / 60) % 60
    const seconds = secondOfDay % 60
    buffer[position] = ZERO + Math.floor(hours / 10)
    buffer[position + 1] = ZERO + (hours % 10)
    buffer[position + 2] = COLON
    buffer[position + 3] = ZERO + Math.floor(minutes / 10)
    buffer[position + 4] = ZERO + (minutes % 10)
    buffer[position + 5] = COLON
    buffer[position + 6] = ZERO + Math.floor(seconds / 10)
    buffer[position + 7] = ZERO + (seconds % 10)
    this.position = position + 8
    return this
  }

  /** `YYYY-MM-DD ` of a day since the epoch; the times of one registrant mostly share a day. */
  private datePrefix (day: number): string {
    if (day === this.lastDay) return this.lastDatePrefix
    let prefix = this.datePrefixes.get(day)
    if (prefix === undefined) {
      prefix = new Date(day * DAY_MS).toISOString().slice(0, DATE_PREFIX_LENGTH).replace('T', ' ')
      this.datePrefixes.set(day, prefix)
    }
    this.lastDay = day
    this.lastDatePrefix = prefix
    return prefix
  }

  /** Any text, already escaped for its format, in UTF-8: what markup cannot be, such as an event's title. */
  utf8 (text: string): this {
    this.makeRoom(Buffer.byteLength(text))
    this.position += this.buffer.write(text, this.position)
    return this
  }

  /** Starts a new chunk when `bytes` more would not fit in this one. */
  private makeRoom (bytes: number): void {
    if (this.position + bytes <= this.buffer.length) return
    if (this.position > 0) this.filled.push(this.buffer.subarray(0, this.position))
    this.buffer = Buffer.allocUnsafe(Math.max(CHUNK_BYTES, bytes))
    this.position = 0
  }
}
