// How a failed connection reaches a program. A real `connect(2)` fails with an errno —
// ECONNREFUSED when nothing listens on the port, EHOSTUNREACH when no route leads to the address —
// and `getaddrinfo(3)` fails when a name does not resolve. The simulated network stack rejects
// `request` with an error carrying that errno as `code` (Node's convention too); programs turn it
// into their own words (`Could not connect to Redis at db:6379: Connection refused`). `listen`
// on a port already taken throws the same way with EADDRINUSE, as bind(2) fails.

export type SocketErrno = 'ECONNREFUSED' | 'EHOSTUNREACH' | 'ETIMEDOUT' | 'ENOTFOUND' | 'EADDRINUSE';

/** strerror(3) texts (the same in musl and glibc for these), and getaddrinfo's for a bad name. */
export const SOCKET_REASONS: Readonly<Record<SocketErrno, string>> = {
  ECONNREFUSED: 'Connection refused',
  EHOSTUNREACH: 'No route to host',
  ETIMEDOUT: 'Connection timed out',
  ENOTFOUND: 'Name or service not known',
  EADDRINUSE: 'Address already in use',
};

/** The errno of a failed `net.request`, or undefined when the error is something else. */
export function socketErrnoOf(err: unknown): SocketErrno | undefined {
  if (typeof err !== 'object' || err === null || !('code' in err)) return undefined;
  const code = (err as { code: unknown }).code;
  return typeof code === 'string' && code in SOCKET_REASONS ? (code as SocketErrno) : undefined;
}

/** An error in the shape the network stack rejects with (used by test networks). */
export function socketError(code: SocketErrno, host: string, port: number): Error & { code: SocketErrno } {
  return Object.assign(new Error(`connect ${code} ${host}:${port}`), { code });
}
