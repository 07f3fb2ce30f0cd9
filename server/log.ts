/** Where the server's lines go: injected, so tests and benchmarks can keep quiet or collect them. */
export interface Logger {
  info(line: string): void
  warn(line: string): void
}

/** Timestamped lines on stdout/stderr, tagged with the part of the server that wrote them. */
export function consoleLogger(tag: string): Logger {
  return {
    info: (line) => console.log(`${new Date().toISOString()} [${tag}] ${line}`),
    warn: (line) => console.warn(`${new Date().toISOString()} [${tag}] ${line}`),
  }
}
