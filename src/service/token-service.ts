import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { ROLES, isRole, type ApiToken, type Identity, type Role } from '../domain/access.js';
import { ConfigurationError, ConflictError, NotFoundError, ValidationError, fieldError } from '../domain/errors.js';
import type { FieldError } from '../domain/errors.js';
import type { Store } from '../storage/store.js';
import type { AuditService } from './audit-service.js';
import type { SessionService } from './session-service.js';

export interface TokenInput {
  name: string;
  role: string;
}

const NAME_MAX = 100;
/** Longer than any secret Jobdeck makes or an admin would set: not worth hashing. */
const SECRET_MAX = 1000;
/** JOBDECK_ADMIN_TOKEN is chosen by a person: below this it may be guessable. */
const ADMIN_SECRET_MIN = 32;

/** Only the hash is stored, so a stolen database copy grants no access. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** API tokens: each one a secret with a role. The secret is shown once, when it is made. */
export class TokenService {
  constructor(
    private readonly store: Store,
    private readonly audit: AuditService,
    private readonly clock: () => number = Date.now,
    private readonly sessions?: SessionService,
  ) {}

  async create(input: TokenInput, actor = 'system', requestId?: string): Promise<{ token: ApiToken; secret: string }> {
    const { name, role } = validate(input);
    // The prefix lets secret scanners and people recognise a leaked Jobdeck token.
    const secret = `jd_${randomBytes(32).toString('base64url')}`;
    const token = await this.#store(name, role, secret);
    await this.audit.record(actor, 'token.create', {
      details: { id: token.id, name, role },
      ...(requestId !== undefined && { requestId }),
    });
    return { token, secret };
  }

  list(): Promise<ApiToken[]> {
    return this.store.tokenList();
  }

  async revoke(id: string, actor = 'system', requestId?: string): Promise<ApiToken> {
    const token = await this.store.tokenRevoke(id);
    if (!token) throw new NotFoundError(`Token ${id} does not exist.`);
    // Sign-in sessions opened with it end too (they would be refused anyway: this says so at once).
    await this.sessions?.revokeAll({ kind: 'token', id });
    await this.audit.record(actor, 'token.revoke', {
      details: { id, name: token.name, role: token.role },
      ...(requestId !== undefined && { requestId }),
    });
    return token;
  }

  /** The identity a secret stands for, or null if it is unknown or revoked. */
  async authenticate(secret: string): Promise<Identity | null> {
    if (!secret || secret.length > SECRET_MAX) return null;
    const token = await this.store.tokenByHash(hashSecret(secret));
    return token ? { name: token.name, role: token.role, tokenId: token.id } : null;
  }

  /**
   * Makes sure someone can get in. `envSecret` (JOBDECK_ADMIN_TOKEN) is always honoured: stored
   * as an admin token if missing, whatever other tokens exist; it must be at least
   * ADMIN_SECRET_MIN characters, and a revoked one is refused (ConfigurationError, at start).
   * Without it and with no usable token, makes one and returns its secret to show once.
   */
  async ensureAdminToken(envSecret?: string): Promise<string | null> {
    if (envSecret === undefined || envSecret === '') {
      if ((await this.store.tokenCount()) > 0) return null;
      return (await this.create({ name: 'admin', role: 'admin' })).secret;
    }
    if (envSecret.length < ADMIN_SECRET_MIN || envSecret.length > SECRET_MAX) {
      throw new ConfigurationError(
        `JOBDECK_ADMIN_TOKEN must be ${ADMIN_SECRET_MIN} to ${SECRET_MAX} characters long (it has ${envSecret.length}); ` +
          'make one with: openssl rand -base64 32',
      );
    }
    try {
      await this.#store('admin', 'admin', envSecret);
      await this.audit.record('system', 'token.create', { details: { name: 'admin', role: 'admin' } });
      return null;
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
    }
    // Stored before (by an earlier start or another process), or revoked since.
    const stored = await this.store.tokenByHash(hashSecret(envSecret));
    if (!stored) {
      throw new ConfigurationError(
        'JOBDECK_ADMIN_TOKEN was revoked; it is refused from now on. Set a new secret (and revoke nothing you still use).',
      );
    }
    if (stored.role !== 'admin') {
      throw new ConfigurationError(
        `JOBDECK_ADMIN_TOKEN is the secret of the ${stored.role} token "${stored.name}", not of an admin token; set another secret.`,
      );
    }
    return null;
  }

  #store(name: string, role: Role, secret: string): Promise<ApiToken> {
    return this.store.tokenCreate({
      id: randomUUID(),
      name,
      role,
      created: new Date(this.clock()),
      lastUsed: null,
      revoked: null,
      tokenHash: hashSecret(secret),
    });
  }
}

function validate(input: TokenInput): { name: string; role: Role } {
  const errors: FieldError[] = [];
  const name = typeof input.name === 'string' ? input.name.trim() : '';
  if (!name) errors.push(fieldError('name', 'A name is required.'));
  else if (name.length > NAME_MAX) errors.push(fieldError('name', `At most ${NAME_MAX} characters.`));
  if (!isRole(input.role))
    errors.push(fieldError('role', `"${String(input.role)}" is not one of ${ROLES.join(', ')}.`));
  if (errors.length || !isRole(input.role)) throw new ValidationError('The token is not valid.', errors);
  return { name, role: input.role };
}
