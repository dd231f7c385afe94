import t from 'tap'
import { takingTurns } from '../../../server/report/taking-turns.js'

const pieces = (...texts: string[]): Buffer[] => texts.map((text) => Buffer.from(text))

t.test('takingTurns hands out every piece in order', async (t) => {
  const seen: string[] = []
  for await (const piece of takingTurns(pieces('a', 'b', 'c'))) seen.push(String(piece))
  t.same(seen, ['a', 'b', 'c'])
})

t.test('other work runs between any two pieces of a report', async (t) => {
  const seen: string[] = []
  let running = true
  const tick = (): void => {
    seen.push('other work')
    if (running) setImmediate(tick)
  }
  setImmediate(tick)
  function * source (): Generator<Buffer, void, undefined> {
    for (let n = 0; n < 5; n++) {
      seen.push('piece')
      yield Buffer.alloc(64 * 1024)
    }
  }
  for await (const piece of takingTurns(source())) t.equal((piece as Buffer).length, 64 * 1024)
  running = false
  const twoInARow = seen.findIndex((entry, at) => entry === 'piece' && seen[at + 1] === 'piece')
  t.equal(twoInARow, -1, `never two pieces in one turn: ${seen.join(', ')}`)
})

t.test('stopping the reader stops the source', async (t) => {
  let generated = 0
  let finished = false
  function * source (): Generator<Buffer, void, undefined> {
    try {
      for (;;) yield Buffer.alloc(64 * 1024, generated++)
    } finally {
      finished = true
    }
  }
  for await (const piece of takingTurns(source())) if ((piece as Buffer)[0] === 2) break
  t.ok(generated <= 4, `nothing is generated far past the last piece taken (${generated})`)
  t.ok(finished, 'and the source is closed')
})

t.test('a source that fails fails the stream', async (t) => {
  function * source (): Generator<Buffer, void, undefined> {
    yield Buffer.from('first')
    throw new Error('broken')
  }
  const stream = takingTurns(source())
  await t.rejects(async () => { for await (const piece of stream) t.ok(piece) }, /broken/)
})
