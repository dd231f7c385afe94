import t from 'tap'
import { ByteWriter, encodeMarkup, markupTable, plainCharacters } from '../../../server/render/byte-writer.js'
import { csvCell } from '../../../server/render/csv-text.js'
import { escapeXmlAttribute } from '../../../server/render/xml-text.js'
import { wallClockOf } from '../../../contracts/wire-time.js'

const JSON_PLAIN = plainCharacters('"\\')
const XML_PLAIN = plainCharacters('&<>"\'')
const CSV_PLAIN = plainCharacters('",')
const QUOTE = 34

function written (write: (writer: ByteWriter) => void, zone = 'GMT'): string {
  const writer = new ByteWriter(wallClockOf(zone))
  write(writer)
  return Buffer.concat(writer.finish()).toString()
}

/** A string as it reaches the wire: in UTF-8, where a lone surrogate becomes U+FFFD. */
const onTheWire = (text: string): string => Buffer.from(text).toString()

const SAMPLES = [
  'plain', '', 'O\'Brien & "Sons" <b>', 'back\\slash', 'tab\there\r\nnew', 'Zoë Ñúñez', '日本語', '😀 emoji',
  'lone \ud800 surrogate', 'del \u007f', 'comma, "quoted"', 'bell \u0007', '\ufffe',
]

t.test(
  'text writes what each format\'s escaping function writes, in UTF-8, for plain and special text alike',
  async (t) => {
    for (const sample of SAMPLES) {
      t.equal(written((w) => w.text(sample, JSON_PLAIN, (text) => JSON.stringify(text), QUOTE)),
        onTheWire(JSON.stringify(sample)), `JSON ${JSON.stringify(sample)}`)
      t.equal(written((w) => w.text(sample, XML_PLAIN, escapeXmlAttribute)),
        onTheWire(escapeXmlAttribute(sample)), `XML ${JSON.stringify(sample)}`)
      t.equal(written((w) => w.text(sample, CSV_PLAIN, csvCell)),
        onTheWire(csvCell(sample)), `CSV ${JSON.stringify(sample)}`)
    }
  },
)

t.test('integer writes whole numbers in decimal, and anything else as String does', async (t) => {
  for (const value of [0, 7, 10, 99, 100, 12345, 4294967295, 4294967296, -3, 1.5, Number.MAX_SAFE_INTEGER]) {
    t.equal(written((w) => w.integer(value)), String(value), String(value))
  }
})

t.test('time writes the wire form in the writer\'s zone', async (t) => {
  t.equal(written((w) => w.time(Date.UTC(2026, 10, 27, 23, 39, 44))), '2026-11-27 23:39:44')
  t.equal(written((w) => w.time(Date.UTC(2026, 0, 1, 5, 0, 0)), 'America/New_York'), '2026-01-01 00:00:00',
    'midnight as 00')
  t.equal(written((w) => w.time(Date.UTC(2026, 2, 8, 7, 0, 0)), 'America/New_York'), '2026-03-08 03:00:00',
    'after clocks go forward')
})

t.test('chunks fill to 64 KB, in order, and text longer than a chunk gets a chunk of its own', async (t) => {
  const writer = new ByteWriter(wallClockOf('GMT'))
  const line = 'x'.repeat(99) + '\n'
  const lineMarkup = encodeMarkup(line)
  for (let i = 0; i < 1000; i++) writer.markup(lineMarkup)
  t.ok(writer.hasFilled, 'a chunk is waiting after 100,000 bytes')
  const filled = writer.takeFilled()
  t.same(filled.map((chunk) => chunk.length), [65500],
    'whole lines only: the line that did not fit starts the next chunk')
  t.notOk(writer.hasFilled, 'taken chunks are gone')
  const long = 'é'.repeat(70_000)
  writer.text(long, JSON_PLAIN, (text) => JSON.stringify(text), QUOTE)
  const rest = writer.finish()
  t.same(rest.map((chunk) => chunk.length), [34500, 140002],
    'the long text, 140,002 bytes of UTF-8, fills a chunk of its own')
  t.equal(Buffer.concat([...filled, ...rest]).toString(), line.repeat(1000) + JSON.stringify(long))
  t.same(writer.finish(), [], 'nothing is left after finishing')
})

t.test('markup is written as encoded, short or long, and must be ASCII', async (t) => {
  const markup = markupTable({ short: '<a href="', long: '</questions_list><surveys_list>', empty: '', crlf: '\r\n' })
  t.equal(written((w) => w.markup(markup.short).markup(markup.empty).markup(markup.long).markup(markup.crlf)),
    '<a href="</questions_list><surveys_list>\r\n')
  t.throws(() => encodeMarkup('café'), RangeError)
})
