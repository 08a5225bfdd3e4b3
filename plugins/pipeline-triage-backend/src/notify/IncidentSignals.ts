import type { LoggerService } from '@backstage/backend-plugin-api';
import type { SignalsService } from '@backstage/plugin-signals-node';
import {
  INCIDENT_SIGNAL_CHANNEL,
  INVESTIGATION_SIGNAL_CHANNEL,
  type IncidentSignal,
  type InvestigationSignal,
} from '@pipeline-triage/plugin-pipeline-triage-common';

/** Who an incident's signals go to: its job's owner and the team it is routed to. */
export type IncidentAudience = (
  incidentIds: string[],
) => Promise<Map<string, string[]>>;

/**
 * Publishes live updates: ids and a kind only, to the entities that may read the incident under
 * the shipped policy (owner, routed-to). The signals backend delivers a `user` signal to every
 * socket whose user's ownership claims (the user and their groups) include a recipient, so
 * nobody else, and no anonymous socket, hears of the incident. Pages refetch through the
 * permission-checked API. A failure to publish is logged, never thrown.
 */
export class IncidentSignals {
  constructor(
    private readonly deps: {
      signals?: SignalsService;
      audience: IncidentAudience;
      logger: LoggerService;
    },
  ) {}

  async incidentsChanged(incidentIds: string[]): Promise<void> {
    if (!this.deps.signals || incidentIds.length === 0) return;
    try {
      const audience = await this.deps.audience([...new Set(incidentIds)]);
      for (const [incidentId, recipients] of audience) {
        const message: IncidentSignal = {
          kind: 'incident-changed',
          incidentId,
        };
        await this.send(INCIDENT_SIGNAL_CHANNEL, recipients, message);
      }
    } catch (error) {
      this.deps.logger.debug(`Incident signal failed: ${error}`);
    }
  }

  async investigationChanged(message: InvestigationSignal): Promise<void> {
    if (!this.deps.signals) return;
    try {
      const recipients =
        (await this.deps.audience([message.incidentId])).get(
          message.incidentId,
        ) ?? [];
      await this.send(INVESTIGATION_SIGNAL_CHANNEL, recipients, message);
    } catch (error) {
      this.deps.logger.debug(`Investigation signal failed: ${error}`);
    }
  }

  private async send(
    channel: string,
    recipients: string[],
    message: IncidentSignal | InvestigationSignal,
  ) {
    // No owner and no route: nobody the policy names may read it, so nobody is told.
    if (recipients.length === 0) return;
    await this.deps.signals!.publish({
      recipients: { type: 'user', entityRef: recipients },
      channel,
      message,
    });
  }
}
