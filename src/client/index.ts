/**
 * `jobdeck/client`: a typed client of the Jobdeck HTTP API, generated from its OpenAPI document
 * (types in ./openapi.ts, requests by openapi-fetch). Paths, parameters, bodies and answers are
 * checked by TypeScript; each call resolves to `{data}` or `{error}` (the API's error body).
 *
 *   const jobdeck = createJobdeckClient({ baseUrl: 'http://localhost:8080/api', token });
 *   const { data: job } = await jobdeck.POST('/jobs', { body: { title: 'Nightly', task: 'demo.sleep' } });
 */
import createClient, { type Client, type ClientOptions } from 'openapi-fetch';
import type { components, operations, paths } from './openapi.js';

export type { components, operations, paths };
export type JobdeckClient = Client<paths>;

type Schemas = components['schemas'];
export type Job = Schemas['Job'];
export type JobCreate = Schemas['JobCreate'];
export type JobPatch = Schemas['JobPatch'];
export type Run = Schemas['Run'];
export type RunCreate = Schemas['RunCreate'];
export type LogLine = Schemas['LogLine'];
export type Task = Schemas['Task'];
export type Queue = Schemas['Queue'];
/** Every failure's body: `{status, message, errors?: [{field, messages}]}`. */
export type ApiErrorBody = Schemas['Error'];

export interface JobdeckClientOptions extends ClientOptions {
  /** The API's URL, with `/api`: e.g. `http://localhost:8080/api`. */
  baseUrl: string;
  /** An API token (`jobdeck token create`), sent as `Authorization: Bearer …`. */
  token?: string;
}

/** A client of the API at `baseUrl`, authenticated with `token` when given. */
export function createJobdeckClient({ token, ...options }: JobdeckClientOptions): JobdeckClient {
  const client = createClient<paths>(options);
  if (token)
    client.use({
      onRequest({ request }) {
        request.headers.set('authorization', `Bearer ${token}`);
        return request;
      },
    });
  return client;
}
