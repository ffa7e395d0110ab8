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
    /** List runs of all jobs */
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
     * @description Deletes an ended run with its log lines and its sub-runs; 409 while the run or one of its sub-runs is queued, running or waiting. Audited (run.delete).
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
    SignedIn: components['schemas']['Identity'] & {
      /** @enum {string} */
      signed_in_by: 'host' | 'jobdeck';
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
    RunList: {
      hits: {
        hits: components['schemas']['Run'][];
        total: number;
      };
      links: components['schemas']['Links'];
    };
    AllRunList: {
      hits: {
        hits: components['schemas']['Run'][];
        total: number;
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
      event: 'finished' | 'missed' | 'running_long';
      /** @description The run status told about, MISSED or RUNNING_LONG */
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
    Queue: {
      name: string;
      title: string;
      description: string;
      paused: boolean;
      counts: {
        [key: string]: number;
      };
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
        queue?: string;
        task?: string;
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
          'application/json': components['schemas']['AllRunList'];
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
      /** @description The run or a sub-run is active */
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
