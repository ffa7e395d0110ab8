import type { User } from '../domain/user.js';

/** An account on the wire (snake_case, ISO times): never a password hash, which a User does not hold. */
export interface UserWire {
  id: string;
  email: string;
  name: string;
  role: string;
  disabled: boolean;
  has_password: boolean;
  oidc_issuer: string | null;
  created: string;
  updated: string;
  last_sign_in: string | null;
}

export function userToWire(user: User): UserWire {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    disabled: user.disabled,
    has_password: user.hasPassword,
    oidc_issuer: user.oidc?.issuer ?? null,
    created: user.created.toISOString(),
    updated: user.updated.toISOString(),
    last_sign_in: user.lastSignIn?.toISOString() ?? null,
  };
}
