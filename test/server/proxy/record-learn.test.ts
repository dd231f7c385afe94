import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import t, { type Test } from 'tap'
import { reportFromTree } from '../../../client/audience-report.js'
import { runContractSuite } from '../../../client/drift/contract-suite.js'
import { readingOf } from '../../../client/drift/readings.js'
import { createClient } from '../../../client/create-client.js'
import { loadFixtures } from '../../../fixtures/load-fixtures.js'
import type { Registrant } from '../../../fixtures/registrant.js'
import { profileOf, timingOf } from '../../../server/proxy/audience-profile.js'
import { learnFixtures } from '../../../server/proxy/learn-fixtures.js'
import { Recorder } from '../../../server/proxy/recorder.js'
import { Redactor } from '../../../server/proxy/redactor.js'
import { startProxy } from '../../../server/proxy/start-proxy.js'
import { startMock, type RunningMock } from '../../../server/start-mock.js'

const ACCOUNT = { username: 'owner.person@acme.com', password: 'Sup3r-Secret-Pass' }
const EVENTS = ['4851630', '7844575', '8761905']

/** The unfiltered JSON report of an event, read as the drift suite reads it. */
async function unfiltered (baseUrl: string, eventId: string): Promise<ReturnType<typeof readingOf>[]> {
  const client = createClient({ baseUrl, ...ACCOUNT })
  const session = await client.login({ format: 'json' })
  const answer = await client.exchange('/reporting/audience_reports/json',
    { ver: '2.0', si: session.sessionId, ui: session.userId, ei: eventId })
  return reportFromTree('json', JSON.parse(answer.text)).attendees.map(readingOf)
}

/** A mock, and a proxy in front of it recording into a fresh folder; the drift suite and a client run through. */
async function recorded (t: Test, domains: 'keep' | 'map'): Promise<{ mock: RunningMock, folder: string,
  ids: string[] }> {
  const folder = mkdtempSync(join(tmpdir(), 'webcast-recording-'))
  t.teardown(() => { rmSync(folder, { recursive: true, force: true }) })
  const mock = await startMock({ port: 0, demo: ACCOUNT })
  t.teardown(mock.close)
  const recorder = new Recorder(folder, new Redactor({ seed: 7, domains, keep: [], drop: [] }))
  const proxy = await startProxy({ target: mock.baseUrl, port: 0, host: '127.0.0.1', recorder, log: () => {} })
  t.teardown(proxy.close)
  await runContractSuite({ name: 'recorded', baseUrl: proxy.baseUrl, ...ACCOUNT, eventId: undefined, remote: false })
  const client = createClient({ baseUrl: proxy.baseUrl, ...ACCOUNT })
  const session = await client.login({ format: 'json' })
  const auth = { ver: '2.0', si: session.sessionId, ui: session.userId }
  await client.exchange('/reporting/eventlist', auth)
  for (const ei of EVENTS) await client.exchange('/reporting/audience_reports', { ...auth, ei })
  await client.exchange('/reporting/audience_reports/csv', { ...auth, ei: '8761905' })
  await proxy.settled()
  return { mock, folder, ids: [session.sessionId, session.userId] }
}

/** Every value the recording must not hold: emails, names, the password, session and user ids. */
function originals (mock: RunningMock, ids: readonly string[]): { exact: string[], words: string[] } {
  const registrants: Registrant[] = EVENTS.flatMap((id) => {
    const event = mock.dataset.eventById(id)
    return event === undefined ? [] : Array.from({ length: event.registrantCount }, (_, i) => event.registrantAt(i))
  })
  const notPersonal = mock.dataset.events.map((event) => event.title).join(' ')
  const words = [...new Set(registrants.flatMap((r) => [r.fname, r.lname]))]
    .filter((name) => name.length >= 3 && !new RegExp(`\\b${name}\\b`, 'u').test(notPersonal))
  return {
    exact: [...new Set([...registrants.map((r) => r.email.toLowerCase()), ACCOUNT.password, ACCOUNT.username, ...ids])],
    words,
  }
}

function leaks (text: string, values: { exact: string[], words: string[] }): string[] {
  const lower = text.toLowerCase()
  return [
    ...values.exact.filter((value) => lower.includes(value.toLowerCase())),
    ...values.words.filter((word) => new RegExp(`(?<![\\p{L}\\p{N}])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}` +
      '(?![\\p{L}\\p{N}])', 'u').test(text)),
  ]
}

t.test('recorded and learned files hold no original email, name, password, session id or user id', async (t) => {
  for (const domains of ['keep', 'map'] as const) {
    const { mock, folder, ids } = await recorded(t, domains)
    const values = originals(mock, ids)
    t.ok(values.exact.length > 1400 && values.words.length > 100,
      `${values.exact.length} exact values and ${values.words.length} names sought (domains ${domains})`)
    const files = readdirSync(folder)
    t.ok(files.length > 40, `${files.length} exchanges recorded`)
    const texts = [
      ...files.map((file) => readFileSync(join(folder, file), 'utf8')),
      learnFixtures({ recording: folder, redactTitles: false, keepRegistrants: true }),
      learnFixtures({ recording: folder, redactTitles: true, keepRegistrants: false }),
    ]
    t.same(texts.flatMap((text) => leaks(text, values)), [], 'no original value in any byte')
    if (domains === 'map') t.notMatch(texts.join(''), /@acme\.com/, 'domains mapped')
  }
})

