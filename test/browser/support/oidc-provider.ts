import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
// oidc-provider ships no types; the test drives it through a few calls only.
// @ts-expect-error no type declarations
import Provider from 'oidc-provider';

/** The test provider's people: their login is their subject; groups feed the role mapping. */
const PEOPLE: Record<string, { email: string; name: string; groups: string[] }> = {
  alice: { email: 'alice@example.org', name: 'Alice Admin', groups: ['jobdeck-admins', 'staff'] },
  bob: { email: 'bob@example.org', name: 'Bob Outsider', groups: ['staff'] },
  carol: { email: 'carol@example.org', name: 'Carol Operator', groups: ['jobdeck-operators'] },
};

export interface TestProvider {
  issuer: string;
  /** Starts serving, with Jobdeck's callback as the client's only redirect URI. */
  listen(jobdeckUrl: string): Promise<void>;
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  const probe: Server = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/**
 * The certified `oidc-provider` on loopback, with its development login page (any password) and
 * a `groups` claim. Jobdeck discovers it lazily, so its issuer is fixed first and it starts once
 * Jobdeck's own address (the redirect URI) is known.
 */
export async function testProvider(): Promise<TestProvider> {
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  let server: import('node:http').Server | undefined;
  return {
    issuer,
    async listen(jobdeckUrl) {
      const provider = new Provider(issuer, {
        clients: [
          {
            client_id: 'jobdeck',
            client_secret: 'test-secret-of-the-jobdeck-client',
            redirect_uris: [`${jobdeckUrl}/api/oidc/callback`],
          },
        ],
        claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'], groups: ['groups'] },
        scopes: ['openid', 'email', 'profile', 'groups'],
        pkce: { required: () => true },
        // Claims in the ID token itself, as Keycloak's group mapper puts them.
        conformIdTokenClaims: false,
        findAccount: (_ctx: unknown, sub: string) => {
          const person = PEOPLE[sub];
          if (!person) return undefined;
          return { accountId: sub, claims: () => ({ sub, ...person, email_verified: true }) };
        },
        cookies: { keys: ['test-cookie-key-not-secret'] },
      });
      server = provider.listen(port) as import('node:http').Server;
      await new Promise<void>((resolve) => server!.once('listening', () => resolve()));
    },
    async close() {
      await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    },
  };
}
