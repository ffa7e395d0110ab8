import { ROLES, type Role } from '../domain/access.js';
import { ConfigurationError } from '../domain/errors.js';
import type { RoleMapping } from '../domain/oidc-roles.js';

/** Sign-in through an OpenID Connect provider (docs/sign-in.md). */
export interface OidcConfig extends RoleMapping {
  /** The provider's issuer URL; its `/.well-known/openid-configuration` is read at the first sign-in. */
  issuer: string;
  clientId: string;
  /** Omit for a public client (PKCE alone). */
  clientSecret?: string | undefined;
  /** Default `openid email profile`; add what carries the role claim (e.g. `groups`). */
  scopes?: string[] | undefined;
  /** The button's words: "Sign in with <label>" (default "your organisation"). */
  label?: string | undefined;
}

const list = (value: string | undefined) =>
  value
    ?.split(/[\s,]+/)
    .map((item) => item.trim())
    .filter(Boolean);

/**
 * The OpenID Connect settings in force: the config file's, with JOBDECK_OIDC_* filling what it
 * leaves out; null when no issuer is set (no "Sign in with …" button).
 */
export function resolveOidcConfig(
  config: OidcConfig | undefined,
  env: NodeJS.ProcessEnv = process.env,
): OidcConfig | null {
  const roles: Partial<Record<Role, string[]>> = { ...config?.roles };
  for (const role of ROLES) {
    const groups = list(env[`JOBDECK_OIDC_${role.toUpperCase()}_GROUPS`]);
    if (groups && !roles[role]) roles[role] = groups;
  }
  const merged = {
    issuer: config?.issuer ?? env.JOBDECK_OIDC_ISSUER ?? '',
    clientId: config?.clientId ?? env.JOBDECK_OIDC_CLIENT_ID ?? '',
    clientSecret: config?.clientSecret ?? (env.JOBDECK_OIDC_CLIENT_SECRET || undefined),
    scopes: config?.scopes ?? list(env.JOBDECK_OIDC_SCOPES) ?? ['openid', 'email', 'profile'],
    label: config?.label ?? env.JOBDECK_OIDC_LABEL ?? 'your organisation',
    roleClaim: config?.roleClaim ?? env.JOBDECK_OIDC_ROLE_CLAIM ?? 'groups',
    roles,
    otherwise: config?.otherwise ?? (env.JOBDECK_OIDC_OTHERWISE as OidcConfig['otherwise']) ?? 'refuse',
  };
  if (!merged.issuer) return null;
  const problems: string[] = [];
  if (!/^https?:\/\//i.test(merged.issuer)) problems.push('the issuer must be an http(s) URL');
  if (!merged.clientId) problems.push('a client id is required (JOBDECK_OIDC_CLIENT_ID)');
  if (!merged.scopes.includes('openid')) problems.push('the scopes must include "openid"');
  if (merged.otherwise !== 'refuse' && merged.otherwise !== 'viewer')
    problems.push(`otherwise must be "refuse" or "viewer", not "${String(merged.otherwise)}"`);
  for (const key of Object.keys(merged.roles)) {
    if (!(ROLES as readonly string[]).includes(key))
      problems.push(`roles has "${key}", not one of ${ROLES.join(', ')}`);
  }
  if (problems.length) throw new ConfigurationError(`OpenID Connect settings: ${problems.join('; ')}.`);
  return merged;
}
