export interface Config {
  /** Configuration of the Pipeline Triage backend plugin. */
  pipelineTriage?: {
    /** Environment recorded for events that do not say which one they come from. Default: prod. */
    defaultEnvironment?: 'prod' | 'staging' | 'dev';
    ingest?: {
      /** Largest request body accepted, e.g. `5mb`. Default: 5mb. */
      maxBodySize?: string;
      /** Most events in one `{"events": [...]}` batch. Default: 500. */
      maxBatchEvents?: number;
      /** Bytes of log kept per event; the error lines and the tail survive trimming. Default: 65536. */
      maxLogBytes?: number;
    };
    processing?: {
      /** Attempts before an event goes to the dead-letter table. Default: 5. */
      maxAttempts?: number;
      /** How often the sweeper retries pending events, in seconds. Default: 30. */
      sweepIntervalSeconds?: number;
    };
    incidents?: {
      /** A failure matching a resolved incident within this many hours reopens it. Default: 72. */
      reopenWindowHours?: number;
    };
    /** Load the example failure events and generate history at start-up (development only). */
    demo?: {
      /** Folder with example events, relative to the backend's working directory. */
      eventsDir?: string;
      /** Weeks of generated history. Default: 12. */
      historyWeeks?: number;
    };
  };
}
