// Generated from the API's OpenAPI document by `npm run openapi:types`: do not edit.
// CI fails when the routes' schemas and this file differ.
export interface paths {
  '/session': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Who is signed in */
    get: operations['getSession'];
    put?: never;
    /** Sign in with a token (sets the session cookie) */
    post: operations['signIn'];
    /**
     * Sign out (clears the session cookie)
     * @description Signs out: the session ends on the server, so a copy of the cookie is refused too
     */
    delete: operations['signOut'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/sign-in/methods': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** How people may sign in (for the sign-in page) */
    get: operations['signInMethods'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/session/password': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Sign in with e-mail and password (sets the session cookie) */
    post: operations['signInWithPassword'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/setup': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Create the first admin account with the first start's setup link */
    post: operations['setUpFirstAdmin'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/oidc/start': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Sign in through the OpenID Connect provider (a browser navigation) */
    get: operations['startOidcSignIn'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/oidc/callback': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The provider's answer: opens a session, or a page saying why not */
    get: operations['finishOidcSignIn'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/sessions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List sign-in sessions
     * @description Live sign-in sessions (not ended, not past their absolute end), newest first
     */
    get: operations['listSessions'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/sessions/{session_id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * End a sign-in session
     * @description Ends a session at once; open event streams of it close within the re-check interval
     */
    delete: operations['endSession'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/jobs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List jobs */
    get: operations['listJobs'];
    put?: never;
    /** Create a job */
    post: operations['createJob'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/jobs/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get a job */
    get: operations['getJob'];
    /**
     * Replace a job
     * @description Replace the job (fields left out take their defaults)
     */
    put: operations['replaceJob'];
    post?: never;
    /**
     * Delete a job
     * @description Deletes the job with its runs and their logs; refused (409) while a run is queued or running
     */
    delete: operations['deleteJob'];
    options?: never;
    head?: never;
    /**
     * Change fields of a job
     * @description Change the given fields
     */
    patch: operations['updateJob'];
    trace?: never;
  };
  '/calendar': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Fire times and slot runs of every active scheduled job in a window */
    get: operations['getCalendar'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/jobs/{id}/fidelity': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** What became of every slot of a job's schedule in the last days */
    get: operations['getScheduleFidelity'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/runs/compare': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Two runs side by side: arguments, times, counters, logs and where the logs part */
    get: operations['compareRuns'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/jobs/{id}/runs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List the runs of a job */
    get: operations['listJobRuns'];
    put?: never;
    /**
     * Run a job now (configure and run)
     * @description Configure and run: queue a run now (inactive jobs too)
     */
    post: operations['createRun'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/runs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List runs of all jobs
     * @description Filters by status, job, task, queue, started_by, time window (created or finished) and text; sorted by creation or end. Matches are counted up to 1,000 and pages reach 10,000 runs deep; text is matched among the newest 100,000 runs unless from is given (docs/console.md).
     */
    get: operations['listRuns'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/jobs/{id}/runs/{run_id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get a run of a job */
    get: operations['getJobRun'];
    put?: never;
    post?: never;
    /**
     * Delete a run
     * @description Deletes an ended run with its log lines and its sub-runs; 409 while the run, one of its sub-runs or (for a sub-run) its parent is queued, running or waiting. Audited (run.delete).
     */
    delete: operations['deleteRun'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/runs/{run_id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get a run
     * @description The run, for callers that know only its id (the admin UI's run page)
     */
    get: operations['getRun'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/runs/{run_id}/attempts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List the attempts of a run
     * @description The attempts of a run that ended, was retried or was rescued, first to last: worker, start, end, status and error of each. The attempt in progress is the run itself.
     */
    get: operations['listRunAttempts'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/jobs/{id}/runs/{run_id}/actions/stop': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Stop a run
     * @description A queued run is CANCELLED at once; a running one becomes CANCELLING until its task ends
     */
    post: operations['stopRun'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/overview': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * What runs, waits, failed and will run: the admin landing page
     * @description Running runs, queued runs and the oldest per queue, failed and partial runs of the last 24 h by job, fire times of the next 24 h, workers holding runs. Lists hold 20 rows; counts are whole.
     */
    get: operations['getOverview'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/runs/bulk/count': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Count the runs a bulk action would touch
     * @description Before confirming: how many runs the selection matches and how many the action applies to (at most 10000).
     */
    post: operations['countBulkRuns'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/runs/bulk/stop': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Stop many runs (queued, running or waiting ones)
     * @description By ids or by filter; at most 10000 runs (more: 400, narrow the filter), handled in batches on the server through the same rules as the single action, recorded as one audit entry with the filter and counts. Runs of other statuses are left alone; sub-runs only with include_subruns (never for rerun).
     */
    post: operations['bulkStopRuns'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/runs/bulk/rerun': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Run many ended runs again with the same arguments
     * @description By ids or by filter; at most 10000 runs (more: 400, narrow the filter), handled in batches on the server through the same rules as the single action, recorded as one audit entry with the filter and counts. Runs of other statuses are left alone; sub-runs only with include_subruns (never for rerun).
     */
    post: operations['bulkRerunRuns'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/runs/bulk/delete': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Delete many ended runs with their logs
     * @description By ids or by filter; at most 10000 runs (more: 400, narrow the filter), handled in batches on the server through the same rules as the single action, recorded as one audit entry with the filter and counts. Runs of other statuses are left alone; sub-runs only with include_subruns (never for rerun).
     */
    post: operations['bulkDeleteRuns'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/runs/{run_id}/logs/stats': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get the length of a run's log
     * @description How long the log is: last_seq is the sequence number of its last line (0 when empty). Lines are numbered 1, 2, … per run, so a client can page to any part of a long log with after = seq − 1.
     */
    get: operations['getRunLogStats'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/jobs/{id}/runs/{run_id}/logs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Read or follow the log of a run */
    get: operations['listRunLogs'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/jobs/{id}/runs/{run_id}/logs/download': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Download the log of a run of a job */
    get: operations['downloadJobRunLogs'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/runs/{run_id}/logs/download': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Download the log of a run
     * @description The same as /jobs/{id}/runs/{run_id}/logs/download, for callers that know only the run
     */
    get: operations['downloadRunLogs'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/logs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Search the logs of all runs
     * @description Lines of any run, newest first, by words (indexed) and filters. Page with the cursor: links.next (or next as after) continues; there is no cap on the results, only on each page.
     */
    get: operations['searchLogs'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/runs/{run_id}/subruns': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List the sub-runs of a run
     * @description The sub-runs a run created (fan-out), oldest first, with a status filter and paging; counts gives all of them by status.
     */
    get: operations['listSubRuns'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/runs/{run_id}/notifications': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List the notifications sent about a run
     * @description E-mails and webhooks sent (or being retried) about the run, newest first
     */
    get: operations['listRunNotifications'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/jobs/{id}/notifications': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List the notifications sent about a job
     * @description The job's latest 100 deliveries (run endings, missed slots, long runs), newest first
     */
    get: operations['listJobNotifications'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/jobs/{id}/skipped-slots': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List the schedule slots of a job that made no run */
    get: operations['listSkippedSlots'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/tasks': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List the tasks jobs can run */
    get: operations['listTasks'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/tasks/{id}/args': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get the JSON Schema of a task's arguments */
    get: operations['getTaskArgsSchema'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/schedules/preview': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Preview the next times of a schedule
     * @description The next fire times of a schedule: pass the schedule as JSON in `schedule`, or `cron` (+ `timezone`) or `every`
     */
    get: operations['previewSchedule'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/tasks/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get a task with its argument schema and rights */
    get: operations['getTask'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/tasks/{id}/stats': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Outcomes and duration percentiles of a task's recent runs
     * @description Over the task's last `window` finished runs (default 200, at most 1000), sub-runs included: runs per final status, p50/p95/max duration of those that started, and the newest ten.
     */
    get: operations['getTaskStats'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/workers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List worker processes with the runs they hold
     * @description Live workers first, then by last heartbeat; workers that stopped or died are kept for 24 h. Each worker lists the first 20 runs it holds and how many in all.
     */
    get: operations['listWorkers'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/queues': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List queues with run counts */
    get: operations['listQueues'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/queues/{name}/pause': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Pause a queue
     * @description Workers stop taking runs of this queue (running runs go on)
     */
    post: operations['pauseQueue'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/queues/{name}/resume': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Resume a queue
     * @description Workers take runs of this queue again
     */
    post: operations['resumeQueue'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/stats/runs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Durations and entry counters of a job's (or task's) latest ended runs, with p50/p95 */
    get: operations['getRunStats'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/stats/outcomes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Ended runs per UTC day and final status */
    get: operations['getOutcomeStats'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/stats/queues': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Runs ended per queue and time bucket (throughput) and their wait before starting */
    get: operations['getQueueStats'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/audit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List audit log entries */
    get: operations['listAuditEntries'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/users': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List accounts */
    get: operations['listUsers'];
    put?: never;
    /** Create an account */
    post: operations['createUser'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/users/{user_id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change an account (disabled: true ends its sessions) */
    patch: operations['updateUser'];
    trace?: never;
  };
  '/users/{user_id}/password': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Set an account's password */
    put: operations['setUserPassword'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/account/password': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Change your own password (signed in with an account) */
    put: operations['changeOwnPassword'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/events': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Follow changes as Server-Sent Events
     * @description Events run.queued, run.changed, run.stopping, run.progress, job.* and changed; ready once live
     */
    get: operations['streamEvents'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    Identity: {
      name: string;
      /** @enum {string} */
      role: 'admin' | 'operator' | 'viewer';
    };
    Error: {
      status: number;
      message: string;
      errors?: {
        field: string;
        messages: string[];
      }[];
    };
    SignInMethods: {
      /** @description The "Sign in with …" button, when OpenID Connect is set up */
      oidc: {
        label: string;
        url: string;
      } | null;
    };
    SignedIn: components['schemas']['Identity'] & {
      /** @enum {string} */
      signed_in_by: 'host' | 'jobdeck';
      /** @description Signed in with a person's account (it may change its password) */
      account: boolean;
    };
    SessionList: {
      items: components['schemas']['Session'][];
    };
    Session: {
      id: string;
      /** @enum {string} */
      subject_kind: 'token' | 'user';
      subject_id: string;
      created: string;
      last_seen: string;
      expires: string;
      user_agent: string | null;
      /** @description Whether it is the caller's own session */
      current: boolean;
    };
    JobList: {
      hits: {
        hits: components['schemas']['Job'][];
        total: number;
      };
      links: components['schemas']['Links'];
    };
    Job: {
      id: string;
      title: string;
      description: string;
      active: boolean;
      task: string;
      default_queue: string;
      schedule: components['schemas']['Schedule'];
      schedule_description: string | null;
      run_args: {
        args: {
          [key: string]: unknown;
        };
        custom_args: {
          [key: string]: unknown;
        } | null;
      };
      args: {
        [key: string]: unknown;
      };
      custom_args: {
        [key: string]: unknown;
      } | null;
      /** @enum {string} */
      overlap_policy: 'allow' | 'skip' | 'queue';
      /** @enum {string} */
      misfire_policy: 'skip' | 'once' | 'all';
      notification_emails: string[];
      notification_statuses: string[];
      notification_webhooks: {
        /** @description Whole for admins; the origin only for other roles */
        url: string;
        /**
         * @description Write-only
         * @enum {string|null}
         */
        secret: 'set' | null;
      }[];
      notify_running_longer_than: number | null;
      history_alerts: components['schemas']['HistoryAlerts'];
      owner: string;
      max_attempts: number;
      timeout_seconds: number | null;
      retry_backoff_seconds: number;
      retry_backoff_max_seconds: number;
      retry_partial: boolean;
      /** @description Stable name of a job declared in code or applied from a file. */
      key: string | null;
      /** @description Fields set by the host program's code at each start; changing them is refused (409). */
      managed_fields: string[] | null;
      /**
       * Format: date-time
       * @example 2026-11-25T03:00:00.000Z
       */
      next_run: string | null;
      last_run: components['schemas']['Run'] | null;
      /**
       * Format: date-time
       * @example 2026-11-25T03:00:00.000Z
       */
      created: string;
      /**
       * Format: date-time
       * @example 2026-11-25T03:00:00.000Z
       */
      updated: string;
      links: components['schemas']['Links'];
    };
    /**
     * @description {"type": "interval", "weeks"?, "days"?, "hours"?, "minutes"?, "seconds"?, "start_at"?} or {"type": "crontab", "minute", "hour", "day_of_month", "month_of_year", "day_of_week", "timezone"?} (or {"type": "crontab", "expression": "m h dom mon dow", "timezone"?}); null for none.
     * @example {
     *       "type": "crontab",
     *       "minute": "0",
     *       "hour": "3",
     *       "day_of_month": "*",
     *       "month_of_year": "*",
     *       "day_of_week": "mon-fri",
     *       "timezone": "Europe/Zurich"
     *     }
     */
    Schedule: {
      [key: string]: unknown;
    } | null;
    HistoryAlerts: {
      /**
       * @description Tell once per run when it runs longer than this × the p95 duration of the job's recent successful runs.
       * @example 2
       */
      slower_than_p95: number | null;
      /** @description How many of the latest successful runs make the p95. */
      p95_runs: number;
      /**
       * @description Tell once per streak when this many runs in a row have failed (cancelled runs are skipped).
       * @example 3
       */
      after_failures: number | null;
    } | null;
    Run: {
      /** @description A failed run's stack trace; sent to admins only (the message has the error's name and text) */
      error_stack?: string | null;
      id: number;
      job_id: string;
      task: string;
      title: string;
      /** @enum {string} */
      status:
        | 'QUEUED'
        | 'RUNNING'
        | 'CANCELLING'
        | 'WAITING'
        | 'SUCCESS'
        | 'PARTIAL_SUCCESS'
        | 'WARNING'
        | 'FAILED'
        | 'CANCELLED';
      queue: string;
      args: {
        [key: string]: unknown;
      };
      custom_args: {
        [key: string]: unknown;
      } | null;
      /**
       * Format: date-time
       * @example 2026-11-25T03:00:00.000Z
       */
      since: string | null;
      started_by: string;
      /**
       * Format: date-time
       * @example 2026-11-25T03:00:00.000Z
       */
      created: string;
      /**
       * Format: date-time
       * @example 2026-11-25T03:00:00.000Z
       */
      started_at: string | null;
      /**
       * Format: date-time
       * @example 2026-11-25T03:00:00.000Z
       */
      finished_at: string | null;
      duration_ms: number | null;
      /**
       * Format: date-time
       * @example 2026-11-25T03:00:00.000Z
       */
      scheduled_for: string | null;
      lateness_ms: number | null;
      message: string | null;
      result?: unknown;
      total_entries: number | null;
      inserted_entries: number | null;
      updated_entries: number | null;
      errored_entries: number | null;
      /** @description The current or last attempt (0 before the first start). */
      attempt: number;
      max_attempts: number;
      worker_id: string | null;
      /** @description The run that created this one as a sub-run; null for a top-level run. */
      parent_run_id: number | null;
      /** @description Sub-runs this run created (0: none). */
      total_subruns: number;
      /** @description Its sub-runs that have ended. */
      completed_subruns: number;
      /** @description Its sub-runs that ended FAILED or CANCELLED (the run then ends PARTIAL_SUCCESS). */
      failed_subruns: number;
      links: components['schemas']['Links'];
    };
    Links: {
      [key: string]: string;
    };
    JobCreate: {
      /** @example ROR organisations import */
      title: string;
      description?: string;
      /** @description Who to ask about the job: a person, a team or an address (shown on its page). */
      owner?: string;
      /** @example demo.import-vocabulary */
      task: string;
      default_queue?: string;
      active?: boolean;
      args?: {
        [key: string]: unknown;
      };
      /** @description A JSON object (or JSON text) that replaces the arguments verbatim; null or "" clears it. */
      custom_args?:
        | {
            [key: string]: unknown;
          }
        | string
        | null;
      schedule?: components['schemas']['Schedule'];
      /** @enum {string} */
      overlap_policy?: 'allow' | 'skip' | 'queue';
      /** @enum {string} */
      misfire_policy?: 'skip' | 'once' | 'all';
      /**
       * @example [
       *       "ops@example.org"
       *     ]
       */
      notification_emails?: string[];
      /**
       * @example [
       *       "FAILED",
       *       "PARTIAL_SUCCESS"
       *     ]
       */
      notification_statuses?: string[];
      /**
       * @description Receivers of a signed JSON POST on the chosen endings, missed slots and long runs. The secret is write-only: reads show "set", and sending "set" back keeps it.
       * @example [
       *       {
       *         "url": "https://hooks.example.org/jobdeck",
       *         "secret": "change-me"
       *       }
       *     ]
       */
      notification_webhooks?: (
        | string
        | {
            url: string;
            secret?: string | null;
          }
      )[];
      /** @description Seconds: tell the recipients once when a run takes longer. null or 0: never. */
      notify_running_longer_than?: number | null;
      /**
       * @description Alerts relative to history: {slower_than_p95: N (1-100), p95_runs: M (5-500, default 50), after_failures: K (1-100)}; null: none.
       * @example {
       *       "slower_than_p95": 2,
       *       "p95_runs": 50,
       *       "after_failures": 3
       *     }
       */
      history_alerts?: {
        slower_than_p95?: number | null;
        p95_runs?: number | null;
        after_failures?: number | null;
      } | null;
      /** @description Attempts in all, the first included (default 1: never retried). */
      max_attempts?: number;
      /** @description Abort a run after this many seconds (null or 0: the task's default, or none). */
      timeout_seconds?: number | null;
      /** @description Wait before the 2nd attempt; doubles for each further one, with jitter (default 10). */
      retry_backoff_seconds?: number;
      /** @description Longest wait between attempts (default 600). */
      retry_backoff_max_seconds?: number;
      /** @description Retry PARTIAL_SUCCESS like a failure. */
      retry_partial?: boolean;
    };
    JobPatch: {
      /** @example ROR organisations import */
      title?: string;
      description?: string;
      /** @description Who to ask about the job: a person, a team or an address (shown on its page). */
      owner?: string;
      /** @example demo.import-vocabulary */
      task?: string;
      default_queue?: string;
      active?: boolean;
      args?: {
        [key: string]: unknown;
      };
      /** @description A JSON object (or JSON text) that replaces the arguments verbatim; null or "" clears it. */
      custom_args?:
        | {
            [key: string]: unknown;
          }
        | string
        | null;
      schedule?: components['schemas']['Schedule'];
      /** @enum {string} */
      overlap_policy?: 'allow' | 'skip' | 'queue';
      /** @enum {string} */
      misfire_policy?: 'skip' | 'once' | 'all';
      /**
       * @example [
       *       "ops@example.org"
       *     ]
       */
      notification_emails?: string[];
      /**
       * @example [
       *       "FAILED",
       *       "PARTIAL_SUCCESS"
       *     ]
       */
      notification_statuses?: string[];
      /**
       * @description Receivers of a signed JSON POST on the chosen endings, missed slots and long runs. The secret is write-only: reads show "set", and sending "set" back keeps it.
       * @example [
       *       {
       *         "url": "https://hooks.example.org/jobdeck",
       *         "secret": "change-me"
       *       }
       *     ]
       */
      notification_webhooks?: (
        | string
        | {
            url: string;
            secret?: string | null;
          }
      )[];
      /** @description Seconds: tell the recipients once when a run takes longer. null or 0: never. */
      notify_running_longer_than?: number | null;
      /**
       * @description Alerts relative to history: {slower_than_p95: N (1-100), p95_runs: M (5-500, default 50), after_failures: K (1-100)}; null: none.
       * @example {
       *       "slower_than_p95": 2,
       *       "p95_runs": 50,
       *       "after_failures": 3
       *     }
       */
      history_alerts?: {
        slower_than_p95?: number | null;
        p95_runs?: number | null;
        after_failures?: number | null;
      } | null;
      /** @description Attempts in all, the first included (default 1: never retried). */
      max_attempts?: number;
      /** @description Abort a run after this many seconds (null or 0: the task's default, or none). */
      timeout_seconds?: number | null;
      /** @description Wait before the 2nd attempt; doubles for each further one, with jitter (default 10). */
      retry_backoff_seconds?: number;
      /** @description Longest wait between attempts (default 600). */
      retry_backoff_max_seconds?: number;
      /** @description Retry PARTIAL_SUCCESS like a failure. */
      retry_partial?: boolean;
    };
    Calendar: {
      /**
       * Format: date-time
       * @example 2026-11-25T03:00:00.000Z
       */
      from: string;
      /**
       * Format: date-time
       * @example 2026-11-25T03:00:00.000Z
       */
      to: string;
      jobs: {
        id: string;
        title: string;
        schedule: {
          [key: string]: unknown;
        };
        schedule_description: string;
        /** @description A crontab schedule's own time zone */
        timezone: string | null;
        /**
         * Format: date-time
         * @example 2026-11-25T03:00:00.000Z
         */
        next_run: string | null;
        /** @description Upcoming fire times in the window (at most 500) */
        fires: string[];
        more_fires: boolean;
        /** @description Runs fired for slots in the window (at most 500) */
        runs: components['schemas']['CalendarRun'][];
        more_runs: boolean;
      }[];
      /** @description More than 100 active scheduled jobs: the soonest are listed */
      more_jobs: boolean;
    };
    CalendarRun: {
      id: number;
      status: string;
      /**
       * Format: date-time
       * @example 2026-11-25T03:00:00.000Z
       */
      scheduled_for: string;
      /**
       * Format: date-time
       * @example 2026-11-25T03:00:00.000Z
       */
      started_at: string | null;
      /**
       * Format: date-time
       * @example 2026-11-25T03:00:00.000Z
       */
      finished_at: string | null;
    };
    ScheduleFidelity: {
      job_id: string;
      /**
       * Format: date-time
       * @example 2026-11-25T03:00:00.000Z
       */
      from: string;
      /**
       * Format: date-time
       * @example 2026-11-25T03:00:00.000Z
       */
      to: string;
      /** @description A run started within this after its slot is on time */
      tolerance_ms: number;
      /** @description More than 2,000 slots: only the latest are listed */
      truncated: boolean;
      counts: {
        on_time: number;
        late: number;
        waiting: number;
        skipped: number;
        missed: number;
      };
      slots: {
        /**
         * Format: date-time
         * @example 2026-11-25T03:00:00.000Z
         */
        slot: string;
        /** @enum {string} */
        outcome: 'on_time' | 'late' | 'waiting' | 'skipped' | 'missed';
        lateness_ms: number | null;
        run_id: number | null;
        run_status: string | null;
        /** @description Why a skipped slot made no run */
        reason: string | null;
      }[];
    };
    RunComparison: {
      a: components['schemas']['ComparedRun'];
      b: components['schemas']['ComparedRun'];
      same_job: boolean;
      args: {
        key: string;
        a?: unknown;
        b?: unknown;
        in_a: boolean;
        in_b: boolean;
        same: boolean;
      }[];
      /** @description b minus a */
      duration_ms_difference: number | null;
      counters: {
        name: string;
        a: number | null;
        b: number | null;
        difference: number | null;
      }[];
      logs: {
        a: {
          counts: {
            debug: number;
            info: number;
            warn: number;
            error: number;
          };
          lines: number;
          /** @description The log is longer than the 100,000 lines counted */
          more: boolean;
        };
        b: {
          counts: {
            debug: number;
            info: number;
            warn: number;
            error: number;
          };
          lines: number;
          /** @description The log is longer than the 100,000 lines counted */
          more: boolean;
        };
      };
      divergence: {
        /** @description 1-based line where the messages first differ */
        line: number | null;
        a: components['schemas']['LogLine'] | null;
        b: components['schemas']['LogLine'] | null;
        compared: number;
        /** @description No difference in the first 100,000 lines; the rest was not compared */
        stopped_at_limit: boolean;
      };
    };
    ComparedRun: {
      id: number;
      job_id: string;
      task: string;
      title: string;
      /** @enum {string} */
      status:
        | 'QUEUED'
        | 'RUNNING'
        | 'CANCELLING'
        | 'WAITING'
        | 'SUCCESS'
        | 'PARTIAL_SUCCESS'
        | 'WARNING'
        | 'FAILED'
        | 'CANCELLED';
      queue: string;
      args: {
        [key: string]: unknown;
      };
      custom_args: {
        [key: string]: unknown;
      } | null;
      /**
       * Format: date-time
       * @example 2026-11-25T03:00:00.000Z
       */
      since: string | null;
      started_by: string;
      /**
       * Format: date-time
       * @example 2026-11-25T03:00:00.000Z
       */
      created: string;
      /**
       * Format: date-time
       * @example 2026-11-25T03:00:00.000Z
       */
      started_at: string | null;
      /**
       * Format: date-time
       * @example 2026-11-25T03:00:00.000Z
       */
      finished_at: string | null;
      duration_ms: number | null;
      /**
       * Format: date-time
       * @example 2026-11-25T03:00:00.000Z
       */
      scheduled_for: string | null;
      lateness_ms: number | null;
      message: string | null;
      result?: unknown;
      total_entries: number | null;
      inserted_entries: number | null;
      updated_entries: number | null;
      errored_entries: number | null;
      /** @description The current or last attempt (0 before the first start). */
      attempt: number;
      max_attempts: number;
      worker_id: string | null;
      /** @description The run that created this one as a sub-run; null for a top-level run. */
      parent_run_id: number | null;
      /** @description Sub-runs this run created (0: none). */
      total_subruns: number;
      /** @description Its sub-runs that have ended. */
      completed_subruns: number;
      /** @description Its sub-runs that ended FAILED or CANCELLED (the run then ends PARTIAL_SUCCESS). */
      failed_subruns: number;
    };
    LogLine: {
      seq: number;
      /**
       * Format: date-time
       * @example 2026-11-25T03:00:00.000Z
       */
      time: string;
      level: string;
      message: string;
      fields: {
        [key: string]: unknown;
      } | null;
    };
    RunList: {
      hits: {
        hits: components['schemas']['Run'][];
        total: number;
      };
      links: components['schemas']['Links'];
    };
    RunSearchList: {
      hits: {
        hits: (components['schemas']['Run'] & {
          /** @description The run's job's title; null if it was deleted */
          job_title: string | null;
        })[];
        /** @description Matches, counted up to 1,000 */
        total: number;
        /** @description More than 1,000 runs match: total is a lower bound */
        more: boolean;
      };
      links: components['schemas']['Links'];
    };
    RunCreate: {
      title?: string;
      queue?: string;
      args?: {
        [key: string]: unknown;
      };
      /** @description ISO 8601; empty = start of the last successful run */
      since?: string | null;
      custom_args?:
        | {
            [key: string]: unknown;
          }
        | string
        | null;
    };
    RunAttemptList: {
      items: components['schemas']['RunAttempt'][];
    };
    RunAttempt: {
      attempt: number;
      worker_id: string | null;
      /**
       * Format: date-time
       * @example 2026-11-25T03:00:00.000Z
       */
      started_at: string | null;
      /**
       * Format: date-time
       * @example 2026-11-25T03:00:00.000Z
       */
      finished_at: string;
      duration_ms: number | null;
      /** @enum {string} */
      status:
        | 'QUEUED'
        | 'RUNNING'
        | 'CANCELLING'
        | 'WAITING'
        | 'SUCCESS'
        | 'PARTIAL_SUCCESS'
        | 'WARNING'
        | 'FAILED'
        | 'CANCELLED';
      message: string | null;
    };
    Overview: {
      /**
       * Format: date-time
       * @example 2026-11-25T03:00:00.000Z
       */
      now: string;
      window_hours: number;
      running: {
        total: number;
        items: components['schemas']['OverviewRun'][];
      };
      queues: {
        name: string;
        paused: boolean;
        queued: number;
        running: number;
        /**
         * Format: date-time
         * @example 2026-11-25T03:00:00.000Z
         */
        oldest_queued_at: string | null;
        oldest_queued_run_id: number | null;
      }[];
      failures: {
        failed: number;
        partial: number;
        /** @description Jobs with failures in the window (items: the latest 20) */
        jobs: number;
        items: {
          job_id: string;
          job_title: string;
          failed: number;
          partial: number;
          last_run: components['schemas']['OverviewRun'];
        }[];
      };
      upcoming: {
        /** @description Fires in the window, all jobs (each counted up to 1,000) */
        total: number;
        /** @description Scheduled jobs due in the window (items: the soonest 20) */
        jobs: number;
        /** @description More than 200 scheduled jobs are due: the counts are lower bounds */
        more: boolean;
        items: {
          job_id: string;
          job_title: string;
          /**
           * Format: date-time
           * @description The job's next fire
           * @example 2026-11-25T03:00:00.000Z
           */
          at: string;
          /** @description Its fires in the window, the next one included */
          fires: number;
          /** @description More than 1,000 fires: fires is a lower bound */
          fires_more: boolean;
          /** @description The schedule in words */
          schedule: string;
        }[];
      };
      workers: {
        /** @description Worker processes with a current heartbeat (the registry) */
        alive: number;
        /** @description Workers holding runs now, seen through the runs */
        holding: number;
        items: {
          worker_id: string;
          host: string;
          busy: number;
          concurrency: number;
          /** @description Runs it holds now */
          runs: number;
        }[];
      };
    };
    OverviewRun: {
      id: number;
      job_id: string;
      title: string;
      /** @enum {string} */
      status:
        | 'QUEUED'
        | 'RUNNING'
        | 'CANCELLING'
        | 'WAITING'
        | 'SUCCESS'
        | 'PARTIAL_SUCCESS'
        | 'WARNING'
        | 'FAILED'
        | 'CANCELLED';
      queue: string;
      /**
       * Format: date-time
       * @example 2026-11-25T03:00:00.000Z
       */
      started_at: string | null;
      /**
       * Format: date-time
       * @example 2026-11-25T03:00:00.000Z
       */
      finished_at: string | null;
      worker_id: string | null;
      message: string | null;
      total_entries: number | null;
      /** @description inserted + updated + errored */
      done_entries: number;
    };
    BulkCount: {
      /** @enum {string} */
      action: 'stop' | 'rerun' | 'delete';
      /** @description Runs the selection matches (up to 10,001) */
      matched: number;
      /** @description Of those, runs the action applies to (up to 10,000) */
      eligible: number;
      /** @description More than 10,000 runs are eligible: the action would be refused */
      more: boolean;
      max: number;
    };
    BulkCountRequest: {
      /** @enum {string} */
      action: 'stop' | 'rerun' | 'delete';
      ids?: number[];
      filter?: {
        /** @description Comma-separated statuses, e.g. FAILED,PARTIAL_SUCCESS */
        status?: string;
        /** @description Only runs of this job (id) */
        job?: string;
        task?: string;
        queue?: string;
        /** @description Who started the run, exactly */
        started_by?: string;
        /** @description Case-insensitive match on title or message */
        q?: string;
        /**
         * @description What from/to are about: created (default) or finished
         * @enum {string}
         */
        time?: 'created' | 'finished';
        /** @description ISO 8601 date-time, inclusive */
        from?: string;
        /** @description ISO 8601 date-time, exclusive */
        to?: string;
        /**
         * @description true: sub-runs too
         * @enum {string}
         */
        include_subruns?: 'true' | 'false';
      };
    };
    BulkResult: {
      /** @enum {string} */
      action: 'stop' | 'rerun' | 'delete';
      eligible: number;
      done: number;
      skipped: number;
      reasons: {
        run_id: number;
        message: string;
      }[];
      audit_id: number;
    };
    BulkSelection: {
      /** @description These runs */
      ids?: number[];
      /** @description Every run matching these filters (the query parameters of GET /runs) */
      filter?: {
        /** @description Comma-separated statuses, e.g. FAILED,PARTIAL_SUCCESS */
        status?: string;
        /** @description Only runs of this job (id) */
        job?: string;
        task?: string;
        queue?: string;
        /** @description Who started the run, exactly */
        started_by?: string;
        /** @description Case-insensitive match on title or message */
        q?: string;
        /**
         * @description What from/to are about: created (default) or finished
         * @enum {string}
         */
        time?: 'created' | 'finished';
        /** @description ISO 8601 date-time, inclusive */
        from?: string;
        /** @description ISO 8601 date-time, exclusive */
        to?: string;
        /**
         * @description true: sub-runs too
         * @enum {string}
         */
        include_subruns?: 'true' | 'false';
      };
    };
    LogStats: {
      /** @description Sequence number of the last line; 0 when empty */
      last_seq: number;
    };
    LogPage: {
      hits: {
        hits: components['schemas']['LogLine'][];
        total: number;
      };
      links: components['schemas']['Links'];
    };
    LogSearchPage: {
      hits: components['schemas']['LogHit'][];
      /** @description Cursor of the next page (pass it as after), or null when every line has been searched. A page may hold fewer hits than size and still have a next: each page searches a bounded part of the logs. */
      next: string | null;
      links: components['schemas']['Links'];
    };
    LogHit: {
      run_id: number;
      job_id: string;
      run_title: string;
      parent_run_id: number | null;
      seq: number;
      /**
       * Format: date-time
       * @example 2026-11-25T03:00:00.000Z
       */
      time: string;
      level: string;
      message: string;
      fields: {
        [key: string]: unknown;
      } | null;
    };
    SubRunList: {
      hits: {
        hits: components['schemas']['Run'][];
        total: number;
      };
      /** @description All sub-runs of the run by status (whatever the filter), e.g. {"SUCCESS": 490} */
      counts: {
        [key: string]: number;
      };
      links: components['schemas']['Links'];
    };
    NotificationList: {
      hits: components['schemas']['Notification'][];
    };
    Notification: {
      id: number;
      run_id: number | null;
      /** @enum {string} */
      event: 'finished' | 'missed' | 'running_long' | 'slow_run' | 'failure_streak';
      /** @description The run status told about, MISSED, RUNNING_LONG, SLOW_RUN or FAILURE_STREAK */
      status: string;
      /** @enum {string} */
      channel: 'email' | 'webhook';
      /** @description The e-mail address or webhook URL */
      target: string;
      /** @enum {string} */
      state: 'pending' | 'sending' | 'delivered' | 'failed';
      attempts: number;
      /** Format: date-time */
      next_attempt_at: string | null;
      last_error: string | null;
      /** Format: date-time */
      created: string;
      /** Format: date-time */
      updated: string;
      history: {
        attempt: number;
        /** Format: date-time */
        time: string;
        /** @enum {string} */
        outcome: 'delivered' | 'failed';
        error: string | null;
        duration_ms: number;
      }[];
    };
    SkippedSlotList: {
      hits: {
        hits: components['schemas']['SkippedSlot'][];
        total: number;
      };
      links: components['schemas']['Links'];
    };
    SkippedSlot: {
      /** Format: date-time */
      scheduled_for: string;
      /** @description Why no run was made, e.g. overlap or misfire */
      reason: string;
      /** Format: date-time */
      created: string;
    };
    Task: {
      id: string;
      title: string;
      description: string;
      args_schema: {
        [key: string]: unknown;
      };
      links: components['schemas']['Links'];
    };
    TaskDetail: {
      id: string;
      title: string;
      description: string;
      args_schema: {
        [key: string]: unknown;
      };
      /** @description Fields an operator may change when running */
      operator_editable: string[];
      /** @description Fields whose values are write-only */
      secret_args: string[];
      timeout_seconds: number | null;
      isolate: boolean;
      links: {
        [key: string]: string;
      };
    };
    TaskStats: {
      task: string;
      window: number;
      runs: number;
      /** Format: date-time */
      since: string | null;
      outcomes: {
        [key: string]: number;
      };
      duration_ms: {
        p50: number | null;
        p95: number | null;
        max: number | null;
        samples: number;
      };
      recent: {
        id: number;
        job_id: string;
        title: string;
        /** @enum {string} */
        status:
          | 'QUEUED'
          | 'RUNNING'
          | 'CANCELLING'
          | 'WAITING'
          | 'SUCCESS'
          | 'PARTIAL_SUCCESS'
          | 'WARNING'
          | 'FAILED'
          | 'CANCELLED';
        /** Format: date-time */
        started_at: string | null;
        /** Format: date-time */
        finished_at: string;
        duration_ms: number | null;
      }[];
    };
    WorkerList: {
      hits: {
        hits: components['schemas']['Worker'][];
        total: number;
      };
      /** Format: date-time */
      now: string;
      beat_interval_ms: number;
      dead_after_ms: number;
      links: {
        [key: string]: string;
      };
    };
    Worker: {
      id: string;
      host: string;
      pid: number;
      version: string;
      queues: string[];
      concurrency: number;
      /** @description Slots executing a task at the last heartbeat */
      busy: number;
      /** Format: date-time */
      started_at: string;
      /** Format: date-time */
      heartbeat_at: string;
      /** Format: date-time */
      ended_at: string | null;
      /**
       * @description stopped: it stopped cleanly; died: its heartbeat expired (crash, kill, lost host)
       * @enum {string}
       */
      state: 'running' | 'stopped' | 'died';
      /** @description The first 20 runs it holds now */
      held_runs: components['schemas']['HeldRun'][];
      held_total: number;
    };
    HeldRun: {
      id: number;
      job_id: string;
      title: string;
      task: string;
      queue: string;
      /** @enum {string} */
      status:
        | 'QUEUED'
        | 'RUNNING'
        | 'CANCELLING'
        | 'WAITING'
        | 'SUCCESS'
        | 'PARTIAL_SUCCESS'
        | 'WARNING'
        | 'FAILED'
        | 'CANCELLED';
      /** Format: date-time */
      started_at: string | null;
      attempt: number;
    };
    Queue: {
      name: string;
      title: string;
      description: string;
      paused: boolean;
      counts: {
        [key: string]: number;
      };
    };
    RunStats: {
      scope: {
        job: string | null;
        task: string | null;
      };
      points: {
        id: number;
        job_id: string;
        /** @enum {string} */
        status:
          | 'QUEUED'
          | 'RUNNING'
          | 'CANCELLING'
          | 'WAITING'
          | 'SUCCESS'
          | 'PARTIAL_SUCCESS'
          | 'WARNING'
          | 'FAILED'
          | 'CANCELLED';
        /** Format: date-time */
        started: string;
        /** Format: date-time */
        finished: string;
        duration_ms: number;
        inserted: number | null;
        updated: number | null;
        errored: number | null;
      }[];
      p50_ms: number | null;
      p95_ms: number | null;
      successes: number;
    };
    OutcomeStats: {
      scope: {
        job: string | null;
        task: string | null;
      };
      /** Format: date-time */
      from: string;
      /** Format: date-time */
      until: string;
      days: {
        /**
         * @description A UTC day
         * @example 2026-12-06
         */
        day: string;
        counts: {
          [key: string]: number;
        };
        total: number;
      }[];
      /** @description The window held more than 20000 runs: the newest were counted */
      truncated: boolean;
    };
    QueueStats: {
      /** Format: date-time */
      from: string;
      /** Format: date-time */
      until: string;
      bucket_ms: number;
      buckets: {
        /** Format: date-time */
        start: string;
        queue: string;
        finished: number;
        failed: number;
        /** @description From available (enqueued or due) to start */
        wait_avg_ms: number | null;
        wait_max_ms: number | null;
      }[];
      truncated: boolean;
    };
    AuditList: {
      hits: {
        hits: components['schemas']['AuditEntry'][];
        total: number;
      };
      links: components['schemas']['Links'];
    };
    AuditEntry: {
      id: number;
      time: string;
      actor: string;
      /** @example job.update */
      action: string;
      job_id: string | null;
      run_id: number | null;
      details: {
        [key: string]: unknown;
      } | null;
      request_id: string | null;
    };
    UserList: {
      items: components['schemas']['User'][];
    };
    User: {
      id: string;
      email: string;
      name: string;
      /** @enum {string} */
      role: 'admin' | 'operator' | 'viewer';
      disabled: boolean;
      has_password: boolean;
      /** @description Set for accounts made by an OpenID Connect sign-in */
      oidc_issuer: string | null;
      created: string;
      updated: string;
      last_sign_in: string | null;
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  getSession: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Who is signed in */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SignedIn'];
        };
      };
      /** @description Invalid request: the body names each field and why */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No or unknown credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  signIn: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description The request body */
    requestBody: {
      content: {
        'application/json': {
          token: string;
        };
      };
    };
    responses: {
      /** @description Signed in; the session cookie is set */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Identity'];
        };
      };
      /** @description Invalid request: the body names each field and why */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No or unknown credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many failed sign-ins from this client */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  signOut: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Signed out */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The request URL is not valid */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  signInMethods: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Sign-in methods */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SignInMethods'];
        };
      };
      /** @description Bad request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  signInWithPassword: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description The request body */
    requestBody: {
      content: {
        'application/json': {
          email: string;
          password: string;
        };
      };
    };
    responses: {
      /** @description Signed in; the session cookie is set */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Identity'];
        };
      };
      /** @description Invalid request: the body names each field and why */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No or unknown credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many failed sign-ins from this client */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  setUpFirstAdmin: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description The request body */
    requestBody: {
      content: {
        'application/json': {
          token: string;
          email: string;
          name: string;
          password: string;
        };
      };
    };
    responses: {
      /** @description The admin account is made and signed in */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Identity'];
        };
      };
      /** @description Invalid request: the body names each field and why */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No or unknown credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description An account exists already */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many failed sign-ins from this client */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  startOidcSignIn: {
    parameters: {
      query?: {
        next?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description To the provider's sign-in page */
      302: {
        headers: {
          /** @description Where the browser goes next */
          location?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Bad request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description OpenID Connect is not set up */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  finishOidcSignIn: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Signed in: to the admin */
      302: {
        headers: {
          /** @description Where the browser goes next */
          location?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Not an answer of the provider */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/html': string;
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Refused: the page says why */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/html': string;
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description OpenID Connect is not set up */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  listSessions: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Sessions */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SessionList'];
        };
      };
      /** @description Invalid request: the body names each field and why */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No or unknown credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  endSession: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        session_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Ended */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Invalid request: the body names each field and why */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No or unknown credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  listJobs: {
    parameters: {
      query?: {
        /** @description Case-insensitive match on title or description */
        q?: string;
        active?: 'true' | 'false';
        task?: string;
        queue?: string;
        /** @description Default -created (newest first) */
        sort?: 'title' | '-title' | 'created' | '-created' | 'last_run' | '-last_run' | 'next_run';
        page?: number;
        size?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Jobs, newest first */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['JobList'];
        };
      };
      /** @description Invalid request: the body names each field and why */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No or unknown credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  createJob: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description The request body */
    requestBody: {
      content: {
        'application/json': components['schemas']['JobCreate'];
      };
    };
    responses: {
      /** @description The job (it is not run) */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Job'];
        };
      };
      /** @description Invalid request: the body names each field and why */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No or unknown credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getJob: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The job */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Job'];
        };
      };
      /** @description Invalid request: the body names each field and why */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No or unknown credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  replaceJob: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    /** @description The request body */
    requestBody: {
      content: {
        'application/json': components['schemas']['JobCreate'];
      };
    };
    responses: {
      /** @description The job */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Job'];
        };
      };
      /** @description Invalid request: the body names each field and why */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No or unknown credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  deleteJob: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Invalid request: the body names each field and why */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No or unknown credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A run of the job is queued or running */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  updateJob: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    /** @description The request body */
    requestBody: {
      content: {
        'application/json': components['schemas']['JobPatch'];
      };
    };
    responses: {
      /** @description The job */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Job'];
        };
      };
      /** @description Invalid request: the body names each field and why */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No or unknown credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getCalendar: {
    parameters: {
      query?: {
        /** @description ISO 8601 start of the window (default now) */
        from?: string;
        /** @description ISO 8601 end (default from + 7 days; at most 14 days) */
        to?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The calendar */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Calendar'];
        };
      };
      /** @description Invalid request: the body names each field and why */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No or unknown credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getScheduleFidelity: {
    parameters: {
      query?: {
        /** @description Days back (1 to 30) */
        days?: number;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Every slot, oldest first */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ScheduleFidelity'];
        };
      };
      /** @description Invalid request: the body names each field and why */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No or unknown credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  compareRuns: {
    parameters: {
      query: {
        /** @description The first run */
        a: number;
        /** @description The second run */
        b: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The comparison */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RunComparison'];
        };
      };
      /** @description Invalid request: the body names each field and why */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No or unknown credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  listJobRuns: {
    parameters: {
      query?: {
        /** @description Comma-separated statuses, e.g. RUNNING,FAILED */
        status?: string;
        /** @description Case-insensitive match on title or message */
        q?: string;
        page?: number;
        size?: number;
        /** @description true: sub-runs too (by default lists show top-level runs) */
        include_subruns?: 'true' | 'false';
        /** @description The seed system's name for include_subruns */
        include_subtasks?: 'true' | 'false';
        /** @description Only the sub-runs of this run, oldest first */
        parent?: number;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Runs of the job, newest first */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RunList'];
        };
      };
      /** @description Invalid request: the body names each field and why */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No or unknown credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  createRun: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    /** @description The request body */
    requestBody: {
      content: {
        'application/json': components['schemas']['RunCreate'];
      };
    };
    responses: {
      /** @description The queued run */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Run'];
        };
      };
      /** @description Invalid request: the body names each field and why */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No or unknown credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  listRuns: {
    parameters: {
      query?: {
        /** @description Comma-separated statuses, e.g. FAILED,PARTIAL_SUCCESS */
        status?: string;
        /** @description Only runs of this job (id) */
        job?: string;
        task?: string;
        queue?: string;
        /** @description Who started the run, exactly */
        started_by?: string;
        /** @description Case-insensitive match on title or message */
        q?: string;
        /** @description What from/to are about: created (default) or finished */
        time?: 'created' | 'finished';
        /** @description ISO 8601 date-time, inclusive */
        from?: string;
        /** @description ISO 8601 date-time, exclusive */
        to?: string;
        /** @description true: sub-runs too */
        include_subruns?: 'true' | 'false';
        /** @description The seed system's name for include_subruns */
        include_subtasks?: 'true' | 'false';
        /** @description Newest first (-created) by default; by end shows ended runs */
        sort?: '-created' | 'created' | '-finished' | 'finished';
        page?: number;
        size?: number;
        /** @description Only the sub-runs of this run, oldest first */
        parent?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Runs of all jobs, newest first */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RunSearchList'];
        };
      };
      /** @description Invalid request: the body names each field and why */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No or unknown credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getJobRun: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        run_id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The run */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Run'];
        };
      };
      /** @description Invalid request: the body names each field and why */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No or unknown credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  deleteRun: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        run_id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Invalid request: the body names each field and why */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No or unknown credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The run, a sub-run or its parent is active */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getRun: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        run_id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The run */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Run'];
        };
      };
      /** @description Invalid request: the body names each field and why */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No or unknown credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  listRunAttempts: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        run_id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The attempts */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RunAttemptList'];
        };
      };
      /** @description Invalid request: the body names each field and why */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No or unknown credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  stopRun: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        run_id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The run, CANCELLED or CANCELLING */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Run'];
        };
      };
      /** @description Invalid request: the body names each field and why */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No or unknown credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The run has already ended */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getOverview: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The overview */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Overview'];
        };
      };
      /** @description Invalid request: the body names each field and why */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No or unknown credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  countBulkRuns: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description The request body */
    requestBody: {
      content: {
        'application/json': components['schemas']['BulkCountRequest'];
      };
    };
    responses: {
      /** @description The counts */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BulkCount'];
        };
      };
      /** @description Invalid request: the body names each field and why */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No or unknown credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  bulkStopRuns: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description The request body */
    requestBody: {
      content: {
        'application/json': components['schemas']['BulkSelection'];
      };
    };
    responses: {
      /** @description What was done */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BulkResult'];
        };
      };
      /** @description Invalid request: the body names each field and why */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No or unknown credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  bulkRerunRuns: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description The request body */
    requestBody: {
      content: {
        'application/json': components['schemas']['BulkSelection'];
      };
    };
    responses: {
      /** @description What was done */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BulkResult'];
        };
      };
      /** @description Invalid request: the body names each field and why */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No or unknown credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  bulkDeleteRuns: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description The request body */
    requestBody: {
      content: {
        'application/json': components['schemas']['BulkSelection'];
      };
    };
    responses: {
      /** @description What was done */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BulkResult'];
        };
      };
      /** @description Invalid request: the body names each field and why */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No or unknown credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getRunLogStats: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        run_id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The log's length */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LogStats'];
        };
      };
      /** @description Invalid request: the body names each field and why */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No or unknown credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  listRunLogs: {
    parameters: {
      query?: {
        /** @description Cursor: lines after this sequence number */
        after?: number | null;
        /** @description Lowest level shown */
        level?: 'debug' | 'info' | 'warn' | 'error';
        /** @description Only lines whose message contains this text (any case) */
        q?: string;
        size?: number;
        /** @description true: a Server-Sent Events stream of lines (event "log", id = seq) until the run ends (event "end"); resumes after Last-Event-ID */
        follow?: 'true' | 'false';
      };
      header?: never;
      path: {
        id: string;
        run_id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Log lines, oldest first; links.next is the next page (same filters, after = last seq) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LogPage'];
          'text/event-stream': string;
        };
      };
      /** @description Invalid request: the body names each field and why */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No or unknown credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  downloadJobRunLogs: {
    parameters: {
      query?: {
        /** @description Cursor: lines after this sequence number */
        after?: number | null;
        /** @description Lowest level shown */
        level?: 'debug' | 'info' | 'warn' | 'error';
        /** @description Only lines whose message contains this text (any case) */
        q?: string;
        /** @description text: one readable line each; ndjson: one JSON log line each */
        format?: 'text' | 'ndjson';
      };
      header?: never;
      path: {
        id: string;
        run_id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The whole log (after the cursor, filtered), oldest first, streamed as an attachment */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/plain': string;
          'application/x-ndjson': string;
        };
      };
      /** @description Invalid request: the body names each field and why */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No or unknown credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  downloadRunLogs: {
    parameters: {
      query?: {
        /** @description Cursor: lines after this sequence number */
        after?: number | null;
        /** @description Lowest level shown */
        level?: 'debug' | 'info' | 'warn' | 'error';
        /** @description Only lines whose message contains this text (any case) */
        q?: string;
        /** @description text: one readable line each; ndjson: one JSON log line each */
        format?: 'text' | 'ndjson';
      };
      header?: never;
      path: {
        run_id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The whole log (after the cursor, filtered), oldest first, streamed as an attachment */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/plain': string;
          'application/x-ndjson': string;
        };
      };
      /** @description Invalid request: the body names each field and why */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No or unknown credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  searchLogs: {
    parameters: {
      query?: {
        /** @description Words every line must have, in any case (whole words of letters and digits; other characters separate words) */
        q?: string;
        /** @description Only lines of runs of this job */
        job?: string;
        /** @description Only lines of this run */
        run?: number;
        /** @description With run: the lines of its sub-runs too, each hit naming its run */
        include_subruns?: 'true' | 'false';
        /** @description Lowest level shown */
        level?: 'debug' | 'info' | 'warn' | 'error';
        /** @description Lines at or after this time (ISO 8601) */
        since?: string;
        /** @description Lines before this time (ISO 8601) */
        until?: string;
        /** @description Cursor: the next of the previous page */
        after?: string;
        size?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of matching lines, newest first */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LogSearchPage'];
        };
      };
      /** @description Invalid request: the body names each field and why */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No or unknown credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  listSubRuns: {
    parameters: {
      query?: {
        /** @description Comma-separated statuses, e.g. RUNNING,FAILED */
        status?: string;
        /** @description Case-insensitive match on title or message */
        q?: string;
        page?: number;
        size?: number;
      };
      header?: never;
      path: {
        run_id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Sub-runs, oldest first */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SubRunList'];
        };
      };
      /** @description Invalid request: the body names each field and why */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No or unknown credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  listRunNotifications: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        run_id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deliveries with their attempts */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['NotificationList'];
        };
      };
      /** @description Invalid request: the body names each field and why */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No or unknown credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  listJobNotifications: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deliveries with their attempts */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['NotificationList'];
        };
      };
      /** @description Invalid request: the body names each field and why */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No or unknown credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  listSkippedSlots: {
    parameters: {
      query?: {
        page?: number;
        size?: number;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Skipped slots of the job, newest first */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SkippedSlotList'];
        };
      };
      /** @description Invalid request: the body names each field and why */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No or unknown credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  listTasks: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Registered tasks */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            hits: {
              hits: components['schemas']['Task'][];
              total: number;
            };
          };
        };
      };
      /** @description Invalid request: the body names each field and why */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No or unknown credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getTaskArgsSchema: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description JSON Schema of the task arguments */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            [key: string]: unknown;
          };
        };
      };
      /** @description Invalid request: the body names each field and why */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No or unknown credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  previewSchedule: {
    parameters: {
      query?: {
        /** @description A schedule object as JSON text */
        schedule?: string;
        cron?: string;
        every?: string;
        timezone?: string;
        start_at?: string;
        from?: string;
        count?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The schedule, in words, and its next fire times with offsets */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            schedule: {
              [key: string]: unknown;
            };
            description: string;
            timezone: string;
            times: string[];
          };
        };
      };
      /** @description Invalid request: the body names each field and why */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No or unknown credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getTask: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The task */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TaskDetail'];
        };
      };
      /** @description Invalid request: the body names each field and why */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No or unknown credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getTaskStats: {
    parameters: {
      query?: {
        window?: number;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The figures */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TaskStats'];
        };
      };
      /** @description Invalid request: the body names each field and why */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No or unknown credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  listWorkers: {
    parameters: {
      query?: {
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Worker processes */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WorkerList'];
        };
      };
      /** @description Invalid request: the body names each field and why */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No or unknown credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  listQueues: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Configured queues with run counts by status */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            hits: {
              hits: components['schemas']['Queue'][];
              total: number;
            };
          };
        };
      };
      /** @description Invalid request: the body names each field and why */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No or unknown credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  pauseQueue: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        name: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The queue */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Queue'];
        };
      };
      /** @description Invalid request: the body names each field and why */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No or unknown credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  resumeQueue: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        name: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The queue */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Queue'];
        };
      };
      /** @description Invalid request: the body names each field and why */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No or unknown credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getRunStats: {
    parameters: {
      query?: {
        /** @description A job's id (its top-level runs); or give task */
        job?: string;
        /** @description A task's id (all its runs, sub-runs included) */
        task?: string;
        /** @description How many of the latest ended runs (default 100, at most 500) */
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Runs oldest first; p50/p95 of the successful ones */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RunStats'];
        };
      };
      /** @description Invalid request: the body names each field and why */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No or unknown credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getOutcomeStats: {
    parameters: {
      query?: {
        /** @description A job's id (its top-level runs); or give task */
        job?: string;
        /** @description A task's id (all its runs, sub-runs included) */
        task?: string;
        /** @description Days back, today included (default 30, at most 90) */
        days?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Every day of the window, oldest first */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['OutcomeStats'];
        };
      };
      /** @description Invalid request: the body names each field and why */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No or unknown credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getQueueStats: {
    parameters: {
      query?: {
        /** @description Hours back (default 24, at most 72); 15-minute buckets up to 6 h, else hourly */
        hours?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Buckets with runs, oldest first */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['QueueStats'];
        };
      };
      /** @description Invalid request: the body names each field and why */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No or unknown credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  listAuditEntries: {
    parameters: {
      query?: {
        job?: string;
        page?: number;
        size?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Changes, newest first */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AuditList'];
        };
      };
      /** @description Invalid request: the body names each field and why */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No or unknown credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  listUsers: {
    parameters: {
      query?: {
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Accounts by e-mail */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UserList'];
        };
      };
      /** @description Invalid request: the body names each field and why */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No or unknown credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  createUser: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description The request body */
    requestBody: {
      content: {
        'application/json': {
          email: string;
          name: string;
          /** @enum {string} */
          role: 'admin' | 'operator' | 'viewer';
          password?: string;
        };
      };
    };
    responses: {
      /** @description Created */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['User'];
        };
      };
      /** @description Invalid request: the body names each field and why */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No or unknown credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Another account has this e-mail address */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  updateUser: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        user_id: string;
      };
      cookie?: never;
    };
    /** @description The request body */
    requestBody: {
      content: {
        'application/json': {
          email?: string;
          name?: string;
          /** @enum {string} */
          role?: 'admin' | 'operator' | 'viewer';
          disabled?: boolean;
        };
      };
    };
    responses: {
      /** @description Changed */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['User'];
        };
      };
      /** @description Invalid request: the body names each field and why */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No or unknown credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Another account has this e-mail address */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  setUserPassword: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        user_id: string;
      };
      cookie?: never;
    };
    /** @description The request body */
    requestBody: {
      content: {
        'application/json': {
          password: string;
        };
      };
    };
    responses: {
      /** @description Set */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Invalid request: the body names each field and why */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No or unknown credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  changeOwnPassword: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description The request body */
    requestBody: {
      content: {
        'application/json': {
          current: string;
          password: string;
        };
      };
    };
    responses: {
      /** @description Changed */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Invalid request: the body names each field and why */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No or unknown credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  streamEvents: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description An endless event stream */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/event-stream': string;
        };
      };
      /** @description No or unknown credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
}
