import { randomBytes, randomUUID } from 'node:crypto';
import { ROLES, isRole, type Identity, type Role } from '../domain/access.js';
import { ConflictError, NotFoundError, ValidationError, fieldError, type FieldError } from '../domain/errors.js';
import { EMAIL_MAX, PASSWORD_MAX, PASSWORD_MIN, USER_NAME_MAX, isEmail, type User } from '../domain/user.js';
import type { Store } from '../storage/store.js';
import type { UserChanges } from '../storage/user-store.js';
import type { AuditService } from './audit-service.js';
import { hashPassword, verifyPassword } from './password-hasher.js';
import type { SessionService } from './session-service.js';
import { hashSecret } from './token-service.js';

/** How long the first start's setup link works. */
const SETUP_LINK_MS = 24 * 3600_000;

export interface UserInput {
  email: string;
  name: string;
  role: string;
  password?: string | undefined;
}

export interface UserUpdate {
  email?: string | undefined;
  name?: string | undefined;
  role?: string | undefined;
  disabled?: boolean | undefined;
}

/** What an OpenID Connect provider says about a person who signed in (already mapped to a role). */
export interface OidcPerson {
  issuer: string;
  subject: string;
  email: string;
  name: string;
  role: Role;
}

type Audit = { actor?: string; requestId?: string | undefined };

/**
 * People's accounts: created by an admin (CLI, API, the first-start setup link) or on a first
 * OpenID Connect sign-in; passwords hashed with argon2id. Disabling an account ends its sessions.
 */
export class UserService {
  /** A hash verified for unknown e-mails, so they take as long as a wrong password. */
  #decoy: Promise<string> | undefined;

  constructor(
    private readonly store: Store,
    private readonly audit: AuditService,
    private readonly sessions: SessionService,
    private readonly clock: () => number = Date.now,
  ) {}

  async create(input: UserInput, { actor = 'system', requestId }: Audit = {}): Promise<User> {
    const errors: FieldError[] = [];
    const email = checkEmail(input.email, errors);
    const name = checkName(input.name, errors);
    const role = checkRole(input.role, errors);
    if (input.password !== undefined) checkPassword(input.password, errors);
    if (errors.length || !role) throw new ValidationError('The account is not valid.', errors);
    const now = new Date(this.clock());
    const user = await this.store.userCreate({
      id: randomUUID(),
      email,
      name,
      role,
      disabled: false,
      oidc: null,
      created: now,
      updated: now,
      passwordHash: input.password === undefined ? null : await hashPassword(input.password),
    });
    await this.#record(actor, 'user.create', user, requestId, { role });
    return user;
  }

  list(limit = 1000): Promise<User[]> {
    return this.store.userList(limit);
  }

  async get(id: string): Promise<User> {
    const user = await this.store.userGet(id);
    if (!user) throw new NotFoundError(`No account ${id}.`);
    return user;
  }

  /** The account by id, or by e-mail (any case): what the CLI's commands name. */
  async find(idOrEmail: string): Promise<User> {
    const user = idOrEmail.includes('@')
      ? (await this.store.userByEmail(idOrEmail))?.user
      : await this.store.userGet(idOrEmail);
    if (!user) throw new NotFoundError(`No account ${idOrEmail}.`);
    return user;
  }

