import { z } from 'zod';
import { environmentHint, resolveEnvironment } from './environment';
import {
  FieldReader,
  compact,
  pathToString,
  toIsoTime,
  zodProblems,
} from './fields';

describe('fields', () => {
  it('reads the times schedulers send', () => {
    expect(toIsoTime('2026-11-20T02:00:00+00:00')).toBe(
      '2026-11-20T02:00:00+00:00',
    );
    expect(toIsoTime('2026-11-20 02:00:00.123456+00:00')).toBe(
      '2026-11-20T02:00:00.123456+00:00',
    );
    expect(toIsoTime('2026-11-20T02:00:00')).toBe('2026-11-20T02:00:00Z');
    expect(toIsoTime(1795140000)).toBe('2026-11-20T02:00:00.000Z');
    expect(toIsoTime(1795140000123)).toBe('2026-11-20T02:00:00.123Z');
    expect(toIsoTime('yesterday')).toBeUndefined();
    expect(toIsoTime('12')).toBeUndefined();
    expect(toIsoTime(-5)).toBeUndefined();
  });

  it('resolves the environment: payload, query, hints, default', () => {
    const ctx = (environment?: string) => ({
      query: { environment },
      defaultEnvironment: 'dev' as const,
    });
    expect(resolveEnvironment(ctx('staging'), ['Production'], ['x-dev'])).toBe(
      'prod',
    );
    expect(resolveEnvironment(ctx('stg'), ['qa'], ['x-dev'])).toBe('staging');
    expect(resolveEnvironment(ctx(), [], ['airflow-prod-eu'])).toBe('prod');
    expect(resolveEnvironment(ctx(), [], ['warehouse'])).toBe('dev');
    expect(environmentHint('products')).toBeUndefined();
  });

  it('names paths the way senders read them', () => {
    expect(pathToString(['inputs', 0, 'facets', 'schema'])).toBe(
      'inputs[0].facets.schema',
    );
    expect(pathToString([])).toBe('(root)');
    const result = z
      .object({ a: z.array(z.object({ b: z.string() })) })
      .safeParse({ a: [{ b: 1 }] });
    expect(zodProblems(result.error!)).toEqual([
      { field: 'a[0].b', reason: 'expected a string' },
    ]);
  });

  it('treats null as absent and collects every problem', () => {
    const r = new FieldReader();
    expect(r.string(null, 'a')).toBeUndefined();
    r.string(1, 'b');
    r.integer(1.5, 'c');
    r.requiredString('  ', 'd');
    expect(r.problems).toEqual([
      { field: 'b', reason: 'expected a string' },
      { field: 'c', reason: 'expected an integer' },
      { field: 'd', reason: 'expected a non-empty string' },
    ]);
    expect(() => r.check()).toThrow(
      'b: expected a string; c: expected an integer; d: expected a non-empty string',
    );
  });

  it('drops empty values', () => {
    expect(
      compact({
        a: undefined,
        b: [],
        c: {},
        d: { e: undefined },
        f: [1, undefined],
        g: 0,
        h: '',
      }),
    ).toEqual({
      f: [1],
      g: 0,
      h: '',
    });
  });
});
