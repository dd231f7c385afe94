import t from 'tap'
import { ByteWriter, encodeMarkup } from '../../server/render/byte-writer.js'
import { formatWireTime, isKnownTimeZone, wallClockOf, zonedTimeToEpoch } from '../../contracts/wire-time.js'

t.test('formatWireTime', async (t) => {
  const instant = Date.UTC(2026, 10, 27, 23, 39, 44)
  t.equal(formatWireTime(instant, 'GMT'), '2026-11-27 23:39:44', 'shows GMT without T or offset')
  t.equal(formatWireTime(instant, 'UTC'), '2026-11-27 23:39:44', 'treats UTC as GMT')
  t.equal(formatWireTime(instant, 'America/New_York'), '2026-11-27 18:39:44', 'shows a zone\'s local time')
  t.equal(formatWireTime(Date.UTC(2026, 2, 8, 6, 59, 59), 'America/New_York'), '2026-03-08 01:59:59',
    'just before clocks go forward')
  t.equal(formatWireTime(Date.UTC(2026, 2, 8, 7, 0, 0), 'America/New_York'), '2026-03-08 03:00:00',
    'just after clocks go forward')
  t.equal(formatWireTime(Date.UTC(2026, 10, 1, 5, 0, 0), 'America/New_York'), '2026-11-01 01:00:00',
    'the repeated hour, first time')
  t.equal(formatWireTime(Date.UTC(2026, 10, 1, 6, 0, 0), 'America/New_York'), '2026-11-01 01:00:00',
    'the repeated hour, second time')
  t.equal(formatWireTime(Date.UTC(2026, 0, 1, 5, 0, 0), 'America/New_York'), '2026-01-01 00:00:00',
    'midnight as 00, never 24')
  t.throws(() => formatWireTime(instant, 'Mars/Olympus'), RangeError)
})

t.test('isKnownTimeZone accepts IANA names, GMT and UTC only', async (t) => {
  t.ok(isKnownTimeZone('Europe/Berlin'))
  t.ok(isKnownTimeZone('GMT'))
  t.ok(isKnownTimeZone('UTC'))
  t.notOk(isKnownTimeZone('Mars/Olympus'))
})

t.test(
  'a report writer shows what formatWireTime shows, every seven minutes of a year, in zones with odd offsets',
  async (t) => {
    const zones = [
      'GMT', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'America/St_Johns', 'Europe/Berlin',
    ]
    for (const zone of zones) {
      const writer = new ByteWriter(wallClockOf(zone))
      const NEWLINE = encodeMarkup('\n')
      const instants: number[] = []
      for (let ms = Date.UTC(2026, 0, 1); ms < Date.UTC(2027, 0, 1); ms += 7 * 60_000 + 13_000) {
        instants.push(ms)
        writer.time(ms).markup(NEWLINE)
      }
      const written = Buffer.concat(writer.finish()).toString().split('\n')
      const differences = instants
        .filter((ms, index) => written[index] !== formatWireTime(ms, zone))
        .map((ms) => new Date(ms).toISOString())
      t.same(differences.slice(0, 3), [], zone)
    }
    t.throws(() => wallClockOf('Mars/Olympus'), RangeError)
  },
)

t.test('zonedTimeToEpoch finds the instant a wall clock shows', async (t) => {
  t.equal(zonedTimeToEpoch(2026, 3, 8, 0, 0, 0, 'America/New_York'), Date.UTC(2026, 2, 8, 5), 'local midnight')
  t.equal(zonedTimeToEpoch(2026, 3, 8, 23, 59, 59, 'America/New_York'), Date.UTC(2026, 2, 9, 3, 59, 59),
    'the end of a 23-hour day')
  t.equal(zonedTimeToEpoch(2026, 11, 1, 1, 30, 0, 'America/New_York'), Date.UTC(2026, 10, 1, 5, 30),
    'the first of a time shown twice')
  t.equal(zonedTimeToEpoch(2026, 3, 8, 2, 30, 0, 'America/New_York'), Date.UTC(2026, 2, 8, 7, 30),
    'a time never shown lands after the jump')
  t.equal(zonedTimeToEpoch(2026, 3, 8, 0, 0, 0, 'GMT'), Date.UTC(2026, 2, 8))
})

t.test('the same second formatted again', async (t) => {
  const at = Date.UTC(2026, 10, 27, 23, 39, 44, 100)
  t.equal(formatWireTime(at, 'America/New_York'), '2026-11-27 18:39:44', 'reads the same in its zone')
  t.equal(formatWireTime(at + 800, 'America/New_York'), '2026-11-27 18:39:44', 'later within the second')
  t.equal(formatWireTime(at + 900, 'America/New_York'), '2026-11-27 18:39:45', 'until the next second')
  t.equal(formatWireTime(at + 900, 'Asia/Kolkata'), '2026-11-28 05:09:45', 'and in each zone its own way')
  t.equal(formatWireTime(-500, 'GMT'), '1969-12-31 23:59:59', 'before 1970 as well')
  t.equal(formatWireTime(-1000, 'GMT'), '1969-12-31 23:59:59')
})
