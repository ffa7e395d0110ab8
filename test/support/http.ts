import type { Role } from '../../src/domain/access.js';
import { createApp, type AppOptions } from '../../src/http/app.js';
import type { Jobdeck, JobdeckOptions } from '../../src/service/jobdeck.js';
import { openTestDeck } from './deck.js';

// Response bodies are checked field by field in the tests; `any` keeps those checks short.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Body = any;
export type ApiResponse = Omit<Response, 'json'> & { json(): Promise<Body> };

export interface TestApi {
  deck: Jobdeck;
  tokens: Record<Role, string>;
  /** Calls the app in-process as `role` (or anonymously with role null). */
  call(
    method: string,
    path: string,
    options?: { role?: Role | null; body?: unknown; headers?: Record<string, string> },
  ): Promise<ApiResponse>;
}

/** The HTTP app over a fresh test database, with one token per role. */
export async function openTestApi(
  options: Partial<JobdeckOptions> = {},
  appOptions: AppOptions = {},
): Promise<TestApi> {
  const deck = await openTestDeck(options);
  const app = createApp(deck, appOptions);
  const tokens = {} as Record<Role, string>;
  for (const role of ['admin', 'operator', 'viewer'] as const) {
    tokens[role] = (await deck.tokens.create({ name: `${role}-user`, role })).secret;
  }
  return {
    deck,
    tokens,
    call(method, path, { role = 'admin', body, headers = {} } = {}) {
      const init: RequestInit = { method, headers: { ...headers } };
      if (role) (init.headers as Record<string, string>).authorization = `Bearer ${tokens[role]}`;
      if (body !== undefined) {
        (init.headers as Record<string, string>)['content-type'] = 'application/json';
        init.body = typeof body === 'string' ? body : JSON.stringify(body);
      }
      return Promise.resolve(app.request(`http://localhost${path}`, init));
    },
  };
}
