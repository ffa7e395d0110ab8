import { sql, type Selectable } from 'kysely';
import type { Role } from '../domain/access.js';
import { ConflictError } from '../domain/errors.js';
import type { User } from '../domain/user.js';
import { isUniqueViolation } from './access-queries.js';
import type { QueryContext } from './job-queries.js';
import type { UsersTable } from './schema.js';
import type { NewUser, TicketPurpose, UserChanges } from './user-store.js';

const LIST_MAX = 1000;

function userFromRow(row: Selectable<UsersTable>): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role as Role,
    disabled: Boolean(row.disabled),
    hasPassword: row.password_hash !== null,
    oidc: row.oidc_issuer && row.oidc_subject ? { issuer: row.oidc_issuer, subject: row.oidc_subject } : null,
    created: new Date(Number(row.created_at)),
    updated: new Date(Number(row.updated_at)),
    lastSignIn: row.last_sign_in_at === null ? null : new Date(Number(row.last_sign_in_at)),
  };
}

function conflict(error: unknown): never {
  if (isUniqueViolation(error)) {
    throw new ConflictError('Another account has this e-mail address (or this OpenID Connect identity).');
  }
  throw error;
}

export async function userCreate({ db, traits }: QueryContext, user: NewUser): Promise<User> {
  try {
    const row = await db
      .insertInto('users')
      .values({
        id: user.id,
        email: user.email,
        name: user.name,
        role: user.role,
        password_hash: user.passwordHash,
        disabled: traits.bool(user.disabled) as number,
        oidc_issuer: user.oidc?.issuer ?? null,
        oidc_subject: user.oidc?.subject ?? null,
        created_at: user.created.getTime(),
        updated_at: user.updated.getTime(),
        last_sign_in_at: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return userFromRow(row);
  } catch (error) {
    return conflict(error);
  }
}

export async function userGet({ db }: QueryContext, id: string): Promise<User | undefined> {
  const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  return row && userFromRow(row);
}

export async function userByEmail(
  { db }: QueryContext,
  email: string,
): Promise<{ user: User; passwordHash: string | null } | undefined> {
  const row = await db
    .selectFrom('users')
    .selectAll()
    .where(sql<string>`lower(email)`, '=', email.toLowerCase())
    .executeTakeFirst();
  return row && { user: userFromRow(row), passwordHash: row.password_hash };
}

export async function userByOidc({ db }: QueryContext, issuer: string, subject: string): Promise<User | undefined> {
  const row = await db
    .selectFrom('users')
    .selectAll()
    .where('oidc_issuer', '=', issuer)
    .where('oidc_subject', '=', subject)
    .executeTakeFirst();
  return row && userFromRow(row);
}

export async function userList({ db }: QueryContext, limit: number): Promise<User[]> {
  const rows = await db
    .selectFrom('users')
    .selectAll()
    .orderBy(sql`lower(email)`)
    .limit(Math.min(Math.max(1, limit), LIST_MAX))
    .execute();
  return rows.map(userFromRow);
}

export async function userUpdate(ctx: QueryContext, id: string, changes: UserChanges): Promise<User | undefined> {
  const set: Partial<Selectable<UsersTable>> = { updated_at: ctx.now() };
  if (changes.email !== undefined) set.email = changes.email;
  if (changes.name !== undefined) set.name = changes.name;
  if (changes.role !== undefined) set.role = changes.role;
  if (changes.disabled !== undefined) set.disabled = ctx.traits.bool(changes.disabled) as number;
  if (changes.passwordHash !== undefined) set.password_hash = changes.passwordHash;
  if (changes.lastSignIn !== undefined) set.last_sign_in_at = changes.lastSignIn.getTime();
  if (changes.oidc !== undefined) {
    set.oidc_issuer = changes.oidc.issuer;
    set.oidc_subject = changes.oidc.subject;
  }
  try {
    const row = await ctx.db.updateTable('users').set(set).where('id', '=', id).returningAll().executeTakeFirst();
    return row && userFromRow(row);
  } catch (error) {
    return conflict(error);
  }
}

export async function userCount({ db }: QueryContext): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function ticketCreate(
  ctx: QueryContext,
  ticket: { secretHash: string; purpose: TicketPurpose; data: string; expires: Date },
): Promise<void> {
  // Abandoned sign-ins leave tickets behind: each new one clears the expired.
  await ctx.db.deleteFrom('sign_in_tickets').where('expires_at', '<=', ctx.now()).execute();
  await ctx.db
    .insertInto('sign_in_tickets')
    .values({
      secret_hash: ticket.secretHash,
      purpose: ticket.purpose,
      data: ticket.data,
      expires_at: ticket.expires.getTime(),
    })
    .execute();
}

/** One statement deletes and returns it: two takers of one ticket cannot both get it. */
export async function ticketTake(
  ctx: QueryContext,
  secretHash: string,
  purpose: TicketPurpose,
): Promise<string | undefined> {
  const row = await ctx.db
    .deleteFrom('sign_in_tickets')
    .where('secret_hash', '=', secretHash)
    .where('purpose', '=', purpose)
    .returning(['data', 'expires_at'])
    .executeTakeFirst();
  if (!row || Number(row.expires_at) <= ctx.now()) return undefined;
  return row.data;
}
