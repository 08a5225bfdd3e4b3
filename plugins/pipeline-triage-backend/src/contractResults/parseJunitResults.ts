import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { InputError } from '@backstage/errors';
import { hasUnstorable } from '../ingest';
import type { CheckResult, ContractTestRun, TestCheck } from './types';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  textNodeName: 'text',
  parseAttributeValue: false,
  parseTagValue: false,
  isArray: name => ['testsuite', 'testcase', 'property'].includes(name),
});

type Node = Record<string, any>;

const str = (v: unknown) =>
  typeof v === 'string' && v.trim() ? v.trim() : undefined;

/** `Result: warning` in the element text (datacontract-cli writes warnings as `<skipped>`). */
const resultLine = (text: unknown) =>
  typeof text === 'string' ? /^Result: (\w+)$/m.exec(text)?.[1] : undefined;

/** The check name datacontract-cli writes as the first line of a failure's text. */
const nameLine = (text: unknown) =>
  typeof text === 'string' ? /^Name: (.+)$/m.exec(text)?.[1] : undefined;

function outcome(testcase: Node): {
  result: CheckResult;
  detail?: Node;
} {
  const first = (name: string) =>
    testcase[name] === undefined
      ? undefined
      : ((Array.isArray(testcase[name])
          ? testcase[name][0]
          : testcase[name]) as Node | string);
  const asNode = (v: Node | string | undefined): Node | undefined => {
    if (typeof v === 'string') return { text: v };
    return v;
  };
  const failure = asNode(first('failure'));
  if (failure) return { result: 'failed', detail: failure };
  const error = asNode(first('error'));
  if (error) return { result: 'error', detail: error };
  const skipped = asNode(first('skipped'));
  if (skipped)
    return {
      result: resultLine(skipped.text) === 'warning' ? 'warning' : 'skipped',
      detail: skipped,
    };
  return { result: 'passed' };
}

/**
 * A check from a testcase as datacontract-cli's junit writer (datacontract/output/
 * junit_test_results.py) builds it: classname `model.field`, name the check key
 * `model__field__type`, the reason in the failure's message attribute.
 */
function toCheck(testcase: Node): TestCheck {
  const classname = str(testcase.classname);
  const [model, ...rest] =
    classname && classname !== 'general' ? classname.split('.') : [];
  const key = str(testcase.name);
  const { result, detail } = outcome(testcase);
  return {
    key,
    type: key?.includes('__') ? key.slice(key.lastIndexOf('__') + 2) : key,
    name: nameLine(detail?.text) ?? key,
    category: str(detail?.type),
    model,
    field: rest.length ? rest.join('.') : undefined,
    result,
    reason: str(detail?.message),
  };
}

/** `2026-12-07T16:04:50.123456`: written without a zone, in UTC. */
function utc(timestamp: string | undefined): string {
  if (!timestamp) return new Date().toISOString();
  const zoned = /(Z|[+-]\d\d:?\d\d)$/.test(timestamp)
    ? timestamp
    : `${timestamp}Z`;
  const at = new Date(zoned);
  if (Number.isNaN(at.getTime()))
    throw new InputError(
      `testsuite.timestamp: not a date: ${timestamp.slice(0, 40)}`,
    );
  return at.toISOString();
}

/** JUnit XML of `datacontract test --output-format junit`; a 400 names what is missing. */
export function parseJunitResults(xml: string): ContractTestRun {
  if (hasUnstorable(xml))
    throw new InputError(
      'body: contains a NUL or an unpaired surrogate, which cannot be stored',
    );
  const valid = XMLValidator.validate(xml);
  if (valid !== true)
    throw new InputError(
      `body: not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`,
    );
  const doc = parser.parse(xml) as Node;
  const suites: Node[] = doc.testsuite ?? doc.testsuites?.testsuite ?? [];
  if (suites.length !== 1)
    throw new InputError(
      suites.length
        ? `testsuites: ${suites.length} test suites; post one datacontract test run per request`
        : 'testsuite: missing; expected the JUnit XML of datacontract test --output-format junit',
    );
  const suite = suites[0];
  const properties = new Map<string, string>();
  for (const p of (suite.properties?.property ?? []) as Node[]) {
    const name = str(p.name);
    const value = str(p.value);
    if (name && value) properties.set(name, value);
  }
  const dataContractId =
    properties.get('dataContractId') ??
    (str(suite.name) !== 'Data Contract' ? str(suite.name) : undefined);
  if (!dataContractId)
    throw new InputError(
      'testsuite.properties.dataContractId: missing; datacontract-cli writes it when the contract has an id',
    );
  const runId = str(suite.id);
  if (!runId)
    throw new InputError(
      'testsuite.id: missing; datacontract-cli writes the run id there',
    );
  if (runId.length > 36)
    throw new InputError(
      'testsuite.id: expected the run id datacontract-cli writes (a UUID)',
    );
  if (dataContractId.length > 255)
    throw new InputError('dataContractId: longer than 255 characters');
  const testcases = (suite.testcase ?? []) as Node[];
  if (testcases.length > 10_000)
    throw new InputError('testsuite.testcase: more than 10000 checks');
  return {
    format: 'junit',
    runId,
    dataContractId,
    dataContractVersion: properties.get('dataContractVersion'),
    server: properties.get('server'),
    at: utc(str(suite.timestamp)),
    checks: testcases.map(toCheck),
  };
}