t.test('the same original gets the same fake throughout, so filters select the same registrants', async (t) => {
  const redactor = new Redactor({ seed: 1, domains: 'map', keep: ['city'], drop: ['phone'] })
  const a = redactor.email('Ann.Lee@Mail.ACME.com')
  t.equal(redactor.email('ann.lee@mail.acme.com'), a, 'case folded, as the API compares emails')
  t.equal(a.split('@')[1]?.split('.').slice(1).join('.'), redactor.domain('acme.com'), 'a subdomain stays one')
  t.not(redactor.email('bob@acme.com').split('@')[0], a.split('@')[0], 'two people, two fakes')
  const json = JSON.parse(redactor.body('json', JSON.stringify({ attendee: [{ email: 'Ann.Lee@Mail.ACME.com',
    city: 'Boston', phone: '1', fname: 'Ann' }] }))) as { attendee: Array<Record<string, string>> }
  t.same(Object.keys(json.attendee[0] ?? {}), ['email', 'city', 'fname'], 'phone dropped')
  t.equal(json.attendee[0]?.city, 'Boston', 'city kept')
  t.equal(json.attendee[0]?.email, a)
  t.same(redactor.params([['incl_domain', 'acme.com|mail.acme.com'], ['password', 'pw-123']]),
    [['incl_domain', `${redactor.domain('acme.com')}|${redactor.domain('mail.acme.com')}`], ['password', '[redacted]']])
})

/** How far a learned fraction may be from the recorded one, on events of 100 registrants or more. */
const TOLERANCE = 0.05
/** How far a median session may be from the recorded one, as a share of it. */
const MINUTES_TOLERANCE = 0.25

t.test('recorded → learned → served: no breaking drift, and the audience\'s shape within tolerance', async (t) => {
  const { mock, folder } = await recorded(t, 'keep')
  const text = learnFixtures({ recording: folder, redactTitles: true, keepRegistrants: false })
  const { dataset } = await loadFixtures([{ name: 'learned.json', text }], { demo: ACCOUNT })
  t.same(dataset.events.map((event) => event.id), EVENTS, 'the recorded events, and only they')
  const served = await startMock({ port: 0, dataset, demo: ACCOUNT })
  t.teardown(served.close)
  const result = await runContractSuite({ name: 'learned', baseUrl: served.baseUrl, ...ACCOUNT, eventId: undefined,
    remote: false })
  t.same(result.findings.filter((f) => f.severity === 'breaking').map((f) => `${f.check}: ${f.message}`), [],
    'the drift suite against the learned mock: 0 breaking findings')
  for (const ei of EVENTS) {
    const recordedReadings = await unfiltered(mock.baseUrl, ei)
    const servedReadings = await unfiltered(served.baseUrl, ei)
    const [before, after] = [profileOf(recordedReadings), profileOf(servedReadings)]
    t.equal(after.count, before.count, `${ei}: ${before.count} registrants`)
    // Twelve registrants (the edge cases) are too few for a proportion: one person is 0.083.
    if (before.count < 100) continue
    const names = [...new Set([...Object.keys(before.fractions), ...Object.keys(after.fractions)])]
    const off = names.filter((name) => Math.abs((before.fractions[name] ?? 0) - (after.fractions[name] ?? 0)) >
      TOLERANCE).map((name) => `${name} ${before.fractions[name] ?? 0} → ${after.fractions[name] ?? 0}`)
    t.ok(names.length > 15, `${ei}: ${names.length} fractions compared, domains and sti values among them`)
    t.same(off, [], `${ei}: every fraction within ${TOLERANCE}`)
    const liveStart = mock.dataset.eventById(ei)?.schedStart ?? 0
    const [was, is] = [timingOf(recordedReadings, liveStart), timingOf(servedReadings, liveStart)]
    for (const kind of ['live', 'simlive', 'od'] as const) {
      const [a, b] = [was.minutes[kind], is.minutes[kind]]
      if (a === undefined) continue
      t.ok(b !== undefined && Math.abs(a - b) <= a * MINUTES_TOLERANCE, `${ei}: median ${kind} session ${a} → ${b} min`)
    }
    t.ok(Math.abs((was.registered?.fromDays ?? 0) - (is.registered?.fromDays ?? 99)) <= 1 &&
      Math.abs((was.registered?.toDays ?? 0) - (is.registered?.toDays ?? 99)) <= 1,
    `${ei}: registrations from ${was.registered?.fromDays} to ${was.registered?.toDays} days, ` +
      `served ${is.registered?.fromDays} to ${is.registered?.toDays}`)
  }
})

