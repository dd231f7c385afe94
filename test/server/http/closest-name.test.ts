import t from 'tap'
import { closestName } from '../../../server/http/closest-name.js'

t.test('a typo is matched to the known name it is closest to, and a stranger to none', async (t) => {
  const known = ['no_shows', 'users_qa', 'incl_domain', 'excl_domain', 'ei', 'tz']
  t.equal(closestName('no_show', known), 'no_shows', 'a missing plural')
  t.equal(closestName('Users_QA', known), 'users_qa', 'case')
  t.equal(closestName('incl_domian', known), 'incl_domain', 'two letters swapped')
  t.equal(closestName('excl_domains', known), 'excl_domain')
  t.equal(closestName('banana', known), undefined, 'too far from anything')
  t.equal(closestName('e', known), undefined, 'a short name is not a typo of another short one')
  t.equal(closestName('x', []), undefined)
})
