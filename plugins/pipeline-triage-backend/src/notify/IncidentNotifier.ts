import type { LoggerService } from '@backstage/backend-plugin-api';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import type { SignalsService } from '@backstage/plugin-signals-node';
import {
  CATEGORY_INFO,
  type RouteDecision,
  type Severity,
} from '@internal/plugin-pipeline-triage-common';
import type { RecordedOccurrence, TriageStore } from '../store';

/** The live-update channel open entity pages listen on. */
export const SIGNAL_CHANNEL = 'pipeline-triage:incidents';

export interface NotifyInput {
  occurrence: RecordedOccurrence;
  route: RouteDecision;
  title: string;
  severity: Severity;
  category: keyof typeof CATEGORY_INFO;
  environment: string;
  /** Entity refs whose pages show this incident. */
  entityRefs: string[];
  /** Where the link in the notification points: the job's triage tab, or the trends page. */
  entityRef?: string;
  quiet: boolean;
}

/**
 * Tells people: a Backstage notification to the routed team (one per incident, updated in place
 * through its scope), and a signal so open pages refresh. Failures are recorded, never thrown:
 * a notification problem must not lose or block the triage result.
 */
export class IncidentNotifier {
  constructor(
    private readonly deps: {
      notifications?: NotificationService;
      signals?: SignalsService;
      store: TriageStore;
      logger: LoggerService;
    },
  ) {}

  async incidentRecorded(input: NotifyInput): Promise<void> {
    const { occurrence, route } = input;
    if (!occurrence.recorded) return;
    await this.publishSignal(input);
    if (input.quiet || !route.notify || !route.recipient) return;
    // Repeats of an acknowledged incident update the record without paging anyone again.
    if (occurrence.kind === 'repeat' && occurrence.status === 'acknowledged') return;
    const recipients = [route.recipient, ...route.copy];
    const at = new Date().toISOString();
    try {
      await this.deps.notifications?.send({
        recipients: { type: 'entity', entityRef: recipients },
        payload: {
          title: input.title.slice(0, 250),
          description: `${route.reason}. Environment: ${input.environment}.`,
          link: input.entityRef ? entityTabLink(input.entityRef) : '/pipeline-triage',
          severity: input.severity,
          topic: 'pipeline-triage',
          scope: `pipeline-triage:incident:${occurrence.incidentId}`,
        },
      });
      await this.deps.store.recordNotification(occurrence.incidentId, {
        at,
        recipients,
        channel: 'backstage',
        status: occurrence.kind === 'new' ? 'sent' : 'updated',
      });
    } catch (error) {
      this.deps.logger.warn(`Notification for incident ${occurrence.incidentId} failed: ${error}`);
      await this.deps.store.recordNotification(occurrence.incidentId, {
        at,
        recipients,
        channel: 'backstage',
        status: 'failed',
        detail: String(error),
      });
    }
  }

  async publishSignal(input: Pick<NotifyInput, 'occurrence' | 'entityRefs'>): Promise<void> {
    try {
      await this.deps.signals?.publish({
        recipients: { type: 'broadcast' },
        channel: SIGNAL_CHANNEL,
        message: { incidentId: input.occurrence.incidentId, entityRefs: input.entityRefs },
      });
    } catch (error) {
      this.deps.logger.debug(`Signal publish failed: ${error}`);
    }
  }
}

/** `component:default/orders-daily` → `/catalog/default/component/orders-daily/pipeline-triage` */
export function entityTabLink(entityRef: string): string {
  const [kind, rest] = entityRef.split(':');
  const [namespace, name] = rest.split('/');
  return `/catalog/${namespace}/${kind}/${name}/pipeline-triage`;
}
