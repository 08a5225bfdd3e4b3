import { genericAdapter } from './generic';
import { fixture, problemsOf, testContext as ctx } from './__testUtils__';

const sample = () => fixture('generic-event.json');

describe('genericAdapter', () => {
  it('accepts the canonical shape as is', () => {
    expect(genericAdapter.normalize(sample(), ctx)).toEqual([sample()]);
  });

  it('fills source, outcome and environment when absent', () => {
    const { source, outcome, environment, ...rest } = sample();
    const [event] = genericAdapter.normalize(rest, {
      ...ctx,
      query: { environment: 'stg' },
    });
    expect(event).toMatchObject({
      source: 'generic',
      outcome: 'fail',
      environment: 'staging',
    });
  });

  it('turns zod issues into problems with dotted paths', () => {
    const payload = sample();
    delete payload.eventTime;
    payload.job.name = '';
    payload.links[0].url = 'logs';
    payload.signals.exitCode = 1.5;
    payload.environment = 'qa';
    const problems = problemsOf(() => genericAdapter.normalize(payload, ctx));
    expect(problems.map(p => p.field).sort()).toEqual(
      [
        'environment',
        'eventTime',
        'job.name',
        'links[0].url',
        'signals.exitCode',
      ].sort(),
    );
    expect(problems).toContainEqual({ field: 'eventTime', reason: 'required' });
  });

  it('recognises the canonical shape, not other sources', () => {
    expect(genericAdapter.detect(sample(), ctx)).toBe(true);
    expect(genericAdapter.detect({ job: { name: 'x' } }, ctx)).toBe(true);
    expect(
      genericAdapter.detect({ source: 'aws.glue', job: { name: 'x' } }, ctx),
    ).toBe(false);
    expect(genericAdapter.detect('text', ctx)).toBe(false);
  });
});
