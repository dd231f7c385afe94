export { buildServer, type ServerOptions, type LogOptions } from './build-server.js'
export { startMock, type MockOptions, type RunningMock } from './start-mock.js'
export { systemClock, type Clock } from './time/clock.js'
export { DEFAULT_LIMITS, type Limits } from './http/limits.js'
export { createDataset, type DatasetOptions, type Dataset } from '../fixtures/index.js'
export {
  loadFixtures, FixtureError, type FixtureMode, type FixtureSource, type LoadFixturesOptions, type LoadedFixtures,
  type FixtureProblem,
  type FixtureFile, type FixtureAccount, type FixtureEvent, type FixtureWindow, type FixtureRegistrant,
  type FixtureSession, type FixtureQuestion, type FixtureSurvey, type FixtureGenerate, type FixtureProportions,
} from '../fixtures/index.js'
export { Faults, type FaultsOptions, type FaultStatus } from './control/faults.js'
export {
  Fixtures, type FixturesState, type LoadedEvent, type LoadedAccount, type LoadOptions,
} from './control/fixtures.js'
export { FaultRuleError, type FaultRule, type FaultTimes, type LatencyRange } from './control/fault-rule.js'
export {
  Journal, type JournalEntry, type JournalFilter, type JournalOptions, type JournalOutcome,
} from './control/journal.js'
export type { ClockState, MockClock } from './time/mock-clock.js'