/** Domains' fractions by rank, not name: a recording with mapped domains names them otherwise. */
function domainsByRank (fractions: Readonly<Record<string, number>>): Record<string, number> {
  const domains = Object.entries(fractions).filter(([name]) => name.startsWith('domain:')).map(([, share]) => share)
    .sort((a, b) => b - a)
  return {
    ...Object.fromEntries(Object.entries(fractions).filter(([name]) => !name.startsWith('domain:'))),
    ...Object.fromEntries(domains.map((share, rank) => [`domain#${rank + 1}`, share])),
  }
}

/** An event whose audience has a shape of its own: late registrations, short live sessions, two domains. */
const SHAPED = {
  mode: 'replace' as const,
  events: [{
    id: '7000001',
    title: 'Shaped',
    kind: 'live' as const,
    live: { start: '2026-04-14T14:00:00Z', end: '2026-04-14T16:00:00Z' },
    sti: ['partner', 'ads'],
    generate: {
      count: 2000,
      seed: 3,
      proportions: { live: 0.3, on_demand: 0.6, qa: 0.5, survey: 0.1, sti: 0.9 },
      domains: { 'globex.com': 3, 'gmail.com': 1 },
      sti_weights: { partner: 1, ads: 4 },
      registered: { from_days: -3, to_days: 1 },
      session_minutes: { live: 12, on_demand: 50 },
    },
  }],
}

t.test('an audience of another shape is learned as that shape, not the default one', async (t) => {
  const folder = mkdtempSync(join(tmpdir(), 'webcast-shaped-'))
  t.teardown(() => { rmSync(folder, { recursive: true, force: true }) })
  const { dataset } = await loadFixtures([{ name: 'shaped', fixture: SHAPED }], { demo: ACCOUNT })
  const mock = await startMock({ port: 0, dataset, demo: ACCOUNT })
  t.teardown(mock.close)
  const recorder = new Recorder(folder, new Redactor({ seed: 1, domains: 'map', keep: [], drop: [] }))
  const proxy = await startProxy({ target: mock.baseUrl, port: 0, host: '127.0.0.1', recorder, log: () => {} })
  t.teardown(proxy.close)
  const client = createClient({ baseUrl: proxy.baseUrl, ...ACCOUNT })
  const session = await client.login({ format: 'json' })
  const auth = { ver: '2.0', si: session.sessionId, ui: session.userId }
  await client.exchange('/reporting/eventlist/json', auth)
  await client.exchange('/reporting/audience_reports/json', { ...auth, ei: '7000001' })
  await proxy.settled()
  const learned = await loadFixtures([{ name: 'learned.json', text: learnFixtures({ recording: folder,
    redactTitles: false, keepRegistrants: false }) }], { demo: ACCOUNT })
  const served = await startMock({ port: 0, dataset: learned.dataset, demo: ACCOUNT })
  t.teardown(served.close)
  const [was, is] = [await unfiltered(mock.baseUrl, '7000001'), await unfiltered(served.baseUrl, '7000001')]
  const [before, after] = [domainsByRank(profileOf(was).fractions), domainsByRank(profileOf(is).fractions)]
  t.ok((before['sti:ads'] ?? 0) > 0.6 && (before.live ?? 1) < 0.3, 'the recorded audience is not the default one')
  t.same(Object.keys(after).filter((name) => name.startsWith('domain#')), ['domain#1', 'domain#2'],
    'two domains (mapped: compared by rank)')
  const off = Object.keys(before).filter((name) => Math.abs((before[name] ?? 0) - (after[name] ?? 0)) > TOLERANCE)
    .map((name) => `${name} ${before[name] ?? 0} → ${after[name] ?? 0}`)
  t.same(off, [], `every fraction within ${TOLERANCE}`)
  const liveStart = Date.UTC(2026, 3, 14, 14)
  const [timed, timedNow] = [timingOf(was, liveStart), timingOf(is, liveStart)]
  t.ok(Math.abs((timed.minutes.live ?? 0) - (timedNow.minutes.live ?? 99)) <= 3,
    `median live session ${timed.minutes.live} → ${timedNow.minutes.live} min`)
  t.ok(Math.abs((timed.minutes.od ?? 0) - (timedNow.minutes.od ?? 99)) <= (timed.minutes.od ?? 0) * MINUTES_TOLERANCE,
    `median on-demand session ${timed.minutes.od} → ${timedNow.minutes.od} min`)
  t.ok(Math.abs((timed.registered?.fromDays ?? 0) - (timedNow.registered?.fromDays ?? 99)) <= 0.5 &&
    Math.abs((timed.registered?.toDays ?? 0) - (timedNow.registered?.toDays ?? 99)) <= 0.5,
  `registrations ${timed.registered?.fromDays}..${timed.registered?.toDays} days → ` +
    `${timedNow.registered?.fromDays}..${timedNow.registered?.toDays}`)
})
