import type * as OpenidClient from 'openid-client';
import { ConflictError } from '../domain/errors.js';
import { claimValues, mapRole } from '../domain/oidc-roles.js';
import type { User } from '../domain/user.js';
import { EMAIL_MAX, isEmail } from '../domain/user.js';
import type { Store } from '../storage/store.js';
import type { OidcConfig } from './oidc-config.js';
import { hashSecret } from './token-service.js';
import type { UserService } from './user-service.js';

/** A sign-in at the provider must come back within this. */
const STATE_MS = 10 * 60_000;
const STATE_MAX = 100;

/** The ticket kept while the person is at the provider (by the state's hash, taken once). */
interface Pending {
  verifier: string;
  nonce: string;
  next: string;
  redirectUri: string;
}

/** openid-client is loaded at the first sign-in: a process that never signs anyone in keeps it out of memory. */
const openidClient = (): Promise<typeof OpenidClient> => import('openid-client');

export type OidcOutcome = { user: User; next: string } | { refused: string };

/** Only paths of the admin itself: a crafted `next` cannot send the person elsewhere. */
function safeNext(next: string | undefined): string {
  return next && /^\/(?![/\\])/.test(next) && next.length <= 500 ? next : '/overview';
}

/**
 * Sign-in through an OpenID Connect provider with openid-client: authorization code + PKCE,
 * discovery, state and nonce kept server-side (a one-time ticket, 10 min), the ID token verified
 * by the library (signature, issuer, audience, expiry, nonce). The role comes from a claim
 * (domain/oidc-roles.ts), read from the ID token or else from the userinfo endpoint.
 */
export class OidcService {
  readonly label: string;
  #configuration: Promise<OpenidClient.Configuration> | undefined;

  constructor(
    private readonly config: OidcConfig,
    private readonly store: Store,
    private readonly users: UserService,
    private readonly clock: () => number = Date.now,
  ) {
    this.label = config.label ?? 'your organisation';
  }

  /** The provider's address to send the person to; the state goes into their browser's cookie too. */
  async begin(redirectUri: string, next: string | undefined): Promise<{ url: string; state: string }> {
    const configuration = await this.#discover();
    const client = await openidClient();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const verifier = client.randomPKCECodeVerifier();
    const pending: Pending = { verifier, nonce, next: safeNext(next), redirectUri };
    await this.store.ticketCreate({
      secretHash: hashSecret(state),
      purpose: 'oidc',
      data: JSON.stringify(pending),
      expires: new Date(this.clock() + STATE_MS),
    });
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: redirectUri,
      scope: (this.config.scopes ?? ['openid', 'email', 'profile']).join(' '),
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { url: url.href, state };
  }

  /**
   * The provider's answer: `query` is the callback's query string, `browserState` the state
   * cookie of the browser that began the sign-in (a link forged for another browser fails).
   */
  async finish(query: URLSearchParams, browserState: string | undefined): Promise<OidcOutcome> {
    const state = query.get('state') ?? '';
    if (query.has('error')) {
      const why = (query.get('error_description') ?? query.get('error') ?? '').slice(0, 300);
      return { refused: `The identity provider did not sign you in: ${why}` };
    }
    if (!state || state.length > STATE_MAX || state !== browserState) {
      return { refused: 'This sign-in could not be verified (its state does not match this browser). Start again.' };
    }
    const data = await this.store.ticketTake(hashSecret(state), 'oidc');
    if (data === undefined) return { refused: 'This sign-in expired or was used already. Start again.' };
    const pending = JSON.parse(data) as Pending;
    let claims: Record<string, unknown>;
    try {
      const configuration = await this.#discover();
      const client = await openidClient();
      const callback = new URL(pending.redirectUri);
      callback.search = query.toString();
      const tokens = await client.authorizationCodeGrant(configuration, callback, {
        pkceCodeVerifier: pending.verifier,
        expectedState: state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      claims = { ...tokens.claims() };
      // Some providers (and scopes) put the groups and e-mail in userinfo only.
      const roleClaim = this.config.roleClaim ?? 'groups';
      if (claimValues(claims, roleClaim).length === 0 || typeof claims.email !== 'string') {
        const info = await client.fetchUserInfo(configuration, tokens.access_token, String(claims.sub));
        claims = { ...info, ...claims };
        if (claimValues(claims, roleClaim).length === 0) claims[roleClaim] = info[roleClaim];
      }
    } catch (error) {
      return { refused: `The identity provider's answer could not be verified: ${(error as Error).message}` };
    }
    const email = typeof claims.email === 'string' ? claims.email : '';
    if (!isEmail(email) || email.length > EMAIL_MAX) {
      return { refused: 'The identity provider gave no e-mail address; ask an administrator to add the email scope.' };
    }
    const role = mapRole(claims, this.config);
    if (!role) {
      return { refused: `${email} is not in a group that may use Jobdeck; ask an administrator for access.` };
    }
    const name = typeof claims.name === 'string' ? claims.name : email;
    try {
      const outcome = await this.users.signInWithOidc({
        issuer: String(claims.iss),
        subject: String(claims.sub),
        email,
        name,
        role,
      });
      return 'refused' in outcome ? outcome : { user: outcome, next: pending.next };
    } catch (error) {
      if (error instanceof ConflictError) {
        return { refused: `An account with the address ${email} exists already and is not linked to this provider.` };
      }
      throw error;
    }
  }

  /** Discovery once; a failure (provider down) is tried again at the next sign-in. */
  #discover(): Promise<OpenidClient.Configuration> {
    this.#configuration ??= this.#fetchConfiguration().catch((error: unknown) => {
      this.#configuration = undefined;
      throw error;
    });
    return this.#configuration;
  }

  async #fetchConfiguration(): Promise<OpenidClient.Configuration> {
    const client = await openidClient();
    const issuer = new URL(this.config.issuer);
    // http only for a provider on this machine (tests, development); anywhere else https.
    const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(issuer.hostname);
    return client.discovery(
      issuer,
      this.config.clientId,
      this.config.clientSecret,
      this.config.clientSecret ? client.ClientSecretBasic(this.config.clientSecret) : client.None(),
      loopback ? { execute: [client.allowInsecureRequests] } : undefined,
    );
  }
}
