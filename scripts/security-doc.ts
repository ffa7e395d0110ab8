// The route × role matrix of docs/security.md, written from the routes' guards (never by hand).
// Run: npm run docs:security. test/db/http/role-matrix.test.ts fails when the doc is stale.
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import { createApp } from '../src/http/app.js';
import { renderRouteMatrix, routeRules, type RouteRule } from '../src/http/route-matrix.js';
import { createJobdeck } from '../src/service/jobdeck.js';

export const SECURITY_DOC = fileURLToPath(new URL('../docs/security.md', import.meta.url));
const MATRIX_START = '<!-- route-matrix:start (npm run docs:security writes this table) -->';
const MATRIX_END = '<!-- route-matrix:end -->';

/** The route × role table as the code has it: the routes of an app over an in-memory database. */
async function currentRouteMatrix(): Promise<string> {
  const deck = await createJobdeck({ database: 'sqlite::memory:' });
  try {
    const rules = routeRules(createApp(deck, { adminUi: false }));
    const unguarded = rules.filter((rule) => !rule.access).map((rule) => `${rule.method} ${rule.path}`);
    if (unguarded.length) throw new Error(`Routes without an explicit role: ${unguarded.join(', ')}`);
    return renderRouteMatrix(rules as RouteRule[]);
  } finally {
    await deck.close();
  }
}

/** docs/security.md as it should be: its table replaced, formatted as `npm run format` would. */
export async function expectedSecurityDoc(): Promise<{ current: string; expected: string }> {
  const current = await readFile(SECURITY_DOC, 'utf8');
  const start = current.indexOf(MATRIX_START);
  const end = current.indexOf(MATRIX_END);
  if (start < 0 || end < start) throw new Error(`docs/security.md lacks the markers ${MATRIX_START} … ${MATRIX_END}.`);
  const table = await currentRouteMatrix();
  const replaced = `${current.slice(0, start + MATRIX_START.length)}\n\n${table}\n\n${current.slice(end)}`;
  const options = (await prettier.resolveConfig(SECURITY_DOC)) ?? {};
  return { current, expected: await prettier.format(replaced, { ...options, filepath: SECURITY_DOC }) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { current, expected } = await expectedSecurityDoc();
  if (current !== expected) await writeFile(SECURITY_DOC, expected);
  process.stdout.write(`docs/security.md: route matrix ${current === expected ? 'up to date' : 'updated'}\n`);
}
