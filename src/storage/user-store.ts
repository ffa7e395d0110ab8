import type { Role } from '../domain/access.js';
import type { User } from '../domain/user.js';

/** A new account, with its password hash (argon2id PHC string) or null. */
export type NewUser = Omit<User, 'hasPassword' | 'lastSignIn'> & { passwordHash: string | null };

export interface UserChanges {
  email?: string;
  name?: string;
  role?: Role;
  disabled?: boolean;
  passwordHash?: string | null;
  lastSignIn?: Date;
  oidc?: { issuer: string; subject: string };
}

/** What one-time tickets are for (sign_in_tickets.purpose). */
export type TicketPurpose = 'setup' | 'oidc';

/** Store verbs of people's accounts and one-time sign-in tickets (migration 0014). */
export interface UserStore {
  /** Stores an account; a taken e-mail (any case) or OpenID identity is a ConflictError. */
  userCreate(user: NewUser): Promise<User>;
  userGet(id: string): Promise<User | undefined>;
  /** The account with this e-mail (any case) and its password hash, for sign-in only. */
  userByEmail(email: string): Promise<{ user: User; passwordHash: string | null } | undefined>;
  userByOidc(issuer: string, subject: string): Promise<User | undefined>;
  /** Accounts by e-mail, at most `limit` (1000 at most). */
  userList(limit: number): Promise<User[]>;
  /** Changes an account; undefined if missing, ConflictError for a taken e-mail. */
  userUpdate(id: string, changes: UserChanges): Promise<User | undefined>;
  userCount(): Promise<number>;
  /** Stores a one-time ticket by its secret's hash (and forgets expired ones). */
  ticketCreate(ticket: { secretHash: string; purpose: TicketPurpose; data: string; expires: Date }): Promise<void>;
  /** Takes (deletes) a live ticket of this purpose: its data, or undefined if unknown, used or expired. */
  ticketTake(secretHash: string, purpose: TicketPurpose): Promise<string | undefined>;
}
