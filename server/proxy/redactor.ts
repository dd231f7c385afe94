import { createHash } from 'node:crypto'
import { decodeCsv } from '../../contracts/decode-csv.js'
import { isSecret } from '../../contracts/parameters.js'
import type { Format } from '../../contracts/wire-format.js'
import { csvRow } from '../render/csv-text.js'
import { escapeXmlAttribute } from '../render/xml-text.js'

/**
 * What each personal field of an answer becomes: registration fields of an attendee (attributes
 * in XML, keys in JSON, columns in CSV), a question's text, a survey answer. Emails keep their
 * domain (or a mapped one); the others get a fake of their kind. State and country are kept:
 * they name no one.
 */
const PERSONAL_FIELDS = {
  attendee: {
    email: 'email', fname: 'Given', lname: 'Family', company: 'Company', title: 'Job', address1: 'Street',
    address2: 'Unit', city: 'City', postalcode: 'postal', phone: 'phone',
  },
  question: { text: 'Question' },
  survey: { answer: 'Answer' },
} as const satisfies Record<string, Record<string, string>>

type Holder = keyof typeof PERSONAL_FIELDS

/** How a recording is redacted. */
export interface RedactionOptions {
  /** Seeds the fakes: the same seed and original give the same fake, in every recording. */
  readonly seed: number
  /** Emails keep their domain (`keep`), or each label but the last is mapped to a fake one (`map`). */
  readonly domains: 'keep' | 'map'
  /** Personal fields left as they are (`company`, `city`, …). */
  readonly keep: readonly string[]
  /** Fields removed from every answer (`phone`, `address2`, …). */
  readonly drop: readonly string[]
}

const HEX_ID = /\b[0-9a-f]{40}\b/g

/**
 * Replaces what identifies people and accounts in recorded exchanges: passwords by
 * `[redacted]`; session and user ids (any 40-hex id) by fake ids; emails' local parts, names,
 * companies, addresses, phones, questions' text and survey answers by seeded fakes. The same
 * original always gives the same fake, throughout a recording and in requests and answers alike,
 * so filters still select the same registrants; two originals never share a fake.
 *
 * @example
 * const redactor = new Redactor({ seed: 1, domains: 'keep', keep: [], drop: [] })
 * redactor.email('ann.lee@acme.com') // 'p1c9e0a4b@acme.com', the same each time
 */
export class Redactor {
  readonly #fakes = new Map<string, string>()
  readonly #taken = new Set<string>()
  readonly #secrets = new Set<string>()
  readonly #keep: ReadonlySet<string>
  readonly #drop: ReadonlySet<string>

  constructor (readonly options: RedactionOptions) {
    this.#keep = new Set(options.keep)
    this.#drop = new Set(options.drop)
  }

  /** A fake of a kind for an original, the same every time; distinct originals, distinct fakes. */
  #fake (kind: string, original: string, make: (hex: string) => string): string {
    const key = `${kind}\u0000${original}`
    const known = this.#fakes.get(key)
    if (known !== undefined) return known
    let round = 0
    let fake
    do {
      const hex = createHash('sha256').update(`${this.options.seed}\u0000${key}\u0000${round++}`).digest('hex')
      fake = make(hex)
    } while (this.#taken.has(`${kind}\u0000${fake}`))
    this.#taken.add(`${kind}\u0000${fake}`)
    this.#fakes.set(key, fake)
    return fake
  }

  /** An email with a fake local part and its domain kept or mapped; case is folded, as the API compares emails. */
  email (email: string): string {
    const at = email.lastIndexOf('@')
    if (at === -1) return this.#fake('text', email, (hex) => `p${hex.slice(0, 10)}`)
    const local = this.#fake('local', email.slice(0, at).toLowerCase(), (hex) => `p${hex.slice(0, 10)}`)
    return `${local}@${this.domain(email.slice(at + 1))}`
  }

  /** A domain kept, or mapped label by label (the last kept), so that a subdomain stays one of its parent. */
  domain (domain: string): string {
    if (this.options.domains === 'keep') return domain
    const labels = domain.toLowerCase().split('.')
    return labels.map((label, index) => index === labels.length - 1
      ? label
      : this.#fake('label', label, (hex) => `d${hex.slice(0, 8)}`)).join('.')
  }

  /** A session or user id: a fake one of the same form. */
  #id (id: string): string {
    return this.#fake('id', id, (hex) => hex.slice(0, 40))
  }

