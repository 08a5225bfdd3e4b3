import fs from 'fs';
import path from 'path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { openLineageAdapter } from './openlineage';
import { fixture, problemsOf, testContext as ctx } from './__testUtils__';

const OWN_FIXTURES = [
  'openlineage-spark-fail.json',
  'openlineage-airflow-task-fail.json',
  'openlineage-dbt-test-fail.json',
];

/** The standards' own files live beside the repository, never inside it. */
const SPECS = path.resolve(
  __dirname,
  '../../../..',
  '../shared/specs/openlineage',
);
const haveSpecs = fs.existsSync(SPECS);
const describeSpecs =
  haveSpecs || process.env.CI === 'true' ? describe : describe.skip;

describe('openLineageAdapter', () => {
  it('normalizes a failed Spark run with error, parent, owners, schema and statistics', () => {
    const [event] = openLineageAdapter.normalize(
      fixture('openlineage-spark-fail.json'),
      ctx,
    );
    expect(event).toMatchObject({
      source: 'openlineage',
      outcome: 'fail',
      environment: 'prod',
      runId: '01936a2e-7c41-7d3a-9b5e-4f2a8c1d6e09',
      parentRunId: '01936a1f-0a00-7b2c-8d4e-5f6a7b8c9d0e',
      eventTime: '2026-11-20T03:12:44.517Z',
      job: { namespace: 'spark-prod', type: 'spark/sql_job' },
      owners: ['team:commerce-data'],
      signals: { rowsWritten: 1843211 },
    });
    expect(event.errorMessage).toMatch(/^Job aborted due to stage failure/);
    expect(event.stackTrace).toContain(
      'Caused by: org.apache.spark.sql.execution.datasources',
    );
    expect(event.inputs![0].schema!.map(f => f.name)).toEqual([
      'order_id',
      'amount',
      'customer',
      'customer.id',
      'customer.address',
      'customer.address.city',
      'customer.address.country',
    ]);
    expect(event.inputs![0].schema![1]).toEqual({
      name: 'amount',
      type: 'decimal(18,2)',
      description: 'Order total in EUR',
    });
    expect(event.outputs![0]).toMatchObject({
      rowCount: 1843211,
      bytes: 98231744,
    });
    expect(event.job.airflowDagId).toBeUndefined();
  });

  it('maps Airflow task jobs to dag and task ids, trusting the parent DAG for dotted dag ids', () => {
    const [event] = openLineageAdapter.normalize(
      fixture('openlineage-airflow-task-fail.json'),
      ctx,
    );
    expect(event.job).toMatchObject({
      name: 'finance.ledger_daily.load_ledger',
      airflowDagId: 'finance.ledger_daily',
      airflowTaskId: 'load_ledger',
      type: 'airflow/task',
    });
    expect(event.environment).toBe('staging');
    expect(event.eventTime).toBe('2026-11-20T02:41:09.338291+00:00');
  });

  it('splits at the first dot when there is no parent DAG', () => {
    const payload = fixture('openlineage-airflow-task-fail.json');
    delete payload.run.facets.parent;
    payload.job.name = 'orders_daily.load';
    const [event] = openLineageAdapter.normalize(payload, ctx);
    expect(event.job).toMatchObject({
      airflowDagId: 'orders_daily',
      airflowTaskId: 'load',
    });
  });

  it('reads data-quality assertions and the environment run facet', () => {
    const [event] = openLineageAdapter.normalize(
      fixture('openlineage-dbt-test-fail.json'),
      ctx,
    );
    expect(event.environment).toBe('staging');
    expect(event.job.dbtUniqueId).toBe(
      'test.commerce.not_null_fct_orders_customer_id.8c1d2e3f4a',
    );
    expect(event.inputs![0].quality).toEqual([
      {
        name: 'not_null(customer_id)',
        success: false,
        column: 'customer_id',
        kind: 'not_null',
        message: 'expected 0; actual 5',
      },
      {
        name: 'unique(order_id)',
        success: true,
        column: 'order_id',
        kind: 'unique',
      },
    ]);
  });

  it.each([
    ['COMPLETE', 'success'],
    ['ABORT', 'abort'],
  ])('maps %s to %s', (eventType, outcome) => {
    const payload = { ...fixture('openlineage-spark-fail.json'), eventType };
    expect(openLineageAdapter.normalize(payload, ctx)[0].outcome).toBe(outcome);
  });

  it.each(['START', 'RUNNING', 'OTHER'])(
    'rejects %s: it is not a run outcome',
    eventType => {
      const payload = { ...fixture('openlineage-spark-fail.json'), eventType };
      expect(
        problemsOf(() => openLineageAdapter.normalize(payload, ctx)),
      ).toEqual([
        {
          field: 'eventType',
          reason: `eventType ${eventType} is not a run outcome; only FAIL, COMPLETE and ABORT are triaged`,
        },
      ]);
    },
  );

  it('falls back to the default environment when nothing hints at one', () => {
    const payload = fixture('openlineage-airflow-task-fail.json');
    payload.job.namespace = 'airflow';
    payload.run.facets.parent.job.namespace = 'airflow';
    expect(openLineageAdapter.normalize(payload, ctx)[0].environment).toBe(
      'dev',
    );
  });

  it('rejects a bad identity field by its path, and drops bad facet values with a warning', () => {
    const payload = fixture('openlineage-spark-fail.json');
    payload.run.facets.errorMessage.message = ['not', 'text'];
    payload.outputs[0].outputFacets.outputStatistics.rowCount = 'many';
    payload.inputs[0].facets.schema.fields[2].fields[0] = { type: 'bigint' };
    payload.eventTime = 'yesterday';
    // What identifies the failure is reported alone: facets never reject an event.
    expect(
      problemsOf(() => openLineageAdapter.normalize(payload, ctx)),
    ).toEqual([
      { field: 'eventTime', reason: 'expected an ISO 8601 date-time' },
    ]);

    payload.eventTime = '2026-11-20T03:12:44Z';
    const [event] = openLineageAdapter.normalize(payload, ctx);
    expect(event.warnings).toEqual([
      'inputs[0].facets.schema.fields[2].fields[0].name: required; dropped',
      'outputs[0].outputFacets.outputStatistics.rowCount: expected a number; dropped',
      'run.facets.errorMessage.message: expected a string; dropped',
    ]);
    expect(event.errorMessage).toBeUndefined();
    expect(event.outputs![0].rowCount).toBeUndefined();
    expect(event.inputs![0].schema!.length).toBeGreaterThan(0);

    payload.run = { runId: { id: 1 } };
    payload.outputs = [];
    payload.inputs = [];
    expect(
      problemsOf(() => openLineageAdapter.normalize(payload, ctx)),
    ).toEqual([{ field: 'run.runId', reason: 'expected a string' }]);
  });

  it('requires the job name and the event time; everything else is optional', () => {
    const minimal = { eventType: 'FAIL', run: {}, job: { namespace: 'ns' } };
    expect(
      problemsOf(() => openLineageAdapter.normalize(minimal, ctx)),
    ).toEqual([
      { field: 'job.name', reason: 'required' },
      { field: 'eventTime', reason: 'required' },
    ]);
    const [event] = openLineageAdapter.normalize(
      {
        eventType: 'FAIL',
        run: {},
        job: { name: 'nightly' },
        eventTime: '2026-11-20T01:00:00Z',
      },
      ctx,
    );
    expect(event).toEqual({
      source: 'openlineage',
      outcome: 'fail',
      environment: 'dev',
      job: { namespace: '', name: 'nightly' },
      eventTime: '2026-11-20T01:00:00Z',
    });
  });
});

