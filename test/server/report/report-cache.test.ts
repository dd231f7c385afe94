import t from 'tap'
import { ReportCache } from '../../../server/report/report-cache.js'

t.test('the report cache', async (t) => {
  const cache = new ReportCache(100)
  const body = (n: number): Buffer => Buffer.alloc(n)
  cache.set('a', body(20))
  cache.set('b', body(20))
  t.equal(cache.get('a')?.length, 20, 'returns what it holds')
  t.equal(cache.get('missing'), undefined, 'and nothing for a key it never saw')
  cache.set('c', body(25))
  cache.set('d', body(25))
  cache.set('e', body(25))
  t.ok(cache.size <= 100, `stays within its budget (${cache.size} of 100 bytes)`)
  t.equal(cache.get('b'), undefined, 'by dropping the least recently used first')
  t.equal(cache.get('a')?.length, 20, 'keeping one that was read since')
  cache.set('huge', body(26))
  t.equal(cache.get('huge'), undefined, 'and never holds one body larger than a quarter of the budget')
})
