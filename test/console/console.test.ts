import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import t from 'tap'
import type { Page } from 'playwright-core'
import { driftJson } from '../../client/drift/drift-report.js'
import type { DriftResult } from '../../client/drift/drift-result.js'
import { parametersOf } from '../../contracts/parameters.js'
import type { WebcastEvent } from '../../fixtures/dataset.js'
import { summarizeEvent } from '../../fixtures/summarize-dataset.js'
import { driftReportPage, readConsoleBundle } from '../../server/console/console-bundle.js'
import { startMock } from '../../server/start-mock.js'
import { buildConsole, launchBrowser, SCREENSHOTS } from '../helpers/browser.js'

/** One browser and one mock for the whole file: every subtest goes on where the one before left the console. */
buildConsole()
const mock = await startMock({ port: 0 })
t.teardown(() => mock.close())
const origin = new URL(mock.baseUrl).origin
const page: Page = await (await launchBrowser(t)).newPage()
const pageErrors: string[] = []
page.on('pageerror', (error) => { pageErrors.push(error.message) })

const shoot = (name: string): Promise<Buffer> =>
  page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true })

/** The cells of an event's line in the events table, once its counts are in. */
async function eventCells (eventId: string): Promise<string[]> {
  const line = page.locator(`#events tr[data-event="${eventId}"]`)
  await line.locator('td').nth(7).waitFor()
  await line.locator('td[aria-busy]').waitFor({ state: 'detached' })
  return await line.locator('td').allInnerTexts()
}

/** Fields and buttons of the page that a screen reader could not name: no label, no text, no aria-label. */
const unnamed = async (): Promise<string[]> => await page.evaluate(`[
  ...document.querySelectorAll('input, select, button')
].filter((e) => (e.labels?.length ?? 0) === 0 && !e.getAttribute('aria-label') && e.textContent.trim() === '')
  .map((e) => e.outerHTML)`)

function eventOf (id: string): WebcastEvent {
  const event = mock.dataset.eventById(id)
  if (event === undefined) throw new Error(`no event ${id} in the default dataset`)
  return event
}

async function logIn (): Promise<string> {
  const { username, password } = mock.credentials
  const login = await (await fetch(`${mock.baseUrl}/login/json?ver=2.0&username=${username}&password=${password}`))
    .json() as { convey_api: { result: { success: { sessionid: { value: string }, userid: { value: string } } } } }
  const { sessionid, userid } = login.convey_api.result.success
  return `si=${sessionid.value}&ui=${userid.value}`
}

t.test('the console opens at / and lists every event with its counts', async (t) => {
  await page.goto(`${origin}/`)
  t.equal(new URL(page.url()).pathname, '/_mock/console/', '/ sends the browser to the console')
  await page.locator('#events tbody tr').first().waitFor()
  t.equal(await page.locator('#events tbody tr').count(), mock.dataset.events.length, 'a line per event')
  const cells = await eventCells('4851630')
  const summary = summarizeEvent(eventOf('4851630'))
  t.same(cells.slice(5).map((cell) => Number(cell.replace(/,/g, ''))), [summary.registrants, summary.noShows,
    summary.liveViewers, summary.odViewers, summary.simliveViewers, summary.askers, summary.surveyResponders],
  'registrants, no-shows, live, on demand, sim-live, Q&A and survey, as `webcast-mock dataset` counts them')
})

t.test('picking an event by keyboard shows its viewing chart and a paged, searchable registrants table', async (t) => {
  await page.getByRole('button', { name: '4851630', exact: true }).focus()
  await page.keyboard.press('Enter')
  await page.locator('figure.chart svg rect').first().waitFor()
  t.match(await page.locator('figure.chart svg').getAttribute('aria-label'), /viewing sessions begun from/,
    'the chart says what it shows, for a screen reader')
  await page.locator('section[aria-labelledby="registrants-title"] tbody tr').first().waitFor()
  t.equal(await page.locator('section[aria-labelledby="registrants-title"] tbody tr').count(), 25, 'a page of 25')
  const event = eventOf('4851630')
  await page.getByRole('button', { name: 'Next' }).click()
  await page.getByText('Rows 26–50 of 1,000').waitFor()
  t.equal(await page.locator('section[aria-labelledby="registrants-title"] tbody tr td').nth(1).innerText(),
    event.registrantAt(25).email, 'the next page starts at the 26th registrant')
  await page.getByLabel('Search email, name or company').fill('ACME')
  await page.getByRole('button', { name: 'Search' }).click()
  await page.getByText('Rows 1–25 of more').waitFor()
  const registrants = page.locator('section[aria-labelledby="registrants-title"]')
  const emails = await registrants.locator('tbody td:nth-child(2)').allInnerTexts()
  const expected = Array.from({ length: event.registrantCount }, (_, index) => event.registrantAt(index))
    .filter((r) => [r.email, r.fname, r.lname, r.company].some((field) => field.toLowerCase().includes('acme')))
    .slice(0, 25).map((r) => r.email)
  t.same(emails, expected, 'the search finds the first 25 registrants with acme in their email, name or company')
  t.same(await unnamed(), [], 'every field and button has a name')
  await shoot('data')
})

