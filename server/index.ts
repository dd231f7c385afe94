export { buildServer, type ServerOptions, type LogOptions } from './build-server.js'
export { startMock, type MockOptions, type RunningMock } from './start-mock.js'
export { systemClock, type Clock } from './clock.js'
export { createDataset, type DatasetOptions, type Dataset } from '../fixtures/index.js'
