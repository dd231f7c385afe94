import { buildAccount, indexDataset, type Dataset, type Registrant, type WebcastEvent } from '../../fixtures/index.js'

/** 2026-11-27 23:39:44 GMT: the moment every test server lives in unless it moves its clock. */
export const FIXED_NOW = Date.UTC(2026, 10, 27, 23, 39, 44)

export const DEMO = { username: 'demo@example.com', password: 'demo' }
export const RESTRICTED = { username: 'restricted@example.com', password: 'restricted' }

/** The registrant fields of an event made from a fixed list. */
export function withRegistrants (
  registrants: readonly Registrant[],
): Pick<WebcastEvent, 'simliveStart' | 'simliveEnd' | 'stiValues' | 'registrantCount' | 'registrantAt'> {
  return {
    simliveStart: undefined,
    simliveEnd: undefined,
    stiValues: [...new Set(registrants.flatMap((r) => r.sti ?? []))],
    registrantCount: registrants.length,
    registrantAt: (index) => {
      const registrant = registrants[index]
      if (registrant === undefined) throw new RangeError(`no registrant at ${index}`)
      return registrant
    },
  }
}

export const EVENTS: readonly WebcastEvent[] = [
  {
    id: '1087592',
    title: 'Q&A <Live> "Kick-off"',
    kind: 'live',
    schedStart: Date.UTC(2026, 2, 10, 15, 0, 0),
    schedEnd: Date.UTC(2026, 2, 10, 16, 0, 0),
    expired: false,
    ...withRegistrants([]),
  },
  {
    id: '1739608',
    title: 'Archive',
    kind: 'on_demand',
    schedStart: Date.UTC(2025, 0, 21, 16, 0, 0),
    schedEnd: Date.UTC(2025, 0, 21, 17, 0, 0),
    expired: true,
    ...withRegistrants([]),
  },
]

/** Two accounts and two events, small enough to write every expected body by hand. */
export function tinyDataset (): Dataset {
  return indexDataset({
    seed: 0,
    accounts: [buildAccount(DEMO, 'all'), buildAccount(RESTRICTED, new Set(['1739608']))],
    events: EVENTS,
  })
}
