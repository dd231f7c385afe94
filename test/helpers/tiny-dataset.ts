import { buildAccount, indexDataset, type Dataset, type WebcastEvent } from '../../fixtures/index.js'

/** 2026-11-27 23:39:44 GMT: the moment every test server lives in unless it moves its clock. */
export const FIXED_NOW = Date.UTC(2026, 10, 27, 23, 39, 44)

export const DEMO = { username: 'demo@example.com', password: 'demo' }
export const RESTRICTED = { username: 'restricted@example.com', password: 'restricted' }

export const EVENTS: readonly WebcastEvent[] = [
  {
    id: '1087592',
    title: 'Q&A <Live> "Kick-off"',
    kind: 'live',
    schedStart: Date.UTC(2026, 2, 10, 15, 0, 0),
    schedEnd: Date.UTC(2026, 2, 10, 16, 0, 0),
    expired: false,
    registrantCount: 0,
  },
  {
    id: '1739608',
    title: 'Archive',
    kind: 'on_demand',
    schedStart: Date.UTC(2025, 0, 21, 16, 0, 0),
    schedEnd: Date.UTC(2025, 0, 21, 17, 0, 0),
    expired: true,
    registrantCount: 0,
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
