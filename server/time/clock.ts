/** Milliseconds since the epoch. Injected so that tests and replicas can fix time. */
export type Clock = () => number

/** The wall clock, for the entry file and `startMock`. */
export const systemClock: Clock = () => Date.now()
