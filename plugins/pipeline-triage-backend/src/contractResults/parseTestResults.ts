import { InputError } from '@backstage/errors';
import { parseJunitResults } from './parseJunitResults';
import { parseTestRunJson } from './parseTestRunJson';
import type { ContractTestRun } from './types';

/** The XML types JUnit reports are posted as; JSON is the published run. */
export const XML_TYPES = ['application/xml', 'text/xml', 'application/*+xml'];

/** A test run from its body, by content type: a published run (JSON) or JUnit XML. */
export function parseTestResults(
  body: unknown,
  contentType: string | undefined,
): ContractTestRun {
  const type = (contentType ?? '').split(';')[0].trim().toLocaleLowerCase();
  if (body === undefined || body === '' || type === '')
    throw new InputError(
      'body: missing; post the test run as application/json (datacontract test --publish) or its JUnit report as application/xml',
    );
  if (type === 'application/json' || type.endsWith('+json'))
    return parseTestRunJson(body);
  if (type.endsWith('/xml') || type.endsWith('+xml')) {
    if (typeof body !== 'string')
      throw new InputError('body: expected JUnit XML text');
    return parseJunitResults(body);
  }
  throw new InputError(
    `content-type: ${type} is not accepted; post application/json (datacontract test --publish) or application/xml (datacontract test --output-format junit)`,
  );
}
