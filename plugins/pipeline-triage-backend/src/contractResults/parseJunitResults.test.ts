import { parseJunitResults } from './parseJunitResults';

/** A suite as datacontract/output/junit_test_results.py writes it. */
const suite = (cases: string, wrap = (s: string) => s) =>
  wrap(`<?xml version="1.0" ?>
<testsuite id="0b8f5e7a-3c2d-4e1f-9a6b-7c8d9e0f1a2b" name="orders-contract" tests="3" timestamp="2026-12-07T07:15:00.120000" time="1.5">
  <properties>
    <property name="dataContractId" value="orders-contract"/>
    <property name="server" value="production"/>
  </properties>
${cases}
</testsuite>`);

describe('parseJunitResults', () => {
  it('reads passed, failed, error, warning and skipped checks as datacontract-cli writes them', () => {
    const run = parseJunitResults(
      suite(`
  <testcase classname="orders.order_id" name="orders__order_id__field_unique"/>
  <testcase classname="orders.status" name="orders__status__field_enum">
    <skipped message="Invalid values: 2" type="quality">Name: Check that field status only contains enum values
Result: warning
Reason: Invalid values: 2</skipped>
  </testcase>
  <testcase classname="orders" name="orders__row_count">
    <skipped message="Skipped" type="quality"/>
  </testcase>
  <testcase classname="orders.amount" name="orders__amount__field_required">
    <failure message="Missing values: 7" type="quality">Name: Check that field amount has no missing values
Result: failed</failure>
  </testcase>
  <testcase classname="general" name="connection">
    <error message="Connection refused" type="test"/>
  </testcase>`),
    );
    expect(run).toMatchObject({
      format: 'junit',
      runId: '0b8f5e7a-3c2d-4e1f-9a6b-7c8d9e0f1a2b',
      dataContractId: 'orders-contract',
      server: 'production',
      at: '2026-12-07T07:15:00.120Z',
    });
    expect(
      run.checks.map(c => [c.model, c.field, c.type, c.result, c.reason]),
    ).toEqual([
      ['orders', 'order_id', 'field_unique', 'passed', undefined],
      ['orders', 'status', 'field_enum', 'warning', 'Invalid values: 2'],
      ['orders', undefined, 'row_count', 'skipped', 'Skipped'],
      ['orders', 'amount', 'field_required', 'failed', 'Missing values: 7'],
      [undefined, undefined, 'connection', 'error', 'Connection refused'],
    ]);
    expect(run.checks[3].name).toBe(
      'Check that field amount has no missing values',
    );
  });

  it('takes one suite wrapped in <testsuites>, and refuses two', () => {
    const one = suite(
      '<testcase classname="orders" name="orders__row_count"/>',
      s =>
        `<testsuites>${s.replace('<?xml version="1.0" ?>', '')}</testsuites>`,
    );
    expect(parseJunitResults(one).checks).toHaveLength(1);
    const body = suite('').replace('<?xml version="1.0" ?>', '');
    expect(() =>
      parseJunitResults(`<testsuites>${body}${body}</testsuites>`),
    ).toThrow('testsuites: 2 test suites');
  });
});
