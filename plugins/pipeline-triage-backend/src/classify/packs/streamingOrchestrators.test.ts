import { extractEvidence } from '../../evidence';
import { classify } from '../classify';
import { lookupVendorCode } from '../vendorCodes/compileTables';
import { jvmExceptionTable } from '../vendorCodes/jvmExceptions';
import { pythonExceptionTable } from '../vendorCodes/pythonExceptions';

const categoryOf = (log: string) =>
  classify(extractEvidence({ logExcerpt: log })).category;

/** Streaming engines and newer orchestrators whose failures used to stay `unknown` (issue 17). */
describe('streaming and orchestrator rules', () => {
  it("reads the Dataflow service's own diagnosis behind the SDK's wrapper", () => {
    const wrap = (cause: string) =>
      [
        `JOB_MESSAGE_ERROR: Workflow failed. Causes: ${cause}`,
        `apache_beam.runners.dataflow.dataflow_runner.DataflowRuntimeException: Dataflow pipeline failed. State: FAILED, Error:\n${cause}`,
      ].join('\n');
    expect(
      categoryOf(
        wrap(
          'Unable to bring up enough workers: minimum 2, actual 0. Please check your quota and retry later, or please try in a different zone.',
        ),
      ),
    ).toBe('resource_exhaustion');
    expect(
      categoryOf(
        wrap(
          'S07:read failed., A work item was attempted 4 times without success. Each time the worker eventually lost contact with the service.',
        ),
      ),
    ).toBe('infrastructure');
    expect(
      categoryOf(
        wrap(
          'The Dataflow job appears to be stuck because no worker activity has been seen in the last 1h.',
        ),
      ),
    ).toBe('infrastructure');
    // The bare wrapper says nothing about the cause.
    expect(
      categoryOf(
        'apache_beam.runners.dataflow.dataflow_runner.DataflowRuntimeException: Dataflow pipeline failed. State: FAILED, Error:',
      ),
    ).toBe('unknown');
  });

  it('reads a dlt schema contract in freeze mode as schema drift, in either wording', () => {
    expect(
      categoryOf(
        'dlt.common.schema.exceptions.DataValidationError: In schema `crm`: In Table: `deals` Column: `stage_v2` . Contract on `columns` with `contract_mode=freeze` is violated.',
      ),
    ).toBe('schema_drift');
    expect(
      categoryOf(
        'dlt.pipeline.exceptions.PipelineStepFailed: Pipeline execution failed at step=normalize with exception:\nTrying to create new variant column amount__v_text to table payments but data_types are frozen.',
      ),
    ).toBe('schema_drift');
  });

  it('classifies exception classes by family, including ones no rule names', () => {
    expect(
      lookupVendorCode(
        jvmExceptionTable,
        'org.apache.kafka.streams.errors.TaskMigratedException',
      ),
    ).toMatchObject({ category: 'infrastructure', transient: true });
    expect(
      lookupVendorCode(
        jvmExceptionTable,
        'org.apache.kafka.common.errors.CoordinatorLoadInProgressException',
      ),
    ).toMatchObject({ category: 'dependency_unavailable', transient: true });
    // Not retriable: the same record is too large on every attempt.
    expect(
      lookupVendorCode(
        jvmExceptionTable,
        'org.apache.kafka.common.errors.RecordTooLargeException',
      )?.transient,
    ).toBeUndefined();
    // A dlt DataValidationError from any module of the package.
    expect(
      lookupVendorCode(
        pythonExceptionTable,
        'dlt.common.schema.exceptions.DataValidationError',
      )?.category,
    ).toBe('schema_drift');
    expect(
      lookupVendorCode(pythonExceptionTable, 'pydantic.DataValidationError'),
    ).toBeUndefined();
  });

  it('reads a Flink slot request the cluster can never serve as infrastructure', () => {
    expect(
      categoryOf(
        'Caused by: org.apache.flink.runtime.resourcemanager.exceptions.UnfulfillableSlotRequestException: Could not fulfill slot request 7f56. Requested resource profile (ResourceProfile{cpuCores=8}) is unfulfillable.',
      ),
    ).toBe('infrastructure');
  });
});
