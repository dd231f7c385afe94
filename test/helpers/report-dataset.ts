import { buildAccount, indexDataset, type Dataset, type Registrant, type WebcastEvent } from '../../fixtures/index.js'
import { DEMO, EVENTS, RESTRICTED, withRegistrants } from './tiny-dataset.js'

const at = (iso: string): number => Date.parse(iso)

const person = {
  fname: 'First', lname: 'Last', company: 'Co', title: 'Role', address1: '1 Road', address2: '',
  city: 'Town', state: 'ST', country: 'United States', postalcode: '00001', phone: '555', questions: [], surveys: [],
} as const

/**
 * Seven registrants of one live event with a sim-live rebroadcast (2026-03-10 15:00–16:00 GMT,
 * rebroadcast a day later), built so each filter keeps a different, known set.
 */
export const REPORT_REGISTRANTS: readonly Registrant[] = [
  {
    ...person,
    email: 'ann@acme.com', fname: 'Ann', regDate: at('2026-03-01T10:00:00Z'), sti: 'inbound',
    sessions: [{ kind: 'live', start: at('2026-03-10T15:05:00Z'), end: at('2026-03-10T15:50:00Z') }],
    questions: [{ time: at('2026-03-10T15:20:00Z'), text: 'Q & "A"?\nreally' }],
    surveys: [{ question: 'Rate it', answer: 'Good', time: at('2026-03-10T15:45:00Z') }],
  },
  {
    ...person,
    email: 'bob@globex.com', fname: 'Bob', company: 'Globex, Inc.',
    regDate: at('2026-03-02T10:00:00Z'), sti: 'linkedin',
    sessions: [{ kind: 'od', start: at('2026-03-15T12:00:00Z'), end: at('2026-03-15T12:20:30Z') }],
  },
  { ...person, email: 'cat@ACME.COM', fname: 'Cat', regDate: at('2026-03-03T10:00:00Z'), sti: undefined, sessions: [] },
  {
    ...person,
    email: 'dan@mail.acme.com', fname: 'Dan', regDate: at('2026-03-04T04:59:59Z'), sti: 'inbound',
    sessions: [{ kind: 'simlive', start: at('2026-03-11T15:10:00Z'), end: at('2026-03-11T15:40:00Z') }],
    surveys: [{ question: 'Rate it', answer: 'Fair', time: at('2026-03-11T15:39:00Z') }],
  },
  {
    ...person,
    email: 'eve@gmail.com', fname: 'Eve', regDate: at('2026-03-05T05:00:00Z'), sti: 'newsletter',
    sessions: [
      { kind: 'live', start: at('2026-03-10T15:00:00Z'), end: at('2026-03-10T15:30:00Z') },
      { kind: 'od', start: at('2026-03-20T23:30:00Z'), end: at('2026-03-21T00:30:00Z') },
    ],
  },
  {
    ...person,
    email: 'fay@globex.com', fname: 'Fay', regDate: at('2026-03-09T12:00:00Z'), sti: undefined,
    sessions: [{ kind: 'live', start: at('2026-03-10T15:10:00Z'), end: at('2026-03-10T15:20:00Z') }],
    questions: [{ time: at('2026-03-10T15:15:00Z'), text: 'When?' }],
  },
  {
    ...person,
    email: 'gus@gmail.com', fname: 'Gus', regDate: at('2026-03-12T12:00:00Z'), sti: 'Inbound', sessions: [],
  },
]

export const REPORT_EVENT: WebcastEvent = {
  id: '2000001',
  title: 'Filters & <Friends>',
  kind: 'live_simlive',
  schedStart: at('2026-03-10T15:00:00Z'),
  schedEnd: at('2026-03-10T16:00:00Z'),
  expired: false,
  ...withRegistrants(REPORT_REGISTRANTS),
  simliveStart: at('2026-03-11T15:00:00Z'),
  simliveEnd: at('2026-03-11T16:00:00Z'),
}

/** The tiny dataset's accounts and events plus the report event, which the restricted admin cannot see. */
export function reportDataset (): Dataset {
  return indexDataset({
    seed: 0,
    accounts: [buildAccount(DEMO, 'all'), buildAccount(RESTRICTED, new Set(['1739608']))],
    events: [...EVENTS, REPORT_EVENT],
  })
}