  /** A personal value by kind. */
  #value (kind: string, original: string): string {
    if (original === '') return original
    switch (kind) {
      case 'email':
        return this.email(original)
      case 'postal':
        return this.#fake(kind, original, (hex) => String(parseInt(hex.slice(0, 8), 16) % 100_000).padStart(5, '0'))
      case 'phone':
        return this.#fake(kind, original, (hex) => `+0 ${String(parseInt(hex.slice(0, 12), 16)).slice(0, 10)}`)
      default:
        return this.#fake(kind, original, (hex) => `${kind} ${hex.slice(0, 8)}`)
    }
  }

  /** The request's parameters: secrets out, a username (an email) and domains redacted as in answers. */
  params (params: ReadonlyArray<readonly [string, string]>): Array<[string, string]> {
    return params.map(([name, value]): [string, string] => {
      if (name === 'si' || name === 'ui') return [name, this.#id(value)]
      if (name === 'username') return [name, this.email(value)]
      if (name === 'incl_domain' || name === 'excl_domain') {
        return [name, value.split('|').map((domain) => this.domain(domain)).join('|')]
      }
      if (isSecret(name)) {
        if (value.length >= 3) this.#secrets.add(value)
        return [name, '[redacted]']
      }
      return [name, value]
    })
  }

  /** An answer's body in its format, every personal field and id replaced, dropped fields left out. */
  body (format: Format, text: string): string {
    let redacted = text
    try {
      redacted = format === 'json' ? this.#json(text) : format === 'xml' ? this.#xml(text) : this.#csv(text)
    } catch {
      // Not the format it claims: only ids and secrets can be found in it.
    }
    for (const secret of this.#secrets) redacted = redacted.replaceAll(secret, '[redacted]')
    return redacted.replace(HEX_ID, (id) => this.#id(id))
  }

  #field (holder: Holder, name: string, value: string): string | undefined {
    if (this.#drop.has(name)) return undefined
    const kind = (PERSONAL_FIELDS[holder] as Record<string, string>)[name]
    return kind === undefined || this.#keep.has(name) ? value : this.#value(kind, value)
  }

  #json (text: string): string {
    const walk = (node: unknown, holder: Holder | undefined): unknown => {
      if (Array.isArray(node)) return node.map((item) => walk(item, holder))
      if (node === null || typeof node !== 'object') return node
      const entries = Object.entries(node as Record<string, unknown>).flatMap(([key, value]) => {
        if (key in PERSONAL_FIELDS) return [[key, walk(value, key as Holder)]]
        if (holder !== undefined && typeof value === 'string') {
          const redacted = this.#field(holder, key, value)
          return redacted === undefined ? [] : [[key, redacted]]
        }
        if (this.#drop.has(key) && holder !== undefined) return []
        return [[key, walk(value, undefined)]]
      })
      return Object.fromEntries(entries)
    }
    return JSON.stringify(walk(JSON.parse(text), undefined))
  }

  #xml (text: string): string {
    return text.replace(/<(attendee|question|survey)(\s[^>]*?)(\/?)>/g, (_tag, holder: Holder, attributes: string,
      selfClosing: string) => {
      const rewritten = attributes.replace(/\s([\w-]+)="([^"]*)"/g, (attribute: string, name: string, value: string) => {
        const redacted = this.#field(holder, name, unescapeXml(value))
        return redacted === undefined ? '' : ` ${name}="${escapeXmlAttribute(redacted)}"`
      })
      return `<${holder}${rewritten}${selfClosing}>`
    })
  }

  #csv (text: string): string {
    const [header = [], ...records] = decodeCsv(text)
    const kept = header.map((name) => !this.#drop.has(name))
    const keep = <T>(cells: readonly T[]): T[] => cells.filter((_, index) => kept[index] === true)
    if (header[0] !== 'email') {
      return keep(header).length === header.length ? text : csvRowsOf([header, ...records], keep)
    }
    const redacted = records.map((record) => record.map((cell, index) =>
      this.#field('attendee', header[index] ?? '', cell) ?? cell))
    return csvRowsOf([header, ...redacted], keep)
  }
}

function csvRowsOf (records: readonly string[][], keep: (cells: readonly string[]) => string[]): string {
  return records.map((record) => csvRow(keep(record))).join('')
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: '\'' }

function unescapeXml (text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (entity: string, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16))
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)))
    return ENTITIES[name] ?? entity
  })
}
