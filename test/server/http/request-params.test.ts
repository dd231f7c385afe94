import t from 'tap'
import { parseParams } from '../../../server/http/request-params.js'

t.test('parseParams', async (t) => {
  t.same(parseParams('a=1&b=x+y&c=%41'), { a: '1', b: 'x y', c: 'A' }, 'decodes + and percent escapes')
  t.same(parseParams('a=1&a=2'), { a: ['1', '2'] }, 'keeps repeated names as lists')
  t.same(parseParams('a=%zz'), { a: '%zz' }, 'keeps a bad escape as typed instead of failing')
})
