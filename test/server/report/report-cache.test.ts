import t from 'tap'
import { ReportCache, type RenderedReport } from '../../../server/report/report-cache.js'

/** A report of `n` bytes of body under a one-byte head, which counts how often it was rendered. */
function report (n: number, head = 'h'): { render: () => RenderedReport, heads: number, bodies: number } {
  const counted = { heads: 0, bodies: 0, render: (): RenderedReport => ({ head, body: [] }) }
  counted.render = (): RenderedReport => {
    counted.heads++
    return { head, body: (function * () { counted.bodies++; yield Buffer.alloc(n, 'b') })() }
  }
  return counted
}

t.test('the report cache', async (t) => {
  const cache = new ReportCache(100)
  const a = report(19)
  cache.answer('a', 'second 1', a.render)
  cache.answer('b', 'second 1', report(19).render)
  const again = cache.answer('a', 'second 1', a.render)
  t.equal(again.toString(), `h${'b'.repeat(19)}`, 'answers the head, then the body')
  t.equal(a.heads, 1, 'from what it holds, without rendering the report again')
  t.ok(cache.has('a'), 'and says it holds it')
  t.equal(cache.answer('c', 'second 1', report(24).render).length, 25)
  cache.answer('d', 'second 1', report(24).render)
  cache.answer('e', 'second 1', report(24).render)
  t.ok(cache.size <= 100, `stays within its budget (${cache.size} of 100 bytes)`)
  t.ok(cache.has('a'), 'keeping one that was read since it was written')
  t.notOk(cache.has('b'), 'by dropping the least recently used first')
  cache.answer('huge', 'second 1', report(26).render)
  t.notOk(cache.has('huge'), 'and never holds an answer larger than a quarter of the budget')
})

t.test('a cached answer asked again', async (t) => {
  const cache = new ReportCache(1000)
  const first = report(5, 'at 10:00:00|')
  const whole = cache.answer('k', '10:00:00', first.render)
  t.equal(cache.answer('k', '10:00:00', first.render), whole, 'with the same stamp is the very same bytes')
  const later = report(5, 'at 10:00:01 GMT|')
  const next = cache.answer('k', '10:00:01', later.render)
  t.equal(next.toString(), 'at 10:00:01 GMT|bbbbb', 'with a new stamp begins with the new head, the body unchanged')
  t.equal(later.bodies, 0, 'whose body is never written again')
  t.equal(cache.size, next.length, 'and the budget counts the new head')
})
