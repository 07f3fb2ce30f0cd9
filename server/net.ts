/** Small helpers around node:http shared by the app server and the signalling server. */
import type http from 'node:http'

/** Listen, resolving with the port actually bound (useful with port 0). */
export function listen(server: http.Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      const address = server.address()
      resolve(typeof address === 'object' && address ? address.port : port)
    })
  })
}

/** Close a server and every connection it still holds (keep-alive ones included). */
export function closeHttp(server: http.Server): Promise<void> {
  server.closeAllConnections()
  return new Promise((resolve) => server.close(() => resolve()))
}

/** Answer a WebSocket upgrade request with a bare HTTP status, closing the socket. */
export function refuseUpgrade(socket: { end(text: string): unknown }, status: string): void {
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`)
}

/** A whole number from the environment, or the fallback when unset or empty. */
export function intFromEnv(name: string, fallback: number): number {
  const value = process.env[name]
  if (value === undefined || value === '') return fallback
  const n = Number(value)
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new Error(`${name} must be a whole number, got "${value}"`)
  }
  return n
}

/** A port number from the environment (0 picks a free one), or the fallback. */
export function portFromEnv(name: string, fallback: number): number {
  const value = process.env[name]
  const n = value === undefined || value === '' ? fallback : Number(value)
  if (!Number.isInteger(n) || n < 0 || n > 65535) {
    throw new Error(`${name} must be a port number (0-65535), got "${value ?? ''}".`)
  }
  return n
}
