import type {
  IncidentDetail,
  IncidentSummary,
  TrendsResponse,
} from '@pipeline-triage/plugin-pipeline-triage-common';
import type { ContractFinding, ContractState } from '../api';

/** A plausible incident summary; tests override only what they assert on. */
export function makeSummary(
  overrides: Partial<IncidentSummary> = {},
): IncidentSummary {
  return {
    id: 'inc-1',
    title: 'orders_daily failed: column customer_id not found',
    status: 'open',
    category: 'schema_drift',
    domain: 'data',
    confidence: 0.87,
    safeToRetry: false,
    partialWrite: 'false',
    severity: 'high',
    environment: 'prod',
    jobName: 'orders_daily',
    jobNamespace: 'airflow',
    jobEntityRef: 'component:default/orders-daily',
    ownerRef: 'group:default/data-platform',
    routedTo: 'group:default/data-platform',
    routeRule: 'owner',
    linked: true,
    signature: 'sig-1',
    occurrences: 3,
    consecutiveFailures: 2,
    firstSeen: '2026-01-08T10:00:00Z',
    lastSeen: '2026-01-10T09:00:00Z',
    lastSuccess: '2026-01-07T09:00:00Z',
    categoryOverridden: false,
    ...overrides,
  };
}

export function makeDetail(
  overrides: Partial<IncidentDetail> = {},
): IncidentDetail {
  const summary = makeSummary(overrides);
  return {
    ...summary,
    verdict: {
      classification: {
        category: summary.category,
        domain: summary.domain,
        confidence: summary.confidence,
        evidence: ['e1'],
        rules: ['schema.missing_column'],
        hypotheses: [
          {
            category: 'schema_drift',
            score: 0.87,
            rules: ['schema.missing_column'],
            reason: 'Missing column in source',
          },
          {
            category: 'code_error',
            score: 0.31,
            rules: ['code.sql_error'],
            reason: 'SQL error, but the column existed last week',
          },
        ],
        source: 'rules',
      },
      partialWrite: {
        partialWrite: 'false',
        reason: 'No commits during the run',
      },
      retry: {
        safeToRetry: false,
        reason: 'Schema drift does not fix itself on retry',
        wouldAllowYes:
          'A schema registry event showing the column was restored',
      },
      recommendation: {
        action: 'Update the model to the new source schema',
        diagnostics: [
          {
            label: 'Describe the source table',
            command: 'DESCRIBE TABLE raw.orders',
          },
        ],
        prevention: 'Add a data contract on raw.orders',
        runbookUrl: 'https://runbooks.example.com/schema-drift',
      },
      severity: 'high',
      signature: 'sig-1',
      summary: 'Column customer_id is missing from raw.orders',
    },
    evidenceLines: [
      {
        id: 'e1',
        line: 42,
        text: "AnalysisException: cannot resolve 'customer_id'",
        kind: 'error',
      },
      {
        id: 'e2',
        line: 43,
        text: 'at org.apache.spark.sql.Dataset',
        kind: 'context',
      },
    ],
    causeChain: ['AnalysisException', 'Column customer_id missing'],
    recommendation: {
      action: 'Update the model to the new source schema',
      diagnostics: [
        {
          label: 'Describe the source table',
          command: 'DESCRIBE TABLE raw.orders',
        },
      ],
      prevention: 'Add a data contract on raw.orders',
      runbookUrl: 'https://runbooks.example.com/schema-drift',
    },
    route: {
      recipient: 'group:default/data-platform',
      copy: [],
      rule: 'owner',
      reason: 'The pipeline owner gets data failures',
      notify: true,
    },
    linkedEntities: [
      { entityRef: 'component:default/orders-daily', role: 'job' },
      { entityRef: 'resource:default/raw-orders', role: 'input' },
      { entityRef: 'resource:default/orders', role: 'output' },
    ],
    links: [
      {
        kind: 'airflow_task_instance',
        url: 'https://airflow.example.com/ti/1',
        label: 'Airflow task',
      },
    ],
    occurrencesList: [
      {
        eventId: 'ev-1',
        eventTime: '2026-01-10T09:00:00Z',
        receivedAt: '2026-01-10T09:00:02Z',
        outcome: 'fail',
        attempt: 1,
      },
    ],
    statusHistory: [
      { at: '2026-01-08T10:00:00Z', by: 'system', action: 'opened' },
    ],
    notifications: [
      {
        at: '2026-01-08T10:00:05Z',
        recipients: ['group:default/data-platform'],
        channel: 'backstage',
        status: 'sent',
      },
    ],
    latestEvent: {
      source: 'airflow',
      outcome: 'fail',
      job: { namespace: 'airflow', name: 'orders_daily' },
      eventTime: '2026-01-10T09:00:00Z',
      errorMessage: "cannot resolve 'customer_id'",
    },
    ...overrides,
  } as IncidentDetail;
}

