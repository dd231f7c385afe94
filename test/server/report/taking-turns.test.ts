import t from 'tap'
import { takingTurns } from '../../../server/report/taking-turns.js'

t.test('takingTurns hands out every piece in order', async (t) => {
  const pieces: string[] = []
  for await (const piece of takingTurns(['a', 'b', 'c'])) pieces.push(piece)
  t.same(pieces, ['a', 'b', 'c'])
})

t.test('other work runs between two pieces', async (t) => {
  const seen: string[] = []
  for await (const piece of takingTurns(['first', 'second'])) {
    seen.push(piece)
    if (piece === 'first') setImmediate(() => seen.push('other work'))
  }
  t.same(seen, ['first', 'other work', 'second'])
})

t.test('stopping the consumer stops the source', async (t) => {
  let generated = 0
  let finished = false
  function * source (): Generator<number, void, undefined> {
    try {
      for (;;) yield generated++
    } finally {
      finished = true
    }
  }
  for await (const piece of takingTurns(source())) if (piece === 2) break
  t.equal(generated, 3, 'nothing is generated past the last piece taken')
  t.ok(finished, 'and the source is closed')
})
