import { createHash } from 'node:crypto'
import t from 'tap'
import type { Format } from '../../../contracts/wire-format.js'
import { createDataset, registrantsOf } from '../../../fixtures/index.js'
import { writeReport } from '../../../server/render/report-formats.js'
import { wallClockOf } from '../../../server/wire-time.js'

const FORMATS: readonly Format[] = ['xml', 'json', 'csv']

/**
 * Every report of the default dataset, byte for byte: each event, in each format, in GMT and in
 * a zone with daylight saving. Changing what a report says is a deliberate change: update this
 * digest in the same commit and say why in its message. Pinned when reports began to be written
 * as bytes; the reports built as strings before that gave the same digest.
 */
const REPORTS_DIGEST = 'd93446e5bd0d56f644d8a74b22a4fcf1ac49f53fcba08f076522049f8bce2152'

function reportsDigest (zones: readonly string[]): string {
  const hash = createHash('sha256')
  for (const event of createDataset({ seed: 1 }).events) {
    for (const zone of zones) {
      for (const format of FORMATS) {
        hash.update(`${event.id} ${zone} ${format}\n`)
        const { body } = writeReport(format, {
          header: { currentDateTime: '2026-11-28 00:00:00', currentTimeZone: zone },
          event,
          registrants: registrantsOf(event),
          wallClock: wallClockOf(zone),
        })
        for (const chunk of body) hash.update(chunk)
      }
    }
  }
  return hash.digest('hex')
}

t.test('the reports of the default dataset have the pinned digest', async (t) => {
  t.equal(reportsDigest(['GMT', 'America/New_York']), REPORTS_DIGEST)
})

t.test('another zone gives another digest', async (t) => {
  t.not(reportsDigest(['GMT', 'Asia/Kolkata']), REPORTS_DIGEST)
})
