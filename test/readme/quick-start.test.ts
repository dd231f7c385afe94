import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { promisify } from 'node:util'
import t from 'tap'
import { startMock } from '../../server/start-mock.js'

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')

/** The shell blocks of one section of the README, as a reader copies them. */
function shellBlocks (heading: string): string[] {
  const section = README.slice(README.indexOf(`\n## ${heading}\n`)).split(/\n## /)[1] ?? ''
  return [...section.matchAll(/```sh\n([\s\S]*?)```/g)].map((match) => match[1] ?? '')
}

t.test('the quick start\'s commands, copied from the README, get a session, the event list and a report', async (t) => {
  const blocks = shellBlocks('Quick start')
  const script = blocks.find((block) => block.includes('curl'))
  if (script === undefined) throw new Error('the quick start has no curl block')
  t.match(script, /^API=http:\/\/127\.0\.0\.1:4010\/api$/m, 'it talks to the port `npm start` listens on')
  const mock = await startMock({ port: 0 })
  t.teardown(() => mock.close())
  // The only change: the port this test's mock listens on, instead of 4010.
  const onThisMock = script.replace('http://127.0.0.1:4010/api', mock.baseUrl)
  const { stdout } = await promisify(execFile)('sh', ['-e', '-c', onThisMock])
  const [eventList = '', ...csv] = stdout.split('\n')
  const listed = { convey_api: { result: { returnCode: '1', success: { event_list: {} } } } }
  t.match(JSON.parse(eventList), listed, 'the event list')
  t.match(csv[0], /^email,fname,lname,/, 'then the CSV report, its header first')
  const rows = csv.slice(1).filter((line) => line.includes('@'))
  t.ok(rows.length > 10, `${rows.length} no-shows`)
  t.ok(rows.every((row) => /^[^,]*@acme\.com,/.test(row)), 'all on acme.com')
})
