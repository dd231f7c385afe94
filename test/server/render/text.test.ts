import t from 'tap'
import { csvCell, csvRow } from '../../../server/render/csv-text.js'
import { escapeXml, textElement } from '../../../server/render/xml-text.js'

t.test('escapeXml escapes the five specials and drops what XML 1.0 forbids', async (t) => {
  t.equal(escapeXml(`a&b<c>d"e'f`), 'a&amp;b&lt;c&gt;d&quot;e&apos;f')
  t.equal(escapeXml('bell\u0007 tab\t newline\n'), 'bell tab\t newline\n')
  t.equal(textElement('title', 'Ünïcödé 日本 🎉'), '<title>Ünïcödé 日本 🎉</title>', 'keeps non-ASCII text')
})

t.test('csvCell quotes only what RFC 4180 needs quoted', async (t) => {
  t.equal(csvCell('plain'), 'plain')
  t.equal(csvCell('a,b'), '"a,b"')
  t.equal(csvCell('say "hi"'), '"say ""hi"""')
  t.equal(csvCell('two\nlines'), '"two\nlines"')
  t.equal(csvRow(['a', '', 'c\r']), 'a,,"c\r"\r\n', 'and a row ends in CRLF')
})
