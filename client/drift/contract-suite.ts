import type { Dispatcher } from 'undici'
import packageJson from '../../package.json' with { type: 'json' }
import { FORMAT_SUFFIX } from '../../contracts/wire-format.js'
import { attendeeFromCsvRow, reportFromTree } from '../audience-report.js'
import { eventsFromTree } from '../event-list.js'
import { fieldOf, textOf } from '../lenient.js'
import { checkFilters, checkFormatsAgree, checkTimeZone } from './behaviour.js'
import type { DriftResult } from './drift-result.js'
import { checkBadInputs, probeErrorKinds, probeOddities } from './probes.js'
import { readingOf, type Reading } from './readings.js'
import { refusedLogin, setupErrorOf } from './setup-errors.js'
import { CSV_CHECK, TRANSPORT_CHECK, TREE_CHECK } from './shape.js'
import { REMOTE_REQUEST_BUDGET, SuiteRun, type ContractTarget } from './suite-run.js'

export type { ContractTarget } from './suite-run.js'

const REPORT_PATH = '/reporting/audience_reports'

/**
 * The drift suite: what must hold on data we do not control, checked against any service, every
 * difference recorded and grouped instead of stopping at the first. Two layers: the shape of
 * every answer against the contracts, and the behaviour of every filter on the service's own
 * data, read leniently so that a difference of form never hides one of behaviour. Every request
 * goes through the client. Against a remote service it is read-only and gentle: at most
 * {@link REMOTE_REQUEST_BUDGET} requests, 300 ms apart. Only a refused login (or no service at
 * all) stops it: a `DriftSetupError` then says what to fix.
 *
 * @example
 * const result = await runContractSuite({ name: 'mock', baseUrl: 'http://127.0.0.1:4010/api',
 *   username: 'demo@example.com', password: 'demo', eventId: undefined, remote: false })
 * result.findings.filter((f) => f.severity === 'breaking').length // 0 when nothing drifted
 */
export async function runContractSuite (target: ContractTarget, options: { dispatcher?: Dispatcher } = {}):
Promise<DriftResult> {
  const startedAt = new Date().toISOString()
  const run = new SuiteRun(target, options.dispatcher)
  const session = await logIn(run)
  const eventId = await chooseEvent(run, session)
  if (eventId !== undefined) {
    const scope = { run, session, eventId }
    const everyone = await readUnfiltered(run, session, eventId)
    const failing = await checkFilters({ ...scope, everyone })
    await checkTimeZone({ ...scope, everyone })
    await checkBadInputs(scope, failing)
    await probeErrorKinds(scope)
    await probeOddities(scope)
  }
  for (const check of [TREE_CHECK, CSV_CHECK, TRANSPORT_CHECK]) {
    const failed = run.log.has(check, 'breaking')
    run.record(check, 'shape', failed ? 'failed' : 'passed', failed
      ? 'some answers cannot be read as the contracts say (see the findings)'
      : 'every answer can be read as the contracts say; differences the client reads through are listed')
  }
  return {
    target: target.name,
    startedAt,
    finishedAt: new Date().toISOString(),
    suiteVersion: packageJson.version,
    requests: run.sent,
    requestBudget: target.remote ? REMOTE_REQUEST_BUDGET : undefined,
    findings: run.log.findings(),
    checks: run.checks,
  }
}

/**
 * Logs in the way the public consumer does (XML), then checks the JSON login as its own check.
 * No service, or a refused login, is a setup error: nothing else could be checked.
 */
async function logIn (run: SuiteRun): Promise<{ si: string, ui: string }> {
  let login
  try {
    login = await run.logIn('xml')
  } catch (error) {
    throw setupErrorOf(error, run.target.baseUrl) ?? error
  }
  if ('refusal' in login) {
    throw refusedLogin(login.refusal, run.target.baseUrl, run.redact(login.seen.answer.text.slice(0, 1000)))
  }
  run.readTree(login.seen, 'login-response.json')
  run.record('login (XML, as the public consumer)', 'behaviour', 'passed', 'a session and a user id')
  const { username, password } = run.target
  const json = await run.exchange(`/login${FORMAT_SUFFIX.json}`, { ver: '2.0', username, password }, 'json')
  const success = fieldOf(fieldOf(fieldOf(parsedOrNothing(json.answer.text), 'convey_api'), 'result'), 'success')
  run.keepSecret(
    textOf(fieldOf(fieldOf(success, 'sessionid'), 'value')),
    textOf(fieldOf(fieldOf(success, 'userid'), 'value')),
  )
  const tree = run.readTree(json, 'login-response.json')
  const accepted = textOf(fieldOf(fieldOf(fieldOf(tree, 'convey_api'), 'result'), 'returnCode')) === '1'
  if (accepted) {
    run.record('login (JSON)', 'behaviour', 'passed', 'a session and a user id')
  } else {
    run.behaviourFailed('login (JSON)', {
      message: 'the JSON login refuses what the XML login accepts',
      why: 'A consumer that logs in through /login/json cannot log in.',
      note: 'refused',
      request: json.request,
      excerpt: run.redact(json.answer.text.slice(0, 300)),
    })
  }
  return { si: login.session.sessionId, ui: login.session.userId }
}

function parsedOrNothing (text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

/** Checks the event list and picks the event to read reports of: the one named, or the first listed. */
async function chooseEvent (run: SuiteRun, session: { si: string, ui: string }): Promise<string | undefined> {
  const seen = await run.exchange(`/reporting/eventlist${FORMAT_SUFFIX.json}`, session, 'json')
  const tree = run.readTree(seen, 'event-list-response.json')
  const eventId = run.target.eventId ?? eventsFromTree(tree).find((event) => event.id !== '')?.id
  if (eventId === undefined) {
    run.record('an event to read reports of', 'behaviour', 'inconclusive', 'the event list names none')
  }
  return eventId
}

/** The unfiltered report in the three formats, read leniently; the JSON one is what the filters are checked against. */
async function readUnfiltered (
  run: SuiteRun,
  session: { si: string, ui: string },
  eventId: string,
): Promise<Reading[]> {
  const params = { ver: '2.0', ...session, ei: eventId }
  const readings = {
    json: undefined as Reading[] | undefined,
    xml: undefined as Reading[] | undefined,
    csv: undefined as Reading[] | undefined,
  }
  for (const format of ['json', 'xml'] as const) {
    const seen = await run.exchange(`${REPORT_PATH}${FORMAT_SUFFIX[format]}`, params, format)
    const tree = run.readTree(seen, 'audience-report-response.json')
    if (tree !== undefined) readings[format] = reportFromTree(format, tree).attendees.map(readingOf)
  }
  const csv = await run.exchange(`${REPORT_PATH}${FORMAT_SUFFIX.csv}`, params, 'csv')
  readings.csv = run.readCsv(csv)?.map((row) => readingOf(attendeeFromCsvRow(row)))
  checkFormatsAgree(run, readings)
  return readings.json ?? []
}
