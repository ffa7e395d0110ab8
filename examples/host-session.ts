// The host app's own sign-in, for the examples: a session id in a cookie, users in memory. A real
// app has its own (express-session, @fastify/session, passport, …); Jobdeck only asks who it is.
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';

const sessions = new Map<string, string>();

/** Signs `user` in: the Set-Cookie header value to send. */
export function signIn(user: string): string {
  const id = randomUUID();
  sessions.set(id, user);
  return `host_session=${id}; Path=/; HttpOnly; SameSite=Lax`;
}

/** The signed-in user of a request's Cookie header, if any. */
export function userOf(cookieHeader: string | undefined): string | undefined {
  const id = /(?:^|;\s*)host_session=([^;]+)/.exec(cookieHeader ?? '')?.[1];
  return id ? sessions.get(id) : undefined;
}

export function signOut(cookieHeader: string | undefined): string {
  const id = /(?:^|;\s*)host_session=([^;]+)/.exec(cookieHeader ?? '')?.[1];
  if (id) sessions.delete(id);
  return 'host_session=; Path=/; Max-Age=0';
}

/** Where a listening Node server answers, and how to close it (for the tests). */
export function serverHandle(server: Server): { url: string; close(): Promise<void> } {
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections(); // the admin's live event stream never ends on its own
      }),
  };
}
