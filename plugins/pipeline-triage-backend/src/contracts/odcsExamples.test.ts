/*
 * Every example contract the ODCS standard publishes must parse, and the parser's verdict must
 * agree with the standard's own JSON schemas (validated here with ajv, at test time only): a
 * contract the schema of its declared version accepts parses with no warnings; one it rejects
 * for using the other version's constructs parses with warnings that say so.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
// ajv is a transitive dependency of the monorepo, used by this test only.
import Ajv2019 from 'ajv/dist/2019';
import { parse as parseYaml } from 'yaml';
import { parseContract } from './parseContract';
import { EXAMPLES_DIR, EXAMPLE_FILES, SPECS_DIR } from './__testUtils__';
import { isContractError } from './types';

const examplesDir = resolve(SPECS_DIR, 'odcs-examples');
const available = existsSync(examplesDir);
if (!available && process.env.CI === 'true') {
  throw new Error(`The ODCS examples are missing from ${examplesDir}`);
}
const describeIfAvailable = available ? describe : describe.skip;

const files = available
  ? readdirSync(examplesDir)
      .filter(f => f.endsWith('.yaml'))
      .sort()
  : [];
const read = (file: string) => readFileSync(resolve(examplesDir, file), 'utf8');

function schemaValidator(version: '3.0.2' | '3.1.0') {
  const ajv = new Ajv2019({
    strict: false,
    allErrors: true,
    validateFormats: false,
  });
  const schema = JSON.parse(
    readFileSync(
      resolve(SPECS_DIR, `odcs-json-schema-v${version}.json`),
      'utf8',
    ),
  );
  return ajv.compile(schema);
}

/** Examples that use ODCS v3.1 constructs while declaring v3.0.2. */
const MIXED_VERSION = [
  'data-types--all-data-types.odcs.yaml', // logicalType timestamp / time
  'quality--column-completeness.odcs.yaml', // quality `metric`
  'stakeholders--basic-four-dpo.odcs.yaml', // team object with members
];

describeIfAvailable('the ODCS standard examples', () => {
  const validators = available
    ? { '3.0': schemaValidator('3.0.2'), '3.1': schemaValidator('3.1.0') }
    : undefined;

  it('are all there', () => {
    expect(files.length).toBeGreaterThanOrEqual(18);
  });

  it.each(files)('%s parses without a thrown error, to a contract', file => {
    const result = parseContract(read(file), { file });
    if (isContractError(result)) throw new Error(result.message);
    expect(result.format).toMatch(/^odcs-3\.[01]$/);
    expect(result.id).toBeTruthy();
  });

  it('parse cleanly, except the ones that mix versions', () => {
    const withWarnings = files.filter(file => {
      const result = parseContract(read(file), { file });
      return isContractError(result) || result.warnings.length > 0;
    });
    expect(withWarnings).toEqual(MIXED_VERSION);
  });

  it.each(files)(
    '%s: warnings agree with the JSON schema of its declared version',
    file => {
      const text = read(file);
      const result = parseContract(text, { file });
      if (isContractError(result)) throw new Error(result.message);
      const validate =
        validators![result.format === 'odcs-3.0' ? '3.0' : '3.1'];
      const valid = validate(parseYaml(text));
      expect({ file, clean: result.warnings.length === 0 }).toEqual({
        file,
        clean: valid,
      });
      // And every example is valid against v3.1.0, which accepts both versions' documents.
      expect(validators!['3.1'](parseYaml(text))).toBe(true);
    },
  );

  it('the full example: owners, SLA, relationships and quality', () => {
    const result = parseContract(read('all--full-example.odcs.yaml'), {});
    if (isContractError(result)) throw new Error(result.message);
    expect(result.owner.team).toBe('my-team');
    expect(result.owner.members.find(m => m.role === 'Owner')?.username).toBe(
      'daustin',
    );
    expect(result.sla.latency?.seconds).toBe(4 * 86400);
    expect(result.tables.map(t => t.name)).toEqual(['tbl', 'receivers']);
    expect(result.tables[0].properties[0]).toMatchObject({
      name: 'transaction_reference_date',
      physicalName: 'txn_ref_dt',
    });
    expect(result.quality.map(q => [q.path, q.metric])).toEqual([
      ['schema[0].quality[0]', 'rowCount'],
      ['schema[0].properties[2].quality[0]', 'nullValues'],
    ]);
    expect(result.support.find(s => s.scope === 'issues')?.channel).toBe(
      'product-issues',
    );
  });

  it('the project example contracts agree with the JSON schemas as well', () => {
    for (const name of [EXAMPLE_FILES.orders, EXAMPLE_FILES.payments]) {
      const text = readFileSync(resolve(EXAMPLES_DIR, name), 'utf8');
      const result = parseContract(text, {});
      if (isContractError(result)) throw new Error(result.message);
      expect(result.warnings).toEqual([]);
      expect(
        validators![result.format === 'odcs-3.0' ? '3.0' : '3.1'](
          parseYaml(text),
        ),
      ).toBe(true);
    }
  });

  it('invalid contracts the parser rejects, the JSON schema rejects too', () => {
    const minimal =
      'apiVersion: v3.1.0\nkind: DataContract\nid: c\nversion: 1.0.0\nstatus: active\n';
    const invalid = [
      `${minimal}schema:\n  - name: t\n    properties:\n      - name: a\n        logicalType: text\n`,
      `${minimal}schema:\n  - name: t\n    properties:\n      - name: a\n        required: maybe\n`,
      `${minimal}schema:\n  - properties: []\n`,
      `${minimal}schema:\n  - name: t\n    quality:\n      - metric: nullCount\n        mustBe: 0\n`,
      `${minimal}slaProperties:\n  - property: latency\n`,
      minimal.replace('status: active\n', ''),
    ];
    for (const text of invalid) {
      expect(isContractError(parseContract(text, {}))).toBe(true);
      expect(validators!['3.1'](parseYaml(text))).toBe(false);
    }
  });
});
