import type { FixtureFile } from '../../contracts/fixture-types.generated.js'
import { indexDataset, type Dataset, type EventKind } from '../../fixtures/dataset.js'
import { loadFixturesOnto, type FixtureMode } from '../../fixtures/load-fixtures.js'

/** An event as {@link Fixtures.list} shows it. */
export interface LoadedEvent {
  readonly id: string
  readonly title: string
  readonly kind: EventKind
  /** The live window's start and end, ISO 8601 in UTC. */
  readonly start: string
  readonly end: string
  readonly registrants: number
}

/** An account as {@link Fixtures.list} shows it. */
export interface LoadedAccount {
  readonly username: string
  /** The events it may view: `'all'`, or their ids. */
  readonly events: 'all' | readonly string[]
}

/** What a mock serves now: plain data, as the control API sends it. */
export interface FixturesState {
  /** Counts the changes since the mock started, from 0; a report cached before a change is not served after it. */
  readonly generation: number
  readonly accounts: readonly LoadedAccount[]
  readonly events: readonly LoadedEvent[]
}

/** How {@link Fixtures.load} reads a fixture. */
export interface LoadOptions {
  /** `extend` (add to what is served) or `replace` (in place of it); the fixture's own `mode` unless given. */
  readonly mode?: FixtureMode
  /** The name its problems carry (`name:line:column: …`); `fixture` unless given. */
  readonly name?: string
}

const iso = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z')

/**
 * The data a running mock serves, replaceable while it runs: load a fixture (extend or replace),
 * remove an event, go back to the dataset it started with. The server reads `dataset` once per
 * request, so a change is seen by the next request, and `generation` keys the report cache, so no
 * report of the data before a change is served after it.
 *
 * Sessions are signed for a user id, which is a function of the username: a session stays valid
 * across changes as long as an account of that username is served, and is `invalid_session` (as if
 * never issued) once none is, e.g. after `replace` left the restricted admin out.
 *
 * @example
 * await mock.fixtures.load({ events: [{ id: 7000001, title: 'Launch', kind: 'live', live }] })
 * mock.fixtures.removeEvent('7000001') // true
 * mock.fixtures.reset()
 */
export class Fixtures {
  readonly #initial: Dataset
  #dataset: Dataset
  #generation = 0

  constructor (initial: Dataset) {
    this.#initial = initial
    this.#dataset = initial
  }

  /** The data served now. */
  get dataset (): Dataset {
    return this.#dataset
  }

  get generation (): number {
    return this.#generation
  }

  /**
   * Loads a fixture: an object of the fixture schema (`contracts/fixtures.schema.json`), or its
   * text in YAML or JSON. Rejects with a `FixtureError` listing every problem, and then nothing
   * served changes.
   */
  async load (fixture: FixtureFile | string, options: LoadOptions = {}): Promise<FixturesState> {
    const name = options.name ?? 'fixture'
    const source = typeof fixture === 'string' ? { name, text: fixture } : { name, fixture }
    for (;;) {
      const base = this.#dataset
      const { dataset } = await loadFixturesOnto(base, source, options.mode)
      // Loading waits for the loader's modules: a change made meanwhile is loaded onto, not lost.
      if (base !== this.#dataset) continue
      this.#change(dataset)
      return this.list()
    }
  }

  /** Removes an event; false when none has the id. Its reports then answer `event_not_found`. */
  removeEvent (id: string): boolean {
    const { seed, accounts, events } = this.#dataset
    const kept = events.filter((event) => event.id !== id)
    if (kept.length === events.length) return false
    this.#change(indexDataset({ seed, accounts, events: kept }))
    return true
  }

  /** Serves the dataset the mock started with again. */
  reset (): void {
    this.#change(this.#initial)
  }

  /** The accounts and events served now. */
  list (): FixturesState {
    return {
      generation: this.#generation,
      accounts: this.#dataset.accounts.map((account) => ({
        username: account.username,
        events: account.visibleEventIds === 'all' ? 'all' : [...account.visibleEventIds],
      })),
      events: this.#dataset.events.map((event) => ({
        id: event.id,
        title: event.title,
        kind: event.kind,
        start: iso(event.schedStart),
        end: iso(event.schedEnd),
        registrants: event.registrantCount,
      })),
    }
  }

  #change (dataset: Dataset): void {
    this.#dataset = dataset
    this.#generation++
  }
}