t.test('the report builder offers every parameter, and its table and curl line match what the API returns',
  async (t) => {
    await page.getByRole('link', { name: 'Report builder' }).click()
    await page.locator('#parameter-ei').waitFor()
    for (const name of parametersOf('audienceReport').filter((name) => name !== 'si' && name !== 'ui')) {
      t.equal(await page.locator(`#parameter-${name}`).count(), 1, `a field for ${name}, from the registry`)
    }
    await page.locator('#parameter-ei').selectOption('4199432')
    await page.locator('#parameter-no_shows').selectOption('on')
    await page.locator('#parameter-incl_domain').fill('acme.com')
    const auth = await logIn()
    const direct = await (await fetch(`${mock.baseUrl}/reporting/audience_reports/json?ver=2.0&${auth}` +
      '&ei=4199432&no_shows=on&incl_domain=acme.com')).json() as
      { convey_api: { result: { success: { attendee_list: { attendee: Array<{ email: string }> } } } } }
    const emails = direct.convey_api.result.success.attendee_list.attendee.map((attendee) => attendee.email)
    t.ok(emails.length > 1, 'the filters leave several attendees')
    for (const format of ['json', 'xml', 'csv']) {
      await page.locator('#format').selectOption(format)
      await page.getByRole('button', { name: 'Run the report' }).click()
      // The curl line shows the answer's request once it is in, with the session the run logged in with.
      const path = `audience_reports${format === 'xml' ? '' : `/${format}`}\\?ver=2\\.0&si=(?!SESSION)`
      await page.locator('#curl-line', { hasText: new RegExp(path) }).waitFor()
      await page.locator('#answer-table').waitFor()
      const curl = await page.locator('#curl-line').innerText()
      const url = /^curl -s '(.+)'$/.exec(curl)?.[1] ?? ''
      const query = new URL(url).searchParams
      t.same([query.get('ei'), query.get('no_shows'), query.get('incl_domain'), query.get('ver')],
        ['4199432', 'on', 'acme.com', '2.0'], `${format}: the curl line asks for what the form says`)
      const body = await (await fetch(url)).text()
      const timeless = (text: string | null): string =>
        (text ?? '').replace(/("currentDateTime":"|<currentDateTime>)[^"<]*/, '$1')
      t.equal(timeless(await page.locator('#raw-body').textContent()), timeless(body),
        `${format}: the raw body is what the curl line gets, but for the envelope's time`)
      const columns = await page.locator('#answer-table thead th').allInnerTexts()
      const emailColumn = columns.indexOf('email') + 1
      t.ok(emailColumn > 0, `${format}: the table has an email column`)
      t.same(await page.locator(`#answer-table tbody td:nth-child(${emailColumn})`).allInnerTexts(), emails,
        `${format}: the table's rows are the attendees the API returns`)
      await shoot(`report-${format}`)
      t.same(await unnamed(), [], 'every field and button has a name')
    }
  })

t.test('moving the clock through an event\'s live window changes its counts', async (t) => {
  await page.getByRole('link', { name: 'Data' }).click()
  const before = await eventCells('3176865')
  t.equal(before[7], '0', 'a future event has no live viewer yet')
  await page.getByRole('link', { name: 'Clock and faults' }).click()
  await page.getByLabel('Set the time (ISO 8601 with an offset)').fill('2027-02-10T18:30:00Z')
  await page.getByRole('button', { name: 'Set' }).click()
  await page.getByRole('button', { name: 'Freeze' }).click()
  await page.getByText('no, frozen').waitFor()
  t.match(await page.locator('#clock-state').innerText(), /2027-02-10 18:30 UTC/, 'the clock shows the time set')
  await page.getByRole('link', { name: 'Data' }).click()
  const after = await eventCells('3176865')
  const summary = summarizeEvent(eventOf('3176865'), mock.clock.dataNow())
  t.ok(summary.liveViewers > 0, 'half-way through its live window, some watch')
  t.equal(after[7], summary.liveViewers.toLocaleString('en-US'), 'the live count follows the clock')
  t.not(after[6], before[6], 'and the no-shows drop')
})

