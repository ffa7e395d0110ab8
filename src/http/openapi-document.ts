/**
 * The OpenAPI document's top level: what describes the API as a whole rather than one route.
 * Each operation's `operationId` is a verb and the resource in camelCase — `list`/`get`/`create`/
 * `replace`/`update`/`delete` plus the noun (`listJobs`, `getRun`), or the action (`stopRun`,
 * `pauseQueue`) — and stays stable: the typed client (`jobdeck/client`) and users' code name
 * operations by it. Tags group operations by resource.
 */
const tags = [
  { name: 'Session', description: 'Signing in and out of the admin UI (a cookie session)' },
  { name: 'Jobs', description: 'Saved work: a task, its arguments, schedule, queue and notifications' },
  { name: 'Runs', description: 'Executions of a job: status, arguments, result and attempts' },
  { name: 'Logs', description: 'Log lines a run wrote: pages, a live stream and downloads' },
  { name: 'Notifications', description: 'E-mails and webhooks sent about runs' },
  { name: 'Tasks', description: 'The code jobs run and the schemas of their arguments' },
  { name: 'Schedules', description: 'When a schedule fires' },
  { name: 'Queues', description: 'Queues and their run counts; pausing and resuming' },
  { name: 'Workers', description: 'Worker processes, their heartbeats and the runs they hold' },
  { name: 'Stats', description: 'Numbers behind the charts, over bounded windows' },
  { name: 'Audit', description: 'Who changed what' },
  { name: 'Users', description: "People's accounts: roles, passwords, disabling" },
  { name: 'Events', description: 'Changes as Server-Sent Events, for live views' },
];

/** The document's top level for an API served at `apiPath` (a relative server URL, so proxies keep working). */
export function openApiDocument(apiPath: string) {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Jobdeck API',
      version: '0.1.0',
      description: 'Jobs, runs, tasks and queues of a Jobdeck.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: apiPath, description: 'This Jobdeck' }],
    tags,
    security: [{ bearer: [] }],
  };
}
