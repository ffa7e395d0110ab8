// A script of a Jobdeck user: the typed client (`jobdeck/client`) creates a job and runs it now.
//   JOBDECK_URL=http://127.0.0.1:3000/api JOBDECK_TOKEN=jd_… node --import tsx examples/client.ts
// Prints the job and the run as JSON; exits non-zero with the API's message on a failure.
import { createJobdeckClient, type ApiErrorBody } from 'jobdeck/client';

const jobdeck = createJobdeckClient({
  baseUrl: process.env.JOBDECK_URL ?? 'http://127.0.0.1:3000/api',
  token: process.env.JOBDECK_TOKEN ?? '',
});

function fail(error: ApiErrorBody): never {
  throw new Error(`${error.status}: ${error.message}`);
}

const created = await jobdeck.POST('/jobs', {
  body: { title: 'Wait a second', task: process.env.JOBDECK_TASK ?? 'demo.wait', args: { seconds: 1 } },
});
const job = created.data ?? fail(created.error);

const queued = await jobdeck.POST('/jobs/{id}/runs', {
  params: { path: { id: job.id } },
  body: { title: 'From the typed client' },
});
const run = queued.data ?? fail(queued.error);

const read = await jobdeck.GET('/runs/{run_id}', { params: { path: { run_id: run.id } } });
console.log(JSON.stringify({ job: { id: job.id, title: job.title }, run: read.data ?? fail(read.error) }));
