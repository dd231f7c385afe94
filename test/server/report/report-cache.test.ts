import t from 'tap'
import { ReportCache } from '../../../server/report/report-cache.js'

const body = (n: number): Buffer[] => [Buffer.alloc(n, 'b')]

t.test('the report cache', async (t) => {
  const cache = new ReportCache(100)
  cache.answer('a', 'h', () => body(19))
  cache.answer('b', 'h', () => body(19))
  let rendered = false
  const again = cache.answer('a', 'h', () => { rendered = true; return body(19) })
  t.equal(again.toString(), `h${'b'.repeat(19)}`, 'answers the head, then the body')
  t.notOk(rendered, 'from what it holds, without writing the body again')
  t.equal(cache.answer('c', 'h', () => body(24)).length, 25)
  cache.answer('d', 'h', () => body(24))
  cache.answer('e', 'h', () => body(24))
  t.ok(cache.size <= 100, `stays within its budget (${cache.size} of 100 bytes)`)
  rendered = false
  cache.answer('a', 'h', () => { rendered = true; return body(19) })
  t.notOk(rendered, 'keeping one that was read since it was written')
  rendered = false
  cache.answer('b', 'h', () => { rendered = true; return body(19) })
  t.ok(rendered, 'by dropping the least recently used first')
  cache.answer('huge', 'h', () => body(26))
  rendered = false
  cache.answer('huge', 'h', () => { rendered = true; return body(26) })
  t.ok(rendered, 'and never holds an answer larger than a quarter of the budget')
})

t.test('a cached answer asked again', async (t) => {
  const cache = new ReportCache(1000)
  const first = cache.answer('k', 'at 10:00:00|', () => body(5))
  t.equal(cache.answer('k', 'at 10:00:00|', () => body(5)), first, 'with the same head is the very same bytes')
  const later = cache.answer('k', 'at 10:00:01 GMT|', () => { throw new Error('the body is not written again') })
  t.equal(later.toString(), 'at 10:00:01 GMT|bbbbb', 'with a new head begins with it, the body unchanged')
  t.equal(cache.size, later.length, 'and the budget counts the new head')
})
