/** Jobdeck's public API for host programs. */
export { defineTask } from './domain/task.js';
export type {
  AnyTask,
  Task,
  OutboundClient,
  OutboundRequest,
  TaskContext,
  TaskDefinition,
  TaskLogger,
} from './domain/task.js';
export { OutboundPolicy, OutboundRefusedError } from './engine/outbound-policy.js';
export type { OutboundConfig } from './engine/outbound-policy.js';
export {
  JobdeckError,
  PartialSuccessError,
  ValidationError,
  NotFoundError,
  ConflictError,
  InvalidStateError,
  UnavailableError,
  ConfigurationError,
} from './domain/errors.js';
export type { Job, Run, LogLine, Queue, RunProgress, JsonObject, JsonValue } from './domain/model.js';
export type { RunStatus } from './domain/run-status.js';
export { createJobdeck } from './service/jobdeck.js';
export type { Jobdeck, JobdeckOptions } from './service/jobdeck.js';
export type { StartOptions } from './service/deck-services.js';
export type { Enqueue, EnqueueOptions } from './service/enqueue.js';
export type { JobDefinition, JobFile } from './service/job-definitions.js';
export type { HostTransaction } from './storage/host-connection.js';
export type { HostPoolDatabase } from './storage/open-store.js';
export { defineConfig } from './config/config-file.js';
export type { JobdeckConfig } from './config/config-file.js';
export { openStore } from './storage/open-store.js';
export { builtinTasks, demoTasks } from './tasks/index.js';
export { createApp } from './http/app.js';
export type { AppOptions } from './http/app.js';
export { startServer } from './http/server.js';
export { createRequestHandler } from './http/request-handler.js';
export type { NodeRequestHandler } from './http/node-handler.js';
export type { Authenticate } from './http/auth.js';
export type { Identity, Role } from './domain/access.js';
