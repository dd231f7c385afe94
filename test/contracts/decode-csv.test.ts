import t from 'tap'
import { CsvParser, decodeCsv, decodeCsvRows, sniffDelimiter } from '../../contracts/decode-csv.js'
import { csvRow } from '../../server/render/csv-text.js'

t.test('decodeCsv reads what csvRow writes, whatever the cells hold', async (t) => {
  const records = [
    ['plain', '', 'a,b', 'say "hi"', 'two\r\nlines', 'lone\nLF', '=SUM(A1)', '+1', '@x', 'ünï 日本 🎉', 'cr\ronly'],
    ['second', 'row', '', '', '', '', '', '', '', '', ''],
  ]
  t.same(decodeCsv(records.map(csvRow).join('')), records)
})

t.test('the parser gives the same records however the text is cut', async (t) => {
  const text = 'email,company\r\n"a@b.c","Smith, ""Jo""\r\nLtd"\r\nx@y.z,plain\r\n'
  const whole = decodeCsv(text)
  for (let size = 1; size <= 7; size++) {
    const parser = new CsvParser()
    const records: string[][] = []
    for (let i = 0; i < text.length; i += size) records.push(...parser.push(text.slice(i, i + size)))
    records.push(...parser.end())
    t.same(records, whole, `in pieces of ${size}`)
  }
})

t.test('decodeCsvRows keys rows by the header, and a last line without a break still counts', async (t) => {
  t.same(decodeCsvRows('email,fname\r\na@b.c,Ann'), [{ email: 'a@b.c', fname: 'Ann' }])
  t.same(decodeCsvRows('email,fname\r\n'), [], 'a header alone is no rows')
})

t.test('a quoted cell left open is a SyntaxError', async (t) => {
  t.throws(() => decodeCsv('a,"open\r\n'), SyntaxError)
})

t.test('the delimiter is read off the first line, outside quotes; a comma unless another is used', async (t) => {
  t.equal(sniffDelimiter('email;fname\r\na@b.c;Ann\r\n'), ';')
  t.equal(sniffDelimiter('email,fname;x\r\n'), ',', 'the commonest wins')
  t.equal(sniffDelimiter('"a;b;c",d\r\n'), ',', 'quoted ones do not count')
  t.equal(sniffDelimiter('email\tfname\n'), '\t')
  t.equal(sniffDelimiter('email\r\na;b,c\r\n'), ',', 'only the first line counts, and none there means a comma')
  t.same(decodeCsvRows('email;fname\r\na@b.c;"Ann; Lee"\r\n', ';'), [{ email: 'a@b.c', fname: 'Ann; Lee' }])
})
