import type { SchemaField } from '@pipeline-triage/plugin-pipeline-triage-common';
import { observedDrift } from './observedDrift';

const previous: SchemaField[] = [
  { name: 'event_id', type: 'STRING', nullable: false },
  { name: 'user_id', type: 'INT64', nullable: false },
  { name: 'country', type: 'STRING' },
  { name: 'amount', type: 'NUMERIC' },
  { name: 'created_at', type: 'TIMESTAMP' },
];

const drift = (current: SchemaField[]) =>
  observedDrift(previous, current, { tableRef: 'resource:default/events' });

describe('observedDrift', () => {
  it('finds nothing when the schema did not change, or has no history', () => {
    expect(drift(previous)).toEqual([]);
    expect(observedDrift(undefined, previous)).toEqual([]);
    expect(observedDrift([], previous)).toEqual([]);
  });

  it('finds an added column', () => {
    expect(drift([...previous, { name: 'channel', type: 'STRING' }])).toEqual([
      {
        kind: 'observed_drift',
        clause: 'added_column',
        column: 'channel',
        tableRef: 'resource:default/events',
        observed: 'channel (STRING)',
        expected: 'absent, as in the previous schema',
        message: 'Column channel (STRING) appeared in events.',
        evidenceText: 'schema drift: new column channel in events',
      },
    ]);
  });

  it('finds a removed column', () => {
    const [d, ...rest] = drift(previous.filter(f => f.name !== 'country'));
    expect(rest).toEqual([]);
    expect(d).toMatchObject({
      kind: 'observed_drift',
      clause: 'removed_column',
      column: 'country',
      observed: 'absent',
    });
  });

  it('finds a rename instead of a removal and an addition', () => {
    const current = previous.map(f =>
      f.name === 'user_id' ? { ...f, name: 'customer_id' } : f,
    );
    expect(drift(current)).toEqual([
      expect.objectContaining({
        clause: 'renamed_column',
        column: 'user_id',
        newColumn: 'customer_id',
        observed: 'customer_id (INT64)',
        expected: 'user_id (INT64)',
      }),
    ]);
  });

  it('finds a type change, also between types of one family', () => {
    const current = previous.map(f => {
      if (f.name === 'user_id') return { ...f, type: 'STRING' };
      if (f.name === 'amount') return { ...f, type: 'INT64' };
      return f;
    });
    expect(
      drift(current).map(d => [d.clause, d.column, d.expected, d.observed]),
    ).toEqual([
      ['type_changed', 'user_id', 'INT64', 'STRING'],
      ['type_changed', 'amount', 'NUMERIC', 'INT64'],
    ]);
  });

  it('ignores a change of spelling that keeps the logical type, compares unknown types as written', () => {
    const respelled = previous.map(f =>
      f.name === 'country' ? { ...f, type: 'string' } : f,
    );
    expect(drift(respelled)).toEqual([]);
    const geo: SchemaField[] = [{ name: 'g', type: 'GEOGRAPHY' }];
    expect(observedDrift(geo, [{ name: 'g', type: 'BYTES' }])).toEqual([
      expect.objectContaining({
        clause: 'type_changed',
        column: 'g',
        message: 'Column g of the table changed type from GEOGRAPHY to BYTES.',
      }),
    ]);
    expect(observedDrift(geo, [{ name: 'g' }])).toEqual([]);
  });

  it('finds a column that became nullable', () => {
    const current = previous.map(f =>
      f.name === 'event_id' ? { ...f, nullable: true } : f,
    );
    expect(drift(current)).toEqual([
      expect.objectContaining({
        clause: 'nullability_changed',
        column: 'event_id',
        observed: 'nullable',
      }),
    ]);
  });

  it('matches names case-insensitively', () => {
    expect(
      drift(previous.map(f => ({ ...f, name: f.name.toUpperCase() }))),
    ).toEqual([]);
  });
});