  async update(id: string, input: UserUpdate, { actor = 'system', requestId }: Audit = {}): Promise<User> {
    const errors: FieldError[] = [];
    const changes: UserChanges = {};
    if (input.email !== undefined) changes.email = checkEmail(input.email, errors);
    if (input.name !== undefined) changes.name = checkName(input.name, errors);
    const role = input.role === undefined ? undefined : checkRole(input.role, errors);
    if (role) changes.role = role;
    if (input.disabled !== undefined) changes.disabled = input.disabled;
    if (errors.length) throw new ValidationError('The changes are not valid.', errors);
    const user = await this.store.userUpdate(id, changes);
    if (!user) throw new NotFoundError(`No account ${id}.`);
    // Its sessions would be refused at their next request anyway; ending them says so in the list.
    if (changes.disabled) await this.sessions.revokeAll({ kind: 'user', id });
    const { disabled, ...rest } = changes;
    await this.#record(
      actor,
      disabled === undefined ? 'user.update' : disabled ? 'user.disable' : 'user.enable',
      user,
      requestId,
      rest,
    );
    return user;
  }

  async setPassword(id: string, password: string, { actor = 'system', requestId }: Audit = {}): Promise<User> {
    const errors: FieldError[] = [];
    checkPassword(password, errors);
    if (errors.length) throw new ValidationError('The password is not valid.', errors);
    const user = await this.store.userUpdate(id, { passwordHash: await hashPassword(password) });
    if (!user) throw new NotFoundError(`No account ${id}.`);
    await this.#record(actor, 'user.password', user, requestId);
    return user;
  }

  /** A signed-in person changes their own password: the current one must be right. */
  async changeOwnPassword(id: string, current: string, next: string, requestId?: string): Promise<User> {
    const user = await this.get(id);
    const found = await this.store.userByEmail(user.email);
    const ok =
      current.length <= PASSWORD_MAX && !!found?.passwordHash && (await verifyPassword(found.passwordHash, current));
    if (!ok) throw new ValidationError('The current password is wrong.', [fieldError('current', 'Wrong password.')]);
    return this.setPassword(id, next, { actor: user.email, requestId });
  }

  /**
   * The account these credentials open, or null. An unknown e-mail costs one argon2 verification
   * like a wrong password, so timing does not tell which addresses have accounts.
   */
  async signInWithPassword(email: string, password: string): Promise<User | null> {
    if (email.length > EMAIL_MAX || password.length > PASSWORD_MAX) return null;
    const found = await this.store.userByEmail(email);
    const hash = found?.passwordHash ?? (await (this.#decoy ??= hashPassword(randomUUID())));
    const ok = await verifyPassword(hash, password);
    if (!ok || !found?.passwordHash || found.user.disabled) return null;
    return this.#signedIn(found.user);
  }

  /**
   * A person the provider vouched for: their account (found by issuer + subject, made on the
   * first sign-in) with the role mapped now; a disabled account gets `refused`.
   */
  async signInWithOidc(person: OidcPerson): Promise<User | { refused: string }> {
    let user = await this.store.userByOidc(person.issuer, person.subject);
    if (!user) {
      const now = new Date(this.clock());
      user = await this.store.userCreate({
        id: randomUUID(),
        email: person.email,
        name: person.name.slice(0, USER_NAME_MAX) || person.email,
        role: person.role,
        disabled: false,
        oidc: { issuer: person.issuer, subject: person.subject },
        created: now,
        updated: now,
        passwordHash: null,
      });
      await this.#record('system', 'user.create', user, undefined, { role: person.role, via: 'oidc' });
    }
    if (user.disabled) return { refused: `The account ${user.email} is disabled; ask an administrator.` };
    if (user.role !== person.role || user.email !== person.email) {
      const before = user.role;
      user = (await this.store.userUpdate(user.id, { role: person.role, email: person.email })) ?? user;
      if (before !== user.role)
        await this.#record('system', 'user.update', user, undefined, { role: user.role, via: 'oidc' });
    }
    return this.#signedIn(user);
  }

  /**
   * The first start's setup link: a one-time secret (24 h) that creates the first admin account,
   * made only while there is no account at all; null once there is one.
   */
  async setupSecret(): Promise<string | null> {
    if ((await this.store.userCount()) > 0) return null;
    const secret = `jdsetup_${randomBytes(24).toString('base64url')}`;
    const expires = new Date(this.clock() + SETUP_LINK_MS);
    await this.store.ticketCreate({ secretHash: hashSecret(secret), purpose: 'setup', data: '{}', expires });
    return secret;
  }

  /** Uses a setup secret (once) to create the first admin; refused once any account exists. */
  async setupFirstAdmin(secret: string, input: Omit<UserInput, 'role'> & { password: string }): Promise<User> {
    // Checked before the secret is spent: a typo in the form does not burn the link.
    const errors: FieldError[] = [];
    checkEmail(input.email, errors);
    checkName(input.name, errors);
    checkPassword(input.password, errors);
    if (errors.length) throw new ValidationError('The account is not valid.', errors);
    const ticket = secret.length <= 100 ? await this.store.ticketTake(hashSecret(secret), 'setup') : undefined;
    if (ticket === undefined) {
      throw new ValidationError('This setup link is unknown, used or expired; restart the server for a new one.', [
        fieldError('token', 'Unknown, used or expired.'),
      ]);
    }
    if ((await this.store.userCount()) > 0) throw new ConflictError('An account exists already: sign in instead.');
    const user = await this.create({ ...input, role: 'admin' }, { actor: 'setup' });
    return this.#signedIn(user);
  }

  /** Who a user session stands for: null once the account is gone or disabled. */
  async identityOf(id: string): Promise<Identity | null> {
    const user = await this.store.userGet(id);
    return user && !user.disabled ? { name: user.email, role: user.role, userId: user.id } : null;
  }

  async #signedIn(user: User): Promise<User> {
    return (await this.store.userUpdate(user.id, { lastSignIn: new Date(this.clock()) })) ?? user;
  }

  async #record(actor: string, action: string, user: User, requestId: string | undefined, more: object = {}) {
    await this.audit.record(actor, action, {
      details: { id: user.id, email: user.email, ...more },
      ...(requestId !== undefined && { requestId }),
    });
  }
}

function checkEmail(value: unknown, errors: FieldError[]): string {
  const email = typeof value === 'string' ? value.trim() : '';
  if (!isEmail(email)) errors.push(fieldError('email', `An e-mail address (at most ${EMAIL_MAX} characters).`));
  return email;
}

function checkName(value: unknown, errors: FieldError[]): string {
  const name = typeof value === 'string' ? value.trim() : '';
  if (!name) errors.push(fieldError('name', 'A name is required.'));
  else if (name.length > USER_NAME_MAX) errors.push(fieldError('name', `At most ${USER_NAME_MAX} characters.`));
  return name;
}

function checkRole(value: unknown, errors: FieldError[]): Role | undefined {
  if (isRole(value)) return value;
  errors.push(fieldError('role', `"${String(value)}" is not one of ${ROLES.join(', ')}.`));
  return undefined;
}

function checkPassword(value: unknown, errors: FieldError[]): void {
  const length = typeof value === 'string' ? [...value].length : 0;
  if (length < PASSWORD_MIN || length > PASSWORD_MAX) {
    errors.push(fieldError('password', `${PASSWORD_MIN} to ${PASSWORD_MAX} characters.`));
  }
}
