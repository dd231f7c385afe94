import { createHash } from 'node:crypto'
import t from 'tap'
import type { Format } from '../../../contracts/wire-format.js'
import { createDataset, DATA_AS_OF } from '../../../fixtures/index.js'
import { selectRegistrants } from '../../../server/report/select-registrants.js'
import { writeReport } from '../../../server/render/report-formats.js'
import { wallClockOf } from '../../../contracts/wire-time.js'

const FORMATS: readonly Format[] = ['xml', 'json', 'csv']

/**
 * Every report of the default dataset, byte for byte, head and body: each event, in each format,
 * in GMT and in a zone with daylight saving. Changing what a report says is a deliberate change:
 * update this digest in the same commit and say why in its message.
 */
const REPORTS_DIGEST = 'd04893563884f8dbcaad6d52dfc40f8a92f7ba9d3ea078b7757a984a91ab404c'

function reportsDigest (zones: readonly string[]): string {
  const hash = createHash('sha256')
  for (const event of createDataset({ seed: 1 }).events) {
    for (const zone of zones) {
      for (const format of FORMATS) {
        hash.update(`${event.id} ${zone} ${format}\n`)
        const { head, body } = writeReport(format, {
          header: { currentDateTime: '2026-11-28 00:00:00', currentTimeZone: zone },
          event,
          registrants: selectRegistrants(event, [], DATA_AS_OF),
          wallClock: wallClockOf(zone),
        })
        hash.update(head)
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
