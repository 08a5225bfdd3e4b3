import type { Config } from '@backstage/config';

export interface MuteWindow {
  entityRef: string;
  from: string;
  to: string;
  reason?: string;
}

/**
 * What keeps notifications useful: maintenance windows mute an entity, and a per-team budget
 * stops a bad night from burying a team. Counts are per backend instance.
 */
export class NoisePolicy {
  private readonly sent = new Map<string, number[]>();

  constructor(
    private readonly options: {
      muteWindows: MuteWindow[];
      maxPerTeamPerHour: number;
      now?: () => number;
    },
  ) {}

  static fromConfig(config: Config): NoisePolicy {
    const c = config.getOptionalConfig('pipelineTriage.noise');
    return new NoisePolicy({
      muteWindows: (c?.getOptionalConfigArray('muteWindows') ?? []).map(w => ({
        entityRef: w.getString('entityRef').toLocaleLowerCase('en-US'),
        from: new Date(w.getString('from')).toISOString(),
        to: new Date(w.getString('to')).toISOString(),
        reason: w.getOptionalString('reason'),
      })),
      maxPerTeamPerHour:
        c?.getOptionalNumber('maxNotificationsPerTeamPerHour') ?? 30,
    });
  }

  /** Why a notification to `recipient` about these entities must not go out now, if so. */
  suppression(entityRefs: string[], recipient: string): string | undefined {
    const now = this.options.now?.() ?? Date.now();
    const at = new Date(now).toISOString();
    const refs = new Set(entityRefs.map(r => r.toLocaleLowerCase('en-US')));
    const mute = this.options.muteWindows.find(
      w => refs.has(w.entityRef) && w.from <= at && at < w.to,
    );
    if (mute)
      return `muted: ${mute.entityRef} is in a maintenance window until ${
        mute.to
      }${mute.reason ? ` (${mute.reason})` : ''}`;
    const recent = (this.sent.get(recipient) ?? []).filter(
      t => t > now - 3600_000,
    );
    this.sent.set(recipient, recent);
    if (recent.length >= this.options.maxPerTeamPerHour) {
      return `rate limited: ${recipient} already got ${recent.length} notifications in the last hour`;
    }
    recent.push(now);
    return undefined;
  }
}
