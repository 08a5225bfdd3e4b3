import type { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  /** Configuration of the Pipeline Triage backend plugin. */
  pipelineTriage?: {
    /** Environment recorded for events that do not say which one they come from. Default: prod. */
    defaultEnvironment?: 'prod' | 'staging' | 'dev';
    ingest?: {
      /**
       * Largest request body accepted, e.g. `5mb`, measured after gzip/deflate decompression;
       * larger bodies get 413 naming the limit. Applies to every path but the format routes below.
       * Default: 5mb.
       */
      maxBodySize?: string;
      /** Body limits of the formats that have a route of their own, instead of maxBodySize. */
      maxBodySizeByFormat?: {
        /**
         * `POST /v1/dbt` (run_results.json, sources.json, with manifest.json): after
         * decompression. Only the manifest nodes the results name are kept. Default: 100mb.
         */
        dbt?: string;
      };
      /**
       * Plain-text logs posted without `?runId=`: an identical log (same job, same text) received
       * again within this many seconds is answered as a duplicate of the first, not counted again.
       * With `?runId=` the run id decides, as for every other format. 0 turns this off. Default: 600.
       */
      textDedupWindowSeconds?: number;
      /**
       * Per-sender limit on `POST /v1/events`, keyed by the authenticated principal (the sender
       * token's subject). Over it: 429 with Retry-After. Counted in memory: the limit holds per
       * backend instance. Each request carries at most 500 events.
       */
      rateLimit?: {
        /** Requests one sender may make per window; 0 turns the limit off. Default: 30000. */
        maxRequestsPerWindow?: number;
        /** Window length in seconds. Default: 60. */
        windowSeconds?: number;
      };
    };
    dbtCloud?: {
      /**
       * The secret dbt Cloud shows for the job-run webhook pointed at `POST /v1/dbt-cloud`; each
       * delivery's `Authorization` header must be the hex HMAC-SHA256 of its body with it (401
       * otherwise). Unset: the route answers 404. Production reads it from the environment
       * (`DBT_CLOUD_WEBHOOK_SECRET`).
       * @visibility secret
       */
      webhookSecret?: string;
    };
    processing?: {
      /** Attempts before an event goes to the dead-letter table. Default: 5. */
      maxAttempts?: number;
      /** First retry delay of a failed event, doubled on each attempt. Default: 10. */
      retryDelaySeconds?: number;
      /** How long one worker holds an event before another may take it over. Default: 120. */
      leaseSeconds?: number;
      /** How often the sweeper retries pending events, in seconds. Default: 30. */
      sweepIntervalSeconds?: number;
      /**
       * Worker threads that classify large batches off the event loop; 0 classifies in-process.
       * Default: the number of cores minus one, at most 4.
       */
      engineWorkers?: number;
    };
    incidents?: {
      /** A failure matching a resolved incident within this many hours reopens it. Default: 72. */
      reopenWindowHours?: number;
      /**
       * A failure whose input was written by a job with an open incident last seen within this
       * many hours before it is that incident's cascade (`causedBy`): one notice, no page. Default: 24.
       */
      cascadeWindowHours?: number;
      /** Resolve a job's open incidents when a success arrives (never after a partial write). Default: true. */
      autoResolveOnSuccess?: boolean;
    };
    trends?: {
      /** IANA time zone of the weekly buckets. Default: utc. */
      timeZone?: string;
    };
    contracts?: {
      /** How often the persisted parsed contracts are compared with the catalog, in seconds. Default: 300. */
      refreshIntervalSeconds?: number;
    };
    /**
     * The freshness watch: a pipeline that writes a table under contract and has not run at all
     * within the contract's freshness (else frequency) SLA gets a silent incident.
     */
    freshness?: {
      /** Turns the watch off. Default: true. */
      enabled?: boolean;
      /** How often the watch checks, in minutes. Default: 15. */
      checkIntervalMinutes?: number;
      /** How long past the SLA a missing run becomes an incident, in minutes. Default: 30. */
      graceMinutes?: number;
    };
    linking?: {
      /** How long one catalog snapshot serves lookups, in seconds. Default: 60. */
      cacheTtlSeconds?: number;
      /** How many hops of downstream consumers an incident lists. Default: 3. */
      downstreamDepth?: number;
      /**
       * A catalog that has not answered the linking query within this many seconds counts as
       * unavailable: events wait for it instead of holding requests. Default: 15.
       */
      catalogTimeoutSeconds?: number;
    };
    routing?: {
      /** Receives resource and infrastructure failures. Default: group:default/data-platform. */
      platformTeam?: string;
      /** Receives permission failures. Default: group:default/iam-security. */
      iamTeam?: string;
      /** Receives what no role resolves, including jobs the catalog does not know. */
      fallbackTeam?: string;
      /** A source delay without a contract SLA pages once the input is this late, in minutes. Default: 60. */
      sourceDelaySlaMinutes?: number;
      /** Environments whose incidents notify anyone; the others are recorded only. Default: [prod]. */
      notifyEnvironments?: Array<'prod' | 'staging' | 'dev'>;
      /**
       * Per-category overrides of who receives an incident: roles tried in order, and roles in copy.
       * Roles: contract_owner, producer_owner, job_owner, dependency_owner, platform_team,
       * iam_team, fallback_team.
       */
      routes?: {
        [category: string]: { to?: string[]; copy?: string[] };
      };
    };
    /** Delivery targets beyond Backstage notifications; each is off unless its block is present. */
    sinks?: {
      /** Signed JSON POST of each routed incident. */
      webhook?: {
        /** @visibility secret */
        url: string;
        /**
         * HMAC-SHA256 key: X-Pipeline-Triage-Signature is `sha256=<hex>` of the raw body.
         * @visibility secret
         */
        secret: string;
        /** Per-request timeout in milliseconds. Default: 10000. */
        timeoutMs?: number;
      };
      /** Needs a botToken, a webhookUrl, or both. */
      slack?: {
        /**
         * Slack incoming-webhook URL: where incidents go whose routed team names no channel
         * (`slack.com/bot-notify`), or every incident without a botToken; it is a credential.
         * @visibility secret
         */
        webhookUrl?: string;
        /**
         * Bot token (`xoxb-…`, scope chat:write) that posts with chat.postMessage to the channel
         * in the routed team's `slack.com/bot-notify` annotation.
         * @visibility secret
         */
        botToken?: string;
        /** Slack Web API base URL. Default: https://slack.com/api. */
        apiUrl?: string;
        /** Per-request timeout in milliseconds. Default: 10000. */
        timeoutMs?: number;
      };
      pagerDuty?: {
        /**
         * Events API v2 integration (routing) key for incidents whose routed team, and the failed
         * job's owner, have no `pagerduty.com/integration-key` annotation. Without it those page
         * nobody (recorded as a failed delivery).
         * @visibility secret
         */
        routingKey?: string;
        /** Events API endpoint. Default: https://events.pagerduty.com/v2/enqueue. */
        url?: string;
        /** Lowest severity that pages. Default: high. */
        minSeverity?: 'critical' | 'high' | 'normal' | 'low';
        /** Per-request timeout in milliseconds. Default: 10000. */
        timeoutMs?: number;
      };
      /**
       * Deliveries go through a durable outbox (table pt_sink_outbox): stored before the first
       * attempt, retried from the store by a scheduled job on any instance, once per incident,
       * sink and update, and dead-lettered after maxAttempts.
       */
      retry?: {
        /** Attempts per sink and delivery, the first included; then the row is dead. Default: 4. */
        maxAttempts?: number;
        /** Delay before the second attempt, doubled before each later one. Default: 500. */
        baseDelayMs?: number;
        /** How often the outbox job looks for due deliveries, in seconds. Default: 5. */
        intervalSeconds?: number;
      };
    };
    noise?: {
      /** Notifications per routed team per hour before the rest are recorded as suppressed (per instance). Default: 30. */
      maxNotificationsPerTeamPerHour?: number;
      /** Maintenance windows: no notifications about these entities between from and to. */
      muteWindows?: Array<{
        entityRef: string;
        from: string;
        to: string;
        reason?: string;
      }>;
    };
    digest?: {
      /** When the weekly digest goes to each team (cron, backend time zone). Default: Mondays 08:00. */
      cron?: string;
    };
    /**
     * Model-assisted investigation with Anthropic. Without an apiKey (or with enabled: false)
     * the Investigate flow still runs, rule-based, from the incident's own evidence.
     */
    llm?: {
      /** Default: true when an apiKey is set. */
      enabled?: boolean;
      /**
       * Anthropic API key; read it from the environment, e.g. `${ANTHROPIC_API_KEY}`.
       * @visibility secret
       */
      apiKey?: string;
      /** Claude model id. Default: claude-sonnet-5. */
      model?: string;
      /** Messages API base URL (a proxy or gateway). Default: the SDK's. */
      baseUrl?: string;
      /** Time allowed for one model call, streaming included. Default: 60000. */
      timeoutMs?: number;
      /** max_tokens of one answer. Default: 4096. */
      maxTokens?: number;
      /** SDK retries on 429/5xx/connection errors before the call counts as failed. Default: 1. */
      maxRetries?: number;
      /** Model calls in flight at once, per instance. Default: 2. */
      concurrency?: number;
      /** Input plus output tokens per UTC day, per instance; past it the model is not called. Default: 2000000. */
      dailyTokenBudget?: number;
      /**
       * fallback: investigate automatically when the rules say unknown or are below the
       * threshold; on-demand: only when someone presses Investigate; always: every new incident.
       * Default: on-demand.
       */
      mode?: 'fallback' | 'on-demand' | 'always';
      /** Rules' calibrated confidence (the probability the rules' category is right) below which the model may replace the category. Default: 0.8. */
      confidenceThreshold?: number;
      /** In automatic modes, how long routing waits for the model before it proceeds. Default: 20000. */
      routingWaitMs?: number;
      circuitBreaker?: {
        /** Consecutive failed calls that pause calling the model. Default: 5. */
        failures?: number;
        /** How long the pause lasts. Default: 60. */
        openSeconds?: number;
      };
    };
    /** User rule packs: YAML files, validated on load. */
    rules?: {
      /** Paths of YAML rule packs, relative to the backend's working directory. */
      files?: string[];
      /**
       * Milliseconds all user-pack patterns together may take on one event; past it the rest
       * are skipped for that event and the verdict carries a warning naming pack and rule. Default: 50.
       */
      budgetMsPerEvent?: number;
    };
    /** How long raw events and logs are kept; incidents and their verdicts are kept regardless. */
    retention?: {
      /** Days after which a processed event keeps only its identity (source, job, run, outcome, time). Default: 90. */
      rawEventsDays?: number;
      /** Days after which stack traces and log excerpts are removed from events and incidents. Default: 30. */
      logsDays?: number;
      /**
       * When the cleanup runs (a Backstage task schedule, on one instance at a time).
       * Default: every 6 hours, first 2 minutes after start-up.
       */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    };
    /** Thresholds of `/health`. */
    health?: {
      /** The oldest unprocessed event older than this reports the instance degraded. Default: 300. */
      maxQueueLagSeconds?: number;
      /**
       * A database not answering within this many seconds is reported unreachable (503); the same
       * wait applies to the catalog (degraded) and the auth backend's signing keys (503). Default: 5.
       */
      databaseTimeoutSeconds?: number;
      /** One check of the catalog and the auth backend serves /health calls for this long. Default: 5. */
      dependencyCacheSeconds?: number;
    };
    /** Development only: load the example failure events and generate history at start-up. */
    demo?: {
      /** Folder with example events, relative to the backend's working directory. */
      eventsDir: string;
      /** Weeks of generated history. Default: 12. */
      historyWeeks?: number;
      /** Seconds to wait after start-up, so the catalog has loaded the examples. Default: 10. */
      delaySeconds?: number;
    };
  };
}
