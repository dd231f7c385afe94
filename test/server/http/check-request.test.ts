import t from 'tap'
import { buildServer } from '../../../server/build-server.js'
import { jsonOf } from '../../helpers/test-server.js'
import { FIXED_NOW, tinyDataset } from '../../helpers/tiny-dataset.js'

const LOGIN = '/api/login/json?ver=2.0&username=demo@example.com&password=demo'

t.test('a parameter the endpoint does not take is ignored, named in a header with its closest name', async (t) => {
  const lines: string[] = []
  const log = { level: 'info', stream: { write: (line: string) => { lines.push(line) } } }
  const app = buildServer({ dataset: tinyDataset(), clock: () => FIXED_NOW, sessionSecret: 's', log })
  t.teardown(() => app.close())
  const response = await app.inject(`${LOGIN}&usernme=x&colour=blue`)
  t.match(jsonOf(response), { convey_api: { result: { returnCode: '1' } } }, 'answered as if they were not there')
  t.equal(response.headers['x-webcast-mock-ignored'], 'usernme,colour')
  t.equal(response.headers['x-webcast-mock-did-you-mean'], 'usernme=username', 'only where a known name is close')
  t.match(lines.join(''), /"ignored":\["usernme","colour"\],"didYouMean":\{"usernme":"username"\}/,
    'and in the log')
})

t.test('with strictParams it is invalid_parameter, naming the parameter and the suggestion', async (t) => {
  const app = buildServer({ dataset: tinyDataset(), clock: () => FIXED_NOW, sessionSecret: 's', strictParams: true })
  t.teardown(() => app.close())
  const response = await app.inject(`${LOGIN}&usernme=x`)
  t.match(jsonOf(response), {
    convey_api: { result: { returnCode: '3', error: {
      code: 'invalid_parameter', parameter: 'usernme',
      description: 'A parameter has an invalid value. ' +
        'usernme is not a parameter of this endpoint; did you mean username?',
    } } },
  })
  const clean = await app.inject(LOGIN)
  t.match(jsonOf(clean), { convey_api: { result: { returnCode: '1' } } },
    'a request with known parameters only is served')
})
