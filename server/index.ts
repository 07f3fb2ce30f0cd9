/** The server as a library, for tests and benchmarks that start it in their own process. */
export { startServer, type AppServer, type AppServerOptions } from './app-server'
export { requestPath } from './static'
export {
  DEFAULT_LIMITS,
  startSignallingServer,
  type Limits,
  type SignallingOptions,
  type SignallingServer,
} from './signalling'
export { CSP_HEADER, CSP_META } from './csp'
