// Generated from contracts/fixture-schema.ts by contracts/generate/fixture-schema.ts: do not edit.
// After changing the schema, run `npm run contracts:compile`; a test fails until then.
/* eslint-disable */

/**
 * Seven digits, as `ei` takes it; unquoted in YAML it is a number, which is fine.
 */
export type FixtureEventId = string | number
/**
 * A source tracking id; no |, since sti_filter separates values with it.
 */
export type FixtureSti = string

/**
 * Accounts, events and registrants for the webcast-mock server: webcast-mock serve --fixtures FILE.
 */
export interface FixtureFile {
  /**
   * Where editors find this schema, e.g. ./node_modules/webcast-mock/contracts/fixtures.schema.json.
   */
  $schema?: string
  /**
   * extend: the events come after those of the seeded default dataset, whose accounts stay. replace: the default events and the restricted admin are left out (when any file says so); the demo admin stays and sees every event.
   */
  mode?: 'extend' | 'replace'
  /**
   * Admins who can log in, besides the demo admin.
   */
  accounts?: FixtureAccount[]
  /**
   * The events this file adds, in the order the event list shows them.
   */
  events: FixtureEvent[]
}
export interface FixtureAccount {
  /**
   * Matched without regard to case.
   */
  username: string
  password: string
  /**
   * all, or the ids of the events this admin may view: this file's, another file's, or (with mode extend) the default dataset's.
   */
  events: 'all' | FixtureEventId[]
}
/**
 * One webcast. live is its scheduled window (sched_start, sched_end): live sessions fall in it, on-demand ones after it. simlive is the rebroadcast window of a live_simlive event, a day after the live one unless given.
 */
export interface FixtureEvent {
  /**
   * Seven digits, as `ei` takes it; unquoted in YAML it is a number, which is fine.
   */
  id: string | number
  title: string
  /**
   * live: a live broadcast; live_simlive: one followed by a simulated-live rebroadcast; on_demand: on-demand viewing only. Every kind is viewable on demand after the live window.
   */
  kind: 'live' | 'live_simlive' | 'on_demand'
  live: FixtureWindow
  simlive?: FixtureWindow
  expired?: boolean
  /**
   * The source tracking ids registrants come through; the explicit registrants' ones unless given. Generated registrants draw from these.
   */
  sti?: FixtureSti[]
  /**
   * Registrants given one by one; reports list them by registration time, then email.
   */
  registrants?: FixtureRegistrant[]
  generate?: FixtureGenerate
}
export interface FixtureWindow {
  /**
   * When it starts.
   */
  start: string
  /**
   * When it ends: after the start.
   */
  end: string
}
export interface FixtureRegistrant {
  /**
   * Unique within the event, without regard to case.
   */
  email: string
  /**
   * Empty unless given.
   */
  fname?: string
  /**
   * Empty unless given.
   */
  lname?: string
  /**
   * Empty unless given.
   */
  company?: string
  /**
   * Empty unless given.
   */
  title?: string
  /**
   * Empty unless given.
   */
  address1?: string
  /**
   * Empty unless given.
   */
  address2?: string
  /**
   * Empty unless given.
   */
  city?: string
  /**
   * Empty unless given.
   */
  state?: string
  /**
   * Empty unless given.
   */
  country?: string
  /**
   * Empty unless given.
   */
  postalcode?: string
  /**
   * Empty unless given.
   */
  phone?: string
  /**
   * When the registrant registered (reg_date); nothing of theirs happens before.
   */
  registered: string
  sti?: FixtureSti
  sessions?: FixtureSession[]
  questions?: FixtureQuestion[]
  surveys?: FixtureSurvey[]
}
export interface FixtureSession {
  /**
   * live: in the live window; simlive: in the rebroadcast window; on_demand: after the live window ends.
   */
  kind: 'live' | 'simlive' | 'on_demand'
  /**
   * When the viewer joined.
   */
  start: string
  /**
   * When the viewer left: after the start.
   */
  end: string
}
export interface FixtureQuestion {
  /**
   * When it was asked.
   */
  time: string
  text: string
}
export interface FixtureSurvey {
  question: string
  answer: string
  /**
   * When it was answered.
   */
  time: string
}
/**
 * Registrants generated as the default dataset's are, besides any given one by one.
 */
export interface FixtureGenerate {
  count: number
  /**
   * The same seed gives the same registrants; the dataset's seed (--seed) unless given.
   */
  seed?: number
  proportions?: FixtureProportions
  /**
   * Email domains with their weights (any positive numbers), in place of the generator's own corporate and free-mail domains.
   */
  domains?: {
    [k: string]: number | undefined
  }
  /**
   * The weight of each of the event's sti values, in place of an even draw.
   */
  sti_weights?: {
    [k: string]: number | undefined
  }
  /**
   * Registrations spread evenly from from_days to to_days after the live start (negative: before); -21 to 7 unless given.
   */
  registered?: {
    from_days: number
    to_days: number
  }
  /**
   * Typical minutes of a session of each way of watching: each is drawn from half to one and a half times it, within its window. Unless given: live and sim-live up to the window's length, on demand 2 to 40.
   */
  session_minutes?: {
    live?: number
    simlive?: number
    on_demand?: number
  }
}
/**
 * Fractions from 0 to 1; the default dataset's where left out. An event only has what its kind offers, and no one watches after 2026-11-27 or before registering.
 */
export interface FixtureProportions {
  /**
   * Registrants who watch nothing; unless given, it follows from the three below.
   */
  no_shows?: number
  /**
   * Registrants who watch live (default 0.45).
   */
  live?: number
  /**
   * Registrants who watch the sim-live rebroadcast (default 0.15).
   */
  simlive?: number
  /**
   * Registrants who watch on demand (default 0.2; 0.55 on on_demand events).
   */
  on_demand?: number
  /**
   * Live and sim-live viewers who ask questions (default 0.2).
   */
  qa?: number
  /**
   * Viewers who answer the survey (default 0.3).
   */
  survey?: number
  /**
   * Registrants who came through one of the event's sti values (default 0.6).
   */
  sti?: number
}
