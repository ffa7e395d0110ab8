import { ROLES, can, type Role } from '../domain/access.js';
import type { RouteAccess } from './auth.js';

/** One API route and who may call it, as its guard says. */
export interface RouteRule {
  method: string;
  /** OpenAPI style: `/api/jobs/{id}`. */
  path: string;
  access: RouteAccess;
  note?: string | undefined;
}

/** A route as found; access undefined means it has no guard (a test fails on that). */
export type MaybeRule = RouteRule | (Omit<RouteRule, 'access'> & { access: undefined });

/** The callers of the matrix: each role, and no credential at all. */
export const CALLERS = [...ROLES, 'none'] as const;
export type Caller = (typeof CALLERS)[number];

interface Guarded {
  access?: RouteAccess;
  note?: string;
  __COMPOSED_HANDLER?: Guarded;
}

/**
 * The routes of an app with the access their guard (requirePermission / publicRoute) declares;
 * routes without a guard are listed with access `undefined` so a test can fail on them. The admin
 * UI's static files and the OpenAPI document are left out: they hold no data.
 */
export function routeRules(app: {
  routes: readonly { method: string; path: string; handler: unknown }[];
}): MaybeRule[] {
  const byRoute = new Map<string, MaybeRule>();
  for (const route of app.routes) {
    if (route.method === 'ALL' || route.path.endsWith('*')) continue; // app-wide middleware
    if (route.path === '/api/openapi.json' || !/^\/(api\/|healthz|readyz|metrics)/.test(route.path)) continue;
    const path = route.path.replace(/:([A-Za-z_]+)/g, '{$1}');
    const key = `${route.method} ${path}`;
    const handler = route.handler as unknown as Guarded;
    const guard = handler.access ? handler : handler.__COMPOSED_HANDLER;
    const existing = byRoute.get(key);
    if (guard?.access) byRoute.set(key, { method: route.method, path, access: guard.access, note: guard.note });
    else if (!existing) byRoute.set(key, { method: route.method, path, access: undefined });
  }
  return [...byRoute.values()].sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
}

/** Whether a caller gets past a route's guard: the one source of the doc's table and the test. */
export function allowed(access: RouteAccess, caller: Caller): boolean {
  if (access === 'public') return true;
  return caller !== 'none' && can(caller as Role, access);
}

/** The status a refused caller gets: 401 without a credential, 403 for a role that may not. */
export function refusal(caller: Caller): 401 | 403 {
  return caller === 'none' ? 401 : 403;
}

/** The markdown table of docs/security.md (between its markers). */
export function renderRouteMatrix(rules: RouteRule[]): string {
  const head = `| Method | Route | Needs | ${CALLERS.join(' | ')} |\n|---|---|---|${CALLERS.map(() => '---').join('|')}|`;
  const rows = rules.map((rule) => {
    const cells = CALLERS.map((caller) => (allowed(rule.access, caller) ? 'yes' : String(refusal(caller))));
    const needs = rule.access === 'public' ? `public (${rule.note ?? ''})` : rule.access;
    return `| ${rule.method} | \`${rule.path}\` | ${needs} | ${cells.join(' | ')} |`;
  });
  return [head, ...rows].join('\n');
}
