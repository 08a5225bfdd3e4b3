import { ConfigReader } from '@backstage/config';
import { NoisePolicy } from './NoisePolicy';

describe('NoisePolicy', () => {
  it('mutes entities inside their maintenance window only', () => {
    let now = Date.parse('2026-11-20T01:00:00Z');
    const policy = new NoisePolicy({
      muteWindows: [
        {
          entityRef: 'component:default/orders',
          from: '2026-11-20T00:00:00.000Z',
          to: '2026-11-20T02:00:00.000Z',
          reason: 'migration',
        },
      ],
      maxPerTeamPerHour: 100,
      now: () => now,
    });
    expect(
      policy.suppression(['component:default/orders'], 'group:default/a'),
    ).toMatch(/muted: .*until 2026-11-20T02:00:00.000Z \(migration\)/);
    expect(
      policy.suppression(['component:default/other'], 'group:default/a'),
    ).toBeUndefined();
    now = Date.parse('2026-11-20T02:00:00Z');
    expect(
      policy.suppression(['component:default/orders'], 'group:default/a'),
    ).toBeUndefined();
  });

  it('limits notifications per team per hour, sliding', () => {
    let now = 0;
    const policy = new NoisePolicy({
      muteWindows: [],
      maxPerTeamPerHour: 2,
      now: () => now,
    });
    expect(policy.suppression([], 'group:default/a')).toBeUndefined();
    expect(policy.suppression([], 'group:default/a')).toBeUndefined();
    expect(policy.suppression([], 'group:default/a')).toMatch(/rate limited/);
    expect(policy.suppression([], 'group:default/b')).toBeUndefined();
    now = 3600_001;
    expect(policy.suppression([], 'group:default/a')).toBeUndefined();
  });

  it('reads windows and the budget from config', () => {
    const policy = NoisePolicy.fromConfig(
      new ConfigReader({
        pipelineTriage: {
          noise: {
            maxNotificationsPerTeamPerHour: 1,
            muteWindows: [
              {
                entityRef: 'Component:default/X',
                from: '2000-01-01T00:00:00Z',
                to: '2999-01-01T00:00:00Z',
              },
            ],
          },
        },
      }),
    );
    expect(
      policy.suppression(['component:default/x'], 'group:default/a'),
    ).toMatch(/muted/);
    expect(policy.suppression([], 'group:default/a')).toBeUndefined();
    expect(policy.suppression([], 'group:default/a')).toMatch(/rate limited/);
  });
});
