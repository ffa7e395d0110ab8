/** The native argon2 module is loaded at the first hash: an idle process never needs it. */
const argon2 = () => import('@node-rs/argon2');

/**
 * argon2id at OWASP's recommended minimum (Password Storage Cheat Sheet: m=19 MiB, t=2, p=1),
 * about 15 ms a hash on one core: slow for a guesser, not for a sign-in.
 */
const PARAMETERS = {
  algorithm: 2 /* Algorithm.Argon2id (a const enum) */,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

export function hashPassword(password: string): Promise<string> {
  return argon2().then(({ hash }) => hash(password, PARAMETERS));
}

/** False for a wrong password and for a hash that is not one (never throws for those). */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  const { verify } = await argon2();
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