/** Two weeks with known counts: 3 (2 schema drift + 1 permission) then 4 (+33%). */
export function makeTrends(
  overrides: Partial<TrendsResponse> = {},
): TrendsResponse {
  return {
    groupBy: 'category',
    keys: ['schema_drift', 'permission'],
    weeks: [
      {
        week: '2026-W01',
        weekStart: '2025-12-29',
        total: 3,
        counts: { schema_drift: 2, permission: 1 },
        change: null,
      },
      {
        week: '2026-W02',
        weekStart: '2026-01-05',
        total: 4,
        counts: { schema_drift: 1, permission: 3 },
        change: 0.3333,
      },
    ],
    ...overrides,
  };
}

/** A missing required column of the checkout-orders contract, seen twice. */
export function makeViolation(
  overrides: Partial<ContractFinding> = {},
): ContractFinding {
  return {
    kind: 'schema',
    clause: 'missing_required_column',
    contractRef: 'api:default/checkout-orders',
    tableRef: 'resource:default/raw-orders',
    dataset: 's3://acme-datalake-raw/checkout/orders',
    path: 'schema[0].properties[5]',
    line: 61,
    column: 'currency_code',
    observed: 'absent from the schema the run reported',
    expected: 'required column currency_code (string)',
    message: 'Required column currency_code is missing',
    count: 2,
    firstSeen: '2026-01-08T10:00:00Z',
    lastSeen: '2026-01-10T09:00:00Z',
    lastIncidentId: 'inc-1',
    ...overrides,
  };
}

/** A column of a table without a contract that changed type since the last schema seen. */
export function makeDrift(
  overrides: Partial<ContractFinding> = {},
): ContractFinding {
  return {
    kind: 'observed_drift',
    clause: 'type_changed',
    tableRef: 'resource:default/stg-orders',
    dataset: 'snowflake://acme-prod/ANALYTICS.STAGING.STG_ORDERS',
    column: 'AMOUNT',
    observed: 'AMOUNT VARCHAR',
    expected: 'AMOUNT NUMBER(12,2) (last seen)',
    message: 'Column AMOUNT changed type from NUMBER(12,2) to VARCHAR',
    count: 1,
    firstSeen: '2026-01-09T10:00:00Z',
    lastSeen: '2026-01-09T10:00:00Z',
    lastIncidentId: 'inc-7',
    ...overrides,
  };
}

export function makeContractState(
  overrides: Partial<ContractState> = {},
): ContractState {
  return {
    entityRef: 'api:default/checkout-orders',
    valid: true,
    format: 'odcs-3.1',
    name: 'Checkout orders',
    version: '2.1.0',
    status: 'active',
    owners: { team: 'checkout-producers', usernames: ['kenji.watanabe'] },
    sla: { latency: { seconds: 3600, line: 120 } },
    tables: [
      { name: 'orders', columns: 9, required: ['order_id', 'currency_code'] },
    ],
    warnings: [],
    ...overrides,
  };
}