t.test('a fault added in the console fires on a request, and the journal shows it', async (t) => {
  await page.getByRole('link', { name: 'Clock and faults' }).click()
  await page.locator('#fault-path').fill('/api/reporting/eventlist')
  await page.locator('#fault-effect').selectOption('error')
  await page.locator('#fault-value').fill('session_expired')
  await page.getByRole('button', { name: 'Add the rule' }).click()
  await page.locator('#faults tbody tr').waitFor()
  const [rule] = mock.faults.list()
  t.same(rule?.rule, { path: '/api/reporting/eventlist', error: 'session_expired', times: 'once' }, 'the rule added')
  t.same(await unnamed(), [], 'every field and button has a name')
  await shoot('clock-and-faults')
  const answer = await fetch(`${mock.baseUrl}/reporting/eventlist/json?ver=2.0&${await logIn()}`)
  t.equal(answer.headers.get('x-webcast-mock-fault'), rule?.id, 'the rule fired')
  await page.getByRole('link', { name: 'Journal' }).click()
  const line = page.locator('#journal tbody tr', { hasText: '/api/reporting/eventlist' })
  await line.waitFor()
  t.match(await line.innerText(), new RegExp(`session_expired[\\s\\S]*${rule?.id ?? ''}`), 'its error and its rule')
  await line.getByRole('button').click()
  const detail = await page.locator('#entry-title + h3 + dl').innerText()
  t.match(detail, /ver\s+2\.0/, 'choosing it shows its parameters')
  t.match(await page.locator('section.detail').innerText(), new RegExp(`fault rule\\s+${rule?.id ?? ''}`))
  t.same(await unnamed(), [], 'every field and button has a name')
  await shoot('journal')
})

const driftReport: DriftResult = {
  target: 'https://api.example.test/api',
  startedAt: '2026-03-10T15:00:00.000Z',
  finishedAt: '2026-03-10T15:00:09.000Z',
  suiteVersion: '0.1.0',
  requests: 12,
  requestBudget: 50,
  findings: [
    {
      severity: 'breaking', kind: 'type changed', check: 'answers meet their contracts',
      path: '/convey_api/result/success/attendee_list/attendee[*]/reg_date', message: 'expected string, saw number',
      why: 'a consumer reading a date gets a number', occurrences: 3, formats: ['json'],
      request: '/reporting/audience_reports/json?ei=4851630&si=[redacted]', excerpt: '"reg_date": 1773154800 <script>',
    },
    {
      severity: 'additive', kind: 'unexpected', check: 'answers meet their contracts',
      path: '/convey_api/result/success/attendee_list/attendee[*]/badge', message: 'a field the contract lacks',
      why: 'a lenient reader ignores it', occurrences: 1, formats: ['xml', 'json'], request: '', excerpt: '',
    },
  ],
  checks: [{ name: 'answers meet their contracts', layer: 'shape', status: 'failed', note: 'every answer' }],
}

const SEVERITY_HEADINGS = ['breaking (1)', 'additive (1)', 'informational (0)']

t.test('a drift report opened in the console, and drift-report.html, read by severity with excerpts', async (t) => {
  const folder = mkdtempSync(join(tmpdir(), 'console-drift-'))
  const json = driftJson(driftReport)
  writeFileSync(join(folder, 'drift-report.json'), json)
  await page.getByRole('link', { name: 'Drift' }).click()
  await page.getByText('No report open yet.').waitFor()
  await page.getByLabel('Open a drift-report.json').setInputFiles(join(folder, 'drift-report.json'))
  await page.locator('#severity-breaking').waitFor()
  t.same(await page.locator('section.severity h2').allInnerTexts(), SEVERITY_HEADINGS)
  t.equal(await page.locator('section.breaking pre.excerpt').innerText(), '"reg_date": 1773154800 <script>',
    'the excerpt, as text')
  t.same(await unnamed(), [], 'every field and button has a name')
  await shoot('drift')
  await page.getByLabel('Open a drift-report.json').setInputFiles({ name: 'notes.json', mimeType: 'application/json',
    buffer: Buffer.from('{"hello": 1}') })
  await page.getByText('this JSON is not a drift report').waitFor()
  t.pass('a JSON file that is not a drift report says so')

  writeFileSync(join(folder, 'drift-report.html'), driftReportPage(json, readConsoleBundle()))
  await page.goto(pathToFileURL(join(folder, 'drift-report.html')).href)
  await page.locator('#severity-breaking').waitFor()
  t.same(await page.locator('section.severity h2').allInnerTexts(), SEVERITY_HEADINGS,
    'drift-report.html shows the same view, from the file alone')
  t.equal(await page.locator('section.breaking pre.excerpt').innerText(), '"reg_date": 1773154800 <script>')
  await shoot('drift-report-html')
})

t.test('no page threw', async (t) => {
  t.same(pageErrors, [])
})
