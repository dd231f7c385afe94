import { DATA_AS_OF } from '../../fixtures/generate-registrant.js'
import { systemClock, type Clock } from './clock.js'

/** What a mock's clock says of itself, for the control API and a test's assertions. */
export interface ClockState {
  /** The time the mock shows, ISO 8601 in UTC. */
  readonly now: string
  /** The moment the data stands at: what has happened by then is what reports show. */
  readonly dataAsOf: string
  /** Stopped: the time does not pass until resumed. */
  readonly frozen: boolean
  /** Set or moved by a test: the data follows the time shown, instead of standing at its fixed moment. */
  readonly moved: boolean
}

/**
 * The one clock a mock reads: the time in every envelope, when sessions expire, whether an event
 * is expired, and what has happened (viewing, questions, survey answers). It runs with the wall
 * clock, the data standing at its fixed moment, until a test sets, advances or freezes it; from
 * then on the data follows the time shown, so that moving it through an event's live window
 * fills its report up.
 *
 * @example
 * mock.clock.set(Date.UTC(2027, 1, 10, 18, 30)) // half-way through event 3176865's live window
 * mock.clock.advance(60 * 60 * 1000)             // an hour later: its report is complete
 */
export interface MockClock {
  /** The time shown, in ms since the epoch. */
  now: () => number
  /** The moment the data stands at, in ms since the epoch. */
  dataNow: () => number
  /** Shows this moment from now on (still running, unless frozen). */
  set: (epochMs: number) => void
  /** Moves the time shown forward (or back, with a negative number). */
  advance: (ms: number) => void
  /** Stops the time where it is. */
  freeze: () => void
  /** Lets the time run again, from where it stands. */
  resume: () => void
  state: () => ClockState
}

/**
 * A clock for a mock, over a base clock (the wall clock unless given).
 *
 * @example
 * const clock = createMockClock()
 * clock.freeze()
 */
export function createMockClock (base: Clock = systemClock, dataAsOf = DATA_AS_OF): MockClock {
  let offset = 0
  let frozenAt: number | undefined
  let moved = false
  const now = (): number => frozenAt ?? base() + offset
  const check = (value: number, what: string): void => {
    if (!Number.isFinite(value)) throw new RangeError(`${what} must be a finite number of milliseconds, not ${value}`)
  }
  return {
    now,
    dataNow: () => (moved ? now() : dataAsOf),
    set: (epochMs) => {
      check(epochMs, 'the time')
      moved = true
      if (frozenAt === undefined) offset = epochMs - base()
      else frozenAt = epochMs
    },
    advance: (ms) => {
      check(ms, 'the step')
      moved = true
      if (frozenAt === undefined) offset += ms
      else frozenAt += ms
    },
    freeze: () => {
      moved = true
      frozenAt = now()
    },
    resume: () => {
      if (frozenAt === undefined) return
      offset = frozenAt - base()
      frozenAt = undefined
    },
    state: () => ({
      now: new Date(now()).toISOString(),
      dataAsOf: new Date(moved ? now() : dataAsOf).toISOString(),
      frozen: frozenAt !== undefined,
      moved,
    }),
  }
}
