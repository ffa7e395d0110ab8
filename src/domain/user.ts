import type { Role } from './access.js';

/**
 * A person's account (migration 0014). Signs in with an e-mail and password, or through an
 * OpenID Connect provider (then `oidc` names the provider's issuer and the person's subject
 * there). The password hash never leaves the service layer: `hasPassword` says whether one is set.
 */
export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  disabled: boolean;
  hasPassword: boolean;
  oidc: { issuer: string; subject: string } | null;
  created: Date;
  updated: Date;
  lastSignIn: Date | null;
}

export const EMAIL_MAX = 254;
export const USER_NAME_MAX = 100;
/** NIST SP 800-63B: at least 8, allow at least 64; 10 keeps short guessable ones out. */
export const PASSWORD_MIN = 10;
/** Past this a password is a file, not a secret; argon2 would hash it but need not. */
export const PASSWORD_MAX = 256;

/** Loose on purpose: the provider or the admin vouches for the address; this keeps typos out. */
export function isEmail(value: string): boolean {
  return value.length <= EMAIL_MAX && /^[^\s@]+@[^\s@]+$/.test(value);
}