describeSpecs('official OpenLineage material in ../shared/specs', () => {
  if (!haveSpecs) {
    it(`is present at ${SPECS} (the OpenLineage schema and fixtures are checked in CI)`, () => {
      expect(fs.existsSync(SPECS)).toBe(true);
    });
    return;
  }
  const read = (file: string) =>
    JSON.parse(fs.readFileSync(path.join(SPECS, file), 'utf8'));

  describe('own fixtures validate against the official JSON schema', () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    const ids: Record<string, string> = {};
    for (const file of fs.readdirSync(SPECS).filter(f => f.endsWith('.json'))) {
      const schema = read(file);
      ids[file.replace(/\.json$/, '')] = schema.$id;
      ajv.addSchema(schema);
    }
    const check = (schemaName: string, value: unknown) => {
      const validate = ajv.getSchema(ids[schemaName])!;
      const ok = validate(value);
      return ok
        ? []
        : validate.errors!.map(
            e => `${schemaName}${e.instancePath} ${e.message}`,
          );
    };

    it.each(OWN_FIXTURES)('%s', name => {
      const event = fixture(name);
      const errors = [...check('OpenLineage', event)];
      const runFacets = event.run.facets ?? {};
      const jobFacets = event.job.facets ?? {};
      errors.push(
        ...check('ErrorMessageRunFacet', runFacets),
        ...check('ParentRunFacet', runFacets),
      );
      errors.push(
        ...check('JobTypeJobFacet', jobFacets),
        ...check('OwnershipJobFacet', jobFacets),
      );
      for (const dataset of [
        ...(event.inputs ?? []),
        ...(event.outputs ?? []),
      ]) {
        errors.push(...check('SchemaDatasetFacet', dataset.facets ?? {}));
        errors.push(
          ...check(
            'DataQualityAssertionsDatasetFacet',
            dataset.inputFacets ?? {},
          ),
        );
        errors.push(
          ...check(
            'OutputStatisticsOutputDatasetFacet',
            dataset.outputFacets ?? {},
          ),
        );
      }
      expect(errors).toEqual([]);
    });

    it('the validator catches a malformed event (guards against a vacuous check)', () => {
      const broken = fixture('openlineage-spark-fail.json');
      delete broken.job.namespace;
      broken.run.facets.errorMessage.programmingLanguage = undefined;
      delete broken.run.facets.errorMessage.programmingLanguage;
      expect(check('OpenLineage', broken)).not.toEqual([]);
      expect(check('ErrorMessageRunFacet', broken.run.facets)).not.toEqual([]);
    });
  });

  describe('events emitted by the OpenLineage integrations themselves', () => {
    const files = fs
      .readdirSync(path.join(SPECS, 'fixtures'))
      .filter(f => f.endsWith('.json'));
    const events = files.flatMap(file => {
      const content = read(path.join('fixtures', file));
      return (Array.isArray(content) ? content : [content]).map((event, i) => ({
        label: `${file}#${i} ${event.eventType} ${event.job.name}`,
        event,
      }));
    });

    it('has fixtures to read', () => {
      expect(files.length).toBeGreaterThan(0);
    });

    const outcomes = events.filter(e =>
      ['FAIL', 'COMPLETE'].includes(e.event.eventType),
    );
    // The Flink fixture is a matcher template without eventTime; a real emitter always sends one
    // (the spec requires it), and without it the adapter says so.
    const timeless = outcomes.filter(e => !e.event.eventTime);
    it.each(timeless)(
      'asks for the missing eventTime of $label',
      ({ event }) => {
        expect(
          problemsOf(() => openLineageAdapter.normalize(event, ctx)),
        ).toEqual([{ field: 'eventTime', reason: 'required' }]);
      },
    );

    it.each(outcomes)('normalizes $label', ({ event }) => {
      const payload = { eventTime: '2026-11-20T00:00:00Z', ...event };
      const dbtId = /^(?:model|test)\./.test(event.job.name)
        ? event.job.name.replace(/\.sql\.\d+$/, '')
        : undefined;
      expect(openLineageAdapter.detect(payload, ctx)).toBe(true);
      const [normalized] = openLineageAdapter.normalize(payload, ctx);
      expect(normalized).toMatchObject({
        outcome: event.eventType === 'FAIL' ? 'fail' : 'success',
        job: { name: event.job.name },
      });
      expect(normalized.errorMessage).toBe(
        event.run.facets?.errorMessage?.message,
      );
      expect(normalized.job.dbtUniqueId).toBe(dbtId);
    });

    it('rejects the START events among them as not a run outcome', () => {
      const starts = events.filter(e => e.event.eventType === 'START');
      expect(starts.length).toBeGreaterThan(0);
      for (const { event } of starts) {
        expect(
          problemsOf(() => openLineageAdapter.normalize(event, ctx))[0].reason,
        ).toMatch(/^eventType START is not a run outcome/);
      }
    });

    it('keeps the dbt model error text, its parent run and its datasets', () => {
      const model = events.find(
        e =>
          e.event.eventType === 'FAIL' &&
          e.event.job.name === 'model.jaffle_shop.orders',
      )!.event;
      const [event] = openLineageAdapter.normalize(model, ctx);
      expect(event.errorMessage).toMatch(
        /^Database Error in model orders \(models\/orders\.sql\)/,
      );
      expect(event.parentRunId).toBeDefined();
      expect(event.job).toMatchObject({
        dbtUniqueId: 'model.jaffle_shop.orders',
        type: 'dbt/model',
      });
      expect(event.outputs![0].schema!.map(f => f.name)).toContain(
        'customer_id',
      );
    });

    it('reads the failing dbt test assertion from the dataset facets, where dbt puts it', () => {
      const test = events.find(
        e =>
          e.event.eventType === 'FAIL' && e.event.job.name.startsWith('test.'),
      )!.event;
      const [event] = openLineageAdapter.normalize(test, ctx);
      expect(event.inputs![0].quality).toEqual([
        expect.objectContaining({
          kind: 'accepted_values',
          success: false,
          column: 'first_name',
        }),
      ]);
    });
  });
});
