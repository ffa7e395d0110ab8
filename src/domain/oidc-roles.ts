import { ROLES, type Role } from './access.js';

/**
 * Which role a person gets from their identity provider's claims: the claim (`groups` by default,
 * a dotted path such as `realm_access.roles` reaches into objects) holds a group name or a list
 * of them; the highest role any of them maps to wins; none maps → `otherwise` (default: refuse).
 */
export interface RoleMapping {
  roleClaim?: string | undefined;
  roles?: Partial<Record<Role, string[]>> | undefined;
  otherwise?: 'refuse' | 'viewer' | undefined;
}

/** The claim's values as strings: a string, or the strings of an array; nothing else counts. */
export function claimValues(claims: Record<string, unknown>, path: string): string[] {
  let value: unknown = claims;
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object') return [];
    value = (value as Record<string, unknown>)[part];
  }
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** The role for these claims, or null: refused. */
export function mapRole(claims: Record<string, unknown>, mapping: RoleMapping): Role | null {
  const groups = new Set(claimValues(claims, mapping.roleClaim ?? 'groups'));
  // ROLES runs from the highest: the first role with a matching group is the best one.
  const role = ROLES.find((r) => (mapping.roles?.[r] ?? []).some((group) => groups.has(group)));
  if (role) return role;
  return mapping.otherwise === 'viewer' ? 'viewer' : null;
}
